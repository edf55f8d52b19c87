"""Frozen objects holding one locale's words."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from skill.triage.model import FactValue


@dataclass(frozen=True)
class SlotValue:
    """A value of a custom slot type: how it is said and what it means."""

    id: str
    name: str
    synonyms: tuple[str, ...]
    sets: Mapping[str, FactValue]
    person: str | None = None
    topic: str | None = None
    negated: Mapping[str, FactValue] = field(default_factory=dict)
    """Facts when negated ("no fever"), where not simply every "yes" turned to "no"."""

    @property
    def said(self) -> tuple[str, ...]:
        """The name and every synonym."""
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class Concept:
    """A meaning only free speech carries: phrases, facts when said and when negated."""

    id: str
    phrases: tuple[str, ...]
    sets: Mapping[str, FactValue]
    negated: Mapping[str, FactValue]
    patterns: tuple[tuple[str, ...], ...] = ()
    """Each a list of word groups ("speech|words", "garbled|slurred") that must all be said
    close together, in any order, in one clause, for the concept to be heard."""
    sentence_patterns: tuple[tuple[str, ...], ...] = ()
    """The same, anywhere in one sentence, across its clauses ("weakness, but it's all down my
    left side")."""


@dataclass(frozen=True)
class Intent:
    """An intent of the interaction model: slot name -> slot type, and expanded samples."""

    name: str
    slots: Mapping[str, str]
    samples: tuple[str, ...]
    implies_person: str | None = None
    """Whom its samples speak of ("my eyelid": self) when no person slot says."""


@dataclass(frozen=True)
class Speech:
    """How free text is read: word lists and tables from speech.yaml."""

    lists: Mapping[str, tuple[str, ...]]
    """Named phrase lists (fillers, negation.before, answers.yes, commands.repeat, ...)."""
    tables: Mapping[str, Mapping[str, str]]
    """Named mappings of phrase to text (replacements, contractions)."""
    numbers: Mapping[str, float]
    """Number words, and days per unit word (under "units.")."""
    days: Mapping[str, FactValue]
    """Durations said without a number, in days or "unsure"."""
    window: int
    """How many words a negation trigger governs."""
    concepts: tuple[Concept, ...]
    fever_limits: Mapping[str, float]
    """A temperature over this, on its scale ("fahrenheit", "celsius"), is a high fever."""
    fever_high: Mapping[str, FactValue]
    fever_not_high: Mapping[str, FactValue]

    def list(self, name: str) -> tuple[str, ...]:
        """A phrase list by name (empty when absent)."""
        return self.lists.get(name, ())


@dataclass(frozen=True)
class Words:
    """One locale's words: the interaction model's parts and the reading of free speech."""

    locale: str
    invocation_name: str
    slot_types: Mapping[str, tuple[SlotValue, ...]]
    intents: tuple[Intent, ...]
    speech: Speech

    def values(self, slot_type: str) -> tuple[SlotValue, ...]:
        """The values of a slot type (empty for a built-in or unknown type)."""
        return self.slot_types.get(slot_type, ())
