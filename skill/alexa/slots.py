"""What a request's slots say: every value, resolved or not, read by the understanding core."""

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.slot import Slot
from ask_sdk_model.slu.entityresolution.status_code import StatusCode

from skill.triage import Content, Question
from skill.triage.model import FactValue
from skill.understanding import Reading

if TYPE_CHECKING:
    from skill.understanding.lexicon import Lexicon

PERSON = "Person"
DURATION_PHRASE = "DurationPhrase"
MAX_TEXT = 500
"""Characters of slot text read per request (Alexa's own limit is far below)."""

_NUMBER = r"(\d+(?:\.\d+)?)"
ISO_DURATION = re.compile(
    rf"P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?"
)
DAYS_PER_PART = (365.0, 30.0, 7.0, 1.0, 1 / 24, 1 / 1440, 1 / 86400)
DURATION_FACT = "duration_days"
MORE_THAN = frozenset({"durationOver"})
"""Duration slots said as "more than ...": one day more than the duration heard."""


@dataclass(frozen=True)
class Heard:
    """What one request said: Alexa's resolved values and the reading of every word."""

    facts: Mapping[str, FactValue] = field(default_factory=lambda: MappingProxyType({}))
    """Facts to record: resolved values, then what the reading of the words adds or corrects."""
    reading: Reading = field(default_factory=Reading)
    person: str | None = None
    person_named: bool = False
    """The person was named ("my mother", "for me"), not only implied by a pronoun."""
    male: bool | None = None
    topic: str | None = None
    red_flag: bool = False
    words: bool = False
    """Some slot carried words."""

    @property
    def answer(self) -> str | None:
        """A yes, no or not sure that the words gave."""
        return self.reading.answer


def duration_days(value: str | None) -> int | None:
    """An ISO-8601 duration (P3D, P2W, P1M, P1Y, PT5H, …) in whole days; None if not one."""
    match = ISO_DURATION.fullmatch(value or "")
    if match is None or not any(match.groups()):
        return None
    days = sum(float(n) * d for n, d in zip(match.groups(), DAYS_PER_PART, strict=True) if n)
    return int(days)


def resolution(slot: Slot) -> tuple[str, str] | None:
    """(slot type, value id) of a slot Alexa matched to a custom value, else None."""
    for authority in (slot.resolutions.resolutions_per_authority or []) if slot.resolutions else []:
        matched = (
            authority.status is not None and authority.status.code == StatusCode.ER_SUCCESS_MATCH
        )
        if matched and authority.values and authority.values[0].value is not None:
            value_id = authority.values[0].value.id
            slot_type = (authority.authority or "").rsplit(".", 1)[-1]
            if isinstance(value_id, str):
                return slot_type, value_id
    return None


def hear(
    handler_input: HandlerInput,
    content: Content,
    lexicon: "Callable[[], Lexicon]",
    known: Mapping[str, FactValue],
    pending: Question | None,
) -> Heard:
    """Read every slot of an intent request: resolved ids through the vocabulary, and every
    value's words (resolved or not, of any slot type) through the understanding."""
    request = handler_input.request_envelope.request
    if not is_request_type("IntentRequest")(handler_input) or not isinstance(
        request, IntentRequest
    ):
        return Heard()
    # The reader is imported on the first request with words, not on a cold start's launch.
    from skill.understanding.answering import answer_facts
    from skill.understanding.reading import read

    slots = (request.intent.slots if request.intent is not None else None) or {}
    resolved: dict[str, FactValue] = {}
    person = topic = None
    texts: list[str] = []
    for name, slot in slots.items():
        if not isinstance(slot, Slot) or not isinstance(slot.value, str) or not slot.value:
            continue
        days = duration_days(slot.value)
        if days is not None:
            resolved[DURATION_FACT] = days + 1 if name in MORE_THAN else days
            continue
        found = resolution(slot)
        texts.append(_as_said(slot, found))
        if found is None:
            continue
        slot_type, value_id = found
        if slot_type == PERSON:
            person = content.persons.get(PERSON, {}).get(value_id, person)
        elif value_id in content.info:
            topic = value_id
        for fact, value in content.vocabulary.get(slot_type, {}).get(value_id, {}).items():
            if resolved.get(fact) != "yes" and not _none_of_another(fact, value, pending):
                resolved[fact] = value
    text = " . ".join(texts)[:MAX_TEXT]
    reading = Reading()
    if text:
        vague = pending is not None and pending.fact == DURATION_FACT
        fever = pending is not None and any(
            fact in lexicon().fever_high for fact in (pending.fact, *pending.parts)
        )
        reading = read(text, lexicon(), _today(request), vague=vague, temperature=fever)
    facts = dict(resolved)
    facts.update(answer_facts(reading, content, {**known, **resolved}, pending))
    named = person is not None
    if reading.person.named or person is None:
        named = named or reading.person.named
        person = reading.person.who or person
    if person is None and texts and request.intent is not None and request.intent.name:
        person = lexicon().implied_persons.get(request.intent.name)
    red_flag = any(facts.get(flag) == "yes" for flag in content.red_flags)
    return Heard(
        facts=MappingProxyType(facts),
        reading=reading,
        person=person,
        person_named=named,
        male=reading.person.male,
        topic=topic or reading.topic,
        red_flag=red_flag,
        words=bool(texts),
    )


def _none_of_another(fact: str, value: FactValue, pending: Question | None) -> bool:
    """ "None of those" resolved as another list question's value: the words answer instead."""
    return value == "no" and (pending is None or fact != pending.fact)


def _as_said(slot: Slot, found: tuple[str, str] | None) -> str:
    """A slot's words as the user said them: an unlisted duration phrase was said after
    "since" or "for" (the sample's carrier words, which Alexa leaves out of the value)."""
    value = slot.value or ""
    authority = _authority(slot)
    if found is None and authority == DURATION_PHRASE and not value.split()[0].isdigit():
        return f"since {value}"
    return value


def _authority(slot: Slot) -> str | None:
    for authority in (slot.resolutions.resolutions_per_authority or []) if slot.resolutions else []:
        return (authority.authority or "").rsplit(".", 1)[-1]
    return None


def _today(request: IntentRequest) -> datetime.date | None:
    stamp = request.timestamp
    return stamp.date() if isinstance(stamp, datetime.datetime) else None
