"""Realistic Alexa request envelopes for the simulator."""

import uuid
from datetime import UTC, datetime
from typing import Any

from skill.simulator.resolver import Resolution

SIMULATED_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000000"
REMINDERS = "alexa::alerts:reminders:skill:readwrite"
APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}
"""What a device with a screen says it supports."""
VIEWPORT = {
    "experiences": [{"arcMinuteWidth": 246, "arcMinuteHeight": 144, "canRotate": False}],
    "mode": "HUB",
    "shape": "RECTANGLE",
    "pixelWidth": 1280,
    "pixelHeight": 800,
    "dpi": 160,
    "currentPixelWidth": 1280,
    "currentPixelHeight": 800,
    "touch": ["SINGLE"],
}
"""An Echo Show 8's screen."""


class Session:
    """One simulated Alexa session: ids, attributes carried over, and whether it is new."""

    def __init__(self, skill_id: str, locale: str) -> None:
        self.skill_id = skill_id
        self.locale = locale
        self.now: datetime | None = None
        """The time requests are stamped with (the current time when None)."""
        self.user_id = "amzn1.ask.account.SIMULATED" + uuid.uuid4().hex.upper()
        self.device_id = "amzn1.ask.device.SIMULATED" + uuid.uuid4().hex.upper()
        self.api_endpoint: str | None = None
        """Where the skill calls Alexa's service APIs: the local services when they run. None:
        the simulated device offers none, so the skill asks no settings service (and never
        Amazon's)."""
        self.api_token = "SIMULATED." + uuid.uuid4().hex
        self.consent = False
        """Whether the user allowed the skill's permissions (the request carries a consent
        token)."""
        self.screen = False
        """Whether the device has a screen that renders APL."""
        self.restart()

    def restart(self) -> None:
        """Begin a new session (new id, no attributes)."""
        self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
        self.attributes: dict[str, Any] = {}
        self.new = True

    def envelope(self, request: dict[str, Any]) -> dict[str, Any]:
        """Wrap a request body in the session and context Alexa would send."""
        application = {"applicationId": self.skill_id}
        user: dict[str, Any] = {"userId": self.user_id}
        if self.consent:
            user["permissions"] = {"consentToken": self.api_token}
        device: dict[str, Any] = {"deviceId": self.device_id, "supportedInterfaces": {}}
        context: dict[str, Any] = {}
        if self.screen:
            device["supportedInterfaces"] = dict(APL)
            context["Viewport"] = dict(VIEWPORT)
        body = {
            "version": "1.0",
            "session": {
                "new": self.new,
                "sessionId": self.session_id,
                "application": application,
                "attributes": self.attributes,
                "user": user,
            },
            "context": {
                "System": {
                    "application": application,
                    "user": user,
                    "device": device,
                    "apiEndpoint": self.api_endpoint,
                    "apiAccessToken": self.api_token,
                },
                **context,
            },
            "request": {
                "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                "timestamp": (self.now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "locale": self.locale,
                **request,
            },
        }
        self.new = False
        return body

    def launch(self) -> dict[str, Any]:
        """A LaunchRequest envelope."""
        return self.envelope({"type": "LaunchRequest"})

    def connections_response(self, status: str, token: str, code: str = "200") -> dict[str, Any]:
        """Alexa's answer to the skill's request for the reminders permission."""
        scope = {"permissionScope": REMINDERS, "consentLevel": "ACCOUNT"}
        return self.envelope(
            {
                "type": "Connections.Response",
                "name": "AskFor",
                "status": {"code": code, "message": "OK" if code == "200" else "Error"},
                "token": token,
                "payload": {"permissionScopes": [scope], "status": status},
            }
        )

    def user_event(self, token: str, arguments: list[str]) -> dict[str, Any]:
        """A touch on a screen's button that sends an event to the skill."""
        return self.envelope(
            {
                "type": "Alexa.Presentation.APL.UserEvent",
                "token": token,
                "arguments": arguments,
                "source": {"type": "TouchWrapper", "handler": "Press", "id": ""},
                "components": {},
            }
        )

    def intent(self, resolution: Resolution) -> dict[str, Any]:
        """An IntentRequest envelope with every slot of the intent, filled or not."""
        slots: dict[str, Any] = {}
        for name in resolution.slot_names:
            slot: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
            filled = resolution.slots.get(name)
            if filled is not None:
                slot["value"] = filled.heard
                authority = f"amzn1.er-authority.echo-sdk.{self.skill_id}.{filled.slot_type}"
                if filled.value_id is not None:
                    slot["resolutions"] = {
                        "resolutionsPerAuthority": [
                            {
                                "authority": authority,
                                "status": {"code": "ER_SUCCESS_MATCH"},
                                "values": [
                                    {"value": {"name": filled.value_name, "id": filled.value_id}}
                                ],
                            }
                        ]
                    }
                elif filled.custom:
                    slot["resolutions"] = {
                        "resolutionsPerAuthority": [
                            {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
                        ]
                    }
            slots[name] = slot
        intent = {"name": resolution.intent, "confirmationStatus": "NONE", "slots": slots}
        return self.envelope({"type": "IntentRequest", "intent": intent})
