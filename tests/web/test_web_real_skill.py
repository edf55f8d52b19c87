"""The web service around the real skill: an envelope the skill cannot read is a 400."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.lambda_function import lambda_handler
from skill.web import create_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INTENT = json.loads((FIXTURES / "intent_request_location.json").read_text(encoding="utf-8"))


def _client():
    app = create_app(lambda_handler, skill_id=None, verify=False)
    return app.test_client()


def _post(client, envelope):
    return client.post("/", data=json.dumps(envelope), content_type="application/json")


def test_a_readable_envelope_gets_the_skills_answer():
    response = _post(_client(), INTENT)
    assert response.status_code == 200
    assert response.get_json()["response"]["outputSpeech"]["ssml"]


def test_an_envelope_the_skill_cannot_read_is_a_400_not_a_500():
    envelope = copy.deepcopy(INTENT)
    envelope["request"]["intent"] = "LocationIntent"
    assert _post(_client(), envelope).status_code == 400


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
PATHS = st.sampled_from(
    [
        ("request", "intent"),
        ("request", "intent", "slots"),
        ("request", "intent", "name"),
        ("request", "timestamp"),
        ("request", "locale"),
        ("session", "attributes"),
        ("session", "new"),
        ("context", "System"),
        ("request", "intent", "slots", "location", "resolutions"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=PATHS, value=JSON)
def test_mutated_envelopes_never_get_a_server_error(path, value):
    envelope = copy.deepcopy(INTENT)
    node = envelope
    for key in path[:-1]:
        node = node.setdefault(key, {}) if isinstance(node, dict) else {}
    if isinstance(node, dict):
        node[path[-1]] = value
    response = _post(_client(), envelope)
    assert response.status_code in (200, 400), response.status_code


@pytest.mark.parametrize("depth", [500, 1000, 5000])
def test_session_attributes_nested_deep_are_answered_or_refused_never_a_500(depth):
    envelope = copy.deepcopy(INTENT)
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = "DEEP"
    deep = '{"phase": ' * depth + "{}" + "}" * depth
    body = json.dumps(envelope).replace('"DEEP"', deep)
    response = _client().post("/", data=body, content_type="application/json")
    assert response.status_code in (200, 400), response.status_code
    if depth <= 1000:
        assert response.status_code == 200
        assert response.get_json()["response"]["outputSpeech"]["ssml"]
