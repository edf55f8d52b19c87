"""python -m skill simulate, run as a user would run it, and the Simulator class in-process."""

import copy
import json
import logging
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import pytest

from skill.lambda_function import lambda_handler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.outcome import outcome_of
from skill.simulator.resolver import Resolver

PROJECT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-m", "skill", "simulate"]
TIMEOUT = 60
RECORD_KEYS = {
    "request",
    "utterance",
    "intent",
    "slots",
    "speech",
    "ssml",
    "reprompt",
    "card",
    "end_session",
    "outcome",
    "directives",
    "screen",
    "reminder",
}


def simulate(*options: str, lines: str = "") -> subprocess.CompletedProcess[str]:
    """Run the simulator with the given options, typing the given lines, until end of input."""
    return subprocess.run(
        [*COMMAND, *options],
        input=lines,
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=TIMEOUT,
        check=False,
    )


def records(*options: str, lines: str = "") -> list[dict[str, Any]]:
    """The JSON records of one run (which must exit 0)."""
    result = simulate("--json", *options, lines=lines)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def read_line(stream: IO[str], timeout: float) -> str:
    """One line from a pipe, failing if none arrives in time."""
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert got, f"no line within {timeout} seconds"
    return got[0]


def assert_record_shape(record: dict[str, Any]) -> None:
    """Exactly the documented keys, each with its documented type."""
    assert set(record) == RECORD_KEYS
    assert record["request"] in {"LaunchRequest", "IntentRequest"}
    assert record["utterance"] is None or isinstance(record["utterance"], str)
    assert record["intent"] is None or isinstance(record["intent"], str)
    assert isinstance(record["slots"], dict)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in record["slots"].items())
    assert isinstance(record["speech"], str) and record["speech"]
    assert isinstance(record["ssml"], str) and record["ssml"].startswith("<speak>")
    assert record["reprompt"] is None or isinstance(record["reprompt"], str)
    assert record["card"] is None or (
        set(record["card"]) == {"title", "text"}
        and all(isinstance(v, str) for v in record["card"].values())
    )
    assert isinstance(record["end_session"], bool)
    outcome = record["outcome"]
    assert outcome is None or (
        set(outcome) == {"disposition", "reasons"}
        and isinstance(outcome["disposition"], str)
        and all(isinstance(r, str) for r in outcome["reasons"])
    )
    assert isinstance(record["directives"], list)
    assert all(isinstance(d, str) for d in record["directives"])
    assert record["screen"] is None or isinstance(record["screen"], dict)
    assert record["reminder"] is None or isinstance(record["reminder"], dict)


# JSON mode


def test_json_mode_prints_one_object_per_request_with_exactly_the_documented_keys() -> None:
    out = records(lines="it's for me\nno\nmy eyelid\nthree days\n")
    assert len(out) == 5
    for record in out:
        assert_record_shape(record)
    launch, who, screen, where, how_long = out
    assert (launch["request"], launch["utterance"], launch["intent"]) == (
        "LaunchRequest",
        None,
        None,
    )
    assert launch["slots"] == {}
    assert "not a diagnosis" in launch["speech"]
    expected = {
        "request": "IntentRequest",
        "intent": "WhoForIntent",
        "slots": {"person": "me"},
        "end_session": False,
        "outcome": None,
    }
    assert {key: who[key] for key in expected} == expected
    assert who["utterance"].strip() == "it's for me"
    assert screen["intent"] == "AMAZON.NoIntent"
    assert where["slots"] == {"location": "eyelid"}
    assert how_long["slots"] == {"duration": "P3D"}
    assert how_long["reprompt"] and "weakness" in how_long["reprompt"]


def test_json_records_carry_the_card_and_the_outcome_once_reached() -> None:
    out = records(lines="me\nno\nno\nmy calf\nthree weeks\n")
    final = out[-1]
    assert_record_shape(final)
    assert final["outcome"] == {"disposition": "contact_provider", "reasons": ["long_duration"]}
    assert final["card"]["title"] == "Call your health care provider soon"
    assert "How long: 21 days" in final["card"]["text"]
    assert final["end_session"] is False
    assert all(record["outcome"] is None for record in out[:-1])


