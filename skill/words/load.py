"""Read content/words: each language's files, and the overlay of each locale that has a model."""

import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from skill.triage.model import PERSONS, FactValue
from skill.triage.parse import answer_value
from skill.triage.reader import Problems, check_keys
from skill.words.generated import with_speech_samples
from skill.words.model import Concept, Intent, SlotValue, Speech, Words
from skill.words.overlay import add_speech
from skill.words.samples import SLOT, expand

WORDS = "words"
BUILT_IN_PREFIX = "AMAZON."
VALUE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
SPEECH_LISTS = (
    "fillers",
    "openers",
    "uncertain",
    "difficulty",
    "hypothetical",
    "hypothetical_after",
    "exclusions",
    "corrections",
    "subjects",
    "determiners",
    "thinking",
    "months",
    "carriers",
    "command_openers",
    "command_closers",
    "hedges",
    "question_words",
    "gap_words",
    "more_than",
    "less_than",
    "vague_durations",
    "weekdays",
    "since",
    "twitch_words",
    "locators",
    "conditions",
    "links",
    "anaphora",
    "present",
    "joins",
)
SPEECH_GROUPS = {
    "answers": ("yes", "no", "unsure", "particles", "alone", "all"),
    "negation": ("before", "after", "pseudo", "end"),
    "historical": ("before", "after", "changed", "ages", "loose", "recent", "closes"),
    "persons": ("self", "other", "possessives", "for", "male", "female"),
    "commands": ("repeat", "slower", "help", "why", "back", "start_over", "stop"),
}
SPEECH_KEYS = {
    *SPEECH_LISTS,
    *SPEECH_GROUPS,
    "replacements",
    "contractions",
    "numbers",
    "units",
    "relative_days",
    "concepts",
    "temperature",
    "dates",
    "ordinals",
}


def model_locales(root: Path) -> list[str]:
    """Locales that have a model: one overlay file content/words/<locale>.yaml each."""
    return sorted(p.stem for p in (root / WORDS).glob("*-*.yaml"))


def slot_types_file(language: str) -> str:
    """The slot types file of a language, relative to the content folder."""
    return f"{WORDS}/{language}/slot_types.yaml"


def read_slot_types(problems: Problems, language: str) -> dict[str, list[SlotValue]]:
    """A language's slot types and their values."""
    file = slot_types_file(language)
    return _slot_types(problems, file, problems.read(file))


def load_words(problems: Problems, locale: str) -> Words | None:
    """One locale's words: its language's files with its overlay added (None if unreadable)."""
    language = locale.split("-")[0]
    base = f"{WORDS}/{language}"
    types = read_slot_types(problems, language)
    intents_file = f"{base}/intents.yaml"
    intents_node = problems.read(intents_file)
    speech = _speech(problems, f"{base}/speech.yaml", problems.read(f"{base}/speech.yaml"))
    invocation = intents_node.get("invocation_name") if isinstance(intents_node, dict) else None
    raw_intents = _raw_intents(problems, intents_file, intents_node)
    overlay_file = f"{WORDS}/{locale}.yaml"
    if (problems.root / overlay_file).exists():
        overlay = problems.read(overlay_file)
        check_keys(
            problems,
            overlay_file,
            "",
            overlay,
            {"invocation_name", "slot_types", "intents", "speech"},
        )
        if isinstance(overlay, dict):
            invocation = overlay.get("invocation_name", invocation)
            _add_synonyms(problems, overlay_file, overlay.get("slot_types"), types)
            _add_samples(problems, overlay_file, overlay.get("intents"), raw_intents)
            if speech is not None:
                speech = add_speech(problems, overlay_file, overlay.get("speech"), speech)
    if not isinstance(invocation, str) or len(invocation.split()) < 2:
        problems.add(intents_file, "invocation_name", "expected two or more words")
        invocation = ""
    intents = _intents(problems, intents_file, raw_intents, types)
    if speech is None:
        return None
    sources = {name: item["samples_from"] for name, item in raw_intents.items()}
    for name, lists in sources.items():
        for list_name in lists:
            if list_name not in speech.lists:
                path = f"intents.{name}.samples_from"
                problems.add(intents_file, path, f"no speech list {list_name!r}")
    intents = with_speech_samples(intents, sources, speech, types)
    _check_said_once(problems, slot_types_file(language), types)
    return Words(
        locale=locale,
        invocation_name=invocation,
        slot_types=MappingProxyType({k: tuple(v) for k, v in types.items()}),
        intents=tuple(intents),
        speech=speech,
    )


