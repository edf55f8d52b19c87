"""Test helpers: request envelopes built from the fixtures, and a driver that talks like Alexa."""

from __future__ import annotations

import copy
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skill.publish.layout import model_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MODEL = model_path("en-US")
DURATION = "AMAZON.DURATION"


def _slot_types() -> dict[str, str]:
    """Every slot name of the interaction model and its slot type."""
    language = json.loads(MODEL.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
    return {s["name"]: s["type"] for i in language["intents"] for s in i.get("slots", [])}


SLOT_TYPES = _slot_types()
SKILL_ID = "amzn1.ask.skill.7d4e2c1b-5a6f-4b3e-8c9d-0e1f2a3b4c5d"
TAG = re.compile(r"<[^>]+>")

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def load_fixture(name: str) -> dict[str, Any]:
    """A request envelope from tests/fixtures, without the apiEndpoint of Amazon's services: the
    tests never call Amazon (the settings service's tests serve it on 127.0.0.1)."""
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    data.get("context", {}).get("System", {}).pop("apiEndpoint", None)
    return data


def slot(name: str, value: str | None, *, matched: bool = True) -> dict[str, Any]:
    """A slot as Alexa sends it: custom types with an entity-resolution block (by value id)."""
    entry: dict[str, Any] = {"name": name, "confirmationStatus": "NONE", "source": "USER"}
    if value is None:
        return entry
    entry["value"] = value.replace("_", " ")
    slot_type = SLOT_TYPES[name]
    if slot_type == DURATION:
        entry["value"] = value
        return entry
    authority = f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{slot_type}"
    resolution: dict[str, Any] = {"authority": authority}
    if matched:
        resolution["status"] = {"code": "ER_SUCCESS_MATCH"}
        resolution["values"] = [{"value": {"name": entry["value"], "id": value}}]
    else:
        resolution["status"] = {"code": "ER_SUCCESS_NO_MATCH"}
    entry["resolutions"] = {"resolutionsPerAuthority": [resolution]}
    return entry


def envelope(
    intent: str | None = None,
    slots: dict[str, str | None] | None = None,
    *,
    new: bool = False,
    attributes: dict[str, Any] | None = None,
    locale: str = "en-US",
    application_id: str = SKILL_ID,
    unresolved: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A LaunchRequest (no intent) or an IntentRequest built from the fixture envelopes."""
    base = load_fixture("launch_request.json" if intent is None else "intent_request_location.json")
    env = copy.deepcopy(base)
    env["session"]["new"] = new
    env["session"]["attributes"] = attributes or {}
    env["session"]["application"]["applicationId"] = application_id
    env["context"]["System"]["application"]["applicationId"] = application_id
    env["request"]["locale"] = locale
    if intent is not None:
        built = {name: slot(name, value) for name, value in (slots or {}).items()}
        for name, text in (unresolved or {}).items():
            built[name] = slot(name, text, matched=False)
        env["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": built}
    return env


class Said:
    """One response envelope, read the way a listener hears it."""

    def __init__(self, envelope: dict[str, Any]) -> None:
        self.envelope = envelope
        response = envelope.get("response", {})
        self.ssml: str = response.get("outputSpeech", {}).get("ssml", "")
        self.reprompt_ssml: str = (
            response.get("reprompt", {}).get("outputSpeech", {}).get("ssml", "")
        )
        self.ended: bool = response.get("shouldEndSession") is True
        self.card: dict[str, Any] | None = response.get("card")
        self.attributes: dict[str, Any] = envelope.get("sessionAttributes") or {}

    @property
    def speech(self) -> str:
        """The speech as plain text."""
        return html.unescape(TAG.sub("", self.ssml))

    @property
    def reprompt(self) -> str:
        """The reprompt as plain text."""
        return html.unescape(TAG.sub("", self.reprompt_ssml))

    @property
    def question(self) -> str | None:
        """The id of the triage question now pending."""
        return self.attributes.get("question")

    def __repr__(self) -> str:
        return f"Said({self.speech!r}, ended={self.ended})"


def check_asks_or_ends(said: Said) -> None:
    """Every spoken response asks something with a reprompt, or ends the session on purpose."""
    assert said.ssml, "a response without speech"
    if said.ended:
        assert not said.reprompt_ssml
    else:
        assert said.reprompt_ssml, f"no reprompt: {said!r}"
        assert said.envelope["response"].get("shouldEndSession") is False


class Alexa:
    """Talks to a skill handler like the Alexa service: one session, attributes carried over."""

    def __init__(self, handler: Handler, locale: str = "en-US") -> None:
        self.handler = handler
        self.locale = locale
        self.attributes: dict[str, Any] = {}
        self.new = True
        self.turns = 0
        self.said: list[Said] = []

    def send(self, env: dict[str, Any]) -> Said:
        """Send an envelope, check the response contract, and keep the session."""
        said = Said(self.handler(env, None))
        check_asks_or_ends(said)
        self.said.append(said)
        self.attributes = said.attributes
        self.new = said.ended
        if said.ended:
            self.attributes = {}
        return said

    def launch(self) -> Said:
        """ "Alexa, open muscle twitch helper"."""
        return self.send(envelope(new=True, locale=self.locale))

    def say(self, intent: str, **slots: str | None) -> Said:
        """An intent with slot value ids (ISO-8601 text for the duration slot)."""
        self.turns += 0 if self.new else 1
        env = envelope(intent, slots, new=self.new, attributes=self.attributes, locale=self.locale)
        return self.send(env)

    def yes(self) -> Said:
        return self.say("AMAZON.YesIntent")

    def no(self) -> Said:
        return self.say("AMAZON.NoIntent")

    def unsure(self) -> Said:
        return self.say("UnsureIntent")
