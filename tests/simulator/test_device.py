"""The simulated device's settings service: what the SDK's settings calls get back from it."""

import threading
import time

import pytest
import requests

from skill.simulator.device import HANG_LIMIT, PREFIX, DeviceSettings
from skill.simulator.services import LocalServices

DEVICE = "amzn1.ask.device.TEST"
TOKEN = "token-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def served():
    settings = DeviceSettings(DEVICE, TOKEN, time_zone="Pacific/Auckland")
    with LocalServices() as services:
        services.add(PREFIX, settings)
        yield services, settings
        settings.released.set()


def get(services, name, *, device=DEVICE, headers=AUTH, timeout=5.0):
    url = f"{services.endpoint}{PREFIX}{device}/settings/{name}"
    return requests.get(url, headers=headers, timeout=timeout)


def test_the_time_zone_and_unit_as_json_strings(served):
    services, settings = served
    settings.temperature_unit = "CELSIUS"
    assert get(services, "System.timeZone").json() == "Pacific/Auckland"
    assert get(services, "System.temperatureUnit").json() == "CELSIUS"
    assert [path for _, path, _ in services.requests] == [
        f"{PREFIX}{DEVICE}/settings/System.timeZone",
        f"{PREFIX}{DEVICE}/settings/System.temperatureUnit",
    ]


def test_a_setting_the_device_does_not_report_is_no_content(served):
    services, _ = served
    answer = get(services, "System.temperatureUnit")
    assert (answer.status_code, answer.content) == (204, b"")


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"headers": {}}, 401),
        ({"headers": {"Authorization": "Bearer other"}}, 401),
        ({"device": "amzn1.ask.device.OTHER"}, 404),
    ],
)
def test_only_its_own_token_and_device_are_answered(served, kwargs, status):
    services, _ = served
    assert get(services, "System.timeZone", **kwargs).status_code == status


def test_an_unknown_setting_is_not_found(served):
    services, _ = served
    assert get(services, "System.distanceUnits").status_code == 404


def test_a_failing_service_answers_500(served):
    services, settings = served
    settings.behaviour = "fail"
    assert get(services, "System.timeZone").status_code == 500


def test_a_hanging_service_answers_nothing_until_released(served):
    services, settings = served
    settings.behaviour = "hang"
    with pytest.raises(requests.Timeout):
        get(services, "System.timeZone", timeout=0.5)
    started = time.monotonic()
    threading.Timer(0.2, settings.released.set).start()
    answer = get(services, "System.timeZone", timeout=HANG_LIMIT)
    assert answer.status_code == 500
    assert time.monotonic() - started < 5
