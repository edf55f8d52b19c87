"""Cross-cutting steps of every request: load the turn, log without health data, save."""

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components.request_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_core.utils.request_util import (
    get_intent_name,
    get_locale,
    get_request_type,
    is_new_session,
)
from ask_sdk_model.response import Response

from skill.alexa.handlers import TURN, turn_of
from skill.alexa.session import Session
from skill.alexa.settings import look_up
from skill.alexa.slots import hear
from skill.alexa.touch import USER_EVENT, touched
from skill.alexa.turn import Turn
from skill.alexa.voice import Voice, content_locale
from skill.triage import Content, Engine, StateError

if TYPE_CHECKING:
    from skill.understanding.lexicon import Lexicon

logger = logging.getLogger("skill")
QUIET_REQUESTS = frozenset({"SessionEndedRequest", "System.ExceptionEncountered"})
"""Requests that get no speech, so need no emergency number: no settings lookup."""


class LogRequest(AbstractRequestInterceptor):
    """Log the request type, request id and intent name, and nothing the user said."""

    def process(self, handler_input: HandlerInput) -> None:
        request_type = get_request_type(handler_input)
        intent = get_intent_name(handler_input) if request_type == "IntentRequest" else "-"
        request = handler_input.request_envelope.request
        request_id = request.request_id if request is not None else "-"
        logger.info("request type=%s id=%s intent=%s", request_type, request_id, intent)


class LoadTurn(AbstractRequestInterceptor):
    """Build this request's Turn: locale, session (a broken one starts over), slots heard."""

    def __init__(self, content: Content, engine: Engine) -> None:
        self.content, self.engine = content, engine

    def process(self, handler_input: HandlerInput) -> None:
        locale = content_locale(self.content, get_locale(handler_input))
        envelope = handler_input.request_envelope
        data = {}
        if envelope.session is not None and not is_new_session(handler_input):
            data = handler_input.attributes_manager.session_attributes or {}
        notices = []
        try:
            session = Session.from_attributes(data, self.content)
        except StateError:
            logger.warning("session state unreadable, starting over")
            session = Session(intro=True)
            notices.append(Voice(self.content, locale).say("ui.lost_track"))
        if session.local is None and get_request_type(handler_input) not in QUIET_REQUESTS:
            session.local = look_up(handler_input, self.content)
        pending = self.content.question(session.question) if session.question is not None else None
        request_locale = get_locale(handler_input)
        if is_request_type(USER_EVENT)(handler_input):
            heard = touched(handler_input, self.content)
        else:
            heard = hear(
                handler_input,
                self.content,
                lambda: _lexicon(request_locale if isinstance(request_locale, str) else locale),
                session.state.facts,
                pending,
            )
        turn = Turn(self.content, self.engine, locale, session, heard)
        turn.notices.extend(notices)
        handler_input.attributes_manager.request_attributes[TURN] = turn


class SaveTurn(AbstractResponseInterceptor):
    """Keep the session in the session attributes and log the outcome id, if any."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        if not isinstance(handler_input.attributes_manager.request_attributes.get(TURN), Turn):
            return
        turn = turn_of(handler_input)
        if handler_input.request_envelope.session is not None:
            handler_input.attributes_manager.session_attributes = turn.session.to_attributes()
        if turn.reply is not None and turn.reply.outcome is not None:
            logger.info("outcome=%s", turn.reply.outcome)


def _lexicon(locale: str) -> "Lexicon":
    """The locale's lexicon, imported and loaded on the first request with words."""
    from skill.understanding.load import lexicon_for

    return lexicon_for(locale)
