"""Signing chain cache: reuse, bounds, expiry, failures, downloads in flight and their budget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from flask.testing import FlaskClient

from skill.web import CertLimits, SigningKeys, VerificationError
from skill.web.app import SIGNING_KEYS_EXTENSION

from .support import NOW, FakeFetcher, Pki, encode, envelope, make_app, rejection_reasons

Headers = Callable[..., dict[str, str]]


def _post(client: FlaskClient, signed_headers: Headers, url: str | None = None) -> int:
    body = encode(envelope())
    headers = signed_headers(body) if url is None else signed_headers(body, url)
    return client.post("/", data=body, headers=headers).status_code


def test_second_request_with_same_url_reuses_the_cached_chain(
    client: FlaskClient, signed_headers: Headers, fetcher: FakeFetcher
) -> None:
    assert _post(client, signed_headers) == 200
    assert _post(client, signed_headers) == 200
    assert len(fetcher.calls) == 1


def test_url_spellings_of_the_same_chain_share_one_cache_entry(
    client: FlaskClient, signed_headers: Headers, fetcher: FakeFetcher
) -> None:
    assert _post(client, signed_headers, "https://s3.amazonaws.com/echo.api/a.pem") == 200
    assert _post(client, signed_headers, "HTTPS://S3.AMAZONAWS.COM:443/echo.api/./a.pem") == 200
    assert len(fetcher.calls) == 1


def test_fetcher_gets_the_default_time_and_size_limits(
    client: FlaskClient, signed_headers: Headers, fetcher: FakeFetcher
) -> None:
    assert _post(client, signed_headers) == 200
    _, timeout, max_bytes = fetcher.calls[0]
    assert (timeout, max_bytes) == (5.0, 64 * 1024)


def test_cache_is_bounded_and_evicts_the_least_recently_used_chain(
    pki: Pki, fetcher: FakeFetcher
) -> None:
    keys = SigningKeys([pki.root], fetcher, lambda: NOW, CertLimits(max_entries=2))
    urls = [f"https://s3.amazonaws.com/echo.api/{n}.pem" for n in range(3)]
    for url in urls:
        keys.public_key(url)
    assert len(keys) == 2
    keys.public_key(urls[2])
    assert len(fetcher.calls) == 3
    keys.public_key(urls[0])
    assert len(fetcher.calls) == 4


def test_app_cache_holds_at_most_32_chains(
    pki: Pki, fetcher: FakeFetcher, signed_headers: Headers
) -> None:
    app = make_app(pki, fetcher, cert_limits=CertLimits(new_url_burst=40))
    client = app.test_client()
    for n in range(40):
        assert _post(client, signed_headers, f"https://s3.amazonaws.com/echo.api/{n}.pem") == 200
    assert len(app.extensions[SIGNING_KEYS_EXTENSION]) == 32


def test_cached_chain_expires_after_the_time_to_live(pki: Pki, fetcher: FakeFetcher) -> None:
    now = [NOW]
    keys = SigningKeys([pki.root], fetcher, lambda: now[0], CertLimits(ttl=timedelta(hours=1)))
    url = "https://s3.amazonaws.com/echo.api/a.pem"
    keys.public_key(url)
    now[0] = NOW + timedelta(minutes=59)
    keys.public_key(url)
    assert len(fetcher.calls) == 1
    now[0] = NOW + timedelta(minutes=61)
    keys.public_key(url)
    assert len(fetcher.calls) == 2


def test_cached_chain_never_outlives_the_leaf_certificate(pki: Pki, fetcher: FakeFetcher) -> None:
    now: list[datetime] = [NOW]
    keys = SigningKeys([pki.root], fetcher, lambda: now[0], CertLimits(ttl=timedelta(days=365)))
    url = "https://s3.amazonaws.com/echo.api/a.pem"
    keys.public_key(url)
    now[0] = NOW + timedelta(days=29)
    keys.public_key(url)
    assert len(fetcher.calls) == 1
    now[0] = NOW + timedelta(days=31)
    with pytest.raises(VerificationError) as error:
        keys.public_key(url)
    assert error.value.reason == "cert_expired"
    assert len(fetcher.calls) == 2


def test_fetch_returning_more_than_the_size_limit_answers_400(
    pki: Pki, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_app(pki, FakeFetcher(pki.chain + b"\n" * (64 * 1024))).test_client()
    assert _post(client, signed_headers) == 400
    assert rejection_reasons(caplog.records) == ["cert_fetch_too_large"]


@pytest.mark.parametrize(
    "error", [TimeoutError("timed out"), ConnectionRefusedError("down"), RuntimeError("bug")]
)
def test_failed_fetch_answers_400_and_the_url_is_then_refused_without_a_download(
    pki: Pki, signed_headers: Headers, caplog: pytest.LogCaptureFixture, error: Exception
) -> None:
    fetcher = FakeFetcher(pki.chain, error=error)
    client = make_app(pki, fetcher).test_client()
    assert _post(client, signed_headers) == 400
    fetcher.error = None
    assert _post(client, signed_headers) == 400
    assert rejection_reasons(caplog.records) == ["cert_fetch_failed", "cert_recently_failed"]
    assert len(fetcher.calls) == 1
