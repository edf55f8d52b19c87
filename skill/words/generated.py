"""Samples of the answer and command intents, made from the phrases the understanding reads
(speech.yaml), so that a natural "no, none of those" reaches AMAZON.NoIntent as it is."""

from collections.abc import Mapping
from dataclasses import replace

from skill.words.model import Intent, SlotValue, Speech
from skill.words.samples import SLOT

CONTRACTIONS = (
    ("i am", "i'm"),
    ("do not", "don't"),
    ("does not", "doesn't"),
    ("did not", "didn't"),
    ("is not", "isn't"),
    ("are not", "aren't"),
    ("was not", "wasn't"),
    ("have not", "haven't"),
    ("has not", "hasn't"),
    ("can not", "can't"),
    ("could not", "couldn't"),
    ("would not", "wouldn't"),
    ("it is", "it's"),
    ("that is", "that's"),
    ("she is", "she's"),
    ("he is", "he's"),
    ("they are", "they're"),
    ("i have", "i've"),
    ("i would", "i'd"),
)
"""How people write what the understanding reads spelt out."""


def contracted(phrase: str) -> str:
    """A phrase as usually written: "i do not think so" -> "i don't think so"."""
    text = f" {phrase} "
    for long, short in CONTRACTIONS:
        text = text.replace(f" {long} ", f" {short} ")
    return text.strip()


def with_speech_samples(
    intents: list[Intent],
    sources: Mapping[str, tuple[str, ...]],
    speech: Speech,
    types: Mapping[str, list[SlotValue]],
) -> list[Intent]:
    """Each intent with the phrases of its speech lists added as samples, leaving out any that
    another intent already claims (as a sample, or as a value of a slot said alone)."""
    claimed: dict[str, str] = {}
    for intent in intents:
        for sample in intent.samples:
            claimed.setdefault(sample.lower(), intent.name)
        for sample in intent.samples:
            bare = SLOT.fullmatch(sample)
            if bare is not None and bare.group(1) in intent.slots:
                for value in types.get(intent.slots[bare.group(1)], []):
                    for said in value.said:
                        claimed.setdefault(said.lower(), intent.name)
    result = []
    for intent in intents:
        added = list(intent.samples)
        for name in sources.get(intent.name, ()):
            for phrase in speech.list(name):
                for said in dict.fromkeys((phrase, contracted(phrase))):
                    owner = claimed.get(said)
                    if owner is None and not any(ch.isdigit() for ch in said):
                        added.append(said)
                        claimed[said] = intent.name
        result.append(replace(intent, samples=tuple(added)))
    return result
