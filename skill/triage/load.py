"""Load the content folder once into validated, frozen objects."""

import os
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from skill.triage import checks, parse, snapshot
from skill.triage.countries import load_countries
from skill.triage.errors import ContentError
from skill.triage.follow_up import read_follow_ups
from skill.triage.model import Content, Disposition, FactType, FactValue, Locale, Question, Rule
from skill.triage.reader import Problems, check_id, check_keys, field
from skill.triage.texts import load_texts

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
CONTENT_DIR_ENV = "SKILL_CONTENT_DIR"


def content_dir() -> Path:
    """The content folder: $SKILL_CONTENT_DIR, else the one beside the package."""
    return Path(os.environ.get(CONTENT_DIR_ENV) or DEFAULT_CONTENT_DIR)


@cache
def default_content() -> Content:
    """The shipped content, loaded once per process (from the build's snapshot when current)."""
    root = content_dir()
    return snapshot.read(root) or load_content(root)


def load_content(root: Path) -> Content:
    """Read and check every content file; raise ContentError listing every problem."""
    problems = Problems(root)
    if not root.is_dir():
        problems.add(str(root), "", "no such content folder")
        raise ContentError(problems.messages)
    facts = _facts(problems, problems.read("facts.yaml"))
    questions = _questions(problems, problems.read("questions.yaml"))
    red_flags = _red_flags(problems, problems.read("red_flags.yaml"))
    rules = _rules(problems, problems.read("rules.yaml"))
    dispositions = _dispositions(problems, problems.read("dispositions.yaml"))
    advice = parse.sourced_list(
        problems, "advice.yaml", problems.read("advice.yaml"), "advice", frozenset({"said_if"})
    )
    info = parse.sourced_list(problems, "info.yaml", problems.read("info.yaml"), "topics")
    doctor = parse.sourced_list(
        problems,
        "doctor_questions.yaml",
        problems.read("doctor_questions.yaml"),
        "items",
        frozenset({"answered_by", "ask_if"}),
    )
    locales = _locales(problems, problems.read("locales.yaml"))
    vocabulary, persons = _vocabulary(problems, locales)
    texts = load_texts(problems, locales)
    countries = load_countries(problems, locales)
    follow_ups = read_follow_ups(
        problems, problems.read("follow_up.yaml"), rules, dispositions, facts
    )
    content = Content(
        facts=MappingProxyType(facts),
        questions=tuple(questions),
        red_flags=tuple(red_flags),
        rules=tuple(rules),
        dispositions=tuple(dispositions),
        advice=MappingProxyType({a.id: a for a in advice}),
        info=MappingProxyType({t.id: t for t in info}),
        doctor_questions=tuple(doctor),
        vocabulary=MappingProxyType(vocabulary),
        persons=MappingProxyType(persons),
        locales=MappingProxyType(locales),
        texts=MappingProxyType(texts),
        countries=countries,
        follow_ups=MappingProxyType(follow_ups),
    )
    if not problems.messages:
        checks.run_all(problems, content)
    if problems.messages:
        raise ContentError(problems.messages)
    return content


def _facts(problems: Problems, node: Any) -> dict[str, FactType]:
    if not isinstance(node, dict):
        problems.add("facts.yaml", "", "expected a mapping of fact id to type")
        return {}
    facts: dict[str, FactType] = {}
    seen: set[str] = set()
    types = [t.value for t in FactType]
    for key, value in node.items():
        if not check_id(problems, "facts.yaml", str(key), key, seen):
            continue
        if value not in types:
            problems.add("facts.yaml", key, f"unknown type {value!r} (expected one of {types})")
            continue
        facts[key] = FactType(value)
    return facts


def _questions(problems: Problems, node: Any) -> list[Question]:
    if not isinstance(node, list):
        problems.add("questions.yaml", "", "expected a list of questions")
        return []
    seen: set[str] = set()
    found = []
    for i, item in enumerate(node):
        path = f"[{i}]"
        if not isinstance(item, dict) or not check_id(
            problems, "questions.yaml", f"{path}.id", item.get("id"), seen
        ):
            continue
        question = parse.question(problems, "questions.yaml", f"{path}({item['id']})", item)
        if question is not None:
            found.append(question)
    return found


def _red_flags(problems: Problems, node: Any) -> list[str]:
    if not isinstance(node, list) or not all(isinstance(f, str) for f in node):
        problems.add("red_flags.yaml", "", "expected a list of fact ids")
        return []
    seen: set[str] = set()
    return [
        f for i, f in enumerate(node) if check_id(problems, "red_flags.yaml", f"[{i}]", f, seen)
    ]


