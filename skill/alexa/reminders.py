"""Setting the follow-up reminder through the SDK's Reminders service client: the permission is
asked by voice (Connections.SendRequest AskFor), with the permission card as the fallback, and
every failure ends in one calm sentence."""

import logging
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.request_util import get_locale
from ask_sdk_model.services.reminder_management.alert_info import AlertInfo
from ask_sdk_model.services.reminder_management.push_notification import PushNotification
from ask_sdk_model.services.reminder_management.push_notification_status import (
    PushNotificationStatus,
)
from ask_sdk_model.services.reminder_management.reminder_request import ReminderRequest
from ask_sdk_model.services.reminder_management.spoken_info import SpokenInfo
from ask_sdk_model.services.reminder_management.spoken_text import SpokenText
from ask_sdk_model.services.reminder_management.trigger import Trigger
from ask_sdk_model.services.reminder_management.trigger_type import TriggerType
from ask_sdk_model.services.service_exception import ServiceException

from skill.alexa.follow_up import Result, follow_up_for, result
from skill.alexa.session import Phase
from skill.alexa.turn import Reply, Turn
from skill.triage.follow_up import FollowUp, text_id

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from ask_sdk_model.interfaces.connections.send_request_directive import SendRequestDirective

PERMISSION = "alexa::alerts:reminders:skill:readwrite"
ASK_FOR = "AskFor"
CORRELATION = "follow_up_reminder"
"""Returned by Alexa in the Connections.Response; says what the permission was asked for."""
NO_PERMISSION = frozenset({401, 403})
"""Answers of the Reminders API that mean the skill may not set reminders for this user."""
logger = logging.getLogger("skill")


def ask_for_permission() -> "SendRequestDirective":
    """Ask Alexa to ask the user, by voice, for the reminders permission."""
    # The SDK's Connections models load only once a reminder is offered, not on a cold start.
    from ask_sdk_model.interfaces.connections.send_request_directive import SendRequestDirective

    return SendRequestDirective(
        name=ASK_FOR,
        payload={
            "@type": "AskForPermissionsConsentRequest",
            "@version": "2",
            "permissionScopes": [{"permissionScope": PERMISSION, "consentLevel": "ACCOUNT"}],
        },
        token=CORRELATION,
    )


def has_permission(handler_input: HandlerInput) -> bool:
    """Whether the request says the user allowed the skill's permissions (a consent token)."""
    context = handler_input.request_envelope.context
    user = context.system.user if context is not None and context.system is not None else None
    permissions = user.permissions if user is not None else None
    return bool(permissions is not None and permissions.consent_token)


def carry_out(handler_input: HandlerInput, turn: Turn) -> Reply:
    """After a yes to the offer: ask for the permission when the request has none, else set
    the reminder and say how it went."""
    if not has_permission(handler_input):
        return Reply(speech=(), consent=True)
    return result(turn, create(handler_input, turn))


def consent_answered(handler_input: HandlerInput, turn: Turn) -> Reply:
    """Alexa's answer to the permission request: set the reminder if the user allowed it; a
    refusal is respected; no answer, or a failed request, falls back to the permission card."""
    from ask_sdk_model.interfaces.connections.connections_response import ConnectionsResponse

    request = handler_input.request_envelope.request
    if turn.session.phase is not Phase.REMIND or follow_up_for(turn) is None:
        return result(turn, "failed")
    if not isinstance(request, ConnectionsResponse) or request.name != ASK_FOR:
        return result(turn, "failed")
    code = request.status.code if request.status is not None else None
    status = _status(request.payload)
    if str(code) == "200" and status == "ACCEPTED":
        return result(turn, create(handler_input, turn))
    if str(code) == "200" and status == "DENIED":
        return result(turn, "denied")
    return result(turn, "no_permission")


def create(handler_input: HandlerInput, turn: Turn) -> Result:
    """Set the reminder through the service client; any failure is named, never raised."""
    follow_up = follow_up_for(turn)
    if follow_up is None:
        return "failed"
    request = handler_input.request_envelope.request
    stamp = request.timestamp if request is not None else None
    now = stamp if isinstance(stamp, datetime) else datetime.now(UTC)
    locale = get_locale(handler_input)
    try:
        reminder = reminder_request(
            turn, follow_up, now, locale if isinstance(locale, str) else "", _zone(turn)
        )
        client = handler_input.service_client_factory.get_reminder_management_service()
        client.create_reminder(reminder)
    except ServiceException as error:
        logger.warning("reminder not set status=%s", error.status_code)
        return "no_permission" if error.status_code in NO_PERMISSION else "failed"
    except Exception as error:  # an unexpected failure must not lose the conversation either
        logger.warning("reminder not set error=%s", type(error).__name__)
        return "failed"
    return "set"


def reminder_request(
    turn: Turn, follow_up: FollowUp, now: datetime, locale: str, zone: "ZoneInfo | None" = None
) -> ReminderRequest:
    """The reminder: at the follow-up's hour on its day, in the device's local time (its time
    zone named when known, else Alexa uses the device's own), with words free of health words."""
    local = now.astimezone(zone or UTC).replace(tzinfo=None, microsecond=0)
    day = local.date() + timedelta(days=follow_up.days_from_today(turn.session.state.facts))
    words = turn.say(text_id("text", follow_up.disposition))
    return ReminderRequest(
        request_time=local,
        trigger=Trigger(
            object_type=TriggerType.SCHEDULED_ABSOLUTE,
            scheduled_time=datetime.combine(day, time(follow_up.hour)),
            time_zone_id=zone.key if zone is not None else None,
        ),
        alert_info=AlertInfo(
            spoken_info=SpokenInfo(content=[SpokenText(locale=locale or None, text=words)])
        ),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
    )


def _status(payload: object) -> str | None:
    """The permission's status in a Connections.Response payload (version 2, or version 1)."""
    if not isinstance(payload, dict):
        return None
    status = payload.get("status")
    if isinstance(status, str):
        return status
    scopes = payload.get("permissionScopes")
    for scope in scopes if isinstance(scopes, list) else []:
        if isinstance(scope, dict) and scope.get("permissionScope") == PERMISSION:
            found = scope.get("status")
            return found if isinstance(found, str) else None
    return None


def _zone(turn: Turn) -> "ZoneInfo | None":
    """The device's time zone, when the settings service gave one this machine knows; else
    None, and Alexa places the reminder's hour in the device's own zone (its day is then
    counted from the date in UTC)."""
    from zoneinfo import ZoneInfo

    local = turn.session.local
    name = local.zone if local is not None else None
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return None
