"""Run every conversation script through the simulator, so the interaction model is used too.

A script may set `device` (screen: true for a device with a screen, whose lines may be
"tap: <answer>"; reminder_permission: false when the user has not allowed reminders yet;
reminders_fail: an HTTP status or timeout for the local Reminders API; time_zone and
temperature_unit, CELSIUS or FAHRENHEIT, as the Alexa settings service gives them, the time zone
by default the locale's own; settings_service: answer, fail or hang) and `now` (the time its
requests are stamped with)."""

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.simulator.cli import ASK_FOR, script_device

SCRIPTS = sorted(Path(__file__).parent.glob("*.yaml"))
TOP_KEYS = {"description", "locale", "one_shot", "first", "turns", "outcome", "device", "now"}
EXPECT_KEYS = {
    "contains",
    "not_contains",
    "reprompt_contains",
    "card_contains",
    "end_session",
    "outcome",
    "intent",
    "slots",
    "directives",
    "not_directives",
    "screen_contains",
    "buttons",
    "reminder",
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
    check_device(record, expect, where)


def check_device(record: dict[str, Any], expect: dict[str, Any], where: str) -> None:
    """The directives sent, the screen shown and the reminder set, against expectations."""
    for kind in expect.get("directives", []):
        assert kind in record["directives"], f"{where}: no {kind} in {record['directives']}"
    for kind in expect.get("not_directives", []):
        assert kind not in record["directives"], f"{where}: {kind} sent"
    shown = json.dumps(record.get("screen") or {}).lower()
    for fragment in expect.get("screen_contains", []):
        assert fragment.lower() in shown, f"{where}: {fragment!r} not on the screen {shown}"
    if "buttons" in expect:
        labels = [b["label"] for b in (record.get("screen") or {}).get("buttons", [])]
        assert labels == expect["buttons"], f"{where}: buttons {labels}"
    if "reminder" in expect:
        assert_reminder(record["reminder"], expect["reminder"], where)


def assert_reminder(actual: dict[str, Any] | None, expected: Any, where: str) -> None:
    """No reminder, or one set at this local time (and, when given, with these words)."""
    if expected is None:
        assert actual is None, f"{where}: expected no reminder, got {actual}"
        return
    assert actual is not None, f"{where}: expected a reminder, none was set"
    trigger = actual["trigger"]
    assert trigger["type"] == "SCHEDULED_ABSOLUTE", f"{where}: {trigger}"
    assert trigger["scheduledTime"] == expected["at"], f"{where}: {trigger}"
    if "text" in expected:
        assert actual["alertInfo"]["spokenInfo"]["content"][0]["text"] == expected["text"]


def assert_outcome(actual: dict[str, Any] | None, expected: Any, where: str) -> None:
    """Outcome null, or a disposition with (when given) exactly these reasons."""
    if expected is None:
        assert actual is None, f"{where}: expected no outcome yet, got {actual}"
        return
    assert actual is not None, f"{where}: expected outcome {expected}, got none"
    assert actual["disposition"] == expected["disposition"], f"{where}: {actual}"
    if "reasons" in expected:
        assert sorted(actual["reasons"]) == sorted(expected["reasons"]), f"{where}: {actual}"


def test_there_are_at_least_thirty_scripts() -> None:
    assert len(SCRIPTS) >= 30


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_conversation_script(path: Path) -> None:
    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(script) <= TOP_KEYS, f"unknown keys {set(script) - TOP_KEYS}"
    with script_device(script) as sim:
        record = sim.first(script.get("one_shot"))
        check(record, script.get("first", {}), "first response")
        for index, turn in enumerate(script["turns"], start=1):
            assert set(turn) <= {"say", "expect"}, f"turn {index}: unknown keys"
            record = sim.say(turn["say"])
            where = f"turn {index} ({turn['say']!r})"
            asks = record["end_session"] or record["reprompt"] or ASK_FOR in record["directives"]
            assert asks, f"{where}: no reprompt, session open"
            check(record, turn.get("expect") or {}, where)
    if "outcome" in script:
        assert_outcome(record["outcome"], script["outcome"], "final outcome")
