"""The conversation kept in Alexa session attributes between turns."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from skill.triage import Content, StateError, TriageState
from skill.triage.model import PERSONS

MAX_MISSES = 3
"""The third miss in a row ends the conversation kindly."""


class Phase(StrEnum):
    """Where the conversation is."""

    NEW = "new"
    """Nothing asked yet (a session opened with an intent, not a launch)."""
    WHO_FOR = "who_for"
    """Asked whether it is about the user or someone they care for."""
    ASKING = "asking"
    """A triage question is pending (its id in `question`)."""
    OFFER = "offer"
    """The outcome was given; offered to go through the provider's questions."""
    START_OFFER = "start_offer"
    """After an info topic at the start: offered to begin the questions."""
    ENDED = "ended"
    """The session was ended on purpose."""


SIMPLE_PHASES = frozenset({"who_for", "offer", "start_offer"})
"""Phases that can be asked in a simpler form, besides the questions."""


@dataclass
class Session:
    """Everything the skill remembers within one Alexa session."""

    phase: Phase = Phase.NEW
    person: str = "self"
    state: TriageState = field(default_factory=TriageState)
    question: str | None = None
    clarified: str | None = None
    intro: bool = False
    slow: bool = False
    last_speech: str = ""
    last_reprompt: str = ""
    misses: int = 0
    """Turns in a row that gave nothing usable for what was asked (the repair ladder)."""
    simple: str | None = None
    """The question (or phase) now asked in its simpler yes-or-no form."""
    male: bool | None = None
    """Whether the person asked about is known to be male ("he", "my son")."""

    def to_attributes(self) -> dict[str, Any]:
        """Session attributes: plain JSON."""
        return {
            "phase": self.phase.value,
            "person": self.person,
            "triage": self.state.to_json(),
            "question": self.question,
            "clarified": self.clarified,
            "intro": self.intro,
            "slow": self.slow,
            "last": {"speech": self.last_speech, "reprompt": self.last_reprompt},
            "misses": self.misses,
            "simple": self.simple,
            "male": self.male,
        }

    @classmethod
    def from_attributes(cls, data: dict[str, Any], content: Content) -> "Session":
        """Read the attributes back; raise StateError when anything is malformed or unknown."""
        if not data:
            return cls()
        try:
            phase = Phase(data["phase"])
            person, question, clarified = data["person"], data["question"], data["clarified"]
            intro, slow, last = data["intro"], data["slow"], data["last"]
            speech, reprompt = last["speech"], last["reprompt"]
            misses, simple, male = data["misses"], data["simple"], data["male"]
        except (KeyError, TypeError, ValueError) as error:
            raise StateError("malformed session attributes") from error
        questions = {q.id for q in content.questions}
        if (
            person not in PERSONS
            or not all(q is None or q in questions for q in (question, clarified))
            or (phase is Phase.ASKING) != (question is not None)
            or not all(isinstance(flag, bool) for flag in (intro, slow))
            or not all(isinstance(text, str) for text in (speech, reprompt))
            or not isinstance(misses, int)
            or isinstance(misses, bool)
            or not 0 <= misses <= MAX_MISSES
            or not (simple is None or simple in questions or simple in SIMPLE_PHASES)
            or male not in (None, True, False)
        ):
            raise StateError("unknown values in session attributes")
        return cls(
            phase=phase,
            person=person,
            state=TriageState.from_json(data.get("triage"), content),
            question=question,
            clarified=clarified,
            intro=intro,
            slow=slow,
            last_speech=speech,
            last_reprompt=reprompt,
            misses=misses,
            simple=simple,
            male=male,
        )
