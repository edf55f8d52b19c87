"""The one factory that assembles the skill: ordered handlers, interceptors, error handler."""

from typing import Any, cast

from ask_sdk_core.skill_builder import CustomSkillBuilder, SkillBuilder
from ask_sdk_model.services.api_client import ApiClient as BaseApiClient

from skill.alexa import commands, flow, reminders
from skill.alexa.handlers import (
    Apology,
    OnCommand,
    OnInput,
    OnIntent,
    OnRedFlag,
    OnRequest,
    Silent,
)
from skill.alexa.interceptors import LoadTurn, LogRequest, SaveTurn
from skill.alexa.service_client import LazyApiClient
from skill.alexa.touch import USER_EVENT
from skill.triage import Content, Engine


def build_skill(
    content: Content, skill_id: str | None = None, api_client: BaseApiClient | None = None
) -> SkillBuilder:
    """The skill for this content; requests for another skill id are refused when one is set.
    Alexa's service APIs (reminders) are called through the SDK's service clients over
    `api_client` (by default HTTPS only, with a deadline on each call).

    Use `.lambda_handler()` for AWS Lambda, or `.create()` for a CustomSkill.
    """
    builder = CustomSkillBuilder(api_client=api_client or LazyApiClient())
    cast(Any, builder).skill_id = skill_id  # the SDK types the attribute as always None
    handlers = [
        OnRedFlag(flow.emergency),
        OnCommand(commands.COMMANDS),
        OnRequest(flow.launch, "LaunchRequest"),
        OnIntent(flow.yes, "AMAZON.YesIntent"),
        OnIntent(flow.no, "AMAZON.NoIntent"),
        OnIntent(flow.unsure, "UnsureIntent"),
        OnIntent(commands.info, "InfoIntent"),
        OnIntent(commands.why, "WhyIntent"),
        OnIntent(commands.repeat, "AMAZON.RepeatIntent"),
        OnIntent(commands.slower, "SlowerIntent"),
        OnIntent(commands.back, "AMAZON.PreviousIntent"),
        OnIntent(commands.start_over, "AMAZON.StartOverIntent"),
        OnIntent(commands.help_, "AMAZON.HelpIntent"),
        OnIntent(commands.stop, "AMAZON.StopIntent", "AMAZON.CancelIntent"),
        OnIntent(commands.stop, "AMAZON.NavigateHomeIntent"),
        OnIntent(commands.fallback, "AMAZON.FallbackIntent"),
        OnRequest(flow.heard, "IntentRequest"),
        OnRequest(flow.tapped, USER_EVENT),
        OnInput(reminders.consent_answered, "Connections.Response"),
        Silent(),
    ]
    for handler in handlers:
        builder.add_request_handler(handler)
    builder.add_global_request_interceptor(LogRequest())
    builder.add_global_request_interceptor(LoadTurn(content, Engine(content)))
    builder.add_global_response_interceptor(SaveTurn())
    builder.add_exception_handler(Apology(content))
    return builder
