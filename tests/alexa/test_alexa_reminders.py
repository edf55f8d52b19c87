"""The follow-up reminder: the request the SDK sends to the Reminders API (served locally), its
schedule and its words, the voice permission and its fallbacks, and every failure."""

import json
import re
from datetime import UTC, datetime

import pytest
from alexa_driver import SKILL_ID, Said, envelope

from skill.alexa import build_skill, entry
from skill.alexa.api_client import ApiClient
from skill.alexa.session import Phase, Session
from skill.simulator.cli import ASK_FOR, local_device
from skill.simulator.reminders import PREFIX, RemindersApi
from skill.simulator.services import LocalServices
from skill.triage import TriageState
from skill.triage.follow_up import text_id
from skill.triage.load import content_dir, default_content
from skill.triage.model import PERSONS
from skill.triage.reader import Problems
from skill.words.load import read_slot_types

CONTENT = default_content()
NOW = datetime(2026, 11, 21, 18, 30, tzinfo=UTC)
HANDLER = entry.lambda_handler(build_skill(CONTENT, None, ApiClient(loopback=True)))
SELF_CARE = ["me", "no", "no", "my eyelid", "three days", "no", "no", "none", "no", "coffee"]
CONTACT = ["me", "no", "no", "my calf", "three weeks"]
SAFE = {"emergency_screen": "no", "emergency_screen_more": "no"}
"""Both parts of the safety check answered no."""
CLINICAL = (
    "question.",
    "why.",
    "short.",
    "simple.",
    "reason.",
    "advice.",
    "info.",
    "doctor.",
    "fact.",
    "place.",
    "duration.",
    "ui.outcome.",
)
"""Families of texts that speak of health."""
HEALTH_SLOTS = ("Symptom", "BodyLocation", "HealthFactor", "Trigger", "InfoTopic")
FUNCTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the and or but if of in on at to for from by with as up out off over into this that "
        "these those it its is are was were be been am do does did has have had i you your yours "
        "we our they them their he him his she her me my not no yes so than then there here what "
        "when where which who how",
    )
)
"""Words that carry no meaning of their own, health or other."""


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def health_words() -> set[str]:
    """Every word the content uses to speak of health: its clinical texts in every locale and
    person, the words people say for symptoms, places, health factors, triggers and topics, and
    the skill's name; less the function words."""
    found: set[str] = set()
    for texts in CONTENT.texts.values():
        for name, persons in texts.items():
            if name.startswith(CLINICAL):
                for text in persons.values():
                    found |= words(text)
    for slot_type, values in read_slot_types(Problems(content_dir()), "en").items():
        if slot_type in HEALTH_SLOTS:
            for value in values:
                for said in (value.name, *value.synonyms):
                    found |= words(said)
    found |= words("muscle twitch helper twitching")
    return found - FUNCTION_WORDS


def converse(*lines, permission=True, failure=None, now=NOW):
    with local_device("en-US", permission=permission, failure=failure) as device:
        device.session.now = now
        records = [device.first(None), *(device.say(line) for line in lines)]
        requests = list(device.services.requests) if device.services else []
        return records, requests


def reminder_posts(requests):
    return [
        json.loads(body) for method, path, body in requests if path == PREFIX and method == "POST"
    ]


def test_the_reminders_words_carry_no_health_word_in_any_locale_or_person():
    health = health_words()
    assert {"twitching", "eyelid", "weakness", "provider", "emergency", "doctor"} <= health
    for locale in CONTENT.locales:
        for disposition in CONTENT.follow_ups:
            for person in PERSONS:
                said = CONTENT.text(locale, text_id("text", disposition), person)
                assert not words(said) & health, (locale, disposition, person, said)


def test_no_follow_up_is_ever_offered_after_an_emergency():
    assert CONTENT.dispositions[0].id not in CONTENT.follow_ups
    records, requests = converse("me", "yes")
    assert records[-1]["outcome"]["disposition"] == "emergency"
    assert records[-1]["end_session"]
    assert "remind" not in records[-1]["speech"].lower()
    assert reminder_posts(requests) == []


