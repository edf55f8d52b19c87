"""Every locale's words, loaded and checked against the clinical content."""

from collections.abc import Mapping
from pathlib import Path

from skill.triage.checks import valid_value
from skill.triage.errors import ContentError
from skill.triage.model import Content, FactValue
from skill.triage.reader import Problems
from skill.words.load import load_words, model_locales, slot_types_file
from skill.words.model import Words


def load_all_words(
    root: Path, content: Content | None = None, *, check: bool = True
) -> dict[str, Words]:
    """Each model locale's words, checked against the content (loaded unless given) when
    `check`; raise ContentError listing every problem."""
    from skill.triage.load import load_content

    problems = Problems(root)
    every: dict[str, Words] = {}
    for locale in model_locales(root):
        words = load_words(problems, locale)
        if words is not None:
            every[locale] = words
    if not model_locales(root):
        problems.add("words", "", "no locale overlay (words/<locale>.yaml): no model to build")
    if check and not problems.messages:
        checked = content or load_content(root)
        for words in every.values():
            check_words(problems, checked, words)
    if problems.messages:
        raise ContentError(problems.messages)
    return every


def check_words(problems: Problems, content: Content, words: Words) -> None:
    """Facts the words set exist and take valid values; topics are info topics; every custom
    slot type is used by an intent."""
    language = words.locale.split("-")[0]
    types_file = slot_types_file(language)
    speech_file = f"words/{language}/speech.yaml"
    for type_name, values in words.slot_types.items():
        for value in values:
            for key, sets in (("sets", value.sets), ("negated", value.negated)):
                _check_sets(problems, content, types_file, f"{type_name}.{value.id}.{key}", sets)
            if value.topic is not None and value.topic not in content.info:
                problems.add(types_file, f"{type_name}.{value.id}.topic", "unknown info topic")
    speech = words.speech
    for key, sets in (("high", speech.fever_high), ("not_high", speech.fever_not_high)):
        _check_sets(problems, content, speech_file, f"temperature.{key}", sets)
    for concept in words.speech.concepts:
        for key, sets in (("sets", concept.sets), ("negated", concept.negated)):
            _check_sets(problems, content, speech_file, f"concepts.{concept.id}.{key}", sets)
    used = {t for intent in words.intents for t in intent.slots.values()}
    for type_name in words.slot_types:
        if type_name not in used:
            problems.add(types_file, type_name, "slot type no intent uses")


def _check_sets(
    problems: Problems, content: Content, file: str, path: str, sets: Mapping[str, FactValue]
) -> None:
    for fact, value in sets.items():
        if fact not in content.facts:
            problems.add(file, f"{path}.{fact}", "unknown fact")
        elif not valid_value(content.facts[fact], value):
            problems.add(file, f"{path}.{fact}", f"{value!r} is not a valid value")
