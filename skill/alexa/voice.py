"""Spoken and written wording: locale texts for a person, answer read-backs, and SSML."""

from collections.abc import Iterable, Sequence

from skill.alexa.local import Local, local_vars, locale_vars
from skill.triage import Content
from skill.triage.model import FactType, FactValue
from skill.triage.texts import chain

MALE = ".male"
"""A text's form for a person known to be male (no pregnancy question)."""
WRITTEN = "_written"
"""A locale variable "x_written" is how "x" is written (911) where it is spoken (9 1 1)."""

ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
"""What html.escape replaces, without importing html and its entity tables on a cold start."""


class Voice:
    """The texts of one locale, worded for the person the conversation is about, with the
    emergency number and fever of where the device is, when that is known."""

    def __init__(
        self,
        content: Content,
        locale: str,
        person: str = "self",
        *,
        male: bool | None = None,
        local: Local | None = None,
    ) -> None:
        self.content = content
        self.locale = locale
        self.person = person
        self.male = male
        self.changes = local_vars(content, locale, local)
        """Locale variables said otherwise where the device is (name -> what to say)."""
        self.own = locale_vars(content, locale) if self.changes else {}

    def say(self, text_id: str, **values: str) -> str:
        """A text with its runtime placeholders ({reasons}, {answers}, …) filled in; its
        ".male" form when the person is known to be male and the form exists."""
        if self.male and self.content.has_text(self.locale, f"{text_id}{MALE}"):
            text_id = f"{text_id}{MALE}"
        text = self.content.text(self.locale, text_id, self.person)
        for name, value in self.changes.items():
            text = text.replace(self.own[name], value)
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def listing(self, items: Sequence[str]) -> str:
        """Items joined for speech: "a, b and c"."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.say('ui.and')} {items[-1]}"

    def reasons(self, reason_ids: Sequence[str]) -> str:
        """ "The reason is …" or "The reasons are …" for rule ids."""
        text_id = "ui.reason_one" if len(reason_ids) == 1 else "ui.reasons_many"
        return self.say(
            text_id, reasons=self.listing([self.say(f"reason.{r}") for r in reason_ids])
        )

    def answer(self, fact: str, value: FactValue, *, ago: bool = False) -> str:
        """A fact's value in words: yes, not sure, 3 days (or "3 days ago", when it answers
        when the twitching began), eyelid."""
        kind = self.content.facts[fact]
        if value == "unsure" or kind in (FactType.ANSWER, FactType.CONTEXT):
            return self.say(f"answer.{value}")
        if kind is FactType.DAYS:
            suffix = "_ago" if ago else ""
            if value == 0:
                return self.say("answer.today" if ago else "answer.less_than_a_day")
            if value == 1:
                return self.say(f"answer.day{suffix}")
            return self.say(f"answer.days{suffix}", days=str(value))
        return self.say(f"place.{value}")

    def fact_answer(self, fact: str, value: FactValue) -> str:
        """ "How long: 3 days"."""
        return self.say(
            "ui.fact_answer", fact=self.say(f"fact.{fact}"), answer=self.answer(fact, value)
        )

    def written(self, text: str) -> str:
        """Text for the screen: each spoken locale variable replaced by its written form."""
        variables: dict[str, str] = {}
        for name in reversed(chain(dict(self.content.locales), self.locale)):
            variables.update(self.content.locales[name].vars)
        variables.update(self.changes)
        for name, value in variables.items():
            if not name.endswith(WRITTEN) and name + WRITTEN in variables:
                text = text.replace(value, variables[name + WRITTEN])
        return text


def content_locale(content: Content, locale: object) -> str:
    """The content locale for a request locale: itself, else its language, else the default."""
    name = locale if isinstance(locale, str) else ""
    for candidate in (name, name.split("-")[0]):
        if candidate in content.locales:
            return candidate
    return content.default_locale


def ssml(parts: Iterable[str], *, slow: bool = False) -> str:
    """Plain texts as escaped SSML (without the <speak> wrapper, which the SDK adds)."""
    body = " ".join(part.translate(ESCAPES) for part in parts if part)
    return f'<prosody rate="slow">{body}</prosody>' if slow else body
