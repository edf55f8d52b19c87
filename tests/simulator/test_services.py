"""The local service server: prefixes, the longest one winning, recorded requests, failures."""

import json
import urllib.error
import urllib.request

import pytest

from skill.simulator.services import LocalServices


def call(url, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw else None


def test_the_longest_matching_prefix_answers_and_every_request_is_recorded():
    with LocalServices() as services:
        services.add("/v1", lambda m, p, h, b: (200, {"who": "short"}))
        services.add("/v1/alerts/reminders", lambda m, p, h, b: (201, {"who": "long", "path": p}))
        assert services.endpoint.startswith("http://127.0.0.1:")
        assert call(services.endpoint + "/v1/other") == (200, {"who": "short"})
        status, body = call(services.endpoint + "/v1/alerts/reminders/x", "POST", {"a": 1})
        assert (status, body["who"], body["path"]) == (201, "long", "/v1/alerts/reminders/x")
        assert services.requests == [
            ("GET", "/v1/other", b""),
            ("POST", "/v1/alerts/reminders/x", b'{"a": 1}'),
        ]


def test_an_unknown_path_is_not_found_and_a_broken_handler_a_server_error():
    def broken(method, path, headers, body):
        raise RuntimeError("broken")

    with LocalServices() as services:
        services.add("/broken", broken)
        assert call(services.endpoint + "/nothing")[0] == 404
        assert call(services.endpoint + "/broken")[0] == 500


def test_an_empty_body_is_sent_as_none_and_headers_reach_the_handler():
    seen = {}

    def handler(method, path, headers, body):
        seen.update(headers)
        return 204, None

    with LocalServices() as services:
        services.add("/", handler)
        assert call(services.endpoint + "/x", "DELETE") == (204, None)
    assert seen["content-type"] == "application/json"


def test_the_endpoint_needs_a_running_server():
    with pytest.raises(RuntimeError):
        _ = LocalServices().endpoint
