"""The Lambda handler over one skill instance: request envelopes in and out as plain JSON."""

import json
from collections.abc import Mapping
from typing import Any

from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.handler import MalformedRequest, SkillHandler


def lambda_handler(builder: SkillBuilder) -> SkillHandler:
    """What `SkillBuilder.lambda_handler()` does, with the skill built once instead of per
    request, and an envelope the SDK cannot read raised as MalformedRequest."""
    skill = builder.create()

    def handle(event: Mapping[str, Any], context: Any) -> dict[str, Any]:
        try:
            envelope = skill.serializer.deserialize(
                payload=json.dumps(event), obj_type=RequestEnvelope
            )
        except Exception as error:  # the SDK raises many kinds for a malformed envelope
            raise MalformedRequest("the request envelope cannot be read") from error
        if envelope.request is None:
            raise MalformedRequest("the request envelope has no request")
        response = skill.invoke(request_envelope=envelope, context=context)
        serialized = skill.serializer.serialize(response)
        if not isinstance(serialized, dict):
            raise TypeError("the SDK serialised a response envelope to a non-object")
        return serialized

    return handle
