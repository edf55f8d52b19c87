"""What an intent's slots say: facts, the person and an info topic (resolved ids only)."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_core.utils.request_util import get_slot
from ask_sdk_model.slot import Slot
from ask_sdk_model.slu.entityresolution.status_code import StatusCode

from skill.triage import Content
from skill.triage.model import FactValue

DURATION = "AMAZON.DURATION"
PERSON = "Person"
SYMPTOM = "Symptom"
INFO_TOPIC = "InfoTopic"
SLOT_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "location": "BodyLocation",
        "duration": DURATION,
        "durationOver": DURATION,
        "durationPhrase": "DurationPhrase",
        "symptom": SYMPTOM,
        "symptomTwo": SYMPTOM,
        "trigger": "Trigger",
        "triggerTwo": "Trigger",
        "triggerThree": "Trigger",
        "healthFactor": "HealthFactor",
        "healthFactorTwo": "HealthFactor",
        "person": PERSON,
        "topic": INFO_TOPIC,
    }
)
"""Every slot name of the interaction model and its slot type."""
MORE_THAN = frozenset({"durationOver"})
"""Duration slots said as "more than ...": one day more than the duration heard."""

_NUMBER = r"(\d+(?:\.\d+)?)"
ISO_DURATION = re.compile(
    rf"P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?"
)
DAYS_PER_PART = (365.0, 30.0, 7.0, 1.0, 1 / 24, 1 / 1440, 1 / 86400)


@dataclass(frozen=True)
class Heard:
    """The usable content of one request's slots."""

    facts: Mapping[str, FactValue] = field(default_factory=lambda: MappingProxyType({}))
    person: str | None = None
    topic: str | None = None
    red_flag: bool = False
    unclear_symptom: bool = False
    """A symptom was said that did not resolve to a known value."""


def duration_days(value: str | None) -> int | None:
    """An ISO-8601 duration (P3D, P2W, P1M, P1Y, PT5H, …) in whole days; None if not one."""
    match = ISO_DURATION.fullmatch(value or "")
    if match is None or not any(match.groups()):
        return None
    days = sum(float(n) * d for n, d in zip(match.groups(), DAYS_PER_PART, strict=True) if n)
    return int(days)


def resolved_id(slot: Slot | None) -> str | None:
    """The entity-resolution id of a slot matched to a custom value, else None."""
    if slot is None or slot.resolutions is None:
        return None
    for authority in slot.resolutions.resolutions_per_authority or []:
        matched = (
            authority.status is not None and authority.status.code == StatusCode.ER_SUCCESS_MATCH
        )
        if matched and authority.values and authority.values[0].value is not None:
            return authority.values[0].value.id
    return None


def hear(handler_input: HandlerInput, content: Content) -> Heard:
    """Read every known slot of an intent request; unresolved values are ignored."""
    if not is_request_type("IntentRequest")(handler_input):
        return Heard()
    facts: dict[str, FactValue] = {}
    person = topic = None
    unclear = False
    for name, slot_type in SLOT_TYPES.items():
        slot = get_slot(handler_input, name)
        if slot is None:
            continue
        if slot_type == DURATION:
            days = duration_days(slot.value)
            if days is not None and name in MORE_THAN:
                days += 1
            sets: Mapping[str, FactValue] = {} if days is None else {"duration_days": days}
        else:
            value_id = resolved_id(slot)
            if value_id is None:
                unclear = unclear or (slot_type == SYMPTOM and bool(slot.value))
                continue
            if slot_type == PERSON:
                person = content.persons.get(PERSON, {}).get(value_id, person)
            elif slot_type == INFO_TOPIC:
                topic = value_id if value_id in content.info else topic
            sets = content.vocabulary.get(slot_type, {}).get(value_id, {})
        for fact, value in sets.items():
            if facts.get(fact) != "yes":
                facts[fact] = value
    red_flag = any(facts.get(flag) == "yes" for flag in content.red_flags)
    return Heard(MappingProxyType(facts), person, topic, red_flag, unclear)
