"""Slots to facts: entity-resolution ids through the vocabulary, ISO-8601 durations to days."""

import pytest
from alexa_driver import envelope, load_fixture
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope
from hypothesis import given
from hypothesis import strategies as st

from skill.alexa.slots import duration_days, hear

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


def test_resolved_slots_map_through_the_vocabulary(content):
    env = envelope(
        "TriggerIntent",
        {"trigger": "energy_drinks", "triggerTwo": "tiredness", "symptom": "tingling"},
    )
    heard = hear(handler_input(env), content)
    assert dict(heard.facts) == {
        "trigger_caffeine": "yes",
        "trigger_sleep": "yes",
        "sensation_change": "yes",
    }
    assert not heard.red_flag


def test_a_red_flag_value_in_any_slot_is_heard(content):
    heard = hear(handler_input(envelope("SymptomIntent", {"symptomTwo": "high_fever"})), content)
    assert heard.red_flag and heard.facts["rf_fever"] == "yes"


def test_unresolved_and_unknown_values_are_ignored(content):
    env = envelope("LocationIntent", {"location": "elbow_of_doom"}, unresolved={"symptom": "x"})
    heard = hear(handler_input(env), content)
    assert not heard.facts and not heard.red_flag
    heard = hear(handler_input(load_fixture("intent_request_symptom_unresolved.json")), content)
    assert not heard.facts


def test_person_topic_and_duration_slots(content):
    env = envelope(
        "DescribeTwitchIntent",
        {"person": "grandparent", "duration": "P2W", "location": "all_over"},
    )
    heard = hear(handler_input(env), content)
    assert heard.person == "other"
    assert dict(heard.facts) == {
        "location": "all_over",
        "multiple_places": "yes",
        "duration_days": 14,
    }
    info = hear(handler_input(envelope("InfoIntent", {"topic": "causes"})), content)
    assert info.topic == "causes" and not info.facts


def test_a_launch_request_has_no_slots(content):
    assert hear(handler_input(envelope(new=True)), content).facts == {}
