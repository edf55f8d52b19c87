"""Failures, foreign requests, broken state, logs and speech markup: safe in every case."""

import importlib
import logging
import re
import xml.etree.ElementTree as ET

import pytest
from alexa_driver import SKILL_ID, Alexa, Said, envelope
from ask_sdk_core.exceptions import AskSdkException

import skill.lambda_function
from skill.alexa import build_skill
from skill.alexa.voice import ssml
from skill.triage import Engine

OTHER_SKILL = "amzn1.ask.skill.00000000-1111-2222-3333-444444444444"
ALLOWED_LOG = re.compile(
    r"request type=[A-Za-z.]+ id=[\w.:-]+ intent=[\w.-]+"
    r"|outcome=[a-z_]+"
    r"|request failed error=\w+"
    r"|session state unreadable, starting over"
)


def test_a_request_for_another_skill_is_refused(content):
    handler = build_skill(content, SKILL_ID).lambda_handler()
    with pytest.raises(AskSdkException):
        handler(envelope(new=True, application_id=OTHER_SKILL), None)
    assert Said(handler(envelope(new=True), None)).reprompt


def test_the_lambda_entry_point_checks_the_skill_id_from_the_environment(monkeypatch):
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    try:
        module = importlib.reload(skill.lambda_function)
        with pytest.raises(AskSdkException):
            module.lambda_handler(envelope(new=True, application_id=OTHER_SKILL), None)
        assert Said(module.lambda_handler(envelope(new=True), None)).reprompt
    finally:
        monkeypatch.delenv("ALEXA_SKILL_ID")
        importlib.reload(skill.lambda_function)


@pytest.mark.parametrize("person", ["me", "mother"])
def test_a_failure_apologises_and_still_gives_the_emergency_line(alexa, monkeypatch, person):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person=person)

    def broken(self, state):
        raise RuntimeError("forced failure")

    monkeypatch.setattr(Engine, "next_step", broken)
    said = talk.no()
    assert said.speech.startswith("Sorry, something went wrong")
    assert "If you think this may be an emergency, call 9 1 1" in said.speech
    assert said.ended
    assert ("for them now" in said.speech) is (person == "mother")


BROKEN_ATTRIBUTES = [
    {"garbage": 1},
    {"phase": "somewhere", "person": "self"},
    {
        "phase": "asking",
        "person": "self",
        "triage": {"facts": {}, "history": []},
        "question": "no_such_question",
        "clarified": None,
        "intro": True,
        "slow": False,
        "last": {"speech": "", "reprompt": ""},
    },
    {
        "phase": "asking",
        "person": "robot",
        "triage": {"facts": {}, "history": []},
        "question": "location",
        "clarified": None,
        "intro": True,
        "slow": False,
        "last": {"speech": "", "reprompt": ""},
    },
    {
        "phase": "asking",
        "person": "self",
        "triage": {"facts": {"no_such_fact": "yes"}, "history": []},
        "question": "location",
        "clarified": None,
        "intro": True,
        "slow": False,
        "last": {"speech": "", "reprompt": ""},
    },
    {
        "phase": "asking",
        "person": "self",
        "triage": {"facts": {"duration_days": -3}, "history": []},
        "question": "location",
        "clarified": None,
        "intro": True,
        "slow": False,
        "last": None,
    },
]


@pytest.mark.parametrize("attributes", BROKEN_ATTRIBUTES)
def test_a_broken_session_state_starts_over_gracefully(handler, attributes):
    said = Said(handler(envelope("AMAZON.YesIntent", attributes=attributes), None))
    assert said.speech.startswith("Sorry, I lost track of where we were, so let's start again.")
    assert said.attributes["phase"] == "who_for"
    assert said.attributes["triage"] == {"facts": {}, "history": []}


def test_a_red_flag_with_a_broken_session_state_is_still_an_emergency_first(handler):
    env = envelope("SymptomIntent", {"symptom": "slurred_speech"}, attributes={"x": 1})
    said = Said(handler(env, None))
    assert said.speech.startswith("This could be an emergency. Call 9 1 1 now.")
    assert said.ended


def test_logs_of_a_whole_conversation_hold_no_answers(alexa, caplog):
    caplog.set_level(logging.DEBUG)
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="daughter")
    talk.no()
    talk.no()
    talk.say("LocationIntent", location="eyelid", symptom="numbness")
    talk.say("AMAZON.RepeatIntent")
    talk.yes()
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("skill")]
    assert any(m == "outcome=contact_provider" for m in messages)
    for message in messages:
        assert ALLOWED_LOG.fullmatch(message), message
    everything = caplog.text.lower()
    for secret in ("eyelid", "numbness", "daughter", "sensation", "other", "not sure"):
        assert secret not in everything


def test_speech_markup_escapes_every_special_character():
    assert ssml(["Tom & Jerry <b> \"q\" 'a'"]) == (
        "Tom &amp; Jerry &lt;b&gt; &quot;q&quot; &#x27;a&#x27;"
    )
    assert ssml(["a & b"], slow=True) == '<prosody rate="slow">a &amp; b</prosody>'


def test_every_response_of_a_conversation_is_well_formed_ssml(alexa):
    talk = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.say("SlowerIntent")
    talk.unsure()
    talk.say("WhyIntent")
    talk.say("SymptomIntent", symptom="fainting")
    for said in talk.said:
        ET.fromstring(said.ssml)
        if said.reprompt_ssml:
            ET.fromstring(said.reprompt_ssml)


@pytest.mark.parametrize(
    ("locale", "number"),
    [
        ("en-US", "9 1 1"),
        ("en-GB", "9 9 9"),
        ("en-AU", "triple zero"),
        ("en-IN", "1 1 2"),
        ("en-NZ", "9 1 1"),
        ("fr-FR", "9 1 1"),
    ],
)
def test_locale_picks_its_texts_and_unknown_locales_fall_back(alexa, locale, number):
    talk = alexa(locale)
    said = talk.say("AMAZON.StopIntent")
    assert said.ended and f"call {number}" in said.speech


def test_every_response_either_asks_with_a_reprompt_or_ends(alexa):
    talk: Alexa = alexa()
    for intent in ("AMAZON.HelpIntent", "AMAZON.RepeatIntent", "WhyIntent", "SlowerIntent"):
        talk.say(intent)
    talk.launch()
    for intent in ("AMAZON.YesIntent", "AMAZON.PreviousIntent", "UnsureIntent", "InfoIntent"):
        talk.say(intent)
    assert all(s.ended or s.reprompt for s in talk.said)


def test_a_failure_before_the_turn_is_read_still_speaks_the_locale_number(alexa, monkeypatch):
    def broken(handler_input, content):
        raise KeyError("forced")

    monkeypatch.setattr("skill.alexa.interceptors.hear", broken)
    said = alexa("en-GB").launch()
    assert said.ended and "call 9 9 9 now" in said.speech


def test_a_failure_after_the_response_was_built_replaces_it_with_the_apology(alexa, monkeypatch):
    def broken(self):
        raise RuntimeError("forced")

    monkeypatch.setattr("skill.alexa.session.Session.to_attributes", broken)
    said = alexa().launch()
    assert said.speech.startswith("Sorry, something went wrong")
    assert said.ended and not said.reprompt_ssml and said.card is None
