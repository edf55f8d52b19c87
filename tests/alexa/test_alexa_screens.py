"""Screens on APL devices: every document rendered from the content for every question, outcome
and locale, every text binding resolved, every button an answer the skill takes, and a touch
handled exactly like the spoken answer, red flags included."""

import copy
import json
import re
from typing import Any

import pytest
from alexa_driver import Said, envelope

from skill.alexa import build_skill, entry, touch
from skill.alexa.screens import DOCUMENTS
from skill.alexa.session import Phase, Session
from skill.triage import TriageState
from skill.triage.load import default_content
from skill.triage.model import PERSONS, Condition, QuestionKind

CONTENT = default_content()
HANDLER = entry.lambda_handler(build_skill(CONTENT))
RENDER = "Alexa.Presentation.APL.RenderDocument"
APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}
BINDING = re.compile(r"\$\{payload\.screen\.(\w+)")
MISSED = "Sorry, I didn't catch that."
SAFE = {"emergency_screen": "no", "emergency_screen_more": "no"}
SHOWN_WHEN_SET = frozenset({"note"})
"""Data a document shows only when it is not empty."""


def with_screen(env: dict[str, Any]) -> dict[str, Any]:
    env = copy.deepcopy(env)
    env["context"]["System"]["device"]["supportedInterfaces"] = dict(APL)
    return env


def tap(attributes, arguments, *, locale="en-US"):
    env = with_screen(envelope(None, attributes=attributes, locale=locale))
    env["request"] = {
        "type": touch.USER_EVENT,
        "requestId": "amzn1.echo-api.request.tap",
        "timestamp": "2026-11-21T10:00:05Z",
        "locale": locale,
        "token": "question",
        "arguments": arguments,
        "source": {"type": "TouchWrapper", "handler": "Press", "id": ""},
    }
    return Said(HANDLER(env, None))


def facts_for(condition: Condition | None) -> dict[str, Any]:
    """Facts under which a question's ask_if holds."""
    if condition is None:
        return {}
    if condition.any_of:
        return facts_for(condition.any_of[0])
    return {condition.fact: condition.values[0]} if condition.fact else {}


def asking(question, person="self"):
    """Session attributes asking one question, with what its asking needs already answered."""
    facts = {**SAFE, **facts_for(question.ask_if)}
    facts = {f: v for f, v in facts.items() if f != question.fact}
    session = Session(phase=Phase.ASKING, question=question.id, person=person, intro=True)
    session.state = TriageState(facts=facts)
    return session.to_attributes()


def screen_of(said: Said) -> dict[str, Any]:
    (directive,) = [d for d in said.envelope["response"]["directives"] if d["type"] == RENDER]
    return directive


def assert_every_binding_resolves(directive: dict[str, Any]) -> None:
    """Each ${payload.screen.x} of the document names data that is there: text not empty, a
    list for the lists; each button and line has its words."""
    data = directive["datasources"]["screen"]
    document = json.dumps(directive["document"])
    assert directive["document"] == touch.document(directive["token"])
    for name in set(BINDING.findall(document)):
        assert name in data, (directive["token"], name)
        value = data[name]
        shown = isinstance(value, str) and (value.strip() or name in SHOWN_WHEN_SET)
        assert shown or isinstance(value, list), name
    for button in data.get("buttons", []):
        assert button["label"].strip() and button["kind"] and button["value"], button
    for line in [*data.get("tips", []), *data.get("doctor", [])]:
        assert isinstance(line, str) and line.strip()
    assert not re.search(r"\{[a-z_]+\}", json.dumps(data)), "a placeholder left unfilled"


QUESTIONS = list(CONTENT.questions)


