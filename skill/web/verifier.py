"""Amazon's request checks: cheap ones on headers and envelope first, the signature last."""

from __future__ import annotations

import base64
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NoReturn, Protocol
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from skill.web.certs import Clock, SigningKeys, utc_now
from skill.web.errors import VerificationError
from skill.web.replay import ReplayGuard, ReplayVerifier

SIGNATURE_HEADER = "signature-256"
CERT_URL_HEADER = "signaturecertchainurl"
TIMESTAMP_TOLERANCE = timedelta(seconds=150)
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
SIGNATURE_BYTES = (256, 384, 512)  # RSA keys of 2048, 3072 and 4096 bits
MAX_SIGNATURE_CHARS = 1024

_URL_CHARS = re.compile(r"[\x21-\x7e]+")

__all__ = [
    "CERT_URL_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_TOLERANCE",
    "ReplayVerifier",
    "SignatureVerifier",
    "SkillIdVerifier",
    "TimestampVerifier",
    "VerificationError",
    "Verifier",
    "amazon_verifiers",
    "canonical_cert_url",
    "decoded_signature",
    "parse_envelope",
]


class Verifier(Protocol):
    """One check on an incoming request, in three stages run for every verifier in turn.

    `check_raw` and `check_envelope` must be cheap and free of I/O; `check_final` runs only
    once every cheap check of every verifier has passed, and may download or record.
    """

    def check_raw(self, headers: Mapping[str, str], body: bytes) -> None:
        """Check the lower-cased headers and the raw body before any parsing."""
        ...

    def check_envelope(self, envelope: Mapping[str, Any]) -> None:
        """Check the parsed request envelope."""
        ...

    def check_final(
        self, headers: Mapping[str, str], body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        """Run the costly part of the check, after every cheap check passed."""
        ...


def _climbs_above_root(path: str) -> bool:
    depth = 0
    for segment in path.split("/"):
        if segment == "..":
            depth -= 1
            if depth < 0:
                return True
        elif segment not in ("", "."):
            depth += 1
    return False


def canonical_cert_url(raw: str | None) -> str:
    """Check a `SignatureCertChainUrl` value and return it in canonical form.

    Raises:
        VerificationError: the URL is missing or does not point into Amazon's bucket.
    """
    if not raw:
        raise VerificationError("cert_url_missing")
    if not _URL_CHARS.fullmatch(raw) or "%" in raw or "\\" in raw:
        raise VerificationError("cert_url_bad_chars")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise VerificationError("cert_url_unparsable") from None
    if parts.scheme.lower() != "https":
        raise VerificationError("cert_url_bad_scheme")
    if parts.hostname != CERT_HOST:
        raise VerificationError("cert_url_bad_host")
    if port not in (None, 443):
        raise VerificationError("cert_url_bad_port")
    if parts.username is not None or parts.password is not None:
        raise VerificationError("cert_url_has_userinfo")
    if parts.query or parts.fragment or raw.endswith(("?", "#")):
        raise VerificationError("cert_url_has_query")
    path = posixpath.normpath(parts.path) if parts.path else ""
    if _climbs_above_root(parts.path) or not path.startswith(CERT_PATH_PREFIX):
        raise VerificationError("cert_url_bad_path")
    return f"https://{CERT_HOST}{path}"


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(name)


def parse_envelope(body: bytes) -> dict[str, Any]:
    """Parse a request body and check the envelope's shape.

    Raises:
        VerificationError: the body is not a JSON object with a well-formed `request`.
    """
    try:
        envelope = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VerificationError("body_not_json") from None
    if not isinstance(envelope, dict):
        raise VerificationError("body_not_object")
    request = envelope.get("request")
    if not isinstance(request, dict):
        raise VerificationError("envelope_no_request")
    if not isinstance(request.get("type"), str):
        raise VerificationError("envelope_no_request_type")
    for key in ("session", "context"):
        if not isinstance(envelope.get(key, {}), dict):
            raise VerificationError("envelope_bad_" + key)
    return envelope


def decoded_signature(headers: Mapping[str, str]) -> bytes:
    """Return the `Signature-256` header decoded, if its encoding and length are plausible.

    Raises:
        VerificationError: the header is missing, not base64, or of no RSA signature's length.
    """
    encoded = headers.get(SIGNATURE_HEADER, "").strip()
    if not encoded:
        raise VerificationError("signature_missing")
    if len(encoded) > MAX_SIGNATURE_CHARS:
        raise VerificationError("signature_bad_length")
    try:
        signature = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise VerificationError("signature_bad_base64") from None
    if len(signature) not in SIGNATURE_BYTES:
        raise VerificationError("signature_bad_length")
    return signature


@dataclass(frozen=True)
class SignatureVerifier:
    """Checks `Signature-256` over the raw body with the key from `SignatureCertChainUrl`."""

    keys: SigningKeys

    def check_raw(self, headers: Mapping[str, str], body: bytes) -> None:
        """Check the shape of the signature and certificate URL headers; no download.

        Raises:
            VerificationError: a header is missing or malformed.
        """
        decoded_signature(headers)
        canonical_cert_url(headers.get(CERT_URL_HEADER))

    def check_envelope(self, envelope: Mapping[str, Any]) -> None:
        """Do nothing: the signature covers the raw body only."""

    def check_final(
        self, headers: Mapping[str, str], body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        """Verify the signature over the raw body with the (cached or downloaded) key.

        Raises:
            VerificationError: no key could be had, or the signature does not match.
        """
        signature = decoded_signature(headers)
        key = self.keys.public_key(canonical_cert_url(headers.get(CERT_URL_HEADER)))
        try:
            key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            raise VerificationError("signature_invalid") from None


@dataclass(frozen=True)
class TimestampVerifier:
    """Checks that `request.timestamp` is within the tolerance of now, either way."""

    clock: Clock = utc_now
    tolerance: timedelta = TIMESTAMP_TOLERANCE

    def check_raw(self, headers: Mapping[str, str], body: bytes) -> None:
        """Do nothing: the timestamp lives in the envelope."""

    def check_envelope(self, envelope: Mapping[str, Any]) -> None:
        """Check the request timestamp.

        Raises:
            VerificationError: the timestamp is missing, malformed or too far from now.
        """
        raw = envelope["request"].get("timestamp")
        if not isinstance(raw, str):
            raise VerificationError("timestamp_missing")
        try:
            stamp = datetime.fromisoformat(raw)
        except ValueError:
            raise VerificationError("timestamp_malformed") from None
        if stamp.tzinfo is None or stamp.utcoffset() is None:
            raise VerificationError("timestamp_no_zone")
        try:
            skew = abs(self.clock() - stamp)
        except OverflowError:
            raise VerificationError("timestamp_out_of_range") from None
        if skew > self.tolerance:
            raise VerificationError("timestamp_out_of_range")

    def check_final(
        self, headers: Mapping[str, str], body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        """Do nothing: the timestamp was checked with the envelope."""


def _application_id(section: Any) -> Any:
    application = section.get("application") if isinstance(section, dict) else None
    return application.get("applicationId") if isinstance(application, dict) else None


@dataclass(frozen=True)
class SkillIdVerifier:
    """Checks that every application id in the envelope equals the configured skill id."""

    skill_id: str

    def check_raw(self, headers: Mapping[str, str], body: bytes) -> None:
        """Do nothing: the skill id lives in the envelope."""

    def check_envelope(self, envelope: Mapping[str, Any]) -> None:
        """Check `session.application` and `context.System.application` ids.

        Raises:
            VerificationError: no application id is present, or one differs.
        """
        context = envelope.get("context")
        system = context.get("System") if isinstance(context, dict) else None
        found = [
            found_id
            for found_id in (_application_id(envelope.get("session")), _application_id(system))
            if found_id is not None
        ]
        if not found:
            raise VerificationError("skill_id_missing")
        if any(found_id != self.skill_id for found_id in found):
            raise VerificationError("skill_id_mismatch")

    def check_final(
        self, headers: Mapping[str, str], body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        """Do nothing: the skill id was checked with the envelope."""


def amazon_verifiers(
    skill_id: str, keys: SigningKeys, clock: Clock = utc_now, replays: ReplayGuard | None = None
) -> list[Verifier]:
    """Return Amazon's required checks, plus the replay guard when one is given.

    Cheap stages run in this order: signature headers, timestamp, skill id, request id;
    then the signature is verified (which may download the chain) and the id recorded.
    """
    verifiers: list[Verifier] = [
        SignatureVerifier(keys),
        TimestampVerifier(clock),
        SkillIdVerifier(skill_id),
    ]
    if replays is not None:
        verifiers.append(ReplayVerifier(replays))
    return verifiers
