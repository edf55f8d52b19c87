"""Replay guard: a verified request id seen again within the timestamp window is refused."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from skill.web.errors import VerificationError

# A timestamp passes when it is within 150 s of now either way, so one request can be
# accepted for up to 300 s after it was first seen.
REPLAY_WINDOW_S = 300.0
MAX_REQUEST_ID_CHARS = 256


class ReplayGuard:
    """Remembers request ids for `window` seconds, at most `max_entries` of them.

    Ids are kept as 16-byte digests in buckets of `bucket` seconds; a bucket is dropped
    whole once its newest id is older than the window. When the guard is full it refuses
    new requests rather than forget ids whose window is still open.
    """

    def __init__(
        self,
        window: float = REPLAY_WINDOW_S,
        max_entries: int = 200_000,
        bucket: float = 10.0,
        ticker: Callable[[], float] = time.monotonic,
    ) -> None:
        """Start empty; `ticker` gives seconds on a monotonic clock."""
        self.window = window
        self.max_entries = max_entries
        self.bucket = bucket
        self._ticker = ticker
        self._buckets: deque[tuple[float, set[bytes]]] = deque()
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """Return how many request ids are remembered."""
        return self._size

    def remember(self, request_id: str) -> None:
        """Record `request_id`, refusing it when it was seen within the window.

        Raises:
            VerificationError: the id was seen before, or the guard is full.
        """
        digest = hashlib.blake2b(request_id.encode(), digest_size=16).digest()
        now = self._ticker()
        with self._lock:
            self._expire(now)
            if any(digest in ids for _, ids in self._buckets):
                raise VerificationError("request_replayed")
            if self._size >= self.max_entries:
                raise VerificationError("replay_guard_full")
            if not self._buckets or now >= self._buckets[-1][0] + self.bucket:
                self._buckets.append((now, set()))
            self._buckets[-1][1].add(digest)
            self._size += 1

    def _expire(self, now: float) -> None:
        while self._buckets and self._buckets[0][0] + self.bucket + self.window <= now:
            _, ids = self._buckets.popleft()
            self._size -= len(ids)


def request_id(envelope: Mapping[str, Any]) -> str:
    """Return `request.requestId`.

    Raises:
        VerificationError: it is missing, not a string, empty or too long.
    """
    found = envelope["request"].get("requestId")
    if not isinstance(found, str) or not 0 < len(found) <= MAX_REQUEST_ID_CHARS:
        raise VerificationError("request_id_missing")
    return found


@dataclass(frozen=True)
class ReplayVerifier:
    """Refuses a request whose id was already accepted within the window."""

    guard: ReplayGuard

    def check_raw(self, headers: Mapping[str, str], body: bytes) -> None:
        """Do nothing: the request id lives in the envelope."""

    def check_envelope(self, envelope: Mapping[str, Any]) -> None:
        """Check that the envelope carries a usable request id."""
        request_id(envelope)

    def check_final(
        self, headers: Mapping[str, str], body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        """Record the id of a request whose signature has been verified."""
        self.guard.remember(request_id(envelope))
