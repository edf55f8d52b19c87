"""Turning parsed YAML nodes into content objects, recording located problems."""

import datetime
from types import MappingProxyType
from typing import Any

from skill.triage.model import (
    Citation,
    Condition,
    Question,
    QuestionKind,
    Review,
    Sourced,
)
from skill.triage.reader import Problems, check_id, check_keys, field


def condition(problems: Problems, file: str, path: str, node: Any) -> Condition | None:
    """A rule or ask_if condition: {fact, is} | {fact, over} | {any: [...]} | {not: ...}."""
    if not isinstance(node, dict):
        problems.add(file, path, "a condition must be a mapping")
        return None
    if "not" in node:
        check_keys(problems, file, path, node, {"not"})
        inner = condition(problems, file, f"{path}.not", node["not"])
        return Condition(negate=inner) if inner is not None else None
    if "any" in node:
        check_keys(problems, file, path, node, {"any"})
        items = node["any"]
        if not isinstance(items, list) or not items:
            problems.add(file, f"{path}.any", "expected a non-empty list of conditions")
            return None
        parts = [
            condition(problems, file, f"{path}.any[{i}]", item) for i, item in enumerate(items)
        ]
        if any(p is None for p in parts):
            return None
        return Condition(any_of=tuple(p for p in parts if p is not None))
    check_keys(problems, file, path, node, {"fact", "is", "over"})
    fact = field(problems, file, path, node, "fact", str)
    if ("is" in node) == ("over" in node):
        problems.add(file, path, "needs exactly one of 'is' or 'over'")
        return None
    if "over" in node:
        over = field(problems, file, path, node, "over", int)
        return Condition(fact=fact, over=over) if fact and over is not None else None
    raw = node["is"]
    values = raw if isinstance(raw, list) else [raw]
    if not values or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
        problems.add(file, f"{path}.is", "expected a value or a list of values (quote yes and no)")
        return None
    return Condition(fact=fact, values=tuple(values)) if fact else None


def citations(problems: Problems, file: str, path: str, node: Any) -> tuple[Citation, ...]:
    """The source list: each item {seed, quote} | {nhs} | {mayo} | {added}, none empty."""
    where = f"{path}.source"
    if not isinstance(node, list) or not node:
        problems.add(file, where, "every entry needs a source (a non-empty list)")
        return ()
    found: list[Citation] = []
    for i, item in enumerate(node):
        here = f"{where}[{i}]"
        if isinstance(item, dict) and "seed" in item:
            check_keys(problems, file, here, item, {"seed", "quote"})
            seed = _text(problems, file, here, item, "seed")
            quote = _text(problems, file, here, item, "quote")
            if seed and quote:
                found.append(Citation("seed", seed, quote))
        elif isinstance(item, dict) and "nhs" in item:
            check_keys(problems, file, here, item, {"nhs"})
            if text := _text(problems, file, here, item, "nhs"):
                found.append(Citation("nhs", "NHS", text))
        elif isinstance(item, dict) and "mayo" in item:
            check_keys(problems, file, here, item, {"mayo"})
            if text := _text(problems, file, here, item, "mayo"):
                found.append(Citation("mayo", "Mayo Clinic", text))
        elif isinstance(item, dict) and "added" in item:
            check_keys(problems, file, here, item, {"added"})
            if text := _text(problems, file, here, item, "added"):
                found.append(Citation("added", "added", text))
        else:
            problems.add(file, here, "expected {seed, quote}, {nhs}, {mayo} or {added}")
    return tuple(found)


def _text(problems: Problems, file: str, path: str, node: Any, key: str) -> str:
    """A required, non-empty text under a key ("" with a problem recorded otherwise)."""
    value = field(problems, file, path, node, key, str)
    if value is not None and not value.strip():
        problems.add(file, f"{path}.{key}", "must not be empty")
        return ""
    return value or ""


def review(problems: Problems, file: str, path: str, node: Any) -> Review:
    """The review block: reviewed_by and reviewed_on (a date)."""
    where = f"{path}.review"
    if not isinstance(node, dict):
        problems.add(file, where, "every entry needs a review block {reviewed_by, reviewed_on}")
        return Review("", "")
    check_keys(problems, file, where, node, {"reviewed_by", "reviewed_on"})
    by = _text(problems, file, where, node, "reviewed_by")
    on = node.get("reviewed_on")
    if isinstance(on, datetime.datetime) or not isinstance(on, datetime.date):
        got = f", got {on!r}" if "reviewed_on" in node else ""
        problems.add(file, f"{where}.reviewed_on", f"expected a date (YYYY-MM-DD){got}")
        return Review(by, "")
    return Review(by, on.isoformat())


