"""The API client the skill is built with: the HTTP client under it is made on the first
service call, so that a launch that calls no service never imports the HTTP stack."""

from ask_sdk_model.services.api_client import ApiClient as BaseApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse


class LazyApiClient(BaseApiClient):
    """skill.alexa.api_client.ApiClient, made when first used (`loopback` as there)."""

    def __init__(self, *, loopback: bool = False) -> None:
        self.loopback = loopback
        self._client: BaseApiClient | None = None

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Call the service, making the HTTP client now if this is the first call."""
        if self._client is None:
            from skill.alexa.api_client import ApiClient

            self._client = ApiClient(loopback=self.loopback)
        response: ApiClientResponse = self._client.invoke(request)
        return response
