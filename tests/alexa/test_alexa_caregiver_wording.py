"""A caregiver hears every response about "them": whole conversations through the simulator, for
a son, a mother and someone else, to every outcome (issue 10: caregiver wording is right in
every response)."""

import re
from functools import cache
from typing import Any

import pytest

from skill.lambda_function import lambda_handler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.outcome import outcome_of
from skill.simulator.resolver import Resolver
from skill.triage.load import default_content

CONTENT = default_content()
TIPS_FOR_THEM = [
    CONTENT.text("en-US", f"advice.{advice}", "other")
    for advice in CONTENT.advice
    if advice.startswith("tip_")
]

PERSONS = {"my son": "his", "my mother": "her", "someone else": "the"}
"""Who the caregiver asks for, and how they then speak of the twitching muscle."""

SELF_WORDING = re.compile(
    r"\b(do you have|have you|are you|can't you|could you have|did you|you fainted|you take"
    r"|you use|you buy|you have|you said you|you told me you|you are|you can't|yourself)\b"
    r"|\byour\b(?! answers\b)",
    re.IGNORECASE,
)
"""Words that speak to the person with the twitch as "you" (the caregiver's own answers and
worry are theirs: "with your answers", "worrying you, or them" are right)."""


def conversations(pos: str) -> dict[str, list[str]]:
    """Whole conversations to every outcome, the muscle spoken of with `pos` ("his calf")."""
    return {
        "self_care_with_tips_and_read_back": [
            "no",
            "no",
            f"{pos} calf",
            "three days",
            "no",
            "no",
            "no",
            "stress and not much sleep",
            "yes",
            "no",
        ],
        "self_care_eyelid_with_tips": [
            "no",
            "no",
            f"{pos} eyelid",
            "three days",
            "no",
            "no",
            "no",
            "no",
            "coffee",
            "why",
            "yes",
            "no",
        ],
        "contact_provider_with_read_back": [
            "no",
            "no",
            f"{pos} calf",
            "three weeks",
            "why",
            "yes",
            "no",
        ],
        "contact_provider_eyelid_sign": [
            "no",
            "no",
            f"{pos} eyelid",
            "two days",
            "yes",
            "yes",
            "no",
        ],
        "contact_provider_medicine": [
            "no",
            "no",
            f"{pos} calf",
            "two days",
            "no",
            "diet pills",
            "yes",
            "no",
        ],
        "contact_provider_still_unsure_one_at_a_time": [
            "not sure",
            "no",
            "no",
            "not sure",
            "not sure",
            "no",
            "no",
            "no",
            "no",
            "yes",
            "no",
        ],
        "emergency_at_the_safety_check": ["yes"],
        "emergency_at_its_second_part": ["no", "yes"],
        "emergency_one_at_a_time": ["no", "not sure", "no", "yes"],
        "emergency_volunteered_mid_way": [
            "no",
            "no",
            f"{pos} calf",
            f"{'i' if pos == 'my' else 'they'} can't talk properly",
        ],
        "info_and_repair_ladder_to_the_kind_ending": [
            "no",
            "is it als",
            "no",
            "purple spotty",
            "the weather is nice",
            "banana bread",
        ],
    }


CASES = [
    (person, name, lines)
    for person, pos in PERSONS.items()
    for name, lines in conversations(pos).items()
]


@cache
def _resolver() -> Resolver:
    return Resolver.from_file(model_path("en-US"))


def converse(*lines: str) -> list[dict[str, Any]]:
    """A whole conversation through the simulator: every response, the launch's first."""
    sim = Simulator(lambda_handler, _resolver(), Session(SIMULATED_SKILL_ID, "en-US"), outcome_of)
    return [sim.first(None), *(sim.say(line) for line in lines)]


def spoken_and_shown(record: dict[str, Any]) -> str:
    """The speech, the reprompt and the card of a response."""
    card = record["card"] or {"title": "", "text": ""}
    return " ".join([record["speech"], record["reprompt"] or "", card["title"], card["text"]])


@pytest.mark.parametrize(("person", "name", "lines"), CASES, ids=[f"{p}-{n}" for p, n, _ in CASES])
def test_every_response_to_a_caregiver_speaks_of_them(person, name, lines):
    responses = converse(person, *lines)
    assert responses[-1]["end_session"], "the conversation reaches its end"
    assert responses[-1]["outcome"] is not None or "having trouble" in responses[-1]["speech"]
    for said, record in zip(["(launch)", person, *lines], responses, strict=True):
        text = spoken_and_shown(record)
        wrong = SELF_WORDING.search(text)
        assert not wrong, f"{said!r} -> {wrong.group(0)!r} in {text!r}"


@pytest.mark.parametrize(("person", "name", "lines"), CASES, ids=[f"{p}-{n}" for p, n, _ in CASES])
def test_the_outcome_a_caregiver_hears_is_addressed_to_them(person, name, lines):
    responses = converse(person, *lines)[1:]
    outcomes = [r for r in responses if r["outcome"] is not None]
    if name.startswith("info_and_repair_ladder"):
        assert not outcomes
        assert "call 9 1 1 for them now" in responses[-1]["speech"]
        assert "call their health care provider" in responses[-1]["speech"]
        return
    first = outcomes[0]
    assert name.startswith(first["outcome"]["disposition"]), (name, first["outcome"])
    if first["outcome"]["disposition"] == "emergency":
        assert "Call 9 1 1 for them now." in first["speech"]
        assert "Again, call 9 1 1 for them now." in first["speech"]
        assert first["end_session"]
    elif first["outcome"]["disposition"] == "contact_provider":
        assert "Please help them call their health care provider soon" in first["speech"]
    else:
        assert "Call their health care provider if it lasts over two weeks" in first["speech"]
        assert "Would you like tips for them" in first["speech"]
    if lines[-2:] == ["yes", "no"] and first["outcome"]["disposition"] != "emergency":
        read_back, goodbye = responses[-2]["speech"], responses[-1]["speech"]
        assert "When did they first notice the twitching?" in read_back
        assert "Take a list of every medicine they use" in read_back
        assert "Shall I remind you" in read_back
        assert "If they show an emergency sign, call 9 1 1 for them." in goodbye
        if first["outcome"]["disposition"] == "self_care":
            assert any(read_back.startswith(tip) for tip in TIPS_FOR_THEM), read_back


@pytest.mark.parametrize(("name", "lines"), conversations("his").items())
def test_a_son_is_never_asked_about_pregnancy(name, lines):
    for record in converse("my son", *lines):
        said = f"{record['speech']} {record['reprompt'] or ''}"
        assert "pregnan" not in said.lower(), said


def test_a_mother_is_asked_about_pregnancy_and_it_is_read_back():
    lines = conversations("her")["self_care_with_tips_and_read_back"]
    records = converse("my mother", *lines)
    assert "Kidney problems, or pregnancy?" in records[6]["speech"]
    assert "Are they pregnant?" in records[-2]["speech"]


@pytest.mark.parametrize(("name", "lines"), conversations("my").items())
def test_the_same_conversations_for_oneself_are_worded_for_you(name, lines):
    """The check above would see self wording: for oneself, the same conversations have it."""
    responses = converse("me", *lines)
    assert any(SELF_WORDING.search(spoken_and_shown(r)) for r in responses), name
    assert not [r for r in responses if "for them" in r["speech"]], name