def sourced_list(
    problems: Problems, file: str, node: Any, key: str, extra: frozenset[str] = frozenset()
) -> list[Sourced]:
    """A list of {id, source, review} entries under a top-level key."""
    if not isinstance(node, dict) or not isinstance(node.get(key), list):
        problems.add(file, key, "expected a list")
        return []
    seen: set[str] = set()
    entries: list[Sourced] = []
    for i, item in enumerate(node[key]):
        path = f"{key}[{i}]"
        check_keys(problems, file, path, item, {"id", "source", "review", *extra})
        if not isinstance(item, dict) or not check_id(
            problems, file, f"{path}.id", item.get("id"), seen
        ):
            continue
        answered = item.get("answered_by", [])
        if not isinstance(answered, list) or not all(isinstance(a, str) for a in answered):
            problems.add(file, f"{path}.answered_by", "expected a list of fact ids")
            answered = []
        ask_if = None
        for name in ("ask_if", "said_if"):
            if name in item:
                ask_if = condition(problems, file, f"{path}.{name}", item[name])
        entries.append(
            Sourced(
                id=item["id"],
                source=citations(problems, file, path, item.get("source")),
                review=review(problems, file, path, item.get("review")),
                answered_by=tuple(answered),
                ask_if=ask_if,
            )
        )
    return entries


def question(problems: Problems, file: str, path: str, node: Any) -> Question | None:
    """One entry of questions.yaml."""
    check_keys(
        problems,
        file,
        path,
        node,
        {
            "id",
            "kind",
            "fact",
            "options",
            "options_if",
            "asks_about",
            "simpler",
            "slot_type",
            "ask_if",
        },
    )
    if not isinstance(node, dict):
        problems.add(file, path, "expected a mapping")
        return None
    kind_name = field(problems, file, path, node, "kind", str)
    fact = field(problems, file, path, node, "fact", str)
    kinds = [k.value for k in QuestionKind]
    if kind_name is not None and kind_name not in kinds:
        problems.add(file, f"{path}.kind", f"unknown kind {kind_name!r} (expected one of {kinds})")
        return None
    options = node.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        problems.add(file, f"{path}.options", "expected a list of fact ids")
        return None
    asks_about = node.get("asks_about", [])
    if not isinstance(asks_about, list) or not all(isinstance(o, str) for o in asks_about):
        problems.add(file, f"{path}.asks_about", "expected a list of fact ids")
        return None
    simpler = node.get("simpler", {})
    if not isinstance(simpler, dict) or not all(
        k in ("yes", "no")
        and isinstance(v, dict)
        and all(isinstance(f, str) and answer_value(x) for f, x in v.items())
        for k, v in simpler.items()
    ):
        problems.add(file, f"{path}.simpler", "expected yes and no, each a mapping of facts")
        simpler = {}
    ask_if = None
    if "ask_if" in node:
        ask_if = condition(problems, file, f"{path}.ask_if", node["ask_if"])
    options_if: dict[str, Condition] = {}
    raw_if = node.get("options_if", {})
    if not isinstance(raw_if, dict):
        problems.add(file, f"{path}.options_if", "expected option -> condition")
        raw_if = {}
    for option, when in raw_if.items():
        if option not in options:
            problems.add(file, f"{path}.options_if.{option}", "not one of the options")
            continue
        parsed = condition(problems, file, f"{path}.options_if.{option}", when)
        if parsed is not None:
            options_if[str(option)] = parsed
    slot_type = field(problems, file, path, node, "slot_type", str, required=False)
    if kind_name is None or fact is None:
        return None
    return Question(
        id=node["id"],
        kind=QuestionKind(kind_name),
        fact=fact,
        options=tuple(options),
        slot_type=slot_type,
        ask_if=ask_if,
        asks_about=tuple(asks_about),
        simpler=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in simpler.items()}),
        options_if=MappingProxyType(options_if),
    )


def id_list(
    problems: Problems, file: str, path: str, item: dict[str, Any], key: str
) -> tuple[str, ...]:
    """An optional list of advice ids under a key; empty, with a problem recorded, if malformed."""
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        problems.add(file, f"{path}.{key}", "expected a list of advice ids")
        return ()
    return tuple(value)


def answer_value(value: Any) -> bool:
    """Whether a vocabulary value is a valid fact value."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and bool(value))
