"""The Lambda entry: one skill instance; envelopes it cannot read are a client error."""

import copy

import pytest
from alexa_driver import load_fixture

from skill.handler import MalformedRequest
from skill.lambda_function import lambda_handler


def _location_request():
    return copy.deepcopy(load_fixture("intent_request_location.json"))


def _with_request(**changes):
    envelope = _location_request()
    envelope["request"].update(changes)
    return envelope


MALFORMED = {
    "no request": {},
    "intent is not an object": _with_request(intent="LocationIntent"),
    "slots are a list": _with_request(intent={"name": "LocationIntent", "slots": [1]}),
    "timestamp is not a time": _with_request(timestamp="yesterday"),
    "unknown request type": _with_request(type="NoSuchRequest"),
}


@pytest.mark.parametrize("envelope", MALFORMED.values(), ids=MALFORMED.keys())
def test_an_envelope_the_sdk_cannot_read_is_a_malformed_request(envelope):
    with pytest.raises(MalformedRequest):
        lambda_handler(envelope, None)


def test_the_same_handler_answers_requests_one_after_another():
    first = lambda_handler(_location_request(), None)
    second = lambda_handler(_location_request(), None)
    assert first["response"]["outputSpeech"] == second["response"]["outputSpeech"]
