"""The HTTP client under the SDK's service clients: HTTPS only (loopback for the simulator), a
deadline on every call, and every failure an ApiClientException."""

import threading
import time

import pytest
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client_request import ApiClientRequest

from skill.alexa.api_client import ApiClient
from skill.simulator.services import LocalServices


def request(url, method="GET", body=None):
    headers = [("Content-type", "application/json")]
    return ApiClientRequest(url=url, method=method, headers=headers, body=body)


@pytest.fixture
def served():
    release = threading.Event()

    def slow(method, path, headers, body):
        release.wait(5)
        return 200, {}

    with LocalServices() as services:
        services.add("/echo", lambda m, p, h, b: (200, {"method": m, "body": b.decode()}))
        services.add("/slow", slow)
        yield services
        release.set()


@pytest.mark.parametrize("url", ["http://example.com/x", "http://10.0.0.1/x", "ftp://127.0.0.1/"])
def test_plain_http_is_refused_except_to_this_machine(url):
    for client in (ApiClient(), ApiClient(loopback=True)):
        with pytest.raises(ApiClientException):
            client.invoke(request(url))


def test_loopback_is_allowed_only_when_asked_for(served):
    url = served.endpoint + "/echo"
    with pytest.raises(ApiClientException):
        ApiClient().invoke(request(url))
    answer = ApiClient(loopback=True).invoke(request(url, "POST", {"a": 1}))
    assert answer.status_code == 200
    assert '"method": "POST"' in answer.body and '{\\"a\\": 1}' in answer.body


def test_a_late_answer_is_a_failure_within_the_deadline(served):
    client = ApiClient((1.0, 0.3), loopback=True)
    started = time.monotonic()
    with pytest.raises(ApiClientException):
        client.invoke(request(served.endpoint + "/slow"))
    assert time.monotonic() - started < 2


def test_an_unknown_method_is_refused(served):
    with pytest.raises(ApiClientException):
        ApiClient(loopback=True).invoke(request(served.endpoint + "/echo", "BREW"))


def test_the_skill_makes_its_http_client_only_on_the_first_service_call():
    """A launch that calls no service never imports the HTTP stack (a cold-start cost)."""
    import subprocess
    import sys

    code = (
        "import sys; import skill.lambda_function; "
        "print('requests' in sys.modules, 'skill.alexa.api_client' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_lazy_client_calls_through_the_deadline_client(monkeypatch):
    from skill.alexa import api_client
    from skill.alexa.service_client import LazyApiClient

    made = []

    class Recorder:
        def __init__(self, *, loopback: bool = False):
            made.append(loopback)

        def invoke(self, request):
            return ("answered", request.url)

    monkeypatch.setattr(api_client, "ApiClient", Recorder)
    client = LazyApiClient(loopback=True)
    assert made == []
    assert client.invoke(request("https://api.amazonalexa.com/x")) == (
        "answered",
        "https://api.amazonalexa.com/x",
    )
    client.invoke(request("https://api.amazonalexa.com/y"))
    assert made == [True]
