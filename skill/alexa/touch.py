"""Screens and touch on APL devices: the document of a screen (content/apl), its render
directive, and a button press read as what saying that answer says."""

import json
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.request_util import get_supported_interfaces

from skill.alexa.screens import Document, Screen
from skill.alexa.slots import Heard
from skill.triage import Content
from skill.triage.checks import allowed_value
from skill.triage.load import content_dir
from skill.triage.model import ANSWERS, PERSONS, FactValue, QuestionKind
from skill.understanding import Reading

if TYPE_CHECKING:
    from ask_sdk_model.interfaces.alexa.presentation.apl.render_document_directive import (
        RenderDocumentDirective,
    )

USER_EVENT = "Alexa.Presentation.APL.UserEvent"
MAX_ARGUMENT = 64
"""Characters of a button's argument read (the skill's own are ids of a few words)."""


def supports_screen(handler_input: HandlerInput) -> bool:
    """Whether the device renders APL (a device without a screen gets no APL directive)."""
    try:
        interfaces = get_supported_interfaces(handler_input)
    except (AttributeError, TypeError):
        return False
    return interfaces is not None and interfaces.alexa_presentation_apl is not None


@cache
def document(name: Document) -> dict[str, Any]:
    """An APL document of the content, read once per process."""
    path = content_dir() / "apl" / f"{name}.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def render(screen: Screen) -> "RenderDocumentDirective":
    """The directive that shows a screen."""
    # The SDK's APL models (about 10 ms to import) load only for a device with a screen.
    from ask_sdk_model.interfaces.alexa.presentation.apl.render_document_directive import (
        RenderDocumentDirective,
    )

    return RenderDocumentDirective(
        token=screen.document,
        document=document(screen.document),
        datasources={"screen": screen.data},
    )


def touched(handler_input: HandlerInput, content: Content) -> Heard:
    """A button press as the words it stands for: an answer, a person, a place or duration, or
    a list's option. Anything else is heard as words that say nothing (the repair ladder)."""
    from ask_sdk_model.interfaces.alexa.presentation.apl.user_event import UserEvent

    request = handler_input.request_envelope.request
    arguments = request.arguments if isinstance(request, UserEvent) else None
    said = [a for a in arguments or [] if isinstance(a, str) and len(a) <= MAX_ARGUMENT]
    kind, value, detail = (*said, "", "", "")[:3]
    if kind == "answer" and value in ANSWERS:
        return Heard(reading=Reading(answer=value, heard=True), words=True)
    if kind == "person" and value in PERSONS:
        return Heard(person=value, person_named=True, words=True)
    facts: dict[str, FactValue] = {}
    if kind == "value":
        facts = dict(content.vocabulary.get(detail, {}).get(value, {}))
    elif kind == "option" and any(
        value in q.options for q in content.questions if q.kind is QuestionKind.CHOICE
    ):
        facts = {value: "yes"}
    facts = {f: v for f, v in facts.items() if allowed_value(content, f, v)}
    red_flag = any(facts.get(flag) == "yes" for flag in content.red_flags)
    return Heard(facts=MappingProxyType(facts), red_flag=red_flag, words=True)