def _rules(problems: Problems, node: Any) -> list[Rule]:
    file = "rules.yaml"
    if not isinstance(node, dict) or not isinstance(node.get("rules"), list):
        problems.add(file, "rules", "expected a list")
        return []
    seen: set[str] = set()
    found = []
    allowed = {"id", "kind", "when", "disposition", "advice", "advice_first", "source", "review"}
    for i, item in enumerate(node["rules"]):
        path = f"rules[{i}]"
        check_keys(problems, file, path, item, allowed)
        if not isinstance(item, dict) or not check_id(
            problems, file, f"{path}.id", item.get("id"), seen
        ):
            continue
        path = f"rules[{i}]({item['id']})"
        kind = field(problems, file, path, item, "kind", str)
        if kind not in ("reason", "trigger"):
            problems.add(file, f"{path}.kind", "expected reason or trigger")
        when = parse.condition(problems, file, f"{path}.when", item.get("when"))
        disposition = field(problems, file, path, item, "disposition", str)
        advice = parse.id_list(problems, file, path, item, "advice")
        advice_first = parse.id_list(problems, file, path, item, "advice_first")
        source = parse.citations(problems, file, path, item.get("source"))
        review = parse.review(problems, file, path, item.get("review"))
        if when is None or disposition is None or kind not in ("reason", "trigger"):
            continue
        found.append(
            Rule(
                id=item["id"],
                kind="reason" if kind == "reason" else "trigger",
                when=when,
                disposition=disposition,
                advice=advice,
                advice_first=advice_first,
                source=source,
                review=review,
            )
        )
    return found


def _dispositions(problems: Problems, node: Any) -> list[Disposition]:
    file = "dispositions.yaml"
    if not isinstance(node, list) or not node:
        problems.add(file, "", "expected a non-empty list, most urgent first")
        return []
    seen: set[str] = set()
    found = []
    for i, item in enumerate(node):
        check_keys(problems, file, f"[{i}]", item, {"id", "advice", "closing"})
        if not isinstance(item, dict) or not check_id(
            problems, file, f"[{i}].id", item.get("id"), seen
        ):
            continue
        path = f"[{i}]({item['id']})"
        advice = parse.id_list(problems, file, path, item, "advice")
        closing = parse.id_list(problems, file, path, item, "closing")
        found.append(Disposition(item["id"], i, advice, closing))
    return found


def _vocabulary(
    problems: Problems, locales: dict[str, Locale]
) -> tuple[dict[str, dict[str, dict[str, FactValue]]], dict[str, dict[str, str]]]:
    """What each slot value means, from the root language's slot types (content/words)."""
    from skill.words.load import read_slot_types  # the words import this module's types

    roots = [loc.id for loc in locales.values() if loc.fallback is None]
    if len(roots) != 1:
        return {}, {}
    vocabulary: dict[str, dict[str, dict[str, FactValue]]] = {}
    persons: dict[str, dict[str, str]] = {}
    for type_name, values in read_slot_types(problems, roots[0]).items():
        sets = {v.id: dict(v.sets) for v in values if v.sets}
        if sets:
            vocabulary[type_name] = sets
        named = {v.id: v.person for v in values if v.person is not None}
        if named:
            persons[type_name] = named
    return vocabulary, persons


def _locales(problems: Problems, node: Any) -> dict[str, Locale]:
    file = "locales.yaml"
    if not isinstance(node, dict) or not node:
        problems.add(file, "", "expected a mapping of locale to {fallback, vars}")
        return {}
    locales: dict[str, Locale] = {}
    broken: set[str] = set()
    for name, item in node.items():
        check_keys(problems, file, str(name), item, {"fallback", "vars"})
        if not isinstance(item, dict):
            continue
        variables = item.get("vars", {}) or {}
        if not isinstance(variables, dict) or not all(
            isinstance(v, str) for v in variables.values()
        ):
            problems.add(file, f"{name}.vars", "expected a mapping of name to text")
            variables = {}
        fallback = item.get("fallback")
        if fallback is not None and fallback not in node:
            problems.add(file, f"{name}.fallback", f"unknown locale {fallback!r}")
            broken.add(str(name))
            fallback = None
        locales[str(name)] = Locale(str(name), fallback, MappingProxyType(dict(variables)))
    roots = [loc.id for loc in locales.values() if loc.fallback is None and loc.id not in broken]
    if len(roots) != 1:
        problems.add(file, "", f"exactly one locale must have no fallback, found {roots}")
    return locales
