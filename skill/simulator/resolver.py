"""Resolve a typed utterance to an intent and slots from an ASK interaction model."""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill.simulator.duration import to_iso8601

FALLBACK = "AMAZON.FallbackIntent"
FREE_SPEECH = "FreeSpeechIntent"
CARRIER_WORDS = 2
DISFLUENCIES = frozenset({"um", "umm", "uhh", "uhm", "er", "erm", "hmm", "hm"})
"""Sounds a sample never needs ("uh" and "mm" stay: "uh huh" and "mm hmm" are answers)."""
SLOT = re.compile(r"\{(\w+)\}")
BUILT_IN_PHRASES = {
    "AMAZON.YesIntent": [
        "yes",
        "yeah",
        "yep",
        "yes please",
        "sure",
        "ok",
        "okay",
        "correct",
        "that's right",
        "i do",
        "it does",
        "they do",
        "i am",
        "they are",
    ],
    "AMAZON.NoIntent": [
        "no",
        "nope",
        "nah",
        "no thanks",
        "no thank you",
        "not really",
        "i don't",
        "it doesn't",
        "they don't",
        "no i'm not",
        "i'm not",
    ],
    "AMAZON.HelpIntent": ["help", "help me", "what can i say", "what do i say"],
    "AMAZON.StopIntent": ["stop", "quit", "exit", "goodbye", "bye", "that's all"],
    "AMAZON.CancelIntent": ["cancel", "never mind", "forget it"],
    "AMAZON.RepeatIntent": [
        "repeat",
        "say that again",
        "repeat that",
        "pardon",
        "come again",
        "what did you say",
    ],
    "AMAZON.StartOverIntent": ["start over", "restart", "start again", "begin again"],
    "AMAZON.PreviousIntent": ["go back", "previous question"],
    "AMAZON.NavigateHomeIntent": ["go home"],
}


def normalise(text: str) -> str:
    """Lowercase words and apostrophes only, single spaces, as Alexa hands text over."""
    text = text.lower().replace("\u2019", "'")
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


@dataclass(frozen=True)
class SlotValue:
    """A filled slot: what was heard and, for custom types, the resolved value."""

    heard: str
    value_id: str | None = None
    value_name: str | None = None
    slot_type: str = ""
    custom: bool = True
    """A custom slot type (sent with an entity-resolution block, matched or not)."""


@dataclass(frozen=True)
class Resolution:
    """An intent name and its filled slots."""

    intent: str
    slots: dict[str, SlotValue]
    slot_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Sample:
    intent: str
    pattern: re.Pattern[str]
    slot_types: dict[str, str]
    literal: int
    literal_words: int


