"""Baseline for the benchmarks: the smallest ask-sdk-core skill, a launch and one intent."""

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils.predicate import is_intent_name, is_request_type
from ask_sdk_model.response import Response


class LaunchRequestHandler(AbstractRequestHandler):
    """Greets and keeps the session open."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        speech = "Welcome. Say hello to hear a greeting."
        return handler_input.response_builder.speak(speech).ask(speech).response


class HelloWorldIntentHandler(AbstractRequestHandler):
    """Says hello and ends the session."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("HelloWorldIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        handler_input.response_builder.speak("Hello world!").set_should_end_session(True)
        return handler_input.response_builder.response


sb = SkillBuilder()
sb.add_request_handler(LaunchRequestHandler())
sb.add_request_handler(HelloWorldIntentHandler())

lambda_handler = sb.lambda_handler()
