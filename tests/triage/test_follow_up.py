"""Follow-up reminders as content: when each rings, and every problem follow_up.yaml can have."""

from pathlib import Path

import pytest

from skill.triage import ContentError, load_content
from skill.triage.follow_up import FollowUp, follow_up_text_ids
from skill.triage.load import default_content
from skill.triage.model import Review

CONTENT = default_content()


def follow_up(**fields):
    return FollowUp("self_care", 9, (), Review("", ""), **fields)


def test_the_shipped_follow_ups_read_the_safety_net_from_the_rules():
    self_care, contact = CONTENT.follow_ups["self_care"], CONTENT.follow_ups["contact_provider"]
    long_duration = next(r for r in CONTENT.rules if r.id == "long_duration")
    assert (self_care.until_fact, self_care.until_over) == (
        long_duration.when.fact,
        long_duration.when.over,
    )
    assert contact.days == 1
    assert CONTENT.dispositions[0].id not in CONTENT.follow_ups


@pytest.mark.parametrize(
    ("facts", "days"),
    [({"duration_days": 0}, 15), ({"duration_days": 3}, 12), ({"duration_days": 14}, 1)],
)
def test_the_reminder_rings_on_the_day_the_threshold_would_be_passed(facts, days):
    assert follow_up(until_fact="duration_days", until_over=14).days_from_today(facts) == days


@pytest.mark.parametrize("facts", [{}, {"duration_days": "unsure"}, {"duration_days": 40}])
def test_without_a_known_duration_or_past_it_the_threshold_or_tomorrow(facts):
    days = follow_up(until_fact="duration_days", until_over=14).days_from_today(facts)
    assert days == (1 if facts.get("duration_days") == 40 else 14)


def test_a_fixed_number_of_days_is_kept():
    assert follow_up(days=1).days_from_today({"duration_days": 3}) == 1


def test_every_follow_up_needs_its_three_texts():
    assert follow_up_text_ids(CONTENT.follow_ups) == [
        "reminder.offer.self_care",
        "reminder.set.self_care",
        "reminder.text.self_care",
        "reminder.offer.contact_provider",
        "reminder.set.contact_provider",
        "reminder.text.contact_provider",
    ]


def problems(root: Path, text: str) -> list[str]:
    (root / "follow_up.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(root)
    return [p for p in error.value.problems if p.startswith("follow_up.yaml")]


REVIEW = "source: [{added: a test}]\n  review: {reviewed_by: a test, reviewed_on: 2026-11-21}\n"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("emergency:\n  days: 1\n  hour: 9\n  ", "emergency: no reminder is ever offered"),
        ("urgent_care:\n  days: 1\n  hour: 9\n  ", "urgent_care: unknown disposition"),
        ("self_care:\n  days: 1\n  hour: 21\n  ", "self_care.hour: expected a morning hour"),
        ("self_care:\n  days: 0\n  hour: 9\n  ", "self_care.days: expected 1 to 60 days"),
        ("self_care:\n  hour: 9\n  ", "self_care: give exactly one of days or until_rule"),
        (
            "self_care:\n  days: 1\n  until_rule: long_duration\n  hour: 9\n  ",
            "self_care: give exactly one of days or until_rule",
        ),
        (
            "self_care:\n  until_rule: weakness\n  hour: 9\n  ",
            "self_care.until_rule: expected a rule whose condition is a days fact over N",
        ),
        ("self_care:\n  days: 1\n  hour: 9\n  when: later\n  ", "self_care.when: unknown key"),
    ],
)
def test_each_mistake_in_follow_up_yaml_is_named(content_copy, entry, message):
    found = problems(content_copy, entry + REVIEW)
    assert any(message in p for p in found), found


def test_a_follow_up_without_its_texts_fails_validation(content_copy):
    (content_copy / "follow_up.yaml").write_text(
        "worried_well:\n  days: 1\n  hour: 9\n  " + REVIEW, encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert any("worried_well" in p for p in error.value.problems)
