"""A red flag heard in any request, in any state, answers the emergency at once and ends."""

import pytest
from alexa_driver import Alexa

from skill.triage.load import default_content

CONTENT = default_content()
RED_FLAG_SYMPTOMS = sorted(
    value
    for value, sets in CONTENT.vocabulary["Symptom"].items()
    if any(sets.get(flag) == "yes" for flag in CONTENT.red_flags)
)


def at_launch(talk: Alexa) -> None:
    talk.launch()


def at_emergency_screen(talk: Alexa) -> None:
    talk.launch()
    talk.say("WhoForIntent", person="me")


def at_emergency_screen_more(talk: Alexa) -> None:
    at_emergency_screen(talk)
    talk.no()


def mid_questions(talk: Alexa) -> None:
    at_emergency_screen_more(talk)
    talk.no()
    talk.say("LocationIntent", location="calf")


def at_eyelid_signs(talk: Alexa) -> None:
    at_emergency_screen_more(talk)
    talk.no()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P2D")


def one_sign_at_a_time(talk: Alexa) -> None:
    at_emergency_screen(talk)
    talk.unsure()
    talk.no()


def one_sign_of_the_second_part_at_a_time(talk: Alexa) -> None:
    at_emergency_screen_more(talk)
    talk.unsure()
    talk.no()


def at_doctor_offer(talk: Alexa) -> None:
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P3W")
    talk.no()
    said = talk.no()
    assert said.attributes["phase"] == "offer"


def new_session(talk: Alexa) -> None:
    """Nothing before: "Alexa, tell muscle twitch helper she can't talk properly"."""


STATES = [
    at_launch,
    at_emergency_screen,
    at_emergency_screen_more,
    mid_questions,
    at_eyelid_signs,
    one_sign_at_a_time,
    one_sign_of_the_second_part_at_a_time,
    at_doctor_offer,
]


def check_emergency(said, person: str = "self", number: str = "9 1 1") -> None:
    first = CONTENT.text("en-US", "advice.call_emergency", person)
    again = CONTENT.text("en-US", "advice.call_emergency_again", person)
    if number != "9 1 1":
        first, again = first.replace("9 1 1", number), again.replace("9 1 1", number)
    assert said.speech.startswith(first), said.speech
    assert said.speech.endswith(again), said.speech
    assert said.speech.count(f"Call {number}") + said.speech.count(f"call {number}") >= 2
    assert said.ended
    assert said.card["title"].startswith("Call ")
    assert said.attributes["phase"] == "ended"


@pytest.mark.parametrize("symptom", RED_FLAG_SYMPTOMS)
@pytest.mark.parametrize("state", [*STATES, new_session], ids=lambda s: getattr(s, "__name__", s))
def test_red_flag_volunteered_in_any_state_is_an_emergency_in_the_next_response(
    alexa, state, symptom
):
    talk = alexa()
    state(talk)
    check_emergency(talk.say("SymptomIntent", symptom=symptom))


@pytest.mark.parametrize("symptom", RED_FLAG_SYMPTOMS)
@pytest.mark.parametrize(
    ("intent", "slots", "fact"),
    [
        ("LocationIntent", {"location": "eyelid"}, "location"),
        ("DurationIntent", {"durationPhrase": "few_days"}, "duration_days"),
        ("TriggerIntent", {"trigger": "caffeine"}, "trigger_caffeine"),
        ("HealthFactorIntent", {"healthFactor": "steroids"}, "medicine"),
        ("SymptomIntent", {"symptomTwo": "numbness"}, "sensation_change"),
    ],
)
def test_red_flag_inside_another_answer_interrupts_it(alexa, intent, slots, fact, symptom):
    talk = alexa()
    mid_questions(talk)
    said = talk.say(intent, symptom=symptom, **slots)
    check_emergency(said)
    assert fact in said.attributes["triage"]["facts"]


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.__name__)
def test_red_flag_for_someone_else_tells_the_caregiver_to_call_for_them(alexa, state):
    talk = alexa()
    state(talk)
    talk.say("WhoForIntent", person="mother")
    said = talk.say("SymptomIntent", symptom="face_drooping")
    check_emergency(said, person="other")
    assert "for them now" in said.speech


def test_emergency_screen_yes_uses_the_same_emergency_answer(alexa):
    talk = alexa()
    at_emergency_screen(talk)
    said = talk.yes()
    check_emergency(said)
    assert "you said you have one of the emergency signs" in said.speech


def test_a_sign_answered_yes_one_at_a_time_is_an_emergency(alexa):
    talk = alexa()
    one_sign_at_a_time(talk)
    said = talk.yes()
    check_emergency(said)
    assert "slurred or garbled speech" in said.speech


def test_yes_to_the_second_part_of_the_safety_check_is_the_same_emergency_answer(alexa):
    talk = alexa()
    at_emergency_screen_more(talk)
    said = talk.yes()
    check_emergency(said)
    assert "you said you have one of the emergency signs" in said.speech


def test_a_sign_of_the_second_part_answered_yes_one_at_a_time_is_an_emergency(alexa):
    talk = alexa()
    one_sign_of_the_second_part_at_a_time(talk)
    assert talk.said[-1].question == "rf_paralysis"
    said = talk.yes()
    check_emergency(said)
    assert "suddenly being unable to move part of the body" in said.speech


def test_emergency_in_great_britain_says_999(alexa):
    talk = alexa("en-GB")
    said = talk.say("SymptomIntent", symptom="trouble_breathing")
    check_emergency(said, number="9 9 9")
    assert said.card["title"] == "Call 999 now"


def test_emergency_answer_says_nothing_before_the_number(alexa):
    talk = alexa()
    talk.launch()
    said = talk.say("DescribeTwitchIntent", location="eyelid")
    said = talk.say("SymptomIntent", symptom="paralysis", symptomTwo="numbness")
    check_emergency(said)
    assert "Thanks" not in said.speech and "Welcome" not in said.speech
