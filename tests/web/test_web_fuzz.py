"""Property tests: hostile bodies and headers never cause a 5xx or an unsigned 200."""

from __future__ import annotations

import base64
import binascii
import copy
import json
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from flask.testing import FlaskClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from skill.web import create_app

from .support import CERT_URL, FakeFetcher, Pki, encode, envelope, fake_handler, make_app, sign

FUZZ_SETTINGS = settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

header_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n\x00"),
    max_size=80,
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["2001-01-01T00:00:00Z", "LaunchRequest", "amzn1.ask.skill.other"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
envelope_paths = st.sampled_from(
    [
        ("version",),
        ("request",),
        ("request", "type"),
        ("request", "timestamp"),
        ("request", "intent"),
        ("session",),
        ("session", "application"),
        ("session", "application", "applicationId"),
        ("context",),
        ("context", "System"),
        ("context", "System", "application"),
        ("context", "System", "application", "applicationId"),
    ]
)
mutations = st.lists(
    st.tuples(envelope_paths, st.one_of(st.just("delete"), json_values)), min_size=1, max_size=4
)
byte_edits = st.lists(
    st.tuples(
        st.integers(min_value=0), st.sampled_from(["flip", "drop", "insert"]), st.binary(max_size=3)
    ),
    min_size=1,
    max_size=4,
)
cert_urls = st.one_of(
    st.just(CERT_URL),
    st.sampled_from(
        [
            "HTTPS://S3.AMAZONAWS.COM/echo.api/x.pem",
            "https://s3.amazonaws.com:443/echo.api/../echo.api/x.pem",
            "http://s3.amazonaws.com/echo.api/x.pem",
            "https://s3.amazonaws.com/echo.api/../x.pem",
        ]
    ),
    header_text,
    header_text.map(lambda text: CERT_URL + text),
    header_text.map(lambda text: "https://s3.amazonaws.com/" + text),
)


def _mutate_envelope(event: dict[str, Any], edits: list[tuple[tuple[str, ...], Any]]) -> Any:
    mutated = copy.deepcopy(event)
    for path, value in edits:
        parent: Any = mutated
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict):
            continue
        if value == "delete":
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = value
    return mutated


def _edit_bytes(body: bytes, edits: list[tuple[int, str, bytes]]) -> bytes:
    data = bytearray(body)
    for position, operation, payload in edits:
        index = position % (len(data) + 1)
        if operation == "flip" and index < len(data):
            data[index] ^= 0xFF
        elif operation == "drop":
            del data[index : index + 1 + len(payload)]
        else:
            data[index:index] = payload
    return bytes(data)


def _signature_is_valid(pki: Pki, body: bytes, header: str | None) -> bool:
    try:
        signature = base64.b64decode((header or "").strip(), validate=True)
        pki.leaf_key.public_key().verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
    except (ValueError, binascii.Error, InvalidSignature):
        return False
    return True


@pytest.fixture(scope="module")
def fuzz_client(pki: Pki) -> FlaskClient:
    """One app for all examples, so the chain is fetched and verified once."""
    return make_app(pki, FakeFetcher(pki.chain)).test_client()


def _post_and_check(
    client: FlaskClient, pki: Pki, body: bytes, headers: dict[str, str], *, verified: bool = True
) -> int:
    status = client.post("/", data=body, headers=headers).status_code
    assert status < 500
    assert status in (200, 400)
    if verified and status == 200:
        assert _signature_is_valid(pki, body, headers.get("Signature-256"))
    return status


@FUZZ_SETTINGS
@given(
    kind=st.sampled_from(["random", "json_mutation", "byte_edit"]),
    raw=st.binary(max_size=512),
    edits=mutations,
    byte_changes=byte_edits,
    signing=st.sampled_from(["sign_sent", "sign_original", "random", "absent"]),
    random_signature=header_text,
    url=st.one_of(st.just(CERT_URL), cert_urls, st.none()),
    signature_header=st.sampled_from(["Signature-256", "signature-256", "SIGNATURE-256"]),
    content_type=st.one_of(st.none(), header_text),
)
def test_hostile_requests_never_cause_5xx_or_unsigned_200(
    fuzz_client: FlaskClient,
    pki: Pki,
    kind: str,
    raw: bytes,
    edits: list[tuple[tuple[str, ...], Any]],
    byte_changes: list[tuple[int, str, bytes]],
    signing: str,
    random_signature: str,
    url: str | None,
    signature_header: str,
    content_type: str | None,
) -> None:
    original = encode(envelope())
    if kind == "random":
        body = raw
    elif kind == "json_mutation":
        body = json.dumps(_mutate_envelope(envelope(), edits)).encode()
    else:
        body = _edit_bytes(original, byte_changes)
    headers: dict[str, str] = {}
    if signing == "sign_sent":
        headers[signature_header] = sign(body, pki.leaf_key)
    elif signing == "sign_original":
        headers[signature_header] = sign(original, pki.leaf_key)
    elif signing == "random":
        headers[signature_header] = random_signature
    if url is not None:
        headers["SignatureCertChainUrl"] = url
    if content_type is not None:
        headers["Content-Type"] = content_type
    status = _post_and_check(fuzz_client, pki, body, {k.title(): v for k, v in headers.items()})
    event(f"{kind} {signing}: HTTP {status}")
    if body != original and signing != "sign_sent":
        assert status == 400


@settings(max_examples=300, deadline=None)
@given(
    body=st.one_of(
        st.binary(max_size=512),
        json_values.map(lambda value: json.dumps(value).encode()),
        mutations.map(lambda edits: json.dumps(_mutate_envelope(envelope(), edits)).encode()),
    ),
    headers=st.dictionaries(
        st.sampled_from(["Signature-256", "SignatureCertChainUrl", "Content-Type", "X-Other"]),
        header_text,
        max_size=4,
    ),
)
def test_insecure_mode_never_causes_5xx(body: bytes, headers: dict[str, str]) -> None:
    client = create_app(fake_handler, skill_id=None, verify=False).test_client()
    assert client.post("/", data=body, headers=headers).status_code in (200, 400)
