"""A local Reminders API: the endpoints the SDK's reminder service client calls, with switches
for a user who has not allowed reminders and for a service that fails."""

import json
import re
import time
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from skill.alexa.api_client import DEADLINE

PREFIX = "/v1/alerts/reminders"
ONE = re.compile(rf"^{PREFIX}/([A-Za-z0-9-]+)$")
TIMEOUT = "timeout"
"""The failure that answers later than the skill waits."""
LATE = sum(DEADLINE) + 0.5
"""Seconds the service takes to answer when told to time out."""
TRIGGERS = frozenset({"SCHEDULED_ABSOLUTE", "SCHEDULED_RELATIVE"})


class RemindersApi:
    """The Reminders API for one simulated user: the bearer token it accepts, whether the user
    allowed the skill's reminders, and a failure to answer every call with (an HTTP status, or
    TIMEOUT). Reminders created are kept by alert token, in order."""

    def __init__(
        self, token: str, *, granted: bool = True, failure: int | str | None = None
    ) -> None:
        self.token = token
        self.granted = granted
        self.failure = failure
        self.reminders: dict[str, dict[str, Any]] = {}

    def __call__(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, object | None]:
        if self.failure == TIMEOUT:
            time.sleep(LATE)
        elif isinstance(self.failure, int):
            return self.failure, _error("SIMULATED_FAILURE", "the service failed on purpose")
        if headers.get("authorization") != f"Bearer {self.token}" or not self.granted:
            return 401, _error("UNAUTHORIZED", "the user has not allowed this skill's reminders")
        path = path.split("?", 1)[0].rstrip("/")
        if path == PREFIX and method == "POST":
            return self._create(body)
        if path == PREFIX and method == "GET":
            alerts = list(self.reminders.values())
            return 200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None}
        match = ONE.match(path)
        if match is None or match.group(1) not in self.reminders:
            return 404, _error("NOT_FOUND", "no such reminder")
        token = match.group(1)
        if method == "GET":
            return 200, self.reminders[token]
        if method == "DELETE":
            del self.reminders[token]
            return 200, None
        if method == "PUT":
            return self._create(body, token)
        return 405, _error("METHOD_NOT_ALLOWED", "not a Reminders API call")

    def _create(self, body: bytes, token: str | None = None) -> tuple[int, object]:
        try:
            reminder = json.loads(body or b"{}")
        except ValueError:
            return 400, _error("INVALID_REQUEST", "the body is not JSON")
        problem = _invalid(reminder)
        if problem:
            return 400, _error("INVALID_REQUEST", problem)
        token = token or str(uuid.uuid4())
        now = datetime.now().isoformat(timespec="seconds")
        self.reminders[token] = {"alertToken": token, "status": "ON", **reminder}
        return 200, {
            "alertToken": token,
            "createdTime": now,
            "updatedTime": now,
            "status": "ON",
            "version": "1",
            "href": f"{PREFIX}/{token}",
        }

    @property
    def last(self) -> dict[str, Any] | None:
        """The reminder created last, as kept (the request body with its alert token)."""
        return list(self.reminders.values())[-1] if self.reminders else None


def _invalid(reminder: object) -> str:
    """Why a reminder request is not one the API takes ("" when it is)."""
    if not isinstance(reminder, dict):
        return "expected an object"
    trigger = reminder.get("trigger")
    if not isinstance(trigger, dict) or trigger.get("type") not in TRIGGERS:
        return "trigger.type must be SCHEDULED_ABSOLUTE or SCHEDULED_RELATIVE"
    if trigger["type"] == "SCHEDULED_ABSOLUTE":
        try:
            datetime.fromisoformat(str(trigger.get("scheduledTime")))
        except ValueError:
            return "trigger.scheduledTime must be a date and time"
    content = ((reminder.get("alertInfo") or {}).get("spokenInfo") or {}).get("content")
    if not isinstance(content, list) or not content:
        return "alertInfo.spokenInfo.content must say something"
    if not all(isinstance(c, dict) and c.get("locale") and c.get("text") for c in content):
        return "each spoken content needs a locale and a text"
    return ""


def _error(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}
