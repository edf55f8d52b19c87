"""The conversation kept in Alexa session attributes between turns."""

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from skill.alexa.bounds import Limits, within
from skill.alexa.local import Local
from skill.alexa.voice import ssml
from skill.triage import Content, StateError, TriageState
from skill.triage.model import PERSONS

MAX_MISSES = 3
"""The third miss in a row ends the conversation kindly."""
MAX_SPEECH = 8000
"""Alexa's limit on the characters of one outputSpeech, SSML tags included."""
SPEAK_TAGS = "<speak></speak>"
"""The wrapper the SDK puts around our SSML."""
LIMITS = Limits(depth=6, items=4096, chars=128 * 1024, text=MAX_SPEECH)
"""Bounds well above the largest state the skill writes (its deepest part is a triage history
entry, four levels down; the history holds at most 64 updates), checked before any field is
read."""
UNREADABLE: dict[str, object] = {"unreadable": True}
"""Put in place of attributes beyond LIMITS before the SDK copies them; read as a broken state."""
FIELDS = frozenset(
    {
        "phase",
        "person",
        "triage",
        "question",
        "clarified",
        "intro",
        "slow",
        "last",
        "misses",
        "simple",
        "male",
        "local",
    }
)
LAST_FIELDS = frozenset({"speech", "reprompt"})


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
    REMIND = "remind"
    """After the outcome and its detail: offered a follow-up reminder (and, once the user said
    yes, waiting for Alexa's answer to the request for the reminders permission)."""
    ENDED = "ended"
    """The session was ended on purpose."""


SIMPLE_PHASES = frozenset({"who_for", "offer", "start_offer", "remind"})
"""Phases that can be asked in a simpler form, besides the questions."""
PHASES = frozenset(phase.value for phase in Phase)


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
    local: Local | None = None
    """Where the device is (its country's emergency number, its fever unit), looked up once a
    session; None until then, or when the request offers no settings service."""

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
            "local": None if self.local is None else self.local.to_json(),
        }

    @classmethod
    def from_attributes(cls, data: object, content: Content) -> "Session":
        """Read the attributes back (empty ones are a new session); raise StateError for
        anything beyond the limits, of another shape or type, or unknown to the content."""
        if isinstance(data, dict) and not data:
            return cls()
        if not readable(data):
            raise StateError("session attributes too large, too deep or not an object")
        fields = _object(data, FIELDS)
        last = _object(fields["last"], LAST_FIELDS)
        questions = frozenset(q.id for q in content.questions)
        phase = Phase(_one_of(fields["phase"], PHASES))
        question = _optional(fields["question"], questions)
        if (phase is Phase.ASKING) != (question is not None):
            raise StateError("a question is pending exactly when asking")
        return cls(
            phase=phase,
            person=_one_of(fields["person"], PERSONS),
            state=TriageState.from_json(fields["triage"], content),
            question=question,
            clarified=_optional(fields["clarified"], questions),
            intro=_flag(fields["intro"]),
            slow=_flag(fields["slow"]),
            last_speech=_speech(last["speech"]),
            last_reprompt=_speech(last["reprompt"]),
            misses=_count(fields["misses"], MAX_MISSES),
            simple=_optional(fields["simple"], _pending(phase, question)),
            male=None if fields["male"] is None else _flag(fields["male"]),
            local=Local.from_json(fields["local"], content),
        )


def readable(data: object) -> bool:
    """Whether session attributes are an object within LIMITS, worth reading field by field."""
    return isinstance(data, dict) and within(data, LIMITS)


def _pending(phase: Phase, question: str | None) -> frozenset[str]:
    """What can be asked in its simpler form now: the pending question, or the phase."""
    if question is not None:
        return frozenset({question})
    return frozenset({phase.value}) & SIMPLE_PHASES


def _object(value: object, names: frozenset[str]) -> dict[str, object]:
    if not isinstance(value, dict) or value.keys() != names:
        raise StateError("unexpected fields in session attributes")
    return value


def _one_of(value: object, allowed: Collection[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise StateError("unknown value in session attributes")
    return value


def _optional(value: object, allowed: Collection[str]) -> str | None:
    return None if value is None else _one_of(value, allowed)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise StateError("a flag in session attributes is not true or false")
    return value


def _count(value: object, most: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise StateError("a count in session attributes is out of range")
    return value


def _speech(value: object) -> str:
    if not isinstance(value, str) or spoken_length(value) > MAX_SPEECH:
        raise StateError("speech in session attributes is too long to say again")
    return value


def spoken_length(text: str) -> int:
    """Characters of the outputSpeech that says a text again, slowly (the longest form)."""
    return len(SPEAK_TAGS) + len(ssml([text], slow=True))
