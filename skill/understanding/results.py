"""What a line was understood to say: plain data, imported without the reader itself (a launch
never reads words, so a cold start does not load the matcher)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from skill.triage.model import FactValue


@dataclass(frozen=True)
class Person:
    """Who a line is about, as far as it says."""

    who: str | None = None
    """ "self", "other", or None when the line does not say."""
    named: bool = False
    """Said outright as whom the questions are about ("it's for my mother", "for me", or the
    person alone), not only mentioned ("my dad had it too") or implied by a pronoun."""
    male: bool | None = None
    """True for "he", "my son"; False for "she", "my mother"; None when not said."""

    @property
    def known(self) -> bool:
        """Whether the line says who it is about at all."""
        return self.who is not None


@dataclass(frozen=True)
class Reading:
    """What one line says. Nothing here is logged or kept beyond the session's facts."""

    facts: Mapping[str, FactValue] = field(default_factory=lambda: MappingProxyType({}))
    """Facts stated, negated ("no"), or in doubt ("unsure"), from every phrase found."""
    uncertain: frozenset[str] = frozenset()
    """Facts said with "not sure if": the pending question's own fact is then "unsure"."""
    answer: str | None = None
    """A yes, no or unsure to whatever was asked."""
    person: Person = field(default_factory=Person)
    topic: str | None = None
    command: str | None = None
    places: tuple[str, ...] = ()
    days: int | str | None = None
    """How long, in days or "unsure", when a duration was said."""
    about_twitch: bool = False
    """The line speaks of the twitching itself ("my eyelid has been jumping")."""
    hypothetical: bool = False
    """A sign was spoken of as a possibility ("what if she faints")."""
    everything: bool = False
    """ "All of them": every item of a list question."""
    past: Mapping[str, FactValue] = field(default_factory=lambda: MappingProxyType({}))
    """Facts said of the past ("low potassium last year"): history that matters, except for
    the emergency signs, which count only since the twitching began."""
    asks: bool = False
    """The line is a question back ("how high is high?")."""
    heard: bool = False
    """Anything at all was understood."""
