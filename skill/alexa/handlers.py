"""The request handlers (each runs one conversation action) and the catch-all error handler."""

import logging
from collections.abc import Callable, Mapping

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.utils.predicate import is_intent_name, is_request_type
from ask_sdk_core.utils.request_util import get_locale
from ask_sdk_model.response import Response
from ask_sdk_model.ui.ask_for_permissions_consent_card import AskForPermissionsConsentCard
from ask_sdk_model.ui.simple_card import SimpleCard

from skill.alexa import reminders, touch
from skill.alexa.screens import screen_for
from skill.alexa.turn import Reply, Turn
from skill.alexa.voice import Voice, content_locale, ssml
from skill.triage import Content

TURN = "turn"
"""Request attribute holding this request's Turn (set by the turn interceptor)."""

Action = Callable[[Turn], Reply]
InputAction = Callable[[HandlerInput, Turn], Reply]
logger = logging.getLogger("skill")


def turn_of(handler_input: HandlerInput) -> Turn:
    """This request's Turn."""
    turn = handler_input.attributes_manager.request_attributes.get(TURN)
    if not isinstance(turn, Turn):
        raise LookupError("no turn for this request")
    return turn


def respond(handler_input: HandlerInput, reply: Reply) -> Response:
    """Render a reply: escaped SSML, reprompt or end of session, card, and the screen on a
    device with one. A yes to a reminder is carried out first."""
    turn = turn_of(handler_input)
    if reply.remind:
        reply = reminders.carry_out(handler_input, turn)
    reply = turn.finish(reply)
    slow = turn.session.slow
    builder = handler_input.response_builder
    if reply.speech:
        builder.speak(ssml(reply.speech, slow=slow))
    if reply.consent:
        builder.add_directive(reminders.ask_for_permission())
    elif reply.reprompt is None:
        builder.set_should_end_session(True)
    else:
        builder.ask(ssml([reply.reprompt], slow=slow))
    if reply.permission_card:
        builder.set_card(AskForPermissionsConsentCard(permissions=[reminders.PERMISSION]))
    elif reply.card is not None:
        builder.set_card(SimpleCard(title=reply.card.title, content=reply.card.body))
    if not reply.consent and touch.supports_screen(handler_input):
        show(handler_input, turn, reply)
    return builder.response


def show(handler_input: HandlerInput, turn: Turn, reply: Reply) -> None:
    """Add the screen of a reply; a screen that cannot be made never costs the spoken answer."""
    try:
        handler_input.response_builder.add_directive(touch.render(screen_for(turn, reply)))
    except Exception as error:  # the speech, with any emergency answer, must still go out
        logger.error("screen failed error=%s", type(error).__name__)


class OnIntent(AbstractRequestHandler):
    """Answers the named intents with an action."""

    def __init__(self, action: Action, *names: str) -> None:
        self.action, self.names = action, names

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in self.names)

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, self.action(turn_of(handler_input)))


class OnRequest(OnIntent):
    """Answers the named request types (any intent when given "IntentRequest") with an action."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_request_type(name)(handler_input) for name in self.names)


class OnInput(AbstractRequestHandler):
    """Answers a request type with an action that reads the request itself (a connection's
    answer)."""

    def __init__(self, action: InputAction, request_type: str) -> None:
        self.action, self.request_type = action, request_type

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type(self.request_type)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, self.action(handler_input, turn_of(handler_input)))


class OnRedFlag(OnIntent):
    """Any request whose slots name an emergency sign, whatever the intent or state."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return turn_of(handler_input).heard.red_flag


class OnCommand(AbstractRequestHandler):
    """Words in a slot that are a whole command ("can you say that again"): the command."""

    def __init__(self, commands: Mapping[str, Action]) -> None:
        self.commands = commands

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return turn_of(handler_input).heard.reading.command in self.commands

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = turn_of(handler_input)
        command = turn.heard.reading.command or ""
        return respond(handler_input, self.commands[command](turn))


class Silent(AbstractRequestHandler):
    """Requests that take no speech (session ended, system errors): an empty response."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return not is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class Apology(AbstractExceptionHandler):
    """Any failure: apologise, say to call the emergency number if it may be one, and end."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("request failed error=%s", type(exception).__name__)
        turn = handler_input.attributes_manager.request_attributes.get(TURN)
        person = turn.session.person if isinstance(turn, Turn) else "self"
        local = turn.session.local if isinstance(turn, Turn) else None
        locale = content_locale(self.content, get_locale(handler_input))
        voice = Voice(self.content, locale, person, local=local)
        builder = ResponseFactory().speak(ssml([voice.say("ui.error")]))
        return builder.set_should_end_session(True).response
