"""The skill manifest (interaction_model/skill.json) against the certification checklist.

Every check runs for every locale in publishingInformation.locales, so a new locale is one more
entry there (and its countries in distributionCountries). The committed manifest has no
endpoint and no privacy policy or terms of use URL: those are deploy-time settings
(skill/publish), so nothing made up or left as a placeholder can be published.
"""

import json
import re
from functools import cache
from typing import Any

import pytest
from PIL import Image

from skill.publish.layout import MANIFEST_PATH, PACKAGE_DIR, model_path
from skill.simulator.resolver import Resolver

# Where each English locale's Alexa users live; the skill goes only where its words and its
# emergency number are right: English (UK) also serves Ireland, English (AU) New Zealand, each
# country with its own number (content/emergency_numbers.yaml, by the device's time zone).
COUNTRIES_OF_LOCALE = {
    "en-US": {"US"},
    "en-GB": {"GB", "IE"},
    "en-CA": {"CA"},
    "en-AU": {"AU", "NZ"},
    "en-IN": {"IN"},
}
ICONS = {"smallIconUri": 108, "largeIconUri": 512}
NOT_UNDERSTOOD = {"FreeSpeechIntent", "AMAZON.FallbackIntent"}


@cache
def manifest() -> dict[str, Any]:
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["manifest"]


def locales() -> dict[str, dict[str, Any]]:
    return manifest()["publishingInformation"]["locales"]


LOCALES = list(locales())


@cache
def resolver(locale: str) -> Resolver:
    return Resolver.from_file(model_path(locale))


def one_line(text: str) -> str:
    return " ".join(text.lower().split())


def test_manifest_version_is_one() -> None:
    assert manifest()["manifestVersion"] == "1.0"


def test_en_us_is_published() -> None:
    assert "en-US" in LOCALES


def test_every_published_locale_has_a_model_and_every_model_is_published() -> None:
    models = {path.stem for path in model_path("en-US").parent.glob("*.json")}
    assert set(LOCALES) == models


def test_distribution_is_the_countries_of_the_published_locales() -> None:
    publishing = manifest()["publishingInformation"]
    assert set(LOCALES) <= set(COUNTRIES_OF_LOCALE), "add the new locale's countries"
    wanted = set().union(*(COUNTRIES_OF_LOCALE[locale] for locale in LOCALES))
    assert publishing["isAvailableWorldwide"] is False
    assert sorted(publishing["distributionCountries"]) == sorted(wanted)


def test_category_is_health_and_fitness() -> None:
    assert manifest()["publishingInformation"]["category"] == "HEALTH_AND_FITNESS"


def test_testing_instructions_tell_certification_how_to_reach_every_outcome() -> None:
    instructions = one_line(manifest()["publishingInformation"]["testingInstructions"])
    assert 0 < len(instructions) <= 4000
    for needed in [
        "no account linking",
        "keeps nothing",
        "not a diagnosis",
        "cannot call for help",
        "open muscle twitch helper",
        "she can't talk properly",
        "ends the session",
    ]:
        assert needed in instructions, needed


def test_privacy_and_compliance_are_answered_truthfully() -> None:
    privacy = manifest()["privacyAndCompliance"]
    assert privacy["usesPersonalInfo"] is False  # nothing is kept beyond the session
    assert privacy["allowsPurchases"] is False
    assert privacy["isChildDirected"] is False
    assert privacy["containsAds"] is False
    assert privacy["isExportCompliant"] is True


def test_privacy_policy_and_terms_urls_are_left_to_the_deployment() -> None:
    text = MANIFEST_PATH.read_text(encoding="utf-8")
    assert "locales" not in manifest()["privacyAndCompliance"]
    for forbidden in ["privacyPolicyUrl", "termsOfUseUrl", "example.com", "REPLACE", "TODO"]:
        assert forbidden not in text


def test_endpoint_is_left_to_the_deployment() -> None:
    assert "endpoint" not in manifest()["apis"]["custom"]
    assert "arn:aws" not in MANIFEST_PATH.read_text(encoding="utf-8")


def test_the_reminders_permission_and_screens_are_declared() -> None:
    assert manifest()["permissions"] == [{"name": "alexa::alerts:reminders:skill:readwrite"}]
    assert manifest()["apis"]["custom"]["interfaces"] == [{"type": "ALEXA_PRESENTATION_APL"}]


@pytest.mark.parametrize("locale", LOCALES)
def test_name_summary_and_keywords_are_within_limits(locale: str) -> None:
    entry = locales()[locale]
    assert entry["name"] == "Muscle Twitch Helper"
    assert 0 < len(entry["summary"]) <= 160
    keywords = entry["keywords"]
    assert 0 < len(keywords) <= 30
    assert len(keywords) == len(set(keywords))


@pytest.mark.parametrize("locale", LOCALES)
def test_description_says_it_is_not_a_diagnosis_and_cannot_call_for_help(locale: str) -> None:
    description = one_line(locales()[locale]["description"])
    assert 0 < len(description) <= 4000
    assert "general health information" in description
    assert "not a diagnosis" in description
    assert "cannot call for help" in description
    assert "emergency" in description


@pytest.mark.parametrize("locale", LOCALES)
def test_description_names_the_emergency_number_of_each_country_it_serves(locale: str) -> None:
    from skill.triage.load import default_content

    countries = default_content().countries.countries
    description = one_line(locales()[locale]["description"])
    for code in COUNTRIES_OF_LOCALE[locale]:
        written = countries[code.lower()].written
        assert re.search(rf"(?<!\d){written}(?!\d)", description), (locale, code)
    assert "or your local emergency number" in description


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("field", "size"), ICONS.items())
def test_icon_is_a_packaged_png_of_the_size_alexa_asks(locale: str, field: str, size: int) -> None:
    uri = locales()[locale][field]
    match = re.fullmatch(r"file://(assets/[\w./-]+\.png)", uri)
    assert match, uri
    with Image.open(PACKAGE_DIR / match[1]) as icon:
        assert (icon.format, icon.size) == ("PNG", (size, size))


@pytest.mark.parametrize("locale", LOCALES)
def test_three_example_phrases_and_the_first_opens_the_skill(locale: str) -> None:
    phrases = locales()[locale]["examplePhrases"]
    assert len(phrases) == 3
    assert len(set(phrases)) == 3
    invocation = resolver(locale).invocation
    assert phrases[0] == f"Alexa, open {invocation}"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("index", range(3))
def test_example_phrase_launches_or_reaches_a_custom_intent(locale: str, index: int) -> None:
    phrase = locales()[locale]["examplePhrases"][index]
    assert phrase.startswith("Alexa, "), phrase
    request, invoked = resolver(locale).strip_invocation(phrase)
    assert invoked, phrase
    if not request:
        return  # a plain launch: a LaunchRequest, not an intent
    intent = resolver(locale).resolve(request).intent
    assert not intent.startswith("AMAZON."), (phrase, intent)
    assert intent not in NOT_UNDERSTOOD, (phrase, intent)
