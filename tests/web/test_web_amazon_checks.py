"""Amazon's security test cases, end to end through the Flask app with signed requests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from flask.testing import FlaskClient

from .support import (
    NOW,
    OTHER_SKILL_ID,
    SKILL_RESPONSE,
    FakeFetcher,
    Pki,
    encode,
    envelope,
    make_app,
    rejection_reasons,
    sign,
)

Headers = Callable[..., dict[str, str]]


def test_valid_signed_request_answers_200_with_the_handler_response(
    client: FlaskClient, signed_headers: Headers
) -> None:
    body = encode(envelope())
    response = client.post("/", data=body, headers=signed_headers(body))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == SKILL_RESPONSE


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://S3.AMAZONAWS.COM/echo.api/cert",
        "https://s3.amazonaws.com:443/echo.api/cert",
        "https://s3.amazonaws.com/echo.api/../echo.api/cert",
    ],
)
def test_cert_url_variants_allowed_by_amazon_are_accepted(
    client: FlaskClient, signed_headers: Headers, fetcher: FakeFetcher, url: str
) -> None:
    body = encode(envelope())
    response = client.post("/", data=body, headers=signed_headers(body, url))
    assert response.status_code == 200
    assert fetcher.calls[0][0] == "https://s3.amazonaws.com/echo.api/cert"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "cert_url_bad_scheme"),
        ("https://notamazon.com/echo.api/echo-api-cert.pem", "cert_url_bad_host"),
        ("https://s3.amazonaws.com.evil.example/echo.api/c.pem", "cert_url_bad_host"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "cert_url_bad_path"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "cert_url_bad_path"),
        ("https://s3.amazonaws.com/echo.api/../invalid.path/c.pem", "cert_url_bad_path"),
        ("https://s3.amazonaws.com/echo.api/../../echo.api/c.pem", "cert_url_bad_path"),
        ("https://s3.amazonaws.com/echo.api/", "cert_url_bad_path"),
        ("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "cert_url_bad_port"),
        ("https://s3.amazonaws.com:notaport/echo.api/c.pem", "cert_url_unparsable"),
        ("https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem", "cert_url_has_userinfo"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1", "cert_url_has_query"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/echo-api-cert.pem", "cert_url_bad_chars"),
        ("not a url", "cert_url_bad_chars"),
        ("", "cert_url_missing"),
    ],
)
def test_cert_url_defects_answer_400_without_fetching(
    client: FlaskClient,
    signed_headers: Headers,
    fetcher: FakeFetcher,
    caplog: pytest.LogCaptureFixture,
    url: str,
    reason: str,
) -> None:
    body = encode(envelope())
    response = client.post("/", data=body, headers=signed_headers(body, url))
    assert response.status_code == 400
    assert response.data == b""
    assert fetcher.calls == []
    assert rejection_reasons(caplog.records) == [reason]


@pytest.mark.parametrize("missing", ["Signature-256", "SignatureCertChainUrl"])
def test_missing_signature_header_answers_400(
    client: FlaskClient, signed_headers: Headers, missing: str
) -> None:
    body = encode(envelope())
    headers = signed_headers(body)
    del headers[missing]
    assert client.post("/", data=body, headers=headers).status_code == 400


@pytest.mark.parametrize("value", ["", "   ", "not base64!", "QUJD"])
def test_empty_or_malformed_signature_answers_400(
    client: FlaskClient, signed_headers: Headers, value: str
) -> None:
    body = encode(envelope())
    headers = signed_headers(body) | {"Signature-256": value}
    assert client.post("/", data=body, headers=headers).status_code == 400


def test_legacy_sha1_signature_header_alone_answers_400(
    client: FlaskClient, signed_headers: Headers
) -> None:
    body = encode(envelope())
    headers = signed_headers(body)
    headers["Signature"] = headers.pop("Signature-256")
    assert client.post("/", data=body, headers=headers).status_code == 400


@pytest.mark.parametrize(
    ("chain", "reason"),
    [
        ("wrong_san_chain", "cert_bad_san"),
        ("expired_chain", "cert_expired"),
        ("untrusted_chain", "cert_chain_untrusted"),
    ],
)
def test_bad_certificate_chain_answers_400(
    pki: Pki, signed_headers: Headers, caplog: pytest.LogCaptureFixture, chain: str, reason: str
) -> None:
    client = make_app(pki, FakeFetcher(getattr(pki, chain))).test_client()
    body = encode(envelope())
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert rejection_reasons(caplog.records) == [reason]


def test_chain_whose_root_is_not_configured_as_trusted_answers_400(
    pki: Pki, fetcher: FakeFetcher, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_app(pki, fetcher, trusted_roots=None).test_client()
    body = encode(envelope())
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert rejection_reasons(caplog.records) == ["cert_chain_untrusted"]


def test_chain_missing_its_intermediate_answers_400(
    pki: Pki, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    leaf_only = pki.chain.split(b"-----END CERTIFICATE-----")[0] + b"-----END CERTIFICATE-----\n"
    client = make_app(pki, FakeFetcher(leaf_only)).test_client()
    body = encode(envelope())
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert rejection_reasons(caplog.records) == ["cert_chain_untrusted"]


@pytest.mark.parametrize("pem", [b"", b"garbage", b"-----BEGIN CERTIFICATE-----\nAAAA\n"])
def test_unparsable_chain_answers_400(
    pki: Pki, signed_headers: Headers, caplog: pytest.LogCaptureFixture, pem: bytes
) -> None:
    client = make_app(pki, FakeFetcher(pem)).test_client()
    body = encode(envelope())
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert rejection_reasons(caplog.records) == ["cert_chain_unparsable"]


def test_tampered_body_answers_400(
    client: FlaskClient, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    body = encode(envelope())
    tampered = body.replace(b"left-eyelid", b"right-eyelid")
    response = client.post("/", data=tampered, headers=signed_headers(body))
    assert response.status_code == 400
    assert rejection_reasons(caplog.records) == ["signature_invalid"]


def test_body_signed_by_another_key_answers_400(
    client: FlaskClient, pki: Pki, signed_headers: Headers
) -> None:
    body = encode(envelope())
    headers = signed_headers(body) | {
        "Signature-256": sign(body, rsa.generate_private_key(public_exponent=65537, key_size=2048))
    }
    assert client.post("/", data=body, headers=headers).status_code == 400


@pytest.mark.parametrize("offset", [-151, 151, -3600, 86400])
def test_timestamp_outside_150_seconds_answers_400(
    client: FlaskClient, signed_headers: Headers, offset: int
) -> None:
    body = encode(envelope(moment=NOW + timedelta(seconds=offset)))
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400


@pytest.mark.parametrize("offset", [-150, -149, 0, 149, 150])
def test_timestamp_within_150_seconds_is_accepted(
    client: FlaskClient, signed_headers: Headers, offset: int
) -> None:
    body = encode(envelope(moment=NOW + timedelta(seconds=offset)))
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 200


@pytest.mark.parametrize("stamp", ["yesterday", "2024-01-01T00:00:00", 1700000000, None])
def test_malformed_or_zoneless_timestamp_answers_400(
    client: FlaskClient, signed_headers: Headers, stamp: object
) -> None:
    event = envelope()
    event["request"]["timestamp"] = stamp
    body = encode(event)
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400


def test_another_skills_id_answers_400(client: FlaskClient, signed_headers: Headers) -> None:
    body = encode(envelope(skill_id=OTHER_SKILL_ID))
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400


def test_another_skills_id_in_context_only_answers_400(
    client: FlaskClient, signed_headers: Headers
) -> None:
    event = envelope()
    event["context"]["System"]["application"] = {"applicationId": OTHER_SKILL_ID}
    body = encode(event)
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400


def test_request_without_session_is_checked_against_context_skill_id(
    client: FlaskClient, signed_headers: Headers
) -> None:
    event = envelope()
    del event["session"]
    body = encode(event)
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 200


def test_request_without_any_skill_id_answers_400(
    client: FlaskClient, signed_headers: Headers
) -> None:
    event = envelope()
    del event["session"], event["context"]
    body = encode(event)
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
