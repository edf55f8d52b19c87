"""Session attributes of any shape: answered in full, a fresh state when they are broken, and a
red flag always the whole emergency answer."""

import pytest
from alexa_driver import Said, envelope
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from session_shapes import ATTRIBUTES, CONTENT, nested, own_states

from skill.alexa.session import MAX_SPEECH, Phase, Session, readable
from skill.handler import MalformedRequest
from skill.lambda_function import lambda_handler
from skill.triage import StateError
from skill.triage.model import PERSONS

LOST_TRACK = CONTENT.text("en-US", "ui.lost_track", "self")
SLURRED = ("SymptomIntent", {"symptom": "slurred_speech"}, {})
HUSBAND = ("FreeSpeechIntent", {}, {"speech": "my husband is slurring his words"})
RED_FLAGS = [SLURRED, HUSBAND]
OTHERS = [
    (None, {}, {}),
    ("AMAZON.YesIntent", {}, {}),
    ("UnsureIntent", {}, {}),
    ("AMAZON.RepeatIntent", {}, {}),
    ("SlowerIntent", {}, {}),
    ("WhyIntent", {}, {}),
    ("AMAZON.PreviousIntent", {}, {}),
    ("AMAZON.HelpIntent", {}, {}),
    ("AMAZON.StopIntent", {}, {}),
    ("AMAZON.FallbackIntent", {}, {}),
    ("LocationIntent", {"location": "eyelid"}, {}),
    ("FreeSpeechIntent", {}, {"speech": "say that again"}),
]


def send(attributes, request, *, new=False):
    """One request of an ongoing session carrying these attributes, exactly as given."""
    intent, slots, words = request
    env = envelope(intent, slots, new=new, unresolved=words or None) if intent else envelope()
    env["session"]["new"] = new
    env["session"]["attributes"] = attributes
    return Said(lambda_handler(env, None))


def check_emergency(said):
    """The whole emergency answer, worded for the person the session is about, and nothing
    said before it."""
    person = said.attributes["person"]
    assert person in PERSONS
    first = CONTENT.text("en-US", "advice.call_emergency", person)
    again = CONTENT.text("en-US", "advice.call_emergency_again", person)
    assert said.speech.startswith(first), said.speech
    assert said.speech.endswith(again), said.speech
    assert said.ended and said.attributes["phase"] == "ended"
    assert said.card["title"].startswith("Call ")


def check_answered(said):
    """A spoken answer within Alexa's limit that asks or ends, keeping bounded state."""
    assert said.ssml and len(said.ssml) <= MAX_SPEECH
    assert said.ended or said.reprompt_ssml
    assert readable(said.attributes)


@settings(
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    attributes=ATTRIBUTES,
    request=st.sampled_from([*RED_FLAGS, *RED_FLAGS, *OTHERS]),
    new=st.booleans() | st.just(False),
)
def test_any_session_attributes_are_answered_and_a_red_flag_is_the_emergency(
    attributes, request, new
):
    dropped = attributes is not None and not kept(attributes)
    event("red flag" if request in RED_FLAGS else "other request")
    event("attributes dropped" if dropped else "attributes kept")
    said = send(attributes, request, new=new)
    check_answered(said)
    if request in RED_FLAGS:
        check_emergency(said)
    elif dropped and not new:
        assert said.speech.startswith(LOST_TRACK), said.speech


def kept(attributes):
    """Whether the skill reads these attributes as a state."""
    try:
        Session.from_attributes(attributes, CONTENT)
    except StateError:
        return False
    return True


@pytest.mark.parametrize("depth", [500, 1000, 5000])
@pytest.mark.parametrize("kind", ["dict", "list", "mixed"])
def test_attributes_nested_deep_are_dropped_and_the_red_flag_answered(depth, kind):
    said = send(nested(depth, kind, "asking"), SLURRED)
    check_emergency(said)


@pytest.mark.parametrize("attributes", ["asking", "", [], ["phase"], 0, 1, True, 1.5])
@pytest.mark.parametrize("request_", RED_FLAGS, ids=["symptom", "free_speech"])
def test_attributes_that_are_not_an_object_still_give_the_emergency(attributes, request_):
    check_emergency(send(attributes, request_))


def asking(**changes):
    """The attributes of a session asking the location question, with some fields changed."""
    attributes = Session(phase=Phase.ASKING, question="location", intro=True).to_attributes()
    attributes.update(changes)
    return attributes


def test_a_question_given_as_a_list_still_gives_the_emergency():
    check_emergency(send(asking(question=["location"]), SLURRED))


@pytest.mark.parametrize(
    "changes",
    [
        {"question": ["location"]},
        {"question": {"location": 1}},
        {"misses": True},
        {"misses": 1.0},
        {"intro": 1},
        {"slow": 0},
        {"male": 1},
        {"male": "yes"},
        {"person": ["self"]},
        {"phase": "ASKING"},
        {"simple": ["who_for"]},
        {"triage": {"facts": {"duration_days": True}, "history": []}},
        {"triage": {"facts": {"duration_days": 1.5}, "history": []}},
        {"triage": {"facts": {"rf_speech": 1}, "history": []}},
        {"triage": {"facts": {"no_such_fact": "yes"}, "history": []}},
        {"triage": {"facts": {}, "history": [{"location": "eyelid"}] * 65}},
        {"triage": {"facts": {}, "history": [[]]}},
        {"last": {"speech": "hello", "reprompt": None}},
        {"last": ["hello", "again"]},
        {"extra": 1},
    ],
    ids=repr,
)
def test_a_field_of_the_wrong_type_or_value_starts_over(changes):
    with pytest.raises(StateError):
        Session.from_attributes(asking(**changes), CONTENT)
    said = send(asking(**changes), ("AMAZON.YesIntent", {}, {}))
    assert said.speech.startswith(LOST_TRACK)
    assert said.attributes["phase"] == "who_for"


def test_a_megabyte_of_last_speech_is_not_read_back():
    attributes = asking(last={"speech": "a & b " * 175_000, "reprompt": "Where is it?"})
    for command in ("AMAZON.RepeatIntent", "SlowerIntent"):
        said = send(attributes, (command, {}, {}))
        assert len(said.ssml) <= MAX_SPEECH
        assert said.speech.startswith(LOST_TRACK)


def test_last_speech_up_to_alexas_limit_is_read_back_whole():
    speech = "a" * (MAX_SPEECH - len('<speak><prosody rate="slow"></prosody></speak>'))
    said = send(asking(last={"speech": speech, "reprompt": "Where?"}), ("SlowerIntent", {}, {}))
    assert said.speech == speech and len(said.ssml) == MAX_SPEECH
    said = send(
        asking(last={"speech": speech + "&", "reprompt": "Where?"}), ("SlowerIntent", {}, {})
    )
    assert said.speech.startswith(LOST_TRACK)


@settings(max_examples=300, deadline=None)
@given(attributes=own_states())
def test_every_state_the_skill_writes_reads_back_as_it_was(attributes):
    assert Session.from_attributes(attributes, CONTENT).to_attributes() == attributes


@pytest.mark.parametrize("where", ["context", "request"])
def test_an_envelope_nested_deep_outside_the_attributes_is_malformed(where):
    env = envelope("AMAZON.YesIntent")
    env[where]["extra"] = nested(1000, "dict", 1)
    with pytest.raises(MalformedRequest):
        lambda_handler(env, None)


@pytest.mark.parametrize("event", [[], "request", 1, None])
def test_an_event_that_is_not_an_object_is_malformed(event):
    with pytest.raises(MalformedRequest):
        lambda_handler(event, None)
