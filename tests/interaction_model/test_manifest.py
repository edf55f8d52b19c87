"""The skill manifest (interaction_model/skill.json).

It deliberately has no apis.custom.endpoint: the deployment fills in the function ARN, so a
template never carries a made-up one. It also has no privacy policy or terms of use URL, since a
placeholder there would be published as-is.
"""

import json
from functools import cache
from typing import Any

import pytest

from skill.publish.layout import MANIFEST_PATH, model_path
from skill.simulator.resolver import Resolver

INVOCATION_NAME = "muscle twitch helper"


@cache
def load_manifest() -> dict[str, Any]:
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["manifest"]


def en_us() -> dict[str, Any]:
    return load_manifest()["publishingInformation"]["locales"]["en-US"]


def test_manifest_version_is_one() -> None:
    assert load_manifest()["manifestVersion"] == "1.0"


def test_manifest_publishing_information() -> None:
    publishing = load_manifest()["publishingInformation"]
    assert en_us()["name"] == "Muscle Twitch Helper"
    assert publishing["category"] == "HEALTH_AND_FITNESS"
    assert publishing["isAvailableWorldwide"] is False
    assert publishing["distributionCountries"] == ["US"]


def test_manifest_summary_and_keywords_are_within_limits() -> None:
    assert 0 < len(en_us()["summary"]) <= 160
    assert 0 < len(en_us()["description"]) <= 4000
    keywords = en_us()["keywords"]
    assert 0 < len(keywords) <= 30
    assert len(keywords) == len(set(keywords))


def test_manifest_description_carries_the_health_disclaimer() -> None:
    description = " ".join(en_us()["description"].lower().split())
    assert "general health information" in description
    assert "not a diagnosis" in description
    assert "cannot call for help" in description
    assert "911" in description


def test_manifest_privacy_and_compliance() -> None:
    privacy = load_manifest()["privacyAndCompliance"]
    assert privacy["allowsPurchases"] is False
    assert privacy["usesPersonalInfo"] is False
    assert privacy["isChildDirected"] is False
    assert privacy["isExportCompliant"] is True
    assert privacy["containsAds"] is False


def test_manifest_has_no_placeholder_urls() -> None:
    text = MANIFEST_PATH.read_text(encoding="utf-8")
    for forbidden in ["privacyPolicyUrl", "termsOfUseUrl", "example.com", "REPLACE", "TODO"]:
        assert forbidden not in text


def test_manifest_leaves_the_endpoint_to_the_deployment() -> None:
    custom = load_manifest()["apis"]["custom"]
    assert "endpoint" not in custom
    assert "arn:aws" not in MANIFEST_PATH.read_text(encoding="utf-8")


def test_manifest_has_no_custom_interfaces_yet() -> None:
    assert load_manifest()["apis"]["custom"]["interfaces"] == []


def test_manifest_has_three_example_phrases() -> None:
    assert len(en_us()["examplePhrases"]) == 3


EXAMPLE_PREFIX_OPEN = f"Alexa, open {INVOCATION_NAME}"
NOT_UNDERSTOOD = {"FreeSpeechIntent", "AMAZON.FallbackIntent"}


@pytest.mark.parametrize("index", range(3))
def test_example_phrase_launches_or_reaches_a_custom_intent(index: int) -> None:
    phrase = en_us()["examplePhrases"][index]
    resolver = Resolver.from_file(model_path("en-US"))
    request, invoked = resolver.strip_invocation(phrase)
    assert invoked, phrase
    if not request:
        return  # a plain launch: a LaunchRequest, not an intent
    intent = resolver.resolve(request).intent
    assert not intent.startswith("AMAZON."), (phrase, intent)
    assert intent not in NOT_UNDERSTOOD, (phrase, intent)


def test_first_example_phrase_opens_the_skill() -> None:
    assert en_us()["examplePhrases"][0] == EXAMPLE_PREFIX_OPEN
