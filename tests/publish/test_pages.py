"""The privacy policy and terms of use say what the manifest and the code promise."""

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def page(name: str) -> str:
    return " ".join((DOCS / name).read_text(encoding="utf-8").lower().split())


@pytest.mark.parametrize(
    "statement",
    [
        "nothing about you is stored beyond the session",
        "no account linking",
        "no purchases, no advertising",
        "only the request type, the request id, the intent name",
        "never hold what you said",
        "kept for 30 days",  # RetentionInDays of the log group in template.yaml
        "reminders (optional)",
        "only if you say yes and give the skill permission",
        "no health words",
        "not directed at children",
        "once per conversation for your device's time zone",
        "forgets them when the conversation ends",
        "never logged or stored",
    ],
)
def test_privacy_policy_says(statement: str) -> None:
    assert statement in page("privacy.md")


@pytest.mark.parametrize(
    "statement",
    ["not a diagnosis", "cannot call an emergency number", "call your local emergency number"],
)
def test_terms_of_use_say(statement: str) -> None:
    assert statement in page("terms.md")


def test_log_retention_is_the_one_the_privacy_policy_states() -> None:
    template = (DOCS.parent / "template.yaml").read_text(encoding="utf-8")
    assert "RetentionInDays: 30\n" in template
