"""A simulated device's settings, answered as the Alexa settings service answers them (its time
zone and temperature unit), or a service that fails (HTTP 500) or hangs; served by
LocalServices under /v2/devices/."""

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

PREFIX = "/v2/devices/"
TIME_ZONE = "System.timeZone"
TEMPERATURE_UNIT = "System.temperatureUnit"
UNITS = ("CELSIUS", "FAHRENHEIT")
BEHAVIOURS = ("answer", "fail", "hang")
"""answer: say the settings; fail: HTTP 500; hang: no answer until the simulator ends."""
HOME_ZONES = {
    "en-US": "America/New_York",
    "en-GB": "Europe/London",
    "en-CA": "America/Toronto",
    "en-AU": "Australia/Sydney",
    "en-IN": "Asia/Kolkata",
}
"""The time zone a simulated device of a locale has unless told otherwise."""
HANG_LIMIT = 60.0
"""Seconds a hanging answer waits at most (the simulator releases it when it ends)."""


@dataclass
class DeviceSettings:
    """The settings of one simulated device: its id, time zone and temperature unit (None:
    not set, answered with 204 and no body, as the service does), and how the service
    behaves."""

    device_id: str
    token: str
    time_zone: str | None = None
    temperature_unit: str | None = None
    behaviour: str = "answer"
    released: threading.Event = field(default_factory=threading.Event)
    """Set when the simulator ends, so that a hanging answer ends too."""

    def __call__(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, object | None]:
        """Answer GET /v2/devices/{deviceId}/settings/{name} like the settings service."""
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, _error("INVALID_ACCESS_TOKEN", "the access token is not valid")
        device, _, name = path.split("?", 1)[0].removeprefix(PREFIX).partition("/settings/")
        if method != "GET" or device != self.device_id or name not in (TIME_ZONE, TEMPERATURE_UNIT):
            return 404, _error("NOT_FOUND", "no such setting")
        if self.behaviour == "fail":
            return 500, _error("INTERNAL_ERROR", "the settings service failed on purpose")
        if self.behaviour == "hang":
            self.released.wait(HANG_LIMIT)
            return 500, _error("INTERNAL_ERROR", "the settings service hung on purpose")
        value = self.time_zone if name == TIME_ZONE else self.temperature_unit
        return (204, None) if value is None else (200, value)


def _error(kind: str, message: str) -> dict[str, str]:
    return {"type": kind, "message": message}