def _strings(problems: Problems, file: str, path: str, node: Any) -> tuple[str, ...]:
    if not isinstance(node, list) or not all(isinstance(s, str) and s.strip() for s in node):
        problems.add(file, path, "expected a list of non-empty texts")
        return ()
    return tuple(" ".join(s.split()) for s in node)


def _facts(problems: Problems, file: str, path: str, node: Any) -> dict[str, FactValue]:
    if not isinstance(node, dict) or not all(
        isinstance(k, str) and answer_value(v) for k, v in node.items()
    ):
        problems.add(file, path, "expected a mapping of fact to value (quote yes and no)")
        return {}
    return dict(node)


def _slot_types(problems: Problems, file: str, node: Any) -> dict[str, list[SlotValue]]:
    if not isinstance(node, dict) or not node:
        problems.add(file, "", "expected a mapping of slot type to values")
        return {}
    types: dict[str, list[SlotValue]] = {}
    for type_name, values in node.items():
        if not isinstance(values, dict) or not values:
            problems.add(file, str(type_name), "expected a mapping of value id to its words")
            continue
        types[str(type_name)] = []
        for value_id, item in values.items():
            path = f"{type_name}.{value_id}"
            if not isinstance(value_id, str) or not VALUE_ID.match(value_id):
                problems.add(file, path, "value id must be lower_snake_case")
                continue
            check_keys(
                problems,
                file,
                path,
                item,
                {"name", "synonyms", "sets", "negated", "person", "topic"},
            )
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                problems.add(file, f"{path}.name", "is required (a text)")
                continue
            person = item.get("person")
            if person is not None and person not in PERSONS:
                problems.add(file, f"{path}.person", f"expected one of {list(PERSONS)}")
            meanings = [k for k in ("sets", "person", "topic") if k in item]
            if len(meanings) != 1:
                problems.add(file, path, "needs exactly one of sets, person or topic ({} for none)")
            topic = item.get("topic")
            types[str(type_name)].append(
                SlotValue(
                    id=value_id,
                    name=" ".join(item["name"].split()),
                    synonyms=_strings(problems, file, f"{path}.synonyms", item.get("synonyms", [])),
                    sets=MappingProxyType(
                        _facts(problems, file, f"{path}.sets", item["sets"])
                        if "sets" in item
                        else {}
                    ),
                    person=person if person in PERSONS else None,
                    topic=topic if isinstance(topic, str) else None,
                    negated=MappingProxyType(
                        _facts(problems, file, f"{path}.negated", item["negated"])
                        if "negated" in item
                        else {}
                    ),
                )
            )
    return types


def _check_said_once(problems: Problems, file: str, types: dict[str, list[SlotValue]]) -> None:
    """A said form that belongs to two values of one type would resolve to either."""
    for type_name, values in types.items():
        owner: dict[str, str] = {}
        for value in values:
            forms = [said.lower() for said in value.said]
            for twice in sorted({f for f in forms if forms.count(f) > 1}):
                problems.add(file, f"{type_name}.{value.id}", f"{twice!r} is said twice")
            for said in value.said:
                key = said.lower()
                if owner.setdefault(key, value.id) != value.id:
                    problems.add(
                        file,
                        f"{type_name}.{value.id}",
                        f"{said!r} is also said for {owner[key]!r}",
                    )


def _raw_intents(problems: Problems, file: str, node: Any) -> dict[str, dict[str, Any]]:
    intents = node.get("intents") if isinstance(node, dict) else None
    if isinstance(node, dict):
        check_keys(problems, file, "", node, {"invocation_name", "intents"})
    if not isinstance(intents, dict) or not intents:
        problems.add(file, "intents", "expected a mapping of intent name to slots and samples")
        return {}
    raw: dict[str, dict[str, Any]] = {}
    for name, item in intents.items():
        check_keys(
            problems,
            file,
            f"intents.{name}",
            item,
            {"slots", "samples", "samples_from", "implies_person"},
        )
        if not isinstance(item, dict):
            problems.add(file, f"intents.{name}", "expected a mapping")
            continue
        slots = item.get("slots", {})
        if not isinstance(slots, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in slots.items()
        ):
            problems.add(file, f"intents.{name}.slots", "expected a mapping of slot to slot type")
            slots = {}
        samples = _strings(problems, file, f"intents.{name}.samples", item.get("samples", []))
        implied = item.get("implies_person")
        if implied is not None and implied not in PERSONS:
            problems.add(file, f"intents.{name}.implies_person", f"expected one of {list(PERSONS)}")
            implied = None
        sources = _strings(
            problems, file, f"intents.{name}.samples_from", item.get("samples_from", [])
        )
        raw[str(name)] = {
            "slots": dict(slots),
            "samples": list(samples),
            "person": implied,
            "samples_from": sources,
        }
    return raw


