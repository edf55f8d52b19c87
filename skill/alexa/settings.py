"""The device's time zone and temperature unit from the Alexa settings service, which needs no
permission: asked once a session, both at once, within a short deadline."""

import logging
import threading
import time
from collections.abc import Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.request_util import get_device_id
from ask_sdk_model.services.ups.temperature_unit import TemperatureUnit

from skill.alexa.local import ZONE, Local
from skill.triage import Content
from skill.triage.countries import UNITS

DEADLINE = 1.0
"""Seconds both answers may take together. The emergency answer waits no longer than this: a
service that is slow, hangs or fails leaves the locale's number, said at once."""
logger = logging.getLogger("skill")


def look_up(handler_input: HandlerInput, content: Content) -> Local | None:
    """Where the device is. None when the request offers no settings service to ask (it does
    not come from a device); a Local with what the service said otherwise, even nothing."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    factory = handler_input.service_client_factory
    device_id = get_device_id(handler_input) if system is not None else None
    if (
        factory is None
        or system is None
        or not system.api_endpoint
        or not system.api_access_token
        or not device_id
    ):
        return None
    try:
        ups = factory.get_ups_service()
    except Exception as error:  # the SDK raises ValueError, or anything its client does
        logger.warning("settings unavailable error=%s", type(error).__name__)
        return Local()
    answers = _ask_all(
        {
            "time_zone": lambda: ups.get_system_time_zone(device_id),
            "unit": lambda: ups.get_system_temperature_unit(device_id),
        }
    )
    zone, unit = answers.get("time_zone"), answers.get("unit")
    missing = [name for name in ("time_zone", "unit") if name not in answers]
    if missing:
        logger.warning("settings incomplete missing=%s", ",".join(missing))
    country = content.countries.of_zone(zone) if isinstance(zone, str) else None
    return Local(
        country=country.id if country is not None else None,
        unit=_unit(unit),
        zone=zone if isinstance(zone, str) and ZONE.fullmatch(zone) else None,
    )


def _unit(answer: object) -> str | None:
    """The content's name of a temperature unit the service said (CELSIUS: "celsius")."""
    said = answer.value if isinstance(answer, TemperatureUnit) else answer
    name = said.lower() if isinstance(said, str) else None
    return name if name in UNITS else None


def _ask_all(calls: dict[str, Callable[[], object]]) -> dict[str, object]:
    """Each call in its own thread; the answers that came within the deadline. A call that
    raises gives no answer; one still running is left to end on its own (its thread is a
    daemon, and the HTTP client has its own timeouts)."""
    answers: dict[str, object] = {}
    lock = threading.Lock()

    def ask(name: str, call: Callable[[], object]) -> None:
        try:
            answer = call()
        except Exception:  # a failed service is no answer; the caller says which are missing
            return
        with lock:
            answers[name] = answer

    threads = [
        threading.Thread(target=ask, args=(name, call), daemon=True) for name, call in calls.items()
    ]
    deadline = time.monotonic() + DEADLINE
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    with lock:
        return dict(answers)
