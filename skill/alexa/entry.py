"""The Lambda handler over one skill instance: request envelopes in and out as plain JSON."""

import json
from collections.abc import Mapping
from typing import Any

from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model.context import Context
from ask_sdk_model.interfaces.system.system_state import SystemState
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.alexa.bounds import Limits, within
from skill.alexa.session import UNREADABLE, readable
from skill.handler import MalformedRequest, SkillHandler

ENVELOPE_LIMITS = Limits(depth=64)
"""Far deeper than any Alexa envelope, far shallower than the recursion the SDK and the json
module can take."""


def bounded(event: object) -> dict[str, Any]:
    """The event with session attributes past the session limits replaced by a marker that
    reads as a broken state, so that the SDK never copies them. Raise MalformedRequest for an
    event that is not an object, or nested past ENVELOPE_LIMITS elsewhere."""
    if not isinstance(event, dict):
        raise MalformedRequest("the request envelope is not an object")
    session = event.get("session")
    if isinstance(session, dict) and not _attributes_readable(session):
        event = {**event, "session": {**session, "attributes": dict(UNREADABLE)}}
    if not within(event, ENVELOPE_LIMITS):
        raise MalformedRequest("the request envelope is nested too deeply or not plain JSON")
    return event


def _attributes_readable(session: dict[str, Any]) -> bool:
    attributes = session.get("attributes")
    return attributes is None or readable(attributes)


def lambda_handler(builder: SkillBuilder) -> SkillHandler:
    """What `SkillBuilder.lambda_handler()` does, with the skill built once instead of per
    request, session attributes bounded before the SDK reads them, and an envelope the SDK
    cannot read raised as MalformedRequest."""
    skill = builder.create()

    def handle(event: Mapping[str, Any], context: Any) -> dict[str, Any]:
        checked = bounded(event)
        try:
            envelope = skill.serializer.deserialize(
                payload=json.dumps(checked), obj_type=RequestEnvelope
            )
        except Exception as error:  # the SDK raises many kinds for a malformed envelope
            raise MalformedRequest("the request envelope cannot be read") from error
        if envelope.request is None:
            raise MalformedRequest("the request envelope has no request")
        if envelope.context is None or envelope.context.system is None:
            # The SDK reads the service APIs' address from here before any handler runs; a
            # request without it is still answered (a red flag in full), with no service to call.
            envelope.context = envelope.context or Context()
            envelope.context.system = SystemState()
        response = skill.invoke(request_envelope=envelope, context=context)
        serialized = skill.serializer.serialize(response)
        if not isinstance(serialized, dict):
            raise TypeError("the SDK serialised a response envelope to a non-object")
        return serialized

    return handle
