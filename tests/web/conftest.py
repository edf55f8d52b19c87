"""Fixtures for the web service tests: a session-wide test PKI, fake fetcher and client."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from .support import CERT_URL, FakeFetcher, Pki, build_pki, make_app, sign


@pytest.fixture(scope="session")
def pki() -> Pki:
    """Generate the test PKI once per session."""
    return build_pki()


@pytest.fixture
def signed_headers(pki: Pki) -> Callable[..., dict[str, str]]:
    """Return a function building valid signature headers for a body."""

    def build(body: bytes, url: str = CERT_URL) -> dict[str, str]:
        return {"Signature-256": sign(body, pki.leaf_key), "SignatureCertChainUrl": url}

    return build


@pytest.fixture
def fetcher(pki: Pki) -> FakeFetcher:
    """A fake fetcher answering the valid test chain."""
    return FakeFetcher(pki.chain)


@pytest.fixture
def client(pki: Pki, fetcher: FakeFetcher) -> FlaskClient:
    """A test client for an app with Amazon's checks on."""
    return make_app(pki, fetcher).test_client()
