"""Flask app for the skill: Amazon's checks on the raw request, then the skill handler."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from cryptography import x509
from flask import Flask, Response, request

from skill.handler import MalformedRequest, SkillHandler
from skill.web.certs import CertLimits, Clock, SigningKeys, utc_now
from skill.web.errors import VerificationError
from skill.web.fetch import Fetcher, http_fetch
from skill.web.replay import ReplayGuard
from skill.web.verifier import SkillIdVerifier, Verifier, amazon_verifiers, parse_envelope

MAX_BODY_BYTES = 128 * 1024
SIGNING_KEYS_EXTENSION = "skill_signing_keys"
REPLAY_GUARD_EXTENSION = "skill_replay_guard"
INSECURE_WARNING = (
    "INSECURE: Amazon's request checks are OFF (--insecure-skip-verify); "
    "anyone can call this skill; use for local trials only"
)

logger = logging.getLogger(__name__)


def _read_body(max_bytes: int) -> bytes:
    if request.content_length is not None and request.content_length > max_bytes:
        raise VerificationError("body_too_large")
    chunks: list[bytes] = []
    size = 0
    while chunk := request.stream.read(min(64 * 1024, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise VerificationError("body_too_large")
    return b"".join(chunks)


def _checked_envelope(verifiers: Sequence[Verifier], max_body_bytes: int) -> dict[str, Any]:
    body = _read_body(max_body_bytes)
    headers = {name.lower(): value for name, value in request.headers.items()}
    for verifier in verifiers:
        verifier.check_raw(headers, body)
    envelope = parse_envelope(body)
    for verifier in verifiers:
        verifier.check_envelope(envelope)
    for verifier in verifiers:
        verifier.check_final(headers, body, envelope)
    return envelope


def _call_handler(handler: SkillHandler, envelope: dict[str, Any]) -> Response:
    try:
        result = handler(envelope, None)
        if not isinstance(result, dict):
            raise TypeError("the skill handler returned a non-object")
        payload = json.dumps(result)
    except MalformedRequest:
        logger.warning("request rejected: envelope_unreadable")
        return Response(status=400)
    except Exception as error:
        logger.error("skill handler failed: %s", type(error).__name__)
        return Response(status=500)
    return Response(payload, status=200, mimetype="application/json")


def register(
    app: Flask,
    route: str,
    handler: SkillHandler,
    verifiers: Sequence[Verifier],
    *,
    insecure: bool = False,
    max_body_bytes: int = MAX_BODY_BYTES,
    endpoint: str = "alexa",
) -> None:
    """Add the skill's POST route to `app`, guarded by `verifiers`.

    Args:
        app: the Flask app.
        route: URL rule of the skill endpoint.
        handler: the skill's `handler(event, context)`.
        verifiers: checks run in order on the raw request, then on the parsed envelope,
            then their costly final stage (signature, replay record).
        insecure: log a warning on every request, for servers run without Amazon's checks.
        max_body_bytes: larger bodies are rejected unread.
        endpoint: Flask endpoint name of the route.
    """
    checks = tuple(verifiers)

    def alexa_endpoint() -> Response:
        if insecure:
            logger.warning(INSECURE_WARNING)
        try:
            envelope = _checked_envelope(checks, max_body_bytes)
        except VerificationError as error:
            logger.warning("request rejected: %s", error.reason)
            return Response(status=400)
        return _call_handler(handler, envelope)

    app.add_url_rule(
        route, endpoint, alexa_endpoint, methods=["POST"], provide_automatic_options=False
    )


def _healthz() -> Response:
    return Response("ok", status=200, mimetype="text/plain")


def create_app(
    handler: SkillHandler,
    *,
    skill_id: str | None,
    verify: bool = True,
    trusted_roots: Sequence[x509.Certificate] | None = None,
    fetcher: Fetcher | None = None,
    clock: Clock = utc_now,
    cert_limits: CertLimits | None = None,
    route: str = "/",
    max_body_bytes: int = MAX_BODY_BYTES,
    check_replays: bool = True,
) -> Flask:
    """Build the Flask app serving `handler` on `route`, with `/healthz` beside it.

    Args:
        handler: the skill's `handler(event, context)`.
        skill_id: the skill's application id; required when `verify` is True.
        verify: run Amazon's checks; False only for local trials.
        trusted_roots: roots for the signing chain; certifi's bundle when None.
        fetcher: downloads signing chains; urllib when None.
        clock: the current time, timezone-aware.
        cert_limits: download and cache limits for signing chains.
        route: URL rule of the skill endpoint.
        max_body_bytes: larger bodies are rejected unread.
        check_replays: refuse a request id already accepted within the timestamp window
            (with Amazon's checks on only; a load test that repeats one body turns it off).

    Raises:
        ValueError: `verify` is True and `skill_id` is empty.
    """
    app = Flask(__name__)
    verifiers: list[Verifier]
    if verify:
        if not skill_id:
            raise ValueError("a skill id is required when Amazon's checks are on")
        keys = SigningKeys(trusted_roots, fetcher or http_fetch, clock, cert_limits)
        replays = ReplayGuard() if check_replays else None
        app.extensions[SIGNING_KEYS_EXTENSION] = keys
        app.extensions[REPLAY_GUARD_EXTENSION] = replays
        verifiers = amazon_verifiers(skill_id, keys, clock, replays)
    else:
        verifiers = [SkillIdVerifier(skill_id)] if skill_id else []
    register(app, route, handler, verifiers, insecure=not verify, max_body_bytes=max_body_bytes)
    app.add_url_rule("/healthz", "healthz", _healthz, methods=["GET"])
    return app