@pytest.mark.parametrize("locale", sorted(CONTENT.locales))
@pytest.mark.parametrize("person", PERSONS)
@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_every_question_screen_is_rendered_from_the_content(locale, person, question):
    env = with_screen(
        envelope("AMAZON.RepeatIntent", attributes=asking(question, person), locale=locale)
    )
    directive = screen_of(Said(HANDLER(env, None)))
    assert directive["token"] == "question"
    assert_every_binding_resolves(directive)


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_every_button_is_an_answer_the_skill_takes(question):
    directive = screen_of(
        Said(HANDLER(with_screen(envelope("AMAZON.HelpIntent", attributes=asking(question))), None))
    )
    buttons = directive["datasources"]["screen"]["buttons"]
    kinds = {"yes_no": {"answer"}, "choice": {"option", "answer"}}.get(question.kind.value)
    assert {b["kind"] for b in buttons} <= (kinds or {"value", "answer"})
    for button in buttons:
        said = tap(asking(question), [button["kind"], button["value"], button["detail"]])
        assert not said.speech.startswith(MISSED), (question.id, button, said.speech)
        facts = said.attributes.get("triage", {}).get("facts", {})
        answered = said.ended or question.fact in facts or set(question.options) & set(facts)
        assert answered or said.attributes.get("clarified") == question.id, (button, said)


@pytest.mark.parametrize("kind", [QuestionKind.LOCATION, QuestionKind.DURATION])
def test_the_places_and_durations_are_every_answer_of_the_words(kind):
    question = next(q for q in CONTENT.questions if q.kind is kind)
    env = with_screen(envelope("AMAZON.RepeatIntent", attributes=asking(question)))
    buttons = screen_of(Said(HANDLER(env, None)))["datasources"]["screen"]["buttons"]
    answers = {
        facts[question.fact]
        for facts in CONTENT.vocabulary[question.slot_type].values()
        if question.fact in facts and facts[question.fact] != "unsure"
    }
    tapped = {CONTENT.vocabulary[b["detail"]][b["value"]][question.fact] for b in buttons[:-1]}
    assert tapped == answers
    assert buttons[-1]["value"] == "unsure"


def outcome_attributes(phase, facts, person="self"):
    session = Session(phase=phase, person=person, intro=True)
    session.state = TriageState(facts={**SAFE, **facts})
    return session.to_attributes()


OUTCOMES = {
    "self_care": {
        "location": "calf",
        "duration_days": 3,
        "nerve_signs": "no",
        "health_factors": "no",
        "worried": "no",
        "trigger_caffeine": "yes",
    },
    "contact_provider": {"duration_days": 21, "location": "calf"},
}


@pytest.mark.parametrize("locale", sorted(CONTENT.locales))
@pytest.mark.parametrize("person", PERSONS)
@pytest.mark.parametrize("disposition", sorted(OUTCOMES))
@pytest.mark.parametrize("phase", [Phase.OFFER, Phase.REMIND])
def test_every_outcome_screen_shows_its_tips_and_the_providers_questions(
    locale, person, disposition, phase
):
    attributes = outcome_attributes(phase, OUTCOMES[disposition], person)
    env = with_screen(envelope("AMAZON.RepeatIntent", attributes=attributes, locale=locale))
    directive = screen_of(Said(HANDLER(env, None)))
    assert directive["token"] == "outcome"
    assert_every_binding_resolves(directive)
    data = directive["datasources"]["screen"]
    assert data["title"] == CONTENT.text(locale, f"ui.outcome.{disposition}", person)
    assert data["doctor"] and [b["value"] for b in data["buttons"]] == ["yes", "no"]
    assert bool(data["tips"]) is (disposition == "self_care")


@pytest.mark.parametrize("locale", sorted(CONTENT.locales))
@pytest.mark.parametrize("person", PERSONS)
def test_the_emergency_screen_is_the_number_and_the_reason_and_nothing_else(locale, person):
    attributes = asking(CONTENT.question("location"), person)
    slots = {"symptom": "slurred_speech"}
    env = with_screen(envelope("SymptomIntent", slots, attributes=attributes, locale=locale))
    directive = screen_of(Said(HANDLER(env, None)))
    assert directive["token"] == "emergency"
    assert_every_binding_resolves(directive)
    data = directive["datasources"]["screen"]
    assert set(data) == {"number", "note", "reason"}
    number = CONTENT.text(locale, "ui.screen.emergency_number", person)
    assert data["number"] == number and number.replace(" ", "").isdigit()
    assert data["note"] == ""
    shown = json.dumps(directive["document"])
    assert shown.count('"type": "Text"') == 3, "the number, its note and the reason, no more"
    assert "TouchWrapper" not in shown


