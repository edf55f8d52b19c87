"""Deploy-time settings: an alias ARN and two published https pages, or a list of problems."""

import pytest

from skill.publish.settings import DeploySettings, SettingsError, from_environment

ARN = "arn:aws:lambda:us-east-1:123456789012:function:muscle-twitch-helper-SkillFunction-AbC1:live"
GOOD = {
    "SKILL_ENDPOINT": ARN,
    "PRIVACY_POLICY_URL": "https://skills.muscle-twitch.help/{locale}/privacy",
    "TERMS_OF_USE_URL": "https://skills.muscle-twitch.help/terms.html",
}


def test_good_settings_are_read() -> None:
    settings = from_environment(GOOD)
    assert settings == DeploySettings(ARN, GOOD["PRIVACY_POLICY_URL"], GOOD["TERMS_OF_USE_URL"])


def test_locale_is_filled_into_the_urls() -> None:
    settings = from_environment(GOOD)
    assert settings.privacy_policy_for("en-GB") == "https://skills.muscle-twitch.help/en-GB/privacy"
    assert settings.terms_of_use_for("en-GB") == "https://skills.muscle-twitch.help/terms.html"


def test_every_missing_setting_is_reported_at_once() -> None:
    with pytest.raises(SettingsError) as error:
        from_environment({"SKILL_ENDPOINT": "  "})
    assert error.value.problems == [
        "SKILL_ENDPOINT: not set",
        "PRIVACY_POLICY_URL: not set",
        "TERMS_OF_USE_URL: not set",
    ]


@pytest.mark.parametrize(
    "endpoint",
    [
        ARN.removesuffix(":live"),  # $LATEST: the Alexa trigger's permission is on the alias
        ARN.removesuffix(":live") + ":7",  # a version, not the alias
        ARN.removesuffix(":live") + ":$LATEST",
        "arn:aws:lambda:us-east-1:1234:function:f:live",
        "https://skill.muscle-twitch.help/alexa",
        "arn:aws:lambda:us-east-1:123456789012:function:f:live trailing",
    ],
)
def test_endpoint_must_be_an_alias_arn(endpoint: str) -> None:
    with pytest.raises(SettingsError) as error:
        from_environment({**GOOD, "SKILL_ENDPOINT": endpoint})
    assert [p.split(":")[0] for p in error.value.problems] == ["SKILL_ENDPOINT"]


@pytest.mark.parametrize(
    "url",
    [
        "http://skills.muscle-twitch.help/privacy",
        "skills.muscle-twitch.help/privacy",
        "https://example.com/privacy",
        "https://docs.example.org/privacy",
        "https://localhost/privacy",
        "https://skills.muscle-twitch.help/{lang}/privacy",
        "https://skills.muscle-twitch.help/<your page>",
        "https:///privacy",
    ],
)
def test_page_urls_must_be_published_https_pages(url: str) -> None:
    with pytest.raises(SettingsError) as error:
        from_environment({**GOOD, "PRIVACY_POLICY_URL": url})
    assert [p.split(":")[0] for p in error.value.problems] == ["PRIVACY_POLICY_URL"]
