"""Follow-up reminders offered after an outcome: when each rings, read from follow_up.yaml."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from skill.triage import parse
from skill.triage.model import Citation, Disposition, FactType, FactValue, Review, Rule
from skill.triage.reader import Problems, check_keys, field

FILE = "follow_up.yaml"
MOST_DAYS = 60
"""A reminder further ahead than this is no follow-up of this conversation."""
MORNING = range(6, 12)
"""Hours the texts may call "in the morning"."""
TEXT_KINDS = ("offer", "set", "text")
"""The texts of each follow-up: reminder.offer.<id>, reminder.set.<id>, reminder.text.<id>."""


@dataclass(frozen=True)
class FollowUp:
    """A reminder offered after an outcome of one disposition: on which day it rings (a number
    of days from today, or the day a days fact would pass a rule's threshold) and at what hour."""

    disposition: str
    hour: int
    source: tuple[Citation, ...]
    review: Review
    days: int | None = None
    until_fact: str | None = None
    until_over: int | None = None

    def days_from_today(self, facts: Mapping[str, FactValue]) -> int:
        """Days until the reminder rings: the fixed number, or the day on which the twitching
        would have gone on longer than the rule's threshold (its own threshold in days when how
        long is not known), never before tomorrow."""
        if self.days is not None:
            return self.days
        over = self.until_over or 0
        so_far = facts.get(self.until_fact or "")
        left = over + 1 - so_far if isinstance(so_far, int) else over
        return max(1, left)


def read_follow_ups(
    problems: Problems,
    node: Any,
    rules: Sequence[Rule],
    dispositions: Sequence[Disposition],
    facts: Mapping[str, FactType],
) -> dict[str, FollowUp]:
    """Each follow-up by disposition id; never one for the most urgent disposition. What it
    names in other files is checked only when they loaded without problems."""
    if not isinstance(node, dict):
        problems.add(FILE, "", "expected a mapping of disposition id to a follow-up")
        return {}
    if problems.messages:
        rules, dispositions, facts = (), (), {}
    known = [d.id for d in dispositions]
    found: dict[str, FollowUp] = {}
    for key, item in node.items():
        name = str(key)
        if name.startswith("x-"):
            continue
        if known and name not in known:
            problems.add(FILE, name, f"unknown disposition (expected one of {known})")
            continue
        if known and name == known[0]:
            problems.add(FILE, name, "no reminder is ever offered after an emergency")
            continue
        check_keys(problems, FILE, name, item, {"days", "until_rule", "hour", "source", "review"})
        follow_up = _follow_up(problems, name, item, rules, facts)
        if follow_up is not None:
            found[name] = follow_up
    return found


def _follow_up(
    problems: Problems,
    name: str,
    item: Any,
    rules: Sequence[Rule],
    facts: Mapping[str, FactType],
) -> FollowUp | None:
    hour = field(problems, FILE, name, item, "hour", int)
    source = parse.citations(problems, FILE, name, item.get("source") if item else None)
    review = parse.review(problems, FILE, name, item.get("review") if item else None)
    if hour is not None and hour not in MORNING:
        problems.add(FILE, f"{name}.hour", f"expected a morning hour ({MORNING[0]} to 11)")
        hour = None
    if not isinstance(item, dict) or hour is None:
        return None
    if ("days" in item) == ("until_rule" in item):
        problems.add(FILE, name, "give exactly one of days or until_rule")
        return None
    if "days" in item:
        days = field(problems, FILE, name, item, "days", int)
        if days is None or not 1 <= days <= MOST_DAYS:
            problems.add(FILE, f"{name}.days", f"expected 1 to {MOST_DAYS} days")
            return None
        return FollowUp(name, hour, source, review, days=days)
    rule_id = field(problems, FILE, name, item, "until_rule", str)
    if not rules or rule_id is None:
        return None
    rule = next((r for r in rules if r.id == rule_id), None)
    when = rule.when if rule is not None else None
    if when is None or when.over is None or facts.get(when.fact or "") is not FactType.DAYS:
        problems.add(
            FILE, f"{name}.until_rule", "expected a rule whose condition is a days fact over N"
        )
        return None
    if not 0 < when.over < MOST_DAYS:
        problems.add(FILE, f"{name}.until_rule", f"its threshold must be under {MOST_DAYS} days")
        return None
    return FollowUp(name, hour, source, review, until_fact=when.fact, until_over=when.over)


def text_id(kind: str, disposition: str) -> str:
    """A follow-up's text: its offer, its confirmation, or the reminder's own words."""
    return f"reminder.{kind}.{disposition}"


def follow_up_text_ids(follow_ups: Mapping[str, FollowUp]) -> list[str]:
    """The texts every locale needs for the follow-ups."""
    return [text_id(kind, d) for d in follow_ups for kind in TEXT_KINDS]
