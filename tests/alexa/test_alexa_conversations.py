"""Whole conversations through the Lambda handler: scripts as data, turns, wording, outcomes."""

import statistics
from pathlib import Path
from typing import Any

import pytest
import yaml
from alexa_driver import Alexa, Said, load_fixture

SCRIPTS = yaml.safe_load((Path(__file__).parent / "conversations.yaml").read_text("utf-8"))


WHO_FOR = "Is this for you, or someone you care for? Say me, or who, like my mother."


def run(alexa: Alexa, content: Any, script: dict[str, Any]) -> tuple[list[Said], int | None]:
    """Play a script, checking each step; return the responses and the turns to the outcome."""
    turns_to_outcome = None
    for step in script["steps"]:
        if step == "launch":
            said = alexa.launch()
            continue
        said = alexa.say(step["intent"], **step.get("slots", {}))
        person = said.attributes.get("person", "self")
        for text in step.get("hears", []):
            assert text in said.speech, f"{step}: {said.speech}"
        if "asks" in step:
            assert said.question == step["asks"], f"{step}: {said.speech}"
        if "ends" in step:
            assert said.ended is step["ends"]
        if "outcome" in step:
            title = content.text(alexa.locale, f"ui.outcome.{step['outcome']}", person)
            assert said.card is not None and said.card["title"] == title
            turns_to_outcome = alexa.turns
    return alexa.said, turns_to_outcome


@pytest.mark.parametrize("script", SCRIPTS, ids=[s["name"] for s in SCRIPTS])
def test_scripted_conversation_reaches_its_outcome(alexa, content, script):
    maker = alexa(script.get("locale", "en-US"))
    said, turns = run(maker, content, script)
    assert turns is not None, "the script never reached an outcome"
    assert said[-1].ended


def test_median_self_care_conversation_takes_at_most_nine_turns_after_launch(alexa, content):
    """Who it is for, the safety check in its two parts, where, how long, the nerve signs, the
    health factors, worry and triggers: nine answers, and not one turn more."""
    turns = [
        run(alexa(s.get("locale", "en-US")), content, s)[1]
        for s in SCRIPTS
        if s["kind"] == "self_care"
    ]
    assert len(turns) >= 5
    assert statistics.median(turns) <= 9


