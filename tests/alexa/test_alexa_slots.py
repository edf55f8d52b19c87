"""Slots to facts: entity-resolution ids through the vocabulary, ISO-8601 durations to days."""

import pytest
from alexa_driver import envelope, load_fixture
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope
from hypothesis import given
from hypothesis import strategies as st

from skill.alexa.slots import duration_days, hear
from skill.understanding.load import lexicon_for

SERIALIZER = DefaultSerializer()


def handler_input(env: dict) -> HandlerInput:
    import json

    request = SERIALIZER.deserialize(json.dumps(env), RequestEnvelope)
    return HandlerInput(request_envelope=request)


@pytest.mark.parametrize(
    ("iso", "days"),
    [
        ("P3D", 3),
        ("P2W", 14),
        ("P1M", 30),
        ("P1Y", 365),
        ("PT5H", 0),
        ("PT36H", 1),
        ("P1DT12H", 1),
        ("P1W3D", 10),
        ("P0.5D", 0),
        ("P1.5W", 10),
        ("PT30M", 0),
    ],
)
def test_iso_durations_become_whole_days(iso, days):
    assert duration_days(iso) == days


@pytest.mark.parametrize("value", [None, "", "P", "PT", "three days", "P?D", "PXW", "3D", "P3DX"])
def test_values_that_are_not_durations_are_ignored(value):
    assert duration_days(value) is None


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from([("D", 1), ("W", 7)]))
def test_any_whole_number_of_days_or_weeks_round_trips(n, unit):
    letter, size = unit
    assert duration_days(f"P{n}{letter}") == n * size


def listen(env: dict, content, pending: str | None = None, known: dict | None = None):
    """What a request says, with a question pending."""
    question = content.question(pending) if pending else None
    return hear(handler_input(env), content, lambda: lexicon_for("en-US"), known or {}, question)


def test_resolved_slots_map_through_the_vocabulary(content):
    env = envelope(
        "TriggerIntent",
        {"trigger": "energy_drinks", "triggerTwo": "tiredness", "symptom": "tingling"},
    )
    heard = listen(env, content, "triggers")
    assert dict(heard.facts) == {
        "trigger_caffeine": "yes",
        "trigger_sleep": "yes",
        "sensation_change": "yes",
    }
    assert not heard.red_flag


def test_a_red_flag_value_in_any_slot_is_heard(content):
    heard = listen(envelope("SymptomIntent", {"symptomTwo": "high_fever"}), content)
    assert heard.red_flag and heard.facts["rf_fever"] == "yes"


def test_an_unresolved_value_is_read_for_what_it_says(content):
    env = envelope("LocationIntent", {}, unresolved={"location": "she just passed out for a bit"})
    heard = listen(env, content, "location")
    assert heard.red_flag and heard.facts["rf_consciousness"] == "yes"


def test_words_that_say_nothing_known_give_no_facts(content):
    env = envelope("LocationIntent", {}, unresolved={"location": "purple and spotty"})
    heard = listen(env, content, "location")
    assert not heard.facts and not heard.red_flag
    heard = listen(load_fixture("intent_request_symptom_unresolved.json"), content)
    assert not heard.facts and not heard.red_flag


def test_a_duration_slot_carrying_words_is_read_too(content):
    """A client that puts a whole sentence in the duration slot (as some do) is still heard."""
    env = envelope("DurationIntent", {"duration": "my husband is slurring his words"})
    heard = listen(env, content, "duration")
    assert heard.red_flag and heard.person == "other" and heard.male is True


def test_a_negated_sign_is_a_no_to_the_safety_question(content):
    env = envelope("LocationIntent", {}, unresolved={"location": "no she isn't confused"})
    heard = listen(env, content, "emergency_screen")
    assert heard.facts["emergency_screen"] == "no" and not heard.red_flag


def test_none_of_those_for_another_list_is_not_recorded(content):
    env = envelope("HealthFactorIntent", {"healthFactor": "none"})
    assert "health_factors" not in listen(env, content, "triggers").facts
    assert listen(env, content, "triggers").answer == "no"
    assert listen(env, content, "health_factors").facts["health_factors"] == "no"


def test_person_topic_and_duration_slots(content):
    env = envelope(
        "DescribeTwitchIntent",
        {"person": "grandparent", "duration": "P2W", "location": "all_over"},
    )
    heard = listen(env, content)
    assert heard.person == "other" and heard.person_named
    assert dict(heard.facts) == {
        "location": "all_over",
        "multiple_places": "yes",
        "duration_days": 14,
    }
    info = listen(envelope("InfoIntent", {"topic": "causes"}), content)
    assert info.topic == "causes" and not info.facts


def test_more_than_a_duration_is_a_day_more(content):
    heard = listen(envelope("DurationIntent", {"durationOver": "P2W"}), content, "duration")
    assert heard.facts["duration_days"] == 15


def test_a_launch_request_has_no_slots(content):
    assert listen(envelope(new=True), content).facts == {}
