"""What a device with a screen shows after a reply: the emergency, the pending question with a
button for every answer it accepts, or the outcome with its tips and the provider's questions.
Every text comes from the content, written as it is read (911, not 9 1 1)."""

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from skill.alexa.outcomes import is_emergency, provider_questions, tips
from skill.alexa.session import Phase
from skill.alexa.turn import Reply, Turn
from skill.triage import Outcome, Question
from skill.triage.answers import named_values
from skill.triage.model import QuestionKind

Document = Literal["question", "outcome", "emergency"]
DOCUMENTS: tuple[Document, ...] = ("question", "outcome", "emergency")
"""The APL documents, content/apl/<name>.json."""
NUMBER = re.compile(r"\d(?:[\d ]*\d)?")
"""The digits a written emergency number starts with."""
YES_NO = ("yes", "no")
YES_NO_UNSURE = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Button:
    """A touch answer: its label, and what it says (kind, value, detail), as SendEvent sends it.

    kind "answer": value is yes, no or unsure; "person": self or other; "value": a value id of
    the slot type in detail (a place, a duration); "option": a fact a list question offers."""

    label: str
    kind: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Screen:
    """A document and the data it shows (the datasource "screen")."""

    document: Document
    data: dict[str, object]


def screen_for(turn: Turn, reply: Reply) -> Screen:
    """The screen that goes with a finished reply."""
    step = turn.engine.next_step(turn.session.state)
    outcome = None if isinstance(step, Question) else step
    if reply.urgent or (outcome is not None and is_emergency(turn, outcome)):
        return emergency(turn, turn.engine.outcome(turn.session.state))
    text = turn.voice.written(" ".join(reply.speech))
    if outcome is not None and turn.session.phase in (Phase.OFFER, Phase.REMIND, Phase.ENDED):
        return outcome_screen(turn, outcome, text)
    return Screen("question", {"text": text, "buttons": _data(buttons(turn))})


def emergency(turn: Turn, outcome: Outcome) -> Screen:
    """The number to call, and the reason in one line; under the number, what qualifies it
    when the device's country is not known ("or your local emergency number")."""
    voice = turn.voice
    reason = voice.listing([voice.say(f"reason.{r}") for r in outcome.reasons])
    written = voice.written(voice.say("ui.screen.emergency_number"))
    digits = NUMBER.match(written)
    number, note = (digits.group(0), written[digits.end() :].strip()) if digits else (written, "")
    data = {"number": number, "note": note, "reason": _capital(voice.written(reason))}
    return Screen("emergency", dict(data))


def outcome_screen(turn: Turn, outcome: Outcome, text: str) -> Screen:
    """The outcome as said, its tips, the provider's questions, and the offer's answers."""
    written = turn.voice.written
    doctor = [" ".join(filter(None, pair)) for pair in provider_questions(turn)]
    return Screen(
        "outcome",
        {
            "title": written(turn.say(f"ui.outcome.{outcome.disposition}")),
            "text": text,
            "tipsTitle": turn.say("ui.screen.tips"),
            "tips": [written(turn.say(f"advice.{a}")) for a in tips(turn, outcome)],
            "doctorTitle": turn.say("ui.doctor_intro"),
            "doctor": [written(line) for line in doctor],
            "buttons": _data(buttons(turn)),
        },
    )


def buttons(turn: Turn) -> list[Button]:
    """A button for every answer what is pending accepts (none once the session has ended)."""
    session, question = turn.session, turn.question()
    if session.phase in (Phase.NEW, Phase.ENDED):
        return []
    if session.simple is not None:
        own = question is not None and session.simple == question.id
        return answers(turn, YES_NO_UNSURE if own else YES_NO)
    if session.phase is Phase.WHO_FOR:
        return [
            Button(turn.say("ui.button.me"), "person", "self"),
            Button(turn.say("ui.button.someone_else"), "person", "other"),
        ]
    if session.phase in (Phase.OFFER, Phase.START_OFFER, Phase.REMIND):
        return answers(turn, YES_NO)
    if question is None:
        return []
    return question_buttons(turn, question)


def question_buttons(turn: Turn, question: Question) -> list[Button]:
    """Yes, no and not sure; or the places, the durations, or a list's options and none."""
    if question.kind is QuestionKind.YES_NO:
        return answers(turn, YES_NO_UNSURE)
    if question.kind is QuestionKind.CHOICE:
        offered = question.offered(turn.session.state.facts)
        options = [Button(_capital(turn.say(f"fact.{o}")), "option", o) for o in offered]
        none = Button(turn.say("ui.button.none"), "answer", "no")
        return [*options, none, *answers(turn, ("unsure",))]
    named = []
    for value_id, facts in named_values(turn.content, question):
        if question.kind is QuestionKind.LOCATION:
            label = turn.say(f"place.{facts[question.fact]}")
        else:
            label = turn.say(f"duration.{value_id}")
        named.append(Button(_capital(label), "value", value_id, question.slot_type or ""))
    return [*named, *answers(turn, ("unsure",))]


def answers(turn: Turn, values: Sequence[str]) -> list[Button]:
    """Yes, no or not sure buttons."""
    return [Button(_capital(turn.say(f"answer.{v}")), "answer", v) for v in values]


def _data(found: list[Button]) -> list[dict[str, str]]:
    return [asdict(b) for b in found]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