class Resolver:
    """Matches utterances against every sample, preferring the most literal match."""

    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.invocation = normalise(language["invocationName"])
        self.values: dict[str, dict[str, tuple[str, str]]] = {}
        for slot_type in language.get("types", []):
            table: dict[str, tuple[str, str]] = {}
            for value in slot_type["values"]:
                name = value["name"]["value"]
                for said in [name, *value["name"].get("synonyms", [])]:
                    table.setdefault(normalise(said), (value["id"], name))
            self.values[slot_type["name"]] = table
        self.slot_names: dict[str, tuple[str, ...]] = {}
        self.slot_types: dict[str, dict[str, str]] = {}
        self.samples: list[_Sample] = []
        for intent in language["intents"]:
            types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            self.slot_names[intent["name"]] = tuple(types)
            self.slot_types[intent["name"]] = types
            phrases = [*intent.get("samples", []), *BUILT_IN_PHRASES.get(intent["name"], [])]
            for sample in phrases:
                self.samples.append(self._compile(intent["name"], sample, types))

    @classmethod
    def from_file(cls, path: Path) -> "Resolver":
        """A resolver for an interaction model file."""
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @staticmethod
    def _compile(intent: str, sample: str, types: dict[str, str]) -> _Sample:
        parts = SLOT.split(normalise_sample(sample))
        regex = ""
        literal = words = 0
        for index, part in enumerate(parts):
            if index % 2:
                regex += f"(?P<{part}>.+?)"
            else:
                regex += re.escape(part)
                literal += len(part.strip())
                words += len(part.split())
        return _Sample(intent, re.compile(f"^{regex}$"), types, literal, words)

    def resolve(self, utterance: str) -> Resolution:
        """The intent and slots Alexa would most likely send for an utterance.

        A sample whose slots all hold listed values wins (the most literal one); then a sample
        whose carrier words match with an unlisted value in a slot (sent unresolved, as Alexa
        does); then, for anything else, the free-speech intent with the whole utterance.
        """
        said = normalise(utterance)
        text = " ".join(w for w in said.split() if w not in DISFLUENCIES) or said
        best: tuple[int, int, int, Resolution] | None = None
        for sample in self.samples:
            if sample.intent == FREE_SPEECH:
                continue
            match = sample.pattern.match(text)
            if match is None:
                continue
            slots = self._fill(sample, match.groupdict())
            if slots is None:
                continue
            unresolved = sum(1 for v in slots.values() if v.value_id is None and v.custom)
            if unresolved > 1 or (unresolved and not self._carried(sample, text)):
                continue
            score = (-unresolved, sample.literal, -len(slots))
            if best is None or score > best[:3]:
                resolution = Resolution(sample.intent, slots, self.slot_names[sample.intent])
                best = (*score, resolution)
        if best is not None:
            return best[3]
        return self.free_speech(said)

    def free_speech(self, text: str) -> Resolution:
        """The free-speech intent carrying the whole utterance (the fallback intent when the
        model has none)."""
        names = self.slot_names.get(FREE_SPEECH)
        if not names or not text:
            return Resolution(FALLBACK, {}, self.slot_names.get(FALLBACK, ()))
        slot_type = self.slot_types[FREE_SPEECH][names[0]]
        found = self.values.get(slot_type, {}).get(text)
        value = SlotValue(text, found[0] if found else None, found[1] if found else None, slot_type)
        return Resolution(FREE_SPEECH, {names[0]: value}, names)

    @staticmethod
    def _carried(sample: _Sample, text: str) -> bool:
        """Whether a sample's own words carry enough of an utterance for Alexa to pick it with an
        unlisted slot value: at least two words, and a third of what was said."""
        words = sample.literal_words
        return words >= CARRIER_WORDS and words * 3 >= len(text.split())

    def _fill(self, sample: _Sample, groups: dict[str, str]) -> dict[str, SlotValue] | None:
        slots: dict[str, SlotValue] = {}
        for name, heard in groups.items():
            slot_type = sample.slot_types.get(name, "")
            heard = heard.strip()
            if slot_type == "AMAZON.DURATION":
                iso = to_iso8601(heard)
                if iso is None:
                    return None
                slots[name] = SlotValue(iso, slot_type=slot_type, custom=False)
                continue
            found = self.values.get(slot_type, {}).get(heard)
            if found is None:
                custom = slot_type in self.values
                slots[name] = SlotValue(heard, slot_type=slot_type, custom=custom)
                continue
            slots[name] = SlotValue(heard, found[0], found[1], slot_type)
        return slots

    def strip_invocation(self, utterance: str) -> tuple[str, bool]:
        """Text after "open/ask <invocation> ...", and whether it was a launch phrase."""
        text = normalise(utterance).removeprefix("alexa ")
        for verb in ("open", "launch", "start", "ask", "tell", "talk to"):
            prefix = f"{verb} {self.invocation}"
            if text == prefix or text.startswith(prefix + " "):
                rest = text[len(prefix) :].strip()
                for joiner in ("about ", "to ", "for ", "if ", "whether "):
                    if rest.startswith(joiner) and not self._matches_any(rest):
                        rest = rest[len(joiner) :]
                return rest, True
        return text, False

    def _matches_any(self, text: str) -> bool:
        return self.resolve(text).intent not in (FALLBACK, FREE_SPEECH)


def normalise_sample(sample: str) -> str:
    """A sample utterance normalised like user text, keeping its {slot} references."""
    out = []
    for index, part in enumerate(SLOT.split(sample)):
        if index % 2:
            out.append(f"{{{part}}}")
        elif part.strip():
            lead = " " if part[0].isspace() else ""
            trail = " " if part[-1].isspace() else ""
            out.append(f"{lead}{normalise(part)}{trail}")
        else:
            out.append(" " if part else "")
    return "".join(out).strip()
