"""Every red flag, said as the raw value of every slot of every intent (resolved or not, of any
type, as Alexa or another client may send it), gives the emergency answer at once."""

import json

import pytest
from alexa_driver import MODEL, SKILL_ID, Alexa, envelope
from test_alexa_red_flags import check_emergency

RED_FLAGS_SAID = [
    "she passed out for a minute",
    "his speech is all slurred",
    "she has a fever of a hundred and three",
    "his face is drooping on one side",
    "he can't move his arm",
    "she can't catch her breath",
    "he swallowed a bunch of his pills",
]


def slots_of_every_intent() -> list[tuple[str, str, str]]:
    language = json.loads(MODEL.read_text("utf-8"))["interactionModel"]["languageModel"]
    return [
        (intent["name"], slot["name"], slot["type"])
        for intent in language["intents"]
        for slot in intent.get("slots", [])
    ]


def raw_slot(name: str, slot_type: str, said: str) -> dict:
    slot = {"name": name, "value": said, "confirmationStatus": "NONE", "source": "USER"}
    if not slot_type.startswith("AMAZON."):
        authority = f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{slot_type}"
        slot["resolutions"] = {
            "resolutionsPerAuthority": [
                {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
            ]
        }
    return slot


@pytest.mark.parametrize("said", RED_FLAGS_SAID)
@pytest.mark.parametrize(("intent", "slot", "slot_type"), slots_of_every_intent())
def test_a_red_flag_in_any_slot_is_the_emergency_answer(alexa, intent, slot, slot_type, said):
    talk: Alexa = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    env = envelope(intent, {}, attributes=talk.attributes)
    env["request"]["intent"]["slots"] = {slot: raw_slot(slot, slot_type, said)}
    # Each line says who has the sign ("she", "his"): the answer is worded for that person.
    check_emergency(talk.send(env), person="other")
