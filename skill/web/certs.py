"""Amazon signing certificate: chain verification and a bounded, attack-resistant key cache."""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import certifi
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.x509 import verification

from skill.web.errors import VerificationError
from skill.web.fetch import Fetcher, http_fetch

SIGNING_NAME = "echo-api.amazon.com"

Clock = Callable[[], datetime]
Ticker = Callable[[], float]

_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)

__all__ = [
    "CertLimits",
    "Clock",
    "Fetcher",
    "SigningKeys",
    "VerificationError",
    "http_fetch",
    "load_trusted_roots",
    "utc_now",
    "verify_chain",
]


@dataclass(frozen=True)
class CertLimits:
    """Limits on chain downloads and on the caches of verified and failed URLs.

    `timeout` is one deadline for the whole download. A URL whose download or verification
    failed is refused without a download for `failure_ttl` seconds (at most `max_failures`
    remembered). At most `max_in_flight` downloads run at once; a request that finds no free
    slot, or its URL already being fetched, waits `busy_wait` seconds at most, and at most
    `max_waiting` requests wait at once (the others fail at once). So certificate work holds
    at most `max_in_flight + max_waiting` threads. URLs never verified before may start
    `new_url_burst` downloads, then one per `new_url_interval` seconds; refreshing a URL that
    was verified before is not limited.
    """

    timeout: float = 5.0
    max_bytes: int = 64 * 1024
    max_entries: int = 32
    ttl: timedelta = timedelta(hours=1)
    failure_ttl: float = 30.0
    max_failures: int = 256
    max_in_flight: int = 2
    busy_wait: float = 0.25
    max_waiting: int = 2
    new_url_burst: int = 4
    new_url_interval: float = 15.0


@dataclass(frozen=True)
class _CachedKey:
    key: RSAPublicKey
    expires: datetime


class _Budget:
    """A token bucket: `burst` tokens, one more every `interval` seconds."""

    def __init__(self, burst: int, interval: float, now: float) -> None:
        self.burst = burst
        self.interval = interval
        self.tokens = float(burst)
        self.updated = now

    def available(self, now: float) -> bool:
        """Whether a token is there to take, after adding those earned since last time."""
        if self.interval > 0:
            self.tokens = min(self.burst, self.tokens + (now - self.updated) / self.interval)
        self.updated = now
        return self.tokens >= 1

    def take(self, now: float) -> bool:
        """Take a token if there is one."""
        if not self.available(now):
            return False
        self.tokens -= 1
        return True


def utc_now() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


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
    """Fetches, verifies and caches Amazon's signing keys by certificate URL.

    Safe to share between threads. Downloads are bounded in number, in time and in how
    many run at once, so requests with made-up URLs cannot keep threads busy.
    """

    def __init__(
        self,
        trusted_roots: Sequence[x509.Certificate] | None = None,
        fetcher: Fetcher = http_fetch,
        clock: Clock = utc_now,
        limits: CertLimits | None = None,
        ticker: Ticker = time.monotonic,
    ) -> None:
        """Set up empty caches.

        Args:
            trusted_roots: roots to trust; certifi's bundle when None.
            fetcher: downloads a chain; replace it to fake the network.
            clock: the current time, timezone-aware, for certificate validity.
            limits: download and cache limits; `CertLimits()` when None.
            ticker: seconds on a monotonic clock, for the failure cache and download budget.
        """
        roots = list(trusted_roots) if trusted_roots is not None else load_trusted_roots()
        self._store = verification.Store(roots)
        self.fetcher = fetcher
        self._clock = clock
        self._ticker = ticker
        self.limits = limits or CertLimits()
        self._cache: OrderedDict[str, _CachedKey] = OrderedDict()
        self._failures: OrderedDict[str, float] = OrderedDict()
        self._fetching: set[str] = set()
        self._waiting = 0
        self._budget = _Budget(self.limits.new_url_burst, self.limits.new_url_interval, ticker())
        self._changed = threading.Condition()

    def __len__(self) -> int:
        """Return how many verified chains are cached."""
        return len(self._cache)

    def public_key(self, url: str) -> RSAPublicKey:
        """Return the verified signing key for a canonical certificate URL.

        Raises:
            VerificationError: the URL failed recently, no download could start, or the
                download or the chain verification failed.
        """
        now = self._clock()
        with self._changed:
            cached = self._cached_or_claim(url, now)
        if cached is not None:
            return cached
        try:
            entry = self._fetch_and_verify(url, now)
        except BaseException:
            self._finish(url, None)
            raise
        self._finish(url, entry)
        return entry.key

    def _cached_or_claim(self, url: str, now: datetime) -> RSAPublicKey | None:
        """Return the cached key, or claim the download of `url` and return None."""
        give_up = time.monotonic() + self.limits.busy_wait
        while True:
            cached = self._cache.get(url)
            if cached is not None and now < cached.expires:
                self._cache.move_to_end(url)
                return cached.key
            failed_until = self._failures.get(url)
            if failed_until is not None and self._ticker() < failed_until:
                raise VerificationError("cert_recently_failed")
            known = url in self._cache
            if not known and not self._budget.available(self._ticker()):
                raise VerificationError("cert_fetch_rate_limited")
            if url not in self._fetching and len(self._fetching) < self.limits.max_in_flight:
                break
            left = give_up - time.monotonic()
            if left <= 0 or self._waiting >= self.limits.max_waiting:
                raise VerificationError("cert_fetch_busy")
            self._waiting += 1
            try:
                self._changed.wait(left)
            finally:
                self._waiting -= 1
        if not known:
            self._budget.take(self._ticker())
        self._fetching.add(url)
        return None

    def _finish(self, url: str, entry: _CachedKey | None) -> None:
        """Release the download of `url` and cache its key, or remember that it failed."""
        limits = self.limits
        with self._changed:
            self._fetching.discard(url)
            if entry is None:
                self._failures[url] = self._ticker() + limits.failure_ttl
                self._failures.move_to_end(url)
                while len(self._failures) > limits.max_failures:
                    self._failures.popitem(last=False)
            else:
                self._failures.pop(url, None)
                self._cache[url] = entry
                self._cache.move_to_end(url)
                while len(self._cache) > limits.max_entries:
                    self._cache.popitem(last=False)
            self._changed.notify_all()

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