def test_an_emergency_record_ends_the_session_without_a_reprompt() -> None:
    *_, final = records(lines="me\nyes\n")
    assert_record_shape(final)
    assert final["end_session"] is True
    assert final["reprompt"] is None
    assert final["outcome"] == {
        "disposition": "emergency",
        "reasons": ["emergency_screen_positive"],
    }


def test_blank_lines_send_no_request() -> None:
    out = records(lines="\n   \nme\n\n")
    assert len(out) == 2
    assert out[1]["intent"] == "WhoForIntent"


def test_json_utterance_is_the_typed_line_without_its_newline() -> None:
    out = records(lines="me\n")
    assert out[1]["utterance"] == "me"


def test_speech_is_the_ssml_without_markup_or_escapes() -> None:
    (launch,) = records()
    assert "&#x27;" in launch["ssml"]
    assert "can't call for help" in launch["speech"]
    assert "<" not in launch["speech"]


def test_slower_wraps_the_speech_in_slow_prosody_for_the_rest_of_the_session() -> None:
    out = records(lines="slower\nme\n")
    assert '<prosody rate="slow">' not in out[0]["ssml"]
    assert all('<prosody rate="slow">' in record["ssml"] for record in out[1:])


# Process behaviour


def test_the_first_response_is_printed_before_any_input_is_read() -> None:
    process = subprocess.Popen(
        [*COMMAND, "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        first = json.loads(read_line(process.stdout, TIMEOUT))
        assert first["request"] == "LaunchRequest"
        assert first["utterance"] is None
        process.stdin.write("it's for me\n")
        process.stdin.flush()
        second = json.loads(read_line(process.stdout, TIMEOUT))
        assert second["intent"] == "WhoForIntent"
        process.stdin.close()
        assert process.wait(TIMEOUT) == 0
        assert process.stdout.read() == ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_end_of_input_exits_zero_after_the_first_response() -> None:
    result = simulate("--json")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_the_line_after_a_session_ends_starts_a_new_session() -> None:
    out = records(lines="me\nstop\nme\n")
    assert out[2]["end_session"] is True
    assert "Take care" in out[2]["speech"]
    restarted = out[3]
    # A new session says the disclaimer again and starts at the safety check.
    assert "not a diagnosis" in restarted["speech"]
    assert "Safety check" in restarted["speech"]
    assert restarted["end_session"] is False


def test_one_shot_sends_the_utterance_as_the_first_intent_request() -> None:
    utterance = "ask muscle twitch helper about my eyelid twitching for three days"
    (first,) = records("--one-shot", utterance)
    assert_record_shape(first)
    assert first["request"] == "IntentRequest"
    assert first["utterance"] == utterance
    assert first["intent"] == "DescribeTwitchIntent"
    assert first["slots"] == {"location": "eyelid", "duration": "P3D"}
    assert "Safety check" in first["speech"]


def test_one_shot_of_a_bare_launch_phrase_is_a_launch_request() -> None:
    (first,) = records("--one-shot", "open muscle twitch helper")
    assert first["request"] == "LaunchRequest"
    assert first["utterance"] == "open muscle twitch helper"
    assert first["intent"] is None


def test_transcript_mode_prints_readable_alexa_lines() -> None:
    result = simulate(lines="it's for me\nyes\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ALEXA: Welcome to muscle twitch helper.")
    assert "  [WhoForIntent {'person': 'me'}]" in lines
    assert "  [AMAZON.YesIntent]" in lines
    alexa = [line for line in lines if line.startswith("ALEXA: ")]
    assert len(alexa) == 3
    assert "Call 9 1 1 now" in alexa[-1]
    assert any(line.startswith("  (card: Call 911 now:") for line in lines)
    assert lines[-1] == "  (session ended; type again to start a new one)"
    assert "you>" not in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_locale_option_speaks_british_english() -> None:
    out = records("--locale", "en-GB", lines="me\nyes\n")
    assert "38.3 degrees Celsius" in out[1]["speech"]
    assert "Call 9 9 9 now" in out[2]["speech"]


def test_a_locale_without_a_model_of_its_language_is_refused() -> None:
    result = simulate("--json", "--locale", "fr-FR")
    assert result.returncode != 0
    assert "no interaction model for locale fr-FR" in result.stderr
    assert result.stdout == ""


# The Simulator in-process: the envelopes it sends


class Recorder:
    """The Lambda handler, keeping a copy of every request envelope it was sent."""

    def __init__(self) -> None:
        self.envelopes: list[dict[str, Any]] = []

    def __call__(self, envelope: dict[str, Any], context: Any) -> dict[str, Any]:
        self.envelopes.append(copy.deepcopy(envelope))
        return lambda_handler(envelope, context)


def in_process(locale: str = "en-US") -> tuple[Simulator, Recorder]:
    recorder = Recorder()
    simulator = Simulator(
        recorder,
        Resolver.from_file(model_path(locale)),
        Session(SIMULATED_SKILL_ID, locale),
        outcome_of,
    )
    return simulator, recorder


def test_session_is_new_only_on_its_first_request_and_again_after_it_ends() -> None:
    simulator, recorder = in_process()
    simulator.first(None)
    simulator.say("me")
    assert simulator.say("stop")["end_session"] is True
    simulator.say("me")
    launch, who, stop, again = (e["session"] for e in recorder.envelopes)
    assert [s["new"] for s in (launch, who, stop, again)] == [True, False, False, True]
    assert launch["sessionId"] == who["sessionId"] == stop["sessionId"] != again["sessionId"]
    assert launch["attributes"] == {}
    assert who["attributes"]["phase"] == "who_for"
    assert again["attributes"] == {}
    assert launch["user"] == again["user"]


def test_an_intent_envelope_has_every_slot_and_entity_resolution_for_custom_values() -> None:
    simulator, recorder = in_process()
    simulator.first("ask muscle twitch helper about my mother whose calf keeps twitching")
    request = recorder.envelopes[0]["request"]
    assert request["type"] == "IntentRequest"
    assert request["locale"] == "en-US"
    slots = request["intent"]["slots"]
    assert set(slots) == {"location", "duration", "durationPhrase", "person"}
    assert "value" not in slots["duration"] and "value" not in slots["durationPhrase"]
    person = slots["person"]
    assert person["value"] == "mother"
    (authority,) = person["resolutions"]["resolutionsPerAuthority"]
    assert authority["status"]["code"] == "ER_SUCCESS_MATCH"
    assert authority["authority"].endswith(".Person")
    assert authority["values"][0]["value"] == {"name": "mother", "id": "mother"}


def test_a_duration_slot_is_sent_as_iso_text_without_resolutions() -> None:
    simulator, recorder = in_process()
    simulator.first(None)
    simulator.say("three weeks")
    duration = recorder.envelopes[-1]["request"]["intent"]["slots"]["duration"]
    assert duration["value"] == "P3W"
    assert "resolutions" not in duration


def test_the_envelope_locale_is_the_simulated_locale() -> None:
    simulator, recorder = in_process("en-GB")
    simulator.first(None)
    assert recorder.envelopes[0]["request"]["locale"] == "en-GB"


# Privacy: nothing the user says reaches the logs

PRIVATE = [
    "eyelid",
    "calf",
    "mother",
    "steroids",
    "prednisone",
    "pregnant",
    "three weeks",
    "P3W",
    "21 days",
    "slurred",
    "coffee",
    "caffeine",
    "worried",
]
CONVERSATIONS = [
    ["for my mother", "no", "her eyelid", "three weeks", "yes"],
    ["open muscle twitch helper", "me", "no", "my calf", "two days", "no", "I'm on prednisone"],
    ["why", "no"],
    ["open muscle twitch helper", "me", "not sure", "no", "I'm not sure", "no", "no", "no"],
    ["no", "no", "yes"],
    ["open muscle twitch helper", "me", "no", "my calf", "two days", "no", "I'm pregnant"],
    ["open muscle twitch helper", "I'm worried", "me", "no"],
    ["open muscle twitch helper", "me", "no", "my eyelid", "a few days", "no", "none", "no"],
    ["lots of coffee", "yes"],
    ["ask muscle twitch helper about my eyelid twitching for three weeks"],
    ["the weather is nice", "she's slurring her words"],
]


def test_logs_of_whole_conversations_contain_none_of_the_users_answers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="skill")
    simulator, _ = in_process()
    simulator.first(None)
    for conversation in CONVERSATIONS:
        for line in conversation:
            simulator.say(line)
    assert any(r.name == "skill" and "request type=" in r.getMessage() for r in caplog.records)
    assert any("outcome=emergency" in r.getMessage() for r in caplog.records)
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records
    ).lower()
    for private in PRIVATE:
        assert private.lower() not in logged, f"{private!r} was logged"