def test_the_sdk_sends_one_reminder_at_the_safety_net_horizon():
    records, requests = converse(*SELF_CARE, "no", "yes")
    assert "I'll remind you in 12 days, at 9 in the morning." in records[-1]["speech"]
    (sent,) = reminder_posts(requests)
    assert sent["trigger"] == {
        "type": "SCHEDULED_ABSOLUTE",
        "scheduledTime": "2026-12-03T09:00:00",
        "timeZoneId": "America/New_York",
    }
    assert sent["requestTime"] == "2026-11-21T13:30:00"
    assert sent["alertInfo"]["spokenInfo"]["content"] == [
        {"locale": "en-US", "text": "The follow-up you planned."}
    ]
    assert sent["pushNotification"] == {"status": "ENABLED"}
    assert not words(json.dumps(sent)) & health_words() - words(
        "status enabled trigger type scheduled absolute scheduledtime requesttime alertinfo "
        "spokeninfo content locale text pushnotification en us t timezoneid america new york"
    )


@pytest.mark.parametrize(
    ("said", "days"),
    [("today", 15), ("three days", 12), ("about a week", 8), ("two weeks", 1)],
)
def test_the_horizon_counts_from_how_long_the_twitching_has_gone_on(said, days):
    lines = ["me", "no", "no", "my eyelid", said, "no", "no", "none", "no", "coffee", "no", "yes"]
    records, requests = converse(*lines)
    assert records[-1]["outcome"]["disposition"] == "self_care", records[-1]["speech"]
    (sent,) = reminder_posts(requests)
    day = datetime.fromisoformat(sent["trigger"]["scheduledTime"]).date()
    assert (day - NOW.date()).days == days


def test_a_contact_provider_outcome_gets_the_next_morning():
    records, requests = converse(*CONTACT, "no", "yes")
    assert "I'll remind you tomorrow, at 9 in the morning." in records[-1]["speech"]
    (sent,) = reminder_posts(requests)
    assert sent["trigger"]["scheduledTime"] == "2026-11-22T09:00:00"
    assert sent["alertInfo"]["spokenInfo"]["content"][0]["text"] == "The next step you planned."


def test_tomorrow_is_the_device_s_tomorrow_in_an_evening_when_utc_is_a_day_ahead():
    evening = datetime(2026, 11, 22, 2, 30, tzinfo=UTC)  # 21:30 on the 21st in New York
    records, requests = converse(*CONTACT, "no", "yes", now=evening)
    assert "I'll remind you tomorrow, at 9 in the morning." in records[-1]["speech"]
    (sent,) = reminder_posts(requests)
    assert sent["trigger"]["scheduledTime"] == "2026-11-22T09:00:00"
    assert sent["trigger"]["timeZoneId"] == "America/New_York"


def test_without_the_permission_the_skill_asks_by_voice_and_calls_nothing():
    records, requests = converse(*CONTACT, "no", "yes", permission=False)
    asked = records[-1]
    assert asked["directives"] == [ASK_FOR]
    assert asked["speech"] == "" and not asked["end_session"] and asked["reprompt"] is None
    assert reminder_posts(requests) == []


def test_the_voice_permission_request_is_the_standard_one():
    env = envelope("AMAZON.YesIntent", attributes=remind_attributes())
    response = HANDLER(env, None)["response"]
    (directive,) = response["directives"]
    assert directive == {
        "type": "Connections.SendRequest",
        "name": "AskFor",
        "payload": {
            "@type": "AskForPermissionsConsentRequest",
            "@version": "2",
            "permissionScopes": [
                {
                    "permissionScope": "alexa::alerts:reminders:skill:readwrite",
                    "consentLevel": "ACCOUNT",
                }
            ],
        },
        "token": "follow_up_reminder",
    }
    assert "shouldEndSession" not in response and "reprompt" not in response


@pytest.mark.parametrize("status", [400, 404, 429, 500, 503, "timeout"])
def test_every_service_failure_gets_one_calm_sentence_and_the_safety_line(status):
    records, _ = converse(*CONTACT, "no", "yes", failure=status)
    last = records[-1]
    assert last["speech"].startswith("Sorry, I couldn't set the reminder just now. Take care")
    assert "call 9 1 1" in last["speech"] and last["speech"].endswith("call 9 1 1.")
    assert last["end_session"] and last["reminder"] is None


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_permission_gets_the_permissions_card(status):
    with local_device("en-US", failure=status) as device:
        for line in (*CONTACT, "no"):
            device.say(line)
        response = device.handler(device.session.intent(device.resolver.resolve("yes")), None)
    card = response["response"]["card"]
    assert card == {
        "type": "AskForPermissionsConsent",
        "permissions": ["alexa::alerts:reminders:skill:readwrite"],
    }
    assert "sent a card to your Alexa app" in response["response"]["outputSpeech"]["ssml"]