def test_a_number_for_an_unknown_country_keeps_its_digits_large_and_says_the_rest_below():
    session = Session(phase=Phase.ASKING, question="location", intro=True)
    session.state = TriageState(facts=SAFE)
    attributes = session.to_attributes()
    attributes["local"] = {"country": None, "unit": None}
    slots = {"symptom": "slurred_speech"}
    env = with_screen(envelope("SymptomIntent", slots, attributes=attributes))
    said = Said(HANDLER(env, None))
    assert "Call 9 1 1 or your local emergency number now." in said.speech
    data = screen_of(said)["datasources"]["screen"]
    assert (data["number"], data["note"]) == ("911", "or your local emergency number")


def test_each_document_is_apl_that_names_only_the_screen_data():
    for name in DOCUMENTS:
        document = touch.document(name)
        assert document["type"] == "APL" and document["mainTemplate"]["parameters"] == ["payload"]
        assert BINDING.findall(json.dumps(document))


def spoken_and_tapped(attributes, intent, arguments):
    spoken = Said(HANDLER(with_screen(envelope(intent, attributes=attributes)), None))
    tapped = tap(attributes, arguments)
    return spoken, tapped


@pytest.mark.parametrize(
    ("question", "intent", "arguments"),
    [
        ("emergency_screen", "AMAZON.YesIntent", ["answer", "yes", ""]),
        ("emergency_screen", "AMAZON.NoIntent", ["answer", "no", ""]),
        ("emergency_screen_more", "UnsureIntent", ["answer", "unsure", ""]),
        ("rf_speech", "AMAZON.YesIntent", ["answer", "yes", ""]),
        ("worried", "AMAZON.YesIntent", ["answer", "yes", ""]),
        ("nerve_signs", "AMAZON.NoIntent", ["answer", "no", ""]),
    ],
)
def test_a_tap_is_handled_exactly_like_the_spoken_answer(question, intent, arguments):
    spoken, tapped = spoken_and_tapped(asking(CONTENT.question(question)), intent, arguments)
    assert tapped.speech == spoken.speech
    assert tapped.ended is spoken.ended
    assert tapped.attributes == spoken.attributes


def test_a_red_flag_tapped_one_sign_at_a_time_is_the_whole_emergency_answer():
    said = tap(asking(CONTENT.question("rf_breathing_swallowing")), ["answer", "yes", ""])
    assert said.speech.startswith("This could be an emergency. Call 9 1 1 now.")
    assert said.speech.endswith("Again, call 9 1 1 now.")
    assert said.ended and screen_of(said)["token"] == "emergency"


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["answer"],
        ["answer", "maybe", ""],
        ["person", "everyone", ""],
        ["value", "BodyLocation", "spleen"],
        ["option", "emergency_screen", ""],
        ["value", "Nope", "calf"],
        ["answer", "yes" * 100, ""],
        [1, 2, 3],
        ["answer", None, {"x": 1}],
    ],
)
def test_a_touch_that_says_nothing_known_climbs_the_repair_ladder(arguments):
    said = tap(asking(CONTENT.question("location")), arguments)
    assert said.speech.startswith(MISSED), said.speech
    assert not said.ended and said.reprompt


def test_a_device_without_a_screen_gets_no_apl_directive():
    env = envelope("AMAZON.RepeatIntent", attributes=asking(CONTENT.question("location")))
    response = HANDLER(env, None)["response"]
    assert "directives" not in response


def test_a_screen_that_cannot_be_made_never_costs_the_emergency_answer(monkeypatch):
    def broken(name):
        raise OSError("no document")

    monkeypatch.setattr(touch, "document", broken)
    env = with_screen(envelope("SymptomIntent", {"symptom": "slurred_speech"}))
    said = Said(HANDLER(env, None))
    assert said.speech.startswith("This could be an emergency. Call 9 1 1 now.")
    assert said.ended and "directives" not in said.envelope["response"]
