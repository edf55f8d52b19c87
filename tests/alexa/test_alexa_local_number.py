"""The emergency number follows the device's country, read from its time zone through the Alexa
settings service (served here on 127.0.0.1): once a session, within a short deadline, never
logged, and a red flag's answer is whole whatever the service does."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Iterator
from typing import Any

import pytest
from alexa_driver import Said, check_asks_or_ends, envelope

from skill.alexa import build_skill, entry
from skill.alexa.api_client import ApiClient
from skill.alexa.local import Local
from skill.alexa.settings import DEADLINE
from skill.simulator.device import PREFIX, DeviceSettings
from skill.simulator.services import LocalServices
from skill.triage.load import default_content

CONTENT = default_content()
DEVICE = "amzn1.ask.device.LOCALTEST"
TOKEN = "local-test-token"
SLURRED = {"speech": "she can't talk properly"}
SETTINGS = ("System.timeZone", "System.temperatureUnit")


HANDLER = entry.lambda_handler(build_skill(CONTENT, None, api_client=ApiClient(loopback=True)))
"""The skill as deployed, allowed plain HTTP to the settings service on 127.0.0.1."""


@pytest.fixture
def device() -> Iterator[tuple[LocalServices, DeviceSettings]]:
    """A device whose settings service runs locally (in Pacific/Auckland until told)."""
    settings = DeviceSettings(DEVICE, TOKEN, time_zone="Pacific/Auckland")
    with LocalServices() as services:
        services.add(PREFIX, settings)
        yield services, settings
        settings.released.set()


class Device:
    """A session on the simulated device: envelopes with its apiEndpoint, token and id."""

    def __init__(self, services: LocalServices, locale: str) -> None:
        self.services, self.locale = services, locale
        self.attributes: dict[str, Any] = {}
        self.new = True

    def send(self, intent: str | None = None, **unresolved: str) -> Said:
        env = envelope(
            intent,
            new=self.new,
            attributes=self.attributes,
            locale=self.locale,
            unresolved=unresolved or None,
        )
        system = env["context"]["System"]
        system.update(apiEndpoint=self.services.endpoint, apiAccessToken=TOKEN)
        system["device"]["deviceId"] = DEVICE
        said = Said(HANDLER(copy.deepcopy(env), None))
        check_asks_or_ends(said)
        self.attributes, self.new = said.attributes, said.ended
        return said

    def launch(self) -> Said:
        return self.send()

    def red_flag(self) -> Said:
        return self.send("FreeSpeechIntent", **SLURRED)


def settings_asked(services: LocalServices) -> list[str]:
    return [path.rsplit("/", 1)[-1] for _, path, _ in services.requests]


def check_emergency(said: Said, number: str, written: str) -> None:
    """The whole emergency answer with this number, twice, on a card that says it."""
    assert said.speech.startswith("This could be an emergency. Call "), said.speech
    assert said.speech.count(f"all {number}") >= 2, said.speech
    assert said.speech.endswith(f"Again, call {number} for them now."), said.speech
    assert said.card["title"] == f"Call {written} for them now", said.card
    assert said.ended


@pytest.mark.parametrize(
    ("locale", "zone", "number", "written"),
    [
        ("en-AU", "Pacific/Auckland", "1 1 1", "111"),
        ("en-AU", "Australia/Perth", "triple zero", "000"),
        ("en-GB", "Europe/Dublin", "1 1 2", "112"),
        ("en-GB", "Europe/London", "9 9 9", "999"),
        ("en-US", "Europe/London", "9 9 9", "999"),
        ("en-US", "America/Chicago", "9 1 1", "911"),
        ("en-CA", "America/Vancouver", "9 1 1", "911"),
        ("en-IN", "Asia/Kolkata", "1 1 2", "112"),
        ("en-US", "Pacific/Auckland", "1 1 1", "111"),
    ],
)
def test_the_number_of_the_device_s_country(device, locale, zone, number, written):
    services, settings = device
    settings.time_zone = zone
    check_emergency(Device(services, locale).red_flag(), number, written)
    assert sorted(settings_asked(services)) == sorted(SETTINGS)


@pytest.mark.parametrize(
    ("locale", "number", "written"),
    [("en-AU", "triple zero", "000"), ("en-GB", "9 9 9", "999"), ("en-US", "9 1 1", "911")],
)
@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Tokyo", "America/Mexico_City"])
def test_an_unknown_country_gets_the_locale_s_number_or_the_local_one(
    device, locale, number, written, zone
):
    services, settings = device
    settings.time_zone = zone
    check_emergency(
        Device(services, locale).red_flag(),
        f"{number} or your local emergency number",
        f"{written} or your local emergency number",
    )


@pytest.mark.parametrize("behaviour", ["fail", "hang"])
@pytest.mark.parametrize(
    ("locale", "number", "written"),
    [("en-AU", "triple zero", "000"), ("en-GB", "9 9 9", "999"), ("en-IN", "1 1 2", "112")],
)
def test_a_failing_or_hanging_service_still_gives_the_emergency_at_once(
    device, behaviour, locale, number, written
):
    services, settings = device
    settings.behaviour = behaviour
    started = time.monotonic()
    said = Device(services, locale).red_flag()
    took = time.monotonic() - started
    check_emergency(
        said,
        f"{number} or your local emergency number",
        f"{written} or your local emergency number",
    )
    assert took < DEADLINE + 1.0, took


def test_one_lookup_a_session_and_the_number_is_kept(device):
    services, _ = device
    talk = Device(services, "en-AU")
    talk.launch()
    assert talk.attributes["local"] == {"country": "nz", "unit": None, "zone": "Pacific/Auckland"}
    talk.send("WhoForIntent", person="my mum")
    check_emergency(talk.red_flag(), "1 1 1", "111")
    assert sorted(settings_asked(services)) == sorted(SETTINGS)
    talk.launch()  # a new session looks up again
    assert len(settings_asked(services)) == 4


def test_the_fever_follows_the_device_s_unit_else_its_country(device):
    services, settings = device
    settings.time_zone, settings.temperature_unit = "America/New_York", "CELSIUS"
    talk = Device(services, "en-US")
    talk.launch()
    asked = talk.send("WhoForIntent", person="me")
    assert "a fever over 38.3 degrees Celsius" in asked.speech
    assert "Fahrenheit" not in asked.speech
    settings.time_zone, settings.temperature_unit = "America/Toronto", None
    talk = Device(services, "en-CA")
    talk.launch()
    assert "38.3 degrees Celsius" in talk.send("WhoForIntent", person="me").speech
    settings.time_zone, settings.temperature_unit = "Europe/London", "FAHRENHEIT"
    talk = Device(services, "en-GB")
    talk.launch()
    assert "a fever over 101 degrees Fahrenheit" in talk.send("WhoForIntent", person="me").speech


def test_no_settings_service_in_the_request_means_the_locale_s_number_and_no_call(device):
    services, _ = device
    env = envelope("FreeSpeechIntent", new=True, locale="en-AU", unresolved=SLURRED)
    said = Said(HANDLER(env, None))
    assert "Call triple zero for them now." in said.speech
    assert "local emergency number" not in said.speech
    assert services.requests == []
    assert said.attributes["local"] is None


def test_the_time_zone_is_never_logged(device, caplog):
    services, settings = device
    settings.time_zone = "Pacific/Chatham"
    with caplog.at_level(logging.DEBUG):
        talk = Device(services, "en-AU")
        talk.launch()
        talk.red_flag()
        settings.behaviour = "fail"
        Device(services, "en-AU").launch()
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "Chatham" not in logged and "Pacific" not in logged and "nz" not in logged.split()
    assert "settings incomplete" in logged


@pytest.mark.parametrize(
    "local",
    [
        {"country": "xx", "unit": None},
        {"country": "nz"},
        {"country": "nz", "unit": "kelvin"},
        {"country": 1, "unit": None},
        "nz",
    ],
    ids=repr,
)
def test_a_place_the_skill_did_not_write_starts_over_and_still_answers_a_red_flag(device, local):
    services, _ = device
    talk = Device(services, "en-AU")
    talk.launch()
    talk.attributes = {**talk.attributes, "local": local}
    said = talk.red_flag()
    check_emergency(said, "1 1 1", "111")  # looked up again for the fresh state


def test_the_apology_for_a_failure_gives_the_device_s_number(device, monkeypatch):
    services, _ = device
    talk = Device(services, "en-AU")
    talk.launch()

    def broken(*args: Any) -> Any:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr("skill.alexa.handlers.respond", broken)
    said = talk.send("FreeSpeechIntent", speech="my left calf")
    assert said.speech.startswith("Sorry, something went wrong"), said.speech
    assert "call 1 1 1 now" in said.speech
    assert said.ended


def test_local_reads_back_what_it_writes():
    for local in (
        Local(),
        Local("nz", None),
        Local(None, "celsius"),
        Local("us", "fahrenheit", "America/New_York"),
        Local(None, None, "Etc/GMT+5"),
    ):
        assert Local.from_json(local.to_json(), CONTENT) == local


def test_a_session_kept_before_the_zone_reads_as_zone_not_known():
    assert Local.from_json({"country": "nz", "unit": None}, CONTENT) == Local("nz", None)


@pytest.mark.parametrize("zone", ["", "../../etc/passwd", 5, "x" * 80, "America/New York"])
def test_a_malformed_zone_in_the_session_is_a_broken_state(zone: object):
    from skill.triage import StateError

    with pytest.raises(StateError):
        Local.from_json({"country": None, "unit": None, "zone": zone}, CONTENT)
