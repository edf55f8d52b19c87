"""Replay guard: a signed request is accepted once; memory is bounded by the window and a cap."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from skill.web import ReplayGuard, VerificationError, create_app

from .support import SKILL_ID, encode, envelope, fake_handler, rejection_reasons

Headers = Callable[..., dict[str, str]]


def test_a_replayed_request_is_refused(
    client: FlaskClient, signed_headers: Headers, caplog: pytest.LogCaptureFixture
) -> None:
    body = encode(envelope())
    statuses = [client.post("/", data=body, headers=signed_headers(body)).status_code]
    statuses += [client.post("/", data=body, headers=signed_headers(body)).status_code]
    assert statuses == [200, 400]
    assert rejection_reasons(caplog.records) == ["request_replayed"]


def test_requests_with_different_ids_are_all_accepted(
    client: FlaskClient, signed_headers: Headers
) -> None:
    for _ in range(20):
        body = encode(envelope())
        assert client.post("/", data=body, headers=signed_headers(body)).status_code == 200


def test_an_unsigned_request_cannot_use_up_a_request_id(
    client: FlaskClient, signed_headers: Headers
) -> None:
    body = encode(envelope())
    assert client.post("/", data=body).status_code == 400
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 200


@pytest.mark.parametrize("request_id", [None, "", 7, "x" * 257])
def test_a_request_without_a_usable_id_is_refused(
    client: FlaskClient,
    signed_headers: Headers,
    caplog: pytest.LogCaptureFixture,
    request_id: object,
) -> None:
    event = envelope()
    event["request"]["requestId"] = request_id
    body = encode(event)
    assert client.post("/", data=body, headers=signed_headers(body)).status_code == 400
    assert rejection_reasons(caplog.records) == ["request_id_missing"]


def test_insecure_mode_has_no_replay_guard() -> None:
    client = create_app(fake_handler, skill_id=SKILL_ID, verify=False).test_client()
    body = encode(envelope())
    assert [client.post("/", data=body).status_code for _ in range(2)] == [200, 200]


def test_an_id_is_forgotten_only_after_the_window() -> None:
    clock = [0.0]
    guard = ReplayGuard(window=300.0, bucket=10.0, ticker=lambda: clock[0])
    guard.remember("a")
    for moment in (1.0, 150.0, 299.0):
        clock[0] = moment
        with pytest.raises(VerificationError, match="request_replayed"):
            guard.remember("a")
    clock[0] = 310.0
    guard.remember("a")


def test_memory_is_bounded_by_the_window() -> None:
    clock = [0.0]
    guard = ReplayGuard(window=300.0, bucket=10.0, ticker=lambda: clock[0])
    for n in range(3000):
        clock[0] = n * 0.5
        guard.remember(f"id-{n}")
    assert len(guard) <= (300 + 10) * 2 + 1


def test_a_full_guard_refuses_rather_than_forgets() -> None:
    clock = [0.0]
    guard = ReplayGuard(max_entries=3, ticker=lambda: clock[0])
    for name in "abc":
        guard.remember(name)
    with pytest.raises(VerificationError, match="replay_guard_full"):
        guard.remember("d")
    with pytest.raises(VerificationError, match="request_replayed"):
        guard.remember("a")
    clock[0] = 1000.0
    guard.remember("d")
    assert len(guard) == 1
