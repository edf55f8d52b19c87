"""No dead ends: whatever is said, a session never goes on for more than three turns in a row
without moving on (a fact taken, another question, the outcome) or ending kindly."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.lambda_function import lambda_handler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.outcome import outcome_of
from skill.simulator.resolver import Resolver

MAX_STILL = 3
NOISE = [
    "blue",
    "the weather",
    "seven",
    "turtles",
    "mm",
    "okay okay",
    "banana bread",
    "left",
    "television",
    "and then",
    "the car",
    "purple spotty",
    "hello",
    "um the thing",
    "what's the weather like",
    "who won the game",
    "what if she faints",
    "how do i know if it's serious",
]
ANSWERS = ["yes", "no", "not sure", "my calf", "three days", "coffee", "it's for me", "none"]
RESOLVER = Resolver.from_file(model_path("en-US"))


def state(sim: Simulator) -> str:
    attributes = {k: v for k, v in sim.session.attributes.items() if k not in ("last", "misses")}
    return json.dumps(attributes, sort_keys=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    opening=st.sampled_from([None, "my eyelid", "the weather is nice"]),
    lines=st.lists(st.sampled_from(NOISE * 3 + ANSWERS), min_size=1, max_size=25),
)
def test_random_speech_never_keeps_a_session_still_for_long(opening, lines):
    sim = Simulator(lambda_handler, RESOLVER, Session(SIMULATED_SKILL_ID, "en-US"), outcome_of)
    record = sim.first(opening)
    still = 0
    for line in lines:
        if record["end_session"]:
            return
        before = state(sim)
        record = sim.say(line)
        still = 0 if record["end_session"] or state(sim) != before else still + 1
        assert still < MAX_STILL, f"{still} turns without progress, last {line!r}"


def test_three_misses_in_a_row_end_kindly_with_the_safety_net():
    sim = Simulator(lambda_handler, RESOLVER, Session(SIMULATED_SKILL_ID, "en-US"), outcome_of)
    sim.first(None)
    sim.say("it's for me")
    sim.say("no")
    sim.say("no")
    first = sim.say("purple spotty")
    second = sim.say("the weather is nice")
    third = sim.say("banana bread")
    assert "Sorry, I didn't catch that." in first["speech"]
    assert "Just say yes or no." in second["speech"]
    assert third["end_session"]
    assert "call 9 1 1 now" in third["speech"]
    assert "health care provider" in third["speech"]


def test_three_misses_in_a_row_at_the_safety_check_end_kindly_with_the_safety_net():
    """The simpler form of the safety check is its signs one at a time: a third miss ends."""
    sim = Simulator(lambda_handler, RESOLVER, Session(SIMULATED_SKILL_ID, "en-US"), outcome_of)
    sim.first(None)
    sim.say("it's for me")
    first = sim.say("purple spotty")
    second = sim.say("the weather is nice")
    assert "Sorry, I didn't catch that." in first["speech"]
    assert "one at a time" in second["speech"]
    assert "have you fainted, passed out, or been newly confused?" in second["speech"]
    third = sim.say("banana bread")
    assert third["end_session"], third["speech"]
    assert "call 9 1 1 now" in third["speech"]
    assert "health care provider" in third["speech"]


def test_questions_alone_cannot_keep_a_session_going():
    """A question back is answered once with why the question is asked; more questions, or
    questions about anything else, go up the repair ladder like any other miss."""
    sim = Simulator(lambda_handler, RESOLVER, Session(SIMULATED_SKILL_ID, "en-US"), outcome_of)
    sim.first(None)
    sim.say("it's for me")
    why = sim.say("what if i faint")
    assert "I always check them first" in why["speech"]
    again, other = sim.say("what if i faint"), sim.say("what time is it")
    assert "one at a time" in again["speech"]
    assert other["end_session"]
    assert "call 9 1 1 now" in other["speech"]


def test_questions_before_who_it_is_for_cannot_loop_either():
    sim = Simulator(lambda_handler, RESOLVER, Session(SIMULATED_SKILL_ID, "en-US"), outcome_of)
    sim.first(None)
    records = [sim.say("what's the weather like") for _ in range(3)]
    assert records[-1]["end_session"]
