"""Per-locale texts: fallback chains, the two persons, and locale variables."""

import re
from types import MappingProxyType
from typing import Any

from skill.triage.model import PERSONS, Locale, Texts
from skill.triage.reader import Problems

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
RUNTIME_PLACEHOLDERS = frozenset(
    {"days", "question", "reasons", "answers", "topic", "number", "place", "answer", "fact"}
)
"""Placeholders filled in when a text is spoken; any other must be a locale variable."""


def chain(locales: dict[str, Locale], name: str) -> list[str]:
    """A locale and its fallbacks, most specific first (cycles are cut)."""
    found: list[str] = []
    current: str | None = name
    while current is not None and current not in found and current in locales:
        found.append(current)
        current = locales[current].fallback
    return found


def load_texts(problems: Problems, locales: dict[str, Locale]) -> dict[str, Texts]:
    """Resolve every declared locale's texts through its fallback chain."""
    raw: dict[str, dict[str, dict[str, str]]] = {}
    for name, locale in locales.items():
        file = f"texts/{name}.yaml"
        if locale.fallback is not None and not (problems.root / file).exists():
            raw[name] = {}
            continue
        raw[name] = _entries(problems, file, problems.read(file))
    resolved: dict[str, Texts] = {}
    for name in locales:
        names = chain(locales, name)
        root = names[-1]
        if locales[root].fallback is not None:
            loop = " -> ".join([*names, str(locales[root].fallback)])
            problems.add("locales.yaml", f"{name}.fallback", f"fallback chain has a cycle: {loop}")
            continue
        if name != root and f"texts/{root}.yaml" not in problems.unreadable:
            below = set().union(*(raw.get(link, {}) for link in names[1:]))
            for text_id in sorted(set(raw.get(name, {})) - below):
                problems.add(
                    f"texts/{name}.yaml", text_id, f"overrides no text of {root} (misspelt id?)"
                )
        variables: dict[str, str] = {}
        merged: dict[str, tuple[str, dict[str, str]]] = {}
        for link in reversed(names):
            variables.update(locales[link].vars)
            merged.update({k: (link, v) for k, v in raw.get(link, {}).items()})
        resolved[name] = MappingProxyType(
            {
                text_id: MappingProxyType(
                    {
                        p: _substitute(problems, origin, text_id, t, variables)
                        for p, t in texts.items()
                    }
                )
                for text_id, (origin, texts) in merged.items()
            }
        )
    return resolved


def _entries(problems: Problems, file: str, node: Any) -> dict[str, dict[str, str]]:
    if node is None:
        return {}
    if not isinstance(node, dict):
        problems.add(file, "", "expected a mapping of text id to {self, other} or {any}")
        return {}
    entries: dict[str, dict[str, str]] = {}
    for text_id, value in node.items():
        if not isinstance(value, dict) or not all(isinstance(v, str) and v for v in value.values()):
            problems.add(file, str(text_id), "expected {self: text, other: text} or {any: text}")
            continue
        keys = set(value)
        if keys == {"any"}:
            entries[str(text_id)] = {p: value["any"] for p in PERSONS}
        elif keys == set(PERSONS):
            entries[str(text_id)] = dict(value)
        else:
            missing = sorted(set(PERSONS) - keys) if "any" not in keys else []
            reason = f"missing person {missing}" if missing else "use either any, or self and other"
            problems.add(file, str(text_id), f"{reason} (has {sorted(keys)})")
    return entries


def _substitute(
    problems: Problems, origin: str, text_id: str, text: str, variables: dict[str, str]
) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in variables:
            return variables[name]
        if name not in RUNTIME_PLACEHOLDERS:
            message = f"unknown placeholder {{{name}}}"
            if message not in problems.reported(f"texts/{origin}.yaml", text_id):
                problems.add(f"texts/{origin}.yaml", text_id, message)
        return match.group(0)

    return " ".join(PLACEHOLDER.sub(replace, text).split())
