"""Frozen, typed objects that hold the loaded clinical content."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from skill.triage.countries import Countries
    from skill.triage.follow_up import FollowUp

FactValue = str | int
"""A fact's value: "yes", "no", "unsure", a number of days, or a place id."""

ANSWERS = ("yes", "no", "unsure")
PERSONS = ("self", "other")


class FactType(StrEnum):
    """What values a fact can take."""

    ANSWER = "answer"
    DAYS = "days"
    PLACE = "place"
    CONTEXT = "context"
    """Yes or no, set by the front end from what it hears (never asked): whether the person
    is male."""


class QuestionKind(StrEnum):
    """The kind of answer a question accepts."""

    YES_NO = "yes_no"
    DURATION = "duration"
    LOCATION = "location"
    CHOICE = "choice"


@dataclass(frozen=True)
class Condition:
    """A test over the facts: a fact with one of some values, a fact over a number, or any of
    several conditions."""

    fact: str | None = None
    values: tuple[FactValue, ...] = ()
    over: int | None = None
    any_of: tuple["Condition", ...] = ()
    negate: "Condition | None" = None
    """A condition that holds when this one does not ({not: ...})."""

    def facts(self) -> frozenset[str]:
        """Every fact this condition reads."""
        own = frozenset({self.fact}) if self.fact else frozenset()
        inner = (self.negate,) if self.negate is not None else ()
        return own.union(*(c.facts() for c in (*self.any_of, *inner)))

    def holds(self, facts: Mapping[str, FactValue]) -> bool:
        """Whether the condition is true for these facts."""
        if self.negate is not None:
            return not self.negate.holds(facts)
        if self.any_of:
            return any(c.holds(facts) for c in self.any_of)
        if self.fact is None or self.fact not in facts:
            return False
        value = facts[self.fact]
        if self.over is not None:
            return isinstance(value, int) and value > self.over
        return value in self.values


@dataclass(frozen=True)
class Citation:
    """Where a rule or advice comes from: a seed page and quote, the NHS page, or an addition."""

    kind: Literal["seed", "nhs", "mayo", "added"]
    ref: str
    quote: str


@dataclass(frozen=True)
class Review:
    """Who last reviewed an entry, and when."""

    reviewed_by: str
    reviewed_on: str


@dataclass(frozen=True)
class Question:
    """One spoken question and the facts its answer sets."""

    id: str
    kind: QuestionKind
    fact: str
    options: tuple[str, ...] = ()
    slot_type: str | None = None
    ask_if: Condition | None = None
    asks_about: tuple[str, ...] = ()
    """Facts the question asks about together without offering them as answers (the signs of
    the safety question); a line that denies some and affirms none is a no."""
    simpler: Mapping[str, Mapping[str, FactValue]] = field(default_factory=dict)
    """Facts that a yes or a no to the question's simpler form sets ("one spot?": location)."""
    options_if: Mapping[str, "Condition"] = field(default_factory=dict)
    """Options offered only while a condition holds (pregnancy, unless the person is male)."""

    def offered(self, facts: Mapping[str, FactValue]) -> tuple[str, ...]:
        """The options offered for these facts."""
        return tuple(
            o for o in self.options if o not in self.options_if or self.options_if[o].holds(facts)
        )

    @property
    def parts(self) -> tuple[str, ...]:
        """What the question asks about: its options, or the facts it asks about together."""
        return self.options or self.asks_about

    def facts(self) -> frozenset[str]:
        """The fact it asks and the facts the user can name instead."""
        return frozenset((self.fact, *self.options))


@dataclass(frozen=True)
class Rule:
    """Condition over facts leading to a disposition, with a reason or trigger id."""

    id: str
    kind: Literal["reason", "trigger"]
    when: Condition
    disposition: str
    advice: tuple[str, ...]
    source: tuple[Citation, ...]
    review: Review
    advice_first: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disposition:
    """An outcome level; rank 0 is the most urgent."""

    id: str
    rank: int
    advice: tuple[str, ...]
    closing: tuple[str, ...]


@dataclass(frozen=True)
class Sourced:
    """An advice text, info topic or provider question with its source and review."""

    id: str
    source: tuple[Citation, ...]
    review: Review
    answered_by: tuple[str, ...] = ()
    ask_if: "Condition | None" = None
    """A provider question read back (ask_if), or an advice said (said_if), only while this
    holds."""


@dataclass(frozen=True)
class Locale:
    """A declared locale, the one it falls back to, and its text variables."""

    id: str
    fallback: str | None
    vars: Mapping[str, str]


Texts = Mapping[str, Mapping[str, str]]
"""Resolved texts of one locale: text id -> person ("self" or "other") -> text."""


@dataclass(frozen=True)
class Content:
    """All clinical content, loaded and validated."""

    facts: Mapping[str, FactType]
    questions: tuple[Question, ...]
    red_flags: tuple[str, ...]
    rules: tuple[Rule, ...]
    dispositions: tuple[Disposition, ...]
    advice: Mapping[str, Sourced]
    info: Mapping[str, Sourced]
    doctor_questions: tuple[Sourced, ...]
    vocabulary: Mapping[str, Mapping[str, Mapping[str, FactValue]]]
    persons: Mapping[str, Mapping[str, str]]
    locales: Mapping[str, Locale]
    texts: Mapping[str, Texts] = field(repr=False)
    countries: "Countries" = field(default_factory=lambda: _no_countries(), repr=False)
    """Emergency numbers by country and the time zones in each (emergency_numbers.yaml)."""
    follow_ups: Mapping[str, "FollowUp"] = field(default_factory=lambda: MappingProxyType({}))
    """Reminders offered after an outcome, by disposition id (follow_up.yaml)."""

    def disposition(self, disposition_id: str) -> Disposition:
        """The disposition with this id."""
        return next(d for d in self.dispositions if d.id == disposition_id)

    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return next(q for q in self.questions if q.id == question_id)

    def has_text(self, locale: str, text_id: str) -> bool:
        """Whether a locale (through its fallbacks) has a text."""
        chosen = self.texts.get(locale) or self.texts[self.default_locale]
        return text_id in chosen

    def text(self, locale: str, text_id: str, person: str = "self") -> str:
        """A text in a locale (resolved through its fallbacks at load) for a person."""
        chosen = self.texts.get(locale) or self.texts[self.default_locale]
        return chosen[text_id][person]

    @cached_property
    def places(self) -> frozenset[FactValue]:
        """Every value the vocabulary gives a place fact (computed once)."""
        return frozenset(
            value
            for values in self.vocabulary.values()
            for sets in values.values()
            for fact, value in sets.items()
            if self.facts.get(fact) is FactType.PLACE
        )

    @property
    def default_locale(self) -> str:
        """The root locale every other falls back to."""
        return next(loc.id for loc in self.locales.values() if loc.fallback is None)


def _no_countries() -> "Countries":
    """An empty table of emergency numbers (content built without one)."""
    from skill.triage.countries import Countries

    return Countries()