def remind_attributes(duration=21):
    session = Session(phase=Phase.REMIND, intro=True)
    session.state = TriageState(facts={**SAFE, "duration_days": duration})
    return session.to_attributes()


def connections_response(status, *, code="200", attributes=None, consent=True, endpoint=None):
    env = envelope(None, attributes=attributes or remind_attributes())
    env["request"] = {
        "type": "Connections.Response",
        "requestId": "amzn1.echo-api.request.consent",
        "timestamp": "2026-11-21T18:30:00Z",
        "locale": "en-US",
        "name": "AskFor",
        "status": {"code": code, "message": "OK"},
        "token": "follow_up_reminder",
        "payload": {"status": status},
    }
    if consent:
        env["context"]["System"]["user"]["permissions"] = {"consentToken": "granted"}
    if endpoint is not None:
        env["context"]["System"]["apiEndpoint"] = endpoint
        env["context"]["System"]["apiAccessToken"] = "token-1"
    return Said(HANDLER(env, None))


def test_an_accepted_permission_sets_the_reminder_through_the_service():
    api = RemindersApi("token-1")
    with LocalServices() as services:
        services.add(PREFIX, api)
        said = connections_response("ACCEPTED", endpoint=services.endpoint)
    assert "I'll remind you tomorrow, at 9 in the morning." in said.speech
    assert said.ended
    assert api.last is not None and api.last["trigger"]["scheduledTime"] == "2026-11-22T09:00:00"


@pytest.mark.parametrize(
    ("status", "code", "speech", "card"),
    [
        ("DENIED", "200", "Okay, no reminder.", None),
        ("NOT_ANSWERED", "200", "sent a card to your Alexa app", "AskForPermissionsConsent"),
        ("ACCEPTED", "500", "sent a card to your Alexa app", "AskForPermissionsConsent"),
    ],
)
def test_a_refusal_is_respected_and_no_answer_falls_back_to_the_card(status, code, speech, card):
    said = connections_response(status, code=code, consent=False)
    assert speech in said.speech and said.ended
    assert (said.card or {}).get("type") == card


def test_an_answer_for_a_session_that_was_lost_is_one_calm_sentence():
    said = connections_response("ACCEPTED", attributes=Session(intro=True).to_attributes())
    assert said.speech.startswith("Sorry, I couldn't set the reminder just now.")
    assert said.ended


def test_a_reminder_offer_with_an_emergency_state_never_sets_one():
    session = Session(phase=Phase.REMIND, intro=True)
    session.state = TriageState(facts={"emergency_screen": "yes"})
    env = envelope("AMAZON.YesIntent", attributes=session.to_attributes())
    env["context"]["System"]["user"]["permissions"] = {"consentToken": "granted"}
    said = Said(HANDLER(env, None))
    assert "remind" not in said.speech.lower()
    assert said.ended
    assert "directives" not in said.envelope["response"]


def test_why_and_not_sure_at_the_offer_explain_it_and_ask_again():
    records, requests = converse(*CONTACT, "no", "why", "not sure")
    why, unsure = records[-2:]
    assert why["speech"].startswith("A reminder helps you check on it at the right time")
    assert "Shall I remind you tomorrow" in why["speech"]
    assert unsure["speech"].startswith("It's one reminder on this device")
    assert reminder_posts(requests) == []


def test_an_api_client_without_loopback_refuses_plain_http():
    handler = entry.lambda_handler(build_skill(CONTENT, SKILL_ID))
    env = envelope("AMAZON.YesIntent", attributes=remind_attributes())
    env["context"]["System"]["user"]["permissions"] = {"consentToken": "granted"}
    env["context"]["System"]["apiEndpoint"] = "http://127.0.0.1:9"
    said = Said(handler(env, None))
    assert said.speech.startswith("Sorry, I couldn't set the reminder just now.")
