"""The HTTP client under the SDK's service clients: the SDK's own, with a deadline on each call."""

import ipaddress
import json
from collections.abc import Callable
from functools import partial
from typing import Any

import requests
from ask_sdk_core.api_client import DefaultApiClient
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse
from urllib3.util import parse_url

DEADLINE = (2.0, 3.0)
"""Seconds to connect and to wait for an answer: a service call must leave room in Alexa's
8 seconds for the response, which always comes (a late service is a failure like any other)."""


class ApiClient(DefaultApiClient):
    """DefaultApiClient with a deadline on every call. HTTPS only, as the SDK requires, unless
    `loopback` allows plain HTTP to this machine (the simulator's local services)."""

    def __init__(self, deadline: tuple[float, float] = DEADLINE, *, loopback: bool = False):
        self.deadline = deadline
        self.loopback = loopback

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Call the service; any failure, a late answer included, is an ApiClientException."""
        url = parse_url(request.url)
        if url.scheme != "https" and not (self.loopback and _is_loopback(url.host)):
            raise ApiClientException("only HTTPS endpoints are allowed")
        try:
            headers = self._convert_list_tuples_to_dict(headers_list=request.headers)
            data: Any = request.body
            if request.body and "json" in (headers.get("Content-type") or ""):
                data = json.dumps(request.body)
            answer = self._method(request)(url=request.url, headers=headers, data=data)
        except Exception as error:
            raise ApiClientException(f"request failed: {type(error).__name__}") from None
        return ApiClientResponse(
            headers=self._convert_dict_to_list_tuples(dict(answer.headers)),
            status_code=answer.status_code,
            body=answer.text,
        )

    def _method(self, request: ApiClientRequest) -> Callable[..., requests.Response]:
        method = getattr(requests, (request.method or "").lower(), None)
        if method not in (requests.get, requests.post, requests.put, requests.delete):
            raise ApiClientException(f"not an HTTP method: {request.method}")
        return partial(method, timeout=self.deadline, allow_redirects=False)


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return False
