"""Amazon signing certificate: download, chain verification and a bounded cache."""

from __future__ import annotations

import re
import ssl
import threading
import time
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path
from typing import IO, Protocol

import certifi
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.x509 import verification

SIGNING_NAME = "echo-api.amazon.com"

Clock = Callable[[], datetime]

_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


class VerificationError(Exception):
    """A request failed one of Amazon's checks; `reason` is a short code safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Fetcher(Protocol):
    """Downloads a certificate chain; the one network edge of the verifier."""

    def __call__(self, url: str, timeout: float, max_bytes: int, /) -> bytes:
        """Return the body at `url`, failing past `timeout` seconds or `max_bytes` bytes."""
        ...


@dataclass(frozen=True)
class CertLimits:
    """Limits on certificate downloads and on the cache of verified chains."""

    timeout: float = 5.0
    max_bytes: int = 64 * 1024
    max_entries: int = 32
    ttl: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class _CachedKey:
    key: RSAPublicKey
    expires: datetime


def utc_now() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuses redirects so a download never leaves the checked URL."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        """Return None, which makes urllib fail on any redirect."""
        return None


def urllib_fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    """Download `url` with urllib, no redirects, a time limit and a size limit.

    Raises:
        VerificationError: the body is larger than `max_bytes` or the time ran out.
        OSError: the download failed.
    """
    context = ssl.create_default_context(cafile=certifi.where())
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect)
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    with opener.open(url, timeout=timeout) as response:
        while chunk := response.read1(min(16 * 1024, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise VerificationError("cert_fetch_too_large")
            if time.monotonic() > deadline:
                raise VerificationError("cert_fetch_timeout")
    return b"".join(chunks)


def load_trusted_roots(pem_file: str | Path | None = None) -> list[x509.Certificate]:
    """Load root certificates from a PEM file, by default certifi's bundle.

    Raises:
        ValueError: the file holds no usable certificate.
        OSError: the file cannot be read.
    """
    data = Path(pem_file or certifi.where()).read_bytes()
    roots: list[x509.Certificate] = []
    for block in _PEM_BLOCK.findall(data):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                roots.append(x509.load_pem_x509_certificate(block))
        except ValueError:
            continue
    if not roots:
        raise ValueError("no certificate found in the trusted roots file")
    return roots


def _leaf_names(leaf: x509.Certificate) -> list[str]:
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [name.lower() for name in san.get_values_for_type(x509.DNSName)]


def verify_chain(pem: bytes, store: verification.Store, now: datetime) -> list[x509.Certificate]:
    """Verify a PEM chain (leaf first) to the trusted store for Amazon's signing name.

    Returns:
        The verified chain, leaf first, ending with the trusted root.

    Raises:
        VerificationError: the chain is malformed, expired, misnamed or untrusted.
    """
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError:
        raise VerificationError("cert_chain_unparsable") from None
    if not certs:
        raise VerificationError("cert_chain_unparsable")
    leaf, intermediates = certs[0], certs[1:]
    try:
        if now < leaf.not_valid_before_utc:
            raise VerificationError("cert_not_yet_valid")
        if now > leaf.not_valid_after_utc:
            raise VerificationError("cert_expired")
        if SIGNING_NAME not in _leaf_names(leaf):
            raise VerificationError("cert_bad_san")
        verifier = (
            verification.PolicyBuilder()
            .store(store)
            .time(now)
            .build_server_verifier(x509.DNSName(SIGNING_NAME))
        )
        return verifier.verify(leaf, intermediates)
    except (
        ValueError,
        x509.DuplicateExtension,
        x509.UnsupportedGeneralNameType,
        verification.VerificationError,
    ):
        raise VerificationError("cert_chain_untrusted") from None


class SigningKeys:
    """Fetches, verifies and caches Amazon's signing keys by certificate URL."""

    def __init__(
        self,
        trusted_roots: Sequence[x509.Certificate] | None = None,
        fetcher: Fetcher = urllib_fetch,
        clock: Clock = utc_now,
        limits: CertLimits | None = None,
    ) -> None:
        """Set up an empty cache.

        Args:
            trusted_roots: roots to trust; certifi's bundle when None.
            fetcher: downloads a chain; replace it to fake the network.
            clock: the current time, timezone-aware.
            limits: download and cache limits; `CertLimits()` when None.
        """
        roots = list(trusted_roots) if trusted_roots is not None else load_trusted_roots()
        self._store = verification.Store(roots)
        self.fetcher = fetcher
        self._clock = clock
        self.limits = limits or CertLimits()
        self._cache: OrderedDict[str, _CachedKey] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """Return how many verified chains are cached."""
        return len(self._cache)

    def public_key(self, url: str) -> RSAPublicKey:
        """Return the verified signing key for a canonical certificate URL.

        Raises:
            VerificationError: the download or the chain verification failed.
        """
        now = self._clock()
        with self._lock:
            cached = self._cache.get(url)
            if cached is not None and now < cached.expires:
                self._cache.move_to_end(url)
                return cached.key
            self._cache.pop(url, None)
        entry = self._fetch_and_verify(url, now)
        with self._lock:
            self._cache[url] = entry
            self._cache.move_to_end(url)
            while len(self._cache) > self.limits.max_entries:
                self._cache.popitem(last=False)
        return entry.key

    def _fetch_and_verify(self, url: str, now: datetime) -> _CachedKey:
        limits = self.limits
        try:
            pem = self.fetcher(url, limits.timeout, limits.max_bytes)
        except VerificationError:
            raise
        except Exception:
            raise VerificationError("cert_fetch_failed") from None
        if not isinstance(pem, bytes):
            raise VerificationError("cert_fetch_failed")
        if len(pem) > limits.max_bytes:
            raise VerificationError("cert_fetch_too_large")
        chain = verify_chain(pem, self._store, now)
        key = chain[0].public_key()
        if not isinstance(key, RSAPublicKey):
            raise VerificationError("cert_key_not_rsa")
        not_after = min(cert.not_valid_after_utc for cert in chain)
        return _CachedKey(key=key, expires=min(now + limits.ttl, not_after))
