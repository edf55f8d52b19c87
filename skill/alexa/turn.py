"""One request's view of the conversation, and the reply it produces (plain text, no SDK)."""

from dataclasses import dataclass, field, replace

from skill.alexa.session import Phase, Session
from skill.alexa.slots import Heard
from skill.alexa.voice import Voice
from skill.triage import Content, Engine, Question


@dataclass(frozen=True)
class Card:
    """A simple card for the Alexa app."""

    title: str
    body: str


@dataclass(frozen=True)
class Reply:
    """What to say; a reply without a reprompt ends the session."""

    speech: tuple[str, ...]
    reprompt: str | None = None
    card: Card | None = None
    outcome: str | None = None
    urgent: bool = False
    """Nothing may be said before it (the emergency answer)."""


@dataclass
class Turn:
    """The content, the remembered session and what this request's slots said."""

    content: Content
    engine: Engine
    locale: str
    session: Session
    heard: Heard = field(default_factory=Heard)
    notices: list[str] = field(default_factory=list)
    reply: Reply | None = None

    @property
    def voice(self) -> Voice:
        """Texts of this locale for the current person."""
        return Voice(self.content, self.locale, self.session.person)

    def say(self, text_id: str, **values: str) -> str:
        """One text for the current person."""
        return self.voice.say(text_id, **values)

    def question(self) -> Question | None:
        """The pending triage question, if any."""
        return self.content.question(self.session.question) if self.session.question else None

    def ask(self, *speech: str, reprompt: str) -> Reply:
        """A reply that asks; the reprompt restates the question in full."""
        return Reply(speech=(*speech, reprompt), reprompt=reprompt)

    def end(self, *speech: str) -> Reply:
        """A reply that ends the session on purpose."""
        self.session.phase = Phase.ENDED
        self.session.question = None
        return Reply(speech=speech)

    def finish(self, reply: Reply) -> Reply:
        """Add the launch disclaimer and notices where due, and remember it for "repeat"."""
        if not reply.urgent:
            intro = () if self.session.intro or reply.reprompt is None else ("ui.disclaimer",)
            self.session.intro = self.session.intro or bool(intro)
            prefix = (*(self.say(t) for t in intro), *self.notices)
            reply = replace(reply, speech=(*prefix, *reply.speech))
        self.session.last_speech = " ".join(reply.speech)
        self.session.last_reprompt = reply.reprompt or ""
        self.reply = reply
        return reply