def _intents(
    problems: Problems,
    file: str,
    raw: dict[str, dict[str, Any]],
    types: dict[str, list[SlotValue]],
) -> list[Intent]:
    intents = []
    for name, item in raw.items():
        slots: dict[str, str] = item["slots"]
        for slot, slot_type in slots.items():
            if not slot_type.startswith(BUILT_IN_PREFIX) and slot_type not in types:
                problems.add(
                    file, f"intents.{name}.slots.{slot}", f"unknown slot type {slot_type!r}"
                )
        samples: list[str] = []
        for sample in item["samples"]:
            for said in expand(sample):
                unknown = set(SLOT.findall(said)) - set(slots)
                if unknown:
                    problems.add(
                        file,
                        f"intents.{name}.samples",
                        f"{sample!r} uses undeclared {sorted(unknown)}",
                    )
                elif said.lower() not in (s.lower() for s in samples):
                    samples.append(said)
        intents.append(Intent(name, MappingProxyType(slots), tuple(samples), item["person"]))
    return intents


def _add_synonyms(
    problems: Problems, file: str, node: Any, types: dict[str, list[SlotValue]]
) -> None:
    if node is None:
        return
    if not isinstance(node, dict):
        problems.add(file, "slot_types", "expected slot type -> value id -> synonyms to add")
        return
    for type_name, values in node.items():
        known = {v.id: i for i, v in enumerate(types.get(str(type_name), []))}
        if not isinstance(values, dict):
            problems.add(file, f"slot_types.{type_name}", "expected value id -> synonyms to add")
            continue
        for value_id, added in values.items():
            path = f"slot_types.{type_name}.{value_id}"
            if value_id not in known:
                problems.add(file, path, "unknown slot value (an overlay only adds synonyms)")
                continue
            index = known[value_id]
            old = types[str(type_name)][index]
            more = _strings(problems, file, path, added)
            new = tuple(s for s in more if s not in old.said)
            types[str(type_name)][index] = replace(old, synonyms=old.synonyms + new)


def _add_samples(
    problems: Problems, file: str, node: Any, intents: dict[str, dict[str, Any]]
) -> None:
    if node is None:
        return
    if not isinstance(node, dict):
        problems.add(file, "intents", "expected intent name -> samples to add")
        return
    for name, samples in node.items():
        if name not in intents:
            problems.add(file, f"intents.{name}", "unknown intent (an overlay only adds samples)")
            continue
        intents[name]["samples"].extend(_strings(problems, file, f"intents.{name}", samples))


