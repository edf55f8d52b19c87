"""The Flask app around the checks: body limits, envelope shape, logging, insecure mode, serve."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from skill.web import create_app
from skill.web.app import INSECURE_WARNING
from skill.web.server import serve

from .support import (
    CERT_URL,
    NOW,
    OTHER_SKILL_ID,
    SECRET_SLOT_VALUE,
    SKILL_ID,
    SKILL_RESPONSE,
    FakeFetcher,
    Pki,
    encode,
    envelope,
    fake_handler,
    make_app,
    rejection_reasons,
)

Headers = Callable[..., dict[str, str]]


def test_healthz_answers_ok(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.data) == (200, b"ok")


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_on_the_skill_route_answer_405(client: FlaskClient, method: str) -> None:
    assert client.open("/", method=method).status_code == 405


def test_checks_on_require_a_skill_id() -> None:
    with pytest.raises(ValueError, match="skill id"):
        create_app(fake_handler, skill_id=None)


def test_body_over_128_kib_answers_400_before_any_check(
    client: FlaskClient, signed_headers: Headers, fetcher: FakeFetcher
) -> None:
    body = b" " * (128 * 1024) + encode(envelope())
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert fetcher.calls == []


def test_streamed_body_over_the_limit_answers_400(
    client: FlaskClient, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    body = b" " * (128 * 1024 + 1)
    response = client.post(
        "/",
        input_stream=io.BytesIO(body),
        headers=signed_headers(body) | {"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 400
    assert rejection_reasons(caplog.records) == ["body_too_large"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "body_not_json"),
        (b"\xff\xfe{}", "body_not_json"),
        (b'{"request": NaN}', "body_not_json"),
        (b"[" * 50_000 + b"]" * 50_000, "body_not_json"),
        (b"[1, 2]", "body_not_object"),
        (b'"text"', "body_not_object"),
        (b"{}", "envelope_no_request"),
        (b'{"request": []}', "envelope_no_request"),
        (b'{"request": {"type": 7}}', "envelope_no_request_type"),
        (b'{"request": {"type": "LaunchRequest"}, "session": 3}', "envelope_bad_session"),
        (b'{"request": {"type": "LaunchRequest"}, "context": []}', "envelope_bad_context"),
        (b'{"request": {"type": "LaunchRequest"}}', "timestamp_missing"),
    ],
)
def test_signed_but_malformed_envelope_answers_400(
    client: FlaskClient,
    signed_headers: Headers,
    caplog: pytest.LogCaptureFixture,
    body: bytes,
    reason: str,
) -> None:
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert rejection_reasons(caplog.records) == [reason]


def _log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{record.getMessage()} {record.args!r}" for record in caplog.records)


@pytest.mark.parametrize("defect", ["tampered", "not_json", "other_skill", "stale"])
def test_failed_check_logs_the_reason_and_no_request_content(
    client: FlaskClient, signed_headers: Headers, caplog: pytest.LogCaptureFixture, defect: str
) -> None:
    event = envelope(skill_id=OTHER_SKILL_ID if defect == "other_skill" else SKILL_ID)
    if defect == "stale":
        event["request"]["timestamp"] = "2001-01-01T00:00:00Z"
    body = encode(event)
    headers = signed_headers(body)
    if defect == "tampered":
        body = body.replace(b"IntentRequest", b"LaunchRequest")
    if defect == "not_json":
        body = body[:-1]
        headers = signed_headers(body)
    caplog.set_level(logging.DEBUG)
    assert client.post("/", data=body, headers=headers).status_code == 400
    assert len(rejection_reasons(caplog.records)) == 1
    text = _log_text(caplog)
    assert "request rejected: " in text
    for secret in (
        SECRET_SLOT_VALUE,
        "SECRET-SESSION",
        "SECRET-USER",
        SKILL_ID,
        OTHER_SKILL_ID,
        headers["Signature-256"][:16],
        CERT_URL,
        "echo-api-cert",
    ):
        assert secret not in text


def test_handler_exception_answers_500_and_logs_only_the_type(
    pki: Pki, fetcher: FakeFetcher, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: dict[str, Any], context: Any) -> dict[str, Any]:
        raise ValueError(event["request"]["intent"]["slots"]["location"]["value"])

    client = make_app(pki, fetcher, handler=broken).test_client()
    body = encode(envelope())
    response = client.post("/", data=body, headers=signed_headers(body))
    assert (response.status_code, response.data) == (500, b"")
    assert "ValueError" in caplog.text
    assert SECRET_SLOT_VALUE not in _log_text(caplog)


def test_handler_returning_a_non_object_answers_500(
    pki: Pki, fetcher: FakeFetcher, signed_headers: Headers
) -> None:
    client = make_app(pki, fetcher, handler=lambda event, context: ["not", "an", "object"])
    body = encode(envelope())
    assert client.test_client().post("/", data=body, headers=signed_headers(body)).status_code == (
        500
    )


def test_handler_receives_the_parsed_envelope_and_no_context(
    pki: Pki, fetcher: FakeFetcher, signed_headers: Headers
) -> None:
    seen: list[tuple[dict[str, Any], Any]] = []

    def recording(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append((event, context))
        return SKILL_RESPONSE

    client = make_app(pki, fetcher, handler=recording).test_client()
    body = encode(envelope())
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 200
    assert seen == [(json.loads(body), None)]


def test_insecure_mode_accepts_unsigned_requests_and_warns_on_every_request(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = create_app(fake_handler, skill_id=None, verify=False).test_client()
    stale = envelope(moment=NOW.replace(year=2001))
    for _ in range(3):
        response = client.post("/", data=encode(stale))
        assert response.status_code == 200
        assert response.get_json() == SKILL_RESPONSE
    warnings = [
        r for r in caplog.records if r.levelno == logging.WARNING and r.msg == INSECURE_WARNING
    ]
    assert len(warnings) == 3


def test_insecure_mode_still_enforces_body_size_and_json_shape(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = create_app(fake_handler, skill_id=None, verify=False).test_client()
    assert client.post("/", data=b"x" * (128 * 1024 + 1)).status_code == 400
    assert client.post("/", data=b"[]").status_code == 400
    assert rejection_reasons(caplog.records) == ["body_too_large", "body_not_object"]
    assert [r.msg for r in caplog.records].count(INSECURE_WARNING) == 2


def test_insecure_mode_checks_the_skill_id_when_one_is_given() -> None:
    client = create_app(fake_handler, skill_id=SKILL_ID, verify=False).test_client()
    assert client.post("/", data=encode(envelope())).status_code == 200
    assert client.post("/", data=encode(envelope(skill_id=OTHER_SKILL_ID))).status_code == 400


def test_serve_without_skill_id_exits_2_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ALEXA_SKILL_ID", raising=False)
    assert serve([]) == 2
    assert "ALEXA_SKILL_ID is not set" in capsys.readouterr().err


def test_serve_with_certfile_but_no_keyfile_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    with pytest.raises(SystemExit) as exit_info:
        serve(["--certfile", "server.pem"])
    assert exit_info.value.code == 2


def test_serve_with_unreadable_trusted_roots_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    assert serve(["--trusted-roots", str(tmp_path / "missing.pem")]) == 2
    assert "--trusted-roots" in capsys.readouterr().err


def test_serve_with_unreadable_tls_files_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    missing = str(tmp_path / "missing.pem")
    assert serve(["--port", "0", "--certfile", missing, "--keyfile", missing]) == 2
    assert "cannot start" in capsys.readouterr().err