def test_contact_provider_stops_asking_as_soon_as_outcome_cannot_rise(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    talk.no()
    talk.say("LocationIntent", location="more_than_one_place")
    said = talk.say("DurationIntent", durationPhrase="few_days")
    assert said.question is None
    assert "more than one place" in said.speech
    assert said.attributes["phase"] == "offer"
    assert said.reprompt.startswith("Shall I go through the questions")


def test_one_shot_fixture_skips_who_for_and_what_was_said(handler):
    said = Said(handler(load_fixture("intent_request_describe_twitch.json"), None))
    assert said.speech.startswith("Welcome to muscle twitch helper.")
    assert "not a diagnosis" in said.speech and "can't call for help" in said.speech
    assert said.question == "emergency_screen"
    assert said.attributes["triage"]["facts"] == {"location": "eyelid", "duration_days": 3}
    assert said.attributes["person"] == "self"


def test_one_shot_for_someone_else_speaks_of_them(alexa):
    talk = alexa()
    said = talk.say("DescribeTwitchIntent", location="calf", person="father")
    assert "any fainting or new confusion" in said.speech
    said = talk.no()
    assert said.question == "emergency_screen_more"
    assert "a part they can't move" in said.speech
    said = talk.no()
    assert said.question == "duration"
    assert "their twitching" in said.speech


def test_one_shot_mid_conversation_takes_what_it_carries(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    talk.no()
    said = talk.say("DescribeTwitchIntent", location="eyelid", duration="P4D")
    assert said.question == "eyelid_signs"
    assert said.attributes["triage"]["facts"]["location"] == "eyelid"
    assert said.attributes["triage"]["facts"]["duration_days"] == 4


def test_launch_gives_short_disclaimer_then_asks_who_it_is_for(alexa):
    said = alexa().launch()
    assert said.speech.startswith("Welcome to muscle twitch helper.")
    assert "not a diagnosis" in said.speech and "can't call for help" in said.speech
    assert said.reprompt == WHO_FOR
    assert said.attributes["phase"] == "who_for"


def test_who_for_at_any_time_switches_to_third_person(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    said = talk.no()
    assert said.reprompt.startswith("Where is the twitching?")
    said = talk.say("WhoForIntent", person="wife")
    assert said.question == "emergency_screen", "answers about one person say nothing of another"
    assert said.speech.startswith("Okay, this is about the person you care for")
    assert said.speech.endswith("Slurred speech, or a fever over 101 degrees Fahrenheit?")
    assert "Since the twitching began, any fainting or new confusion for them?" in said.speech
    assert said.reprompt.startswith("Have they had fainting or confusion")


def _mother_then_father(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="mother")
    talk.no()
    talk.no()
    return talk.say("WhoForIntent", person="father")


def test_naming_the_same_person_again_keeps_the_answers(alexa):
    said = _mother_then_father(alexa)
    assert said.question == "location"
    assert said.attributes["triage"]["facts"]["emergency_screen"] == "no"
    assert said.attributes["triage"]["facts"]["emergency_screen_more"] == "no"
    assert said.reprompt.startswith("Where is the twitching?")


def test_naming_the_same_person_again_is_acknowledged_and_the_question_restated(alexa):
    said = _mother_then_father(alexa)
    assert said.speech.startswith("Okay, I'll ask about the person you care for.")
    assert "Where is their twitching?" in said.speech
    assert said.attributes["misses"] <= 1


def test_who_for_without_a_known_person_restates_the_question(alexa):
    talk = alexa()
    talk.launch()
    said = talk.say("WhoForIntent", person=None)
    assert said.attributes["phase"] == "who_for"
    assert said.reprompt == WHO_FOR


def test_answer_during_who_for_is_kept_and_who_for_still_asked(alexa):
    talk = alexa()
    talk.launch()
    said = talk.say("LocationIntent", location="eyelid")
    assert said.speech.startswith("Thanks, I've noted that.")
    assert said.reprompt == WHO_FOR
    said = talk.say("WhoForIntent", person="me")
    said = talk.no()
    assert said.question == "emergency_screen_more"
    said = talk.no()
    assert said.question == "duration"


def test_volunteered_duration_is_recorded_and_location_still_asked(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    talk.no()
    said = talk.say("DurationIntent", duration="P5D")
    assert said.question == "location"
    assert said.speech.startswith("Thanks, I've noted that.")
    assert said.attributes["triage"]["facts"]["duration_days"] == 5
    said = talk.say("LocationIntent", location="thumb")
    assert said.question == "nerve_signs"


def test_named_options_set_only_the_option_facts(alexa):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P2D")
    talk.no()
    talk.no()
    talk.no()
    talk.no()
    talk.say("HealthFactorIntent", healthFactor="none")
    said = talk.no()
    assert said.question == "triggers"
    said = talk.say(
        "TriggerIntent", trigger="stress", triggerTwo="alcohol", triggerThree="caffeine"
    )
    facts = said.attributes["triage"]["facts"]
    assert "triggers" not in facts
    assert {facts[f] for f in ("trigger_stress", "trigger_alcohol", "trigger_caffeine")} == {"yes"}


@pytest.mark.parametrize(
    ("location", "question"), [("thumb", "nerve_signs"), ("eyelid", "eyelid_signs")]
)
def test_bare_yes_to_a_choice_that_raises_the_outcome_is_recorded_at_once(
    alexa, location, question
):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location=location, duration="P2D")
    talk.no()
    said = talk.no()
    assert said.question == question
    said = talk.yes()
    assert said.attributes["triage"]["facts"][question] == "yes"
    assert said.attributes["phase"] == "offer"


def test_unsure_on_the_emergency_screen_goes_one_sign_at_a_time(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    said = talk.unsure()
    assert said.speech.startswith("That's okay. Let's go through the signs one at a time.")
    assert said.question == "rf_consciousness"
    said = talk.no()
    assert said.question == "rf_speech"
    assert "one at a time" not in said.speech


def test_unsure_about_a_sign_one_at_a_time_ends_at_least_at_contact_provider(alexa, content):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P2D")
    said = talk.unsure()
    while said.question is not None:
        said = talk.unsure()
    assert said.card["title"] == content.text("en-US", "ui.outcome.contact_provider")
    assert "If you think this may be an emergency, call 9 1 1 now." in said.speech


@pytest.mark.parametrize(("intent", "question"), [("AMAZON.YesIntent", "location")])
def test_yes_to_a_question_that_needs_a_place_asks_again_with_examples(alexa, intent, question):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    talk.no()
    said = talk.say(intent)
    assert said.question == question
    assert said.speech.startswith("Sorry, I didn't catch that.")
    assert said.speech.endswith("Where is the twitching? For example, an eyelid, or a calf.")
    assert said.reprompt.startswith("Where is the twitching?")


def test_an_unresolved_slot_is_ignored_and_never_spoken(handler, alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    talk.no()
    env = load_fixture("intent_request_symptom_unresolved.json")
    env["session"]["attributes"] = talk.attributes
    said = talk.send(env)
    assert said.question == "location"
    assert "spotty" not in said.ssml and "purple" not in said.ssml
    assert said.reprompt.startswith("Where is the twitching?")


def test_outcome_card_has_the_advice_and_the_answers_given(alexa):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P3W")
    talk.no()
    said = talk.no()
    body = said.card["content"]
    assert said.card["title"] == "Call your health care provider soon"
    assert "Please call your health care provider soon" in body
    assert "- Where: eyelid" in body and "- How long: 21 days" in body
    assert "- Emergency signs: no" in body and "- More emergency signs: no" in body
    assert "911" in body and "9 1 1" not in body


def test_doctor_questions_are_read_back_with_the_answers_then_the_reminder_is_offered(alexa):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P3W")
    talk.no()
    talk.no()
    said = talk.yes()
    assert not said.ended
    assert "When did you first notice the twitching? You told me: 21 days ago." in said.speech
    assert "Which muscles are affected? You told me: eyelid." in said.speech
    assert "Take a list of every medicine you use" in said.speech
    assert "Shall I remind you tomorrow" in said.speech
    said = talk.no()
    assert said.ended
    assert said.speech.endswith("call 9 1 1.")


def test_new_symptom_at_the_doctor_offer_updates_the_outcome(alexa, content):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P2D")
    talk.no()
    talk.no()
    talk.no()
    talk.no()
    talk.say("HealthFactorIntent", healthFactor="none")
    talk.no()
    said = talk.say("TriggerIntent", trigger="none")
    assert said.card["title"] == content.text("en-US", "ui.outcome.self_care")
    said = talk.say("SymptomIntent", symptom="weakness")
    assert said.card["title"] == content.text("en-US", "ui.outcome.contact_provider")
    assert said.attributes["phase"] == "offer"


def test_session_ended_request_gets_an_empty_response(handler):
    response = handler(load_fixture("session_ended_request.json"), None)
    assert "outputSpeech" not in response["response"]


@pytest.mark.parametrize(
    ("intent", "slots"),
    [("TriggerIntent", {"trigger": "none"}), ("HealthFactorIntent", {"healthFactor": "none"})],
)
def test_none_of_those_answers_the_pending_choice_whichever_slot_heard_it(alexa, intent, slots):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P2D")
    talk.no()
    talk.no()
    talk.no()
    said = talk.no()
    assert said.question == "health_factors"
    said = talk.say(intent, **slots)
    facts = said.attributes["triage"]["facts"]
    assert facts["health_factors"] == "no" and "triggers" not in facts
    assert said.question == "worried"