def _speech(problems: Problems, file: str, node: Any) -> Speech | None:
    if not isinstance(node, dict):
        problems.add(file, "", "expected a mapping")
        return None
    check_keys(problems, file, "", node, SPEECH_KEYS)
    lists: dict[str, tuple[str, ...]] = {}
    for name in SPEECH_LISTS:
        lists[name] = _strings(problems, file, name, node.get(name, []))
    for group, names in SPEECH_GROUPS.items():
        item = node.get(group, {})
        allowed = {*names, "window"} if group == "negation" else set(names)
        check_keys(problems, file, group, item, allowed)
        if not isinstance(item, dict):
            problems.add(file, group, "expected a mapping of lists")
            continue
        for name in names:
            lists[f"{group}.{name}"] = _strings(
                problems, file, f"{group}.{name}", item.get(name, [])
            )
    tables: dict[str, dict[str, str]] = {}
    for name in ("replacements", "contractions", "dates"):
        table = node.get(name, {})
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()
        ):
            problems.add(file, name, "expected a mapping of text to text")
            table = {}
        tables[name] = dict(table)
    numbers: dict[str, float] = {}
    for name in ("numbers", "units", "ordinals"):
        table = node.get(name, {})
        if not isinstance(table, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in table.values()
        ):
            problems.add(file, name, "expected a mapping of word to number")
            continue
        prefix = "" if name == "numbers" else f"{name}."
        numbers.update({f"{prefix}{k}": float(v) for k, v in table.items()})
    days = node.get("relative_days", {})
    if not isinstance(days, dict) or not all(
        (isinstance(v, int) and not isinstance(v, bool) and v >= 0) or v == "unsure"
        for v in days.values()
    ):
        problems.add(file, "relative_days", "expected a mapping of phrase to days or unsure")
        days = {}
    negation = node.get("negation", {})
    window = negation.get("window", 6) if isinstance(negation, dict) else 6
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 20:
        problems.add(file, "negation.window", "expected a whole number from 1 to 20")
        window = 6
    temperature = node.get("temperature", {})
    check_keys(
        problems,
        file,
        "temperature",
        temperature,
        {"words", "weather", "limits", "high", "not_high"},
    )
    if not isinstance(temperature, dict):
        problems.add(file, "temperature", "expected a mapping")
        temperature = {}
    lists["temperature.words"] = _strings(
        problems, file, "temperature.words", temperature.get("words", [])
    )
    lists["temperature.weather"] = _strings(
        problems, file, "temperature.weather", temperature.get("weather", [])
    )
    limits = temperature.get("limits", {})
    if (
        not isinstance(limits, dict)
        or set(limits) != {"fahrenheit", "celsius"}
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in limits.values())
    ):
        problems.add(file, "temperature.limits", "expected fahrenheit and celsius numbers")
        limits = {}
    return Speech(
        lists=MappingProxyType(lists),
        tables=MappingProxyType({k: MappingProxyType(v) for k, v in tables.items()}),
        numbers=MappingProxyType(numbers),
        days=MappingProxyType(dict(days)),
        window=window,
        concepts=_concepts(problems, file, node.get("concepts", {})),
        fever_limits=MappingProxyType({k: float(v) for k, v in limits.items()}),
        fever_high=MappingProxyType(
            _facts(problems, file, "temperature.high", temperature.get("high"))
        ),
        fever_not_high=MappingProxyType(
            _facts(problems, file, "temperature.not_high", temperature.get("not_high"))
        ),
    )


def _concepts(problems: Problems, file: str, node: Any) -> tuple[Concept, ...]:
    if not isinstance(node, dict):
        problems.add(file, "concepts", "expected a mapping of concept id to phrases and facts")
        return ()
    found = []
    for concept_id, item in node.items():
        path = f"concepts.{concept_id}"
        check_keys(
            problems,
            file,
            path,
            item,
            {"phrases", "patterns", "sentence_patterns", "sets", "negated"},
        )
        if not isinstance(item, dict):
            problems.add(file, path, "expected a mapping")
            continue
        sets = _facts(problems, file, f"{path}.sets", item.get("sets"))
        negated = (
            _facts(problems, file, f"{path}.negated", item["negated"])
            if "negated" in item
            else {fact: "no" for fact, value in sets.items() if value == "yes"}
        )
        patterns = _patterns(problems, file, f"{path}.patterns", item.get("patterns", []))
        across = _patterns(
            problems, file, f"{path}.sentence_patterns", item.get("sentence_patterns", [])
        )
        if not item.get("phrases") and not patterns and not across:
            problems.add(file, path, "needs phrases or patterns")
        found.append(
            Concept(
                id=str(concept_id),
                phrases=_strings(problems, file, f"{path}.phrases", item.get("phrases", [])),
                sets=MappingProxyType(sets),
                negated=MappingProxyType(negated),
                patterns=patterns,
                sentence_patterns=across,
            )
        )
    return tuple(found)


def _patterns(problems: Problems, file: str, path: str, node: Any) -> tuple[tuple[str, ...], ...]:
    if not isinstance(node, list):
        problems.add(file, path, "expected a list of patterns")
        return ()
    patterns = []
    for i, pattern in enumerate(node):
        groups = _strings(problems, file, f"{path}[{i}]", pattern)
        if len(groups) < 2:
            problems.add(file, f"{path}[{i}]", "a pattern needs two or more groups")
        patterns.append(groups)
    return tuple(patterns)
