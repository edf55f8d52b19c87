"""A locale overlay's additions to how its language is read: more phrases for the speech lists
and concepts, and entries for the speech tables ("bp" read as "blood pressure")."""

from dataclasses import replace
from types import MappingProxyType
from typing import Any

from skill.triage.reader import Problems
from skill.words.model import Speech

TABLES = ("replacements", "contractions", "dates")
"""Tables of text to text; an overlay entry adds to them or replaces the language's entry (a
holiday on another date)."""
CONCEPTS = "concepts"


def add_speech(problems: Problems, file: str, node: Any, speech: Speech) -> Speech:
    """The speech with an overlay's `speech:` additions; every unknown list, concept or table
    and every malformed entry is a problem located in the overlay file."""
    if node is None:
        return speech
    if not isinstance(node, dict):
        problems.add(file, "speech", "expected speech lists, concepts or tables to add to")
        return speech
    lists = dict(speech.lists)
    tables = {name: dict(table) for name, table in speech.tables.items()}
    concepts = {concept.id: concept for concept in speech.concepts}
    for key, value in node.items():
        path = f"speech.{key}"
        if key in TABLES:
            tables.setdefault(key, {}).update(_table(problems, file, path, value))
        elif key == CONCEPTS:
            for concept_id, phrases in _mapping(problems, file, path, value).items():
                known = concepts.get(concept_id)
                if known is None:
                    problems.add(file, f"{path}.{concept_id}", "unknown concept (an overlay adds)")
                    continue
                added = _phrases(problems, file, f"{path}.{concept_id}", phrases)
                concepts[concept_id] = replace(known, phrases=_joined(known.phrases, added))
        elif key in lists:
            lists[key] = _joined(lists[key], _phrases(problems, file, path, value))
        elif any(name.startswith(f"{key}.") for name in lists):
            for name, phrases in _mapping(problems, file, path, value).items():
                full = f"{key}.{name}"
                if full not in lists:
                    problems.add(file, f"{path}.{name}", f"unknown speech list {full!r}")
                    continue
                lists[full] = _joined(
                    lists[full], _phrases(problems, file, f"{path}.{name}", phrases)
                )
        else:
            problems.add(file, path, "unknown speech list, concept or table")
    return replace(
        speech,
        lists=MappingProxyType(lists),
        tables=MappingProxyType({k: MappingProxyType(v) for k, v in tables.items()}),
        concepts=tuple(concepts.values()),
    )


def _mapping(problems: Problems, file: str, path: str, node: Any) -> dict[str, Any]:
    if not isinstance(node, dict) or not all(isinstance(k, str) for k in node):
        problems.add(file, path, "expected a mapping of names to phrases (quote yes and no)")
        return {}
    return node


def _phrases(problems: Problems, file: str, path: str, node: Any) -> tuple[str, ...]:
    if not isinstance(node, list) or not all(isinstance(s, str) and s.strip() for s in node):
        problems.add(file, path, "expected a list of non-empty texts (quote yes and no)")
        return ()
    return tuple(" ".join(s.split()) for s in node)


def _table(problems: Problems, file: str, path: str, node: Any) -> dict[str, str]:
    if not isinstance(node, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in node.items()
    ):
        problems.add(file, path, "expected a mapping of text to text")
        return {}
    return dict(node)


def _joined(old: tuple[str, ...], added: tuple[str, ...]) -> tuple[str, ...]:
    return old + tuple(phrase for phrase in added if phrase not in old)
