"""Offline test PKI, signed Alexa requests and a fake certificate fetcher for the web tests."""

from __future__ import annotations

import base64
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from flask import Flask

from skill.web import create_app

NOW = datetime.now(UTC).replace(microsecond=0)
SKILL_ID = "amzn1.ask.skill.00000000-1111-2222-3333-444444444444"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-8888-7777-6666-555555555555"
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"
SECRET_SLOT_VALUE = "SECRET-SLOT-left-eyelid"
SKILL_RESPONSE = {
    "version": "1.0",
    "response": {"outputSpeech": {"type": "PlainText", "text": "hi"}},
}


def fake_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Stand in for the skill: answer every request with the same small response."""
    return SKILL_RESPONSE


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _ca(
    name: str, key: rsa.RSAPrivateKey, issuer: x509.Certificate | None, signer: rsa.RSAPrivateKey
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(issuer.subject if issuer else _name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=365))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()),
            critical=False,
        )
    return builder.sign(signer, hashes.SHA256())


def _leaf(
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate,
    issuer_key: rsa.RSAPrivateKey,
    *,
    dns_name: str = "echo-api.amazon.com",
    not_before: datetime = NOW - timedelta(days=1),
    not_after: datetime = NOW + timedelta(days=30),
) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(_name(dns_name))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(dns_name)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .sign(issuer_key, hashes.SHA256())
    )


def _pem(*certs: x509.Certificate) -> bytes:
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


@dataclass(frozen=True)
class Pki:
    """A generated root, intermediate and leaf, plus defective chains for the failure cases."""

    root: x509.Certificate
    leaf_key: rsa.RSAPrivateKey
    chain: bytes
    wrong_san_chain: bytes
    expired_chain: bytes
    untrusted_chain: bytes


def build_pki() -> Pki:
    """Generate a trusted root -> intermediate -> echo-api.amazon.com leaf, and bad chains."""
    root_key, inter_key, leaf_key, rogue_key = _key(), _key(), _key(), _key()
    root = _ca("Test Root CA", root_key, None, root_key)
    inter = _ca("Test Intermediate CA", inter_key, root, root_key)
    rogue_root = _ca("Rogue Root CA", rogue_key, None, rogue_key)
    rogue_inter = _ca("Test Intermediate CA", inter_key, rogue_root, rogue_key)
    expired = _leaf(
        leaf_key,
        inter,
        inter_key,
        not_before=NOW - timedelta(days=60),
        not_after=NOW - timedelta(days=1),
    )
    return Pki(
        root=root,
        leaf_key=leaf_key,
        chain=_pem(_leaf(leaf_key, inter, inter_key), inter),
        wrong_san_chain=_pem(_leaf(leaf_key, inter, inter_key, dns_name="evil.example.com"), inter),
        expired_chain=_pem(expired, inter),
        untrusted_chain=_pem(_leaf(leaf_key, rogue_inter, inter_key), rogue_inter),
    )


@dataclass
class FakeFetcher:
    """Fakes the certificate download: answers `pem` for every URL and records the calls."""

    pem: bytes
    error: Exception | None = None
    calls: list[tuple[str, float, int]] = field(default_factory=list)

    def __call__(self, url: str, timeout: float, max_bytes: int) -> bytes:
        """Record the call, then raise `error` or return `pem`."""
        self.calls.append((url, timeout, max_bytes))
        if self.error is not None:
            raise self.error
        return self.pem


def timestamp(moment: datetime = NOW) -> str:
    """Format a moment the way Alexa does: ISO-8601 UTC with a Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(*, skill_id: str = SKILL_ID, moment: datetime = NOW) -> dict[str, Any]:
    """Build an IntentRequest envelope carrying a recognisable slot value and a fresh id."""
    application = {"applicationId": skill_id}
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.SECRET-SESSION",
            "application": application,
            "user": {"userId": "amzn1.ask.account.SECRET-USER"},
        },
        "context": {"System": {"application": application, "user": {"userId": "u"}}},
        "request": {
            "type": "IntentRequest",
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": timestamp(moment),
            "locale": "en-US",
            "intent": {
                "name": "DescribeTwitchIntent",
                "slots": {"location": {"name": "location", "value": SECRET_SLOT_VALUE}},
            },
        },
    }


def encode(body: dict[str, Any] | bytes) -> bytes:
    """Serialise an envelope the way Alexa does, or pass raw bytes through."""
    return body if isinstance(body, bytes) else json.dumps(body).encode()


def sign(body: bytes, key: rsa.RSAPrivateKey) -> str:
    """Return the base64 RSA PKCS1v15 SHA-256 signature of `body`."""
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()


def make_app(
    pki: Pki, fetcher: FakeFetcher, handler: Callable[..., Any] = fake_handler, **options: Any
) -> Flask:
    """Build the app with the test root trusted, the fake fetcher and a fixed clock."""
    settings: dict[str, Any] = {
        "skill_id": SKILL_ID,
        "trusted_roots": [pki.root],
        "fetcher": fetcher,
        "clock": lambda: NOW,
    }
    return create_app(handler, **(settings | options))


def rejection_reasons(records: list[logging.LogRecord]) -> list[str]:
    """Return the reason codes of the requests the app rejected, from captured log records."""
    return [
        str(record.args[0])
        for record in records
        if record.msg == "request rejected: %s" and isinstance(record.args, tuple)
    ]
