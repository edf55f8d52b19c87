"""One request's view of the conversation, and the reply it produces (plain text, no SDK)."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from skill.alexa.session import Phase, Session
from skill.alexa.slots import Heard
from skill.alexa.voice import Voice
from skill.triage import Content, Engine, Question
from skill.triage.checks import allowed_value
from skill.triage.model import FactValue, QuestionKind


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
    repeated: bool = False
    """The last response said again, as it was."""
    remind: bool = False
    """The user said yes to a follow-up reminder: set it (asking for the permission first when
    the skill does not have it), then say how that went."""
    consent: bool = False
    """Ask Alexa to ask the user for the reminders permission; the session waits for the answer."""
    permission_card: bool = False
    """Send the card that lets the user allow reminders in the Alexa app."""


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
        """Texts of this locale for the current person (and their ".male" forms for a man)."""
        return Voice(
            self.content,
            self.locale,
            self.session.person,
            male=self.session.male,
            local=self.session.local,
        )

    def say(self, text_id: str, **values: str) -> str:
        """One text for the current person."""
        return self.voice.say(text_id, **values)

    def question(self) -> Question | None:
        """The pending triage question, if any."""
        return self.content.question(self.session.question) if self.session.question else None

    def ask(self, *speech: str, reprompt: str) -> Reply:
        """A reply that asks: the speech ends with the question, the reprompt is its short form."""
        return Reply(speech=speech, reprompt=reprompt)

    def short(self) -> str:
        """What is pending, in its short form (the reprompt)."""
        question, phase = self.question(), self.session.phase
        if question is not None:
            return self.say(f"short.{question.id}")
        if phase in (Phase.WHO_FOR, Phase.OFFER, Phase.START_OFFER, Phase.REMIND):
            return self.say(f"short.{phase.value}")
        return ""

    def simple_form(self) -> str:
        """What is pending, in its simpler yes-or-no form (one list item at a time)."""
        simple, question = self.session.simple, self.question()
        if question is None or simple != question.id:
            return self.say(f"simple.{simple}")
        part = self.next_part(question)
        text_id = f"simple.{part or question.id}"
        return self.say(text_id) if self.has_text(text_id) else self.short()

    def next_part(self, question: Question) -> str | None:
        """The first item of a list question not answered yet (None for other questions)."""
        if question.kind is not QuestionKind.CHOICE:
            return None
        facts = self.session.state.facts
        return next((p for p in question.offered(facts) if p not in facts), None)

    def simpler_answer(self, question: Question, value: str) -> Mapping[str, FactValue] | None:
        """The facts a yes or no to a question's simpler form sets."""
        if value in question.simpler:
            return question.simpler[value]
        if question.kind is QuestionKind.YES_NO:
            return {question.fact: value}
        return {question.fact: "unsure"} if value == "unsure" else None

    def has_text(self, text_id: str) -> bool:
        """Whether this locale has a text."""
        return self.content.has_text(self.locale, text_id)

    def valid(self, fact: str, value: FactValue) -> bool:
        """Whether the content's fact can take this value."""
        return allowed_value(self.content, fact, value)

    def end(self, *speech: str) -> Reply:
        """A reply that ends the session on purpose."""
        self.session.phase = Phase.ENDED
        self.session.question = None
        return Reply(speech=speech)

    def finish(self, reply: Reply) -> Reply:
        """Add the launch disclaimer and notices where due, and remember it for "repeat"."""
        if not reply.urgent and not reply.repeated:
            intro = () if self.session.intro or reply.reprompt is None else ("ui.disclaimer",)
            self.session.intro = self.session.intro or bool(intro)
            prefix = (*(self.say(t) for t in intro), *self.notices)
            reply = replace(reply, speech=(*prefix, *reply.speech))
        self.session.last_speech = " ".join(reply.speech)
        self.session.last_reprompt = reply.reprompt or ""
        self.reply = reply
        return reply
