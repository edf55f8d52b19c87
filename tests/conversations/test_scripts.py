"""Run every conversation script through the simulator, so the interaction model is used too."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.lambda_function import lambda_handler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.outcome import outcome_of
from skill.simulator.resolver import Resolver

SCRIPTS = sorted(Path(__file__).parent.glob("*.yaml"))
TOP_KEYS = {"description", "locale", "one_shot", "first", "turns", "outcome"}
EXPECT_KEYS = {
    "contains",
    "not_contains",
    "reprompt_contains",
    "card_contains",
    "end_session",
    "outcome",
    "intent",
    "slots",
}


def check(record: dict[str, Any], expect: dict[str, Any], where: str) -> None:
    """Assert one response against a script's expectations."""
    unknown = set(expect) - EXPECT_KEYS
    assert not unknown, f"{where}: unknown expect keys {unknown}"
    speech = record["speech"].lower()
    for fragment in expect.get("contains", []):
        assert fragment.lower() in speech, f"{where}: {fragment!r} not in {record['speech']!r}"
    for fragment in expect.get("not_contains", []):
        assert fragment.lower() not in speech, f"{where}: {fragment!r} in {record['speech']!r}"
    for fragment in expect.get("reprompt_contains", []):
        reprompt = (record["reprompt"] or "").lower()
        assert fragment.lower() in reprompt, f"{where}: {fragment!r} not in reprompt {reprompt!r}"
    for fragment in expect.get("card_contains", []):
        card = record["card"] or {"title": "", "text": ""}
        text = f"{card['title']} {card['text']}".lower()
        assert fragment.lower() in text, f"{where}: {fragment!r} not in card {text!r}"
    if "end_session" in expect:
        assert record["end_session"] is expect["end_session"], f"{where}: end_session"
    if "intent" in expect:
        assert record["intent"] == expect["intent"], f"{where}: intent {record['intent']}"
    if "slots" in expect:
        assert record["slots"] == expect["slots"], f"{where}: slots {record['slots']}"
    if "outcome" in expect:
        assert_outcome(record["outcome"], expect["outcome"], where)


def assert_outcome(actual: dict[str, Any] | None, expected: Any, where: str) -> None:
    """Outcome null, or a disposition with (when given) exactly these reasons."""
    if expected is None:
        assert actual is None, f"{where}: expected no outcome yet, got {actual}"
        return
    assert actual is not None, f"{where}: expected outcome {expected}, got none"
    assert actual["disposition"] == expected["disposition"], f"{where}: {actual}"
    if "reasons" in expected:
        assert sorted(actual["reasons"]) == sorted(expected["reasons"]), f"{where}: {actual}"


def simulator(locale: str) -> Simulator:
    """A fresh simulator session talking to the Lambda handler."""
    resolver = Resolver.from_file(model_path(locale))
    return Simulator(lambda_handler, resolver, Session(SIMULATED_SKILL_ID, locale), outcome_of)


def test_there_are_at_least_thirty_scripts() -> None:
    assert len(SCRIPTS) >= 30


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_conversation_script(path: Path) -> None:
    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(script) <= TOP_KEYS, f"unknown keys {set(script) - TOP_KEYS}"
    sim = simulator(script.get("locale", "en-US"))
    record = sim.first(script.get("one_shot"))
    check(record, script.get("first", {}), "first response")
    for index, turn in enumerate(script["turns"], start=1):
        assert set(turn) <= {"say", "expect"}, f"turn {index}: unknown keys"
        record = sim.say(turn["say"])
        where = f"turn {index} ({turn['say']!r})"
        assert record["end_session"] or record["reprompt"], f"{where}: no reprompt, session open"
        check(record, turn.get("expect") or {}, where)
    if "outcome" in script:
        assert_outcome(record["outcome"], script["outcome"], "final outcome")
