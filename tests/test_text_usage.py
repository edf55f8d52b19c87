"""Which texts count as used: required by the content, named in the code, or built by it."""

import shutil
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest

from skill.text_usage import FAMILIES, UNUSED, unknown_families, unused_texts, used_text_ids
from skill.triage.load import DEFAULT_CONTENT_DIR, default_content, load_content
from skill.triage.model import Content

EXTRA = {
    "short.who_for": "Is this for you?",
    "short.nobody_asks_this": "Never asked.",
    "answer.day_ago": "1 day ago",
    "answer.days_ago": "{days} days ago",
    "ui.goodbye.male": "Take care, sir.",
    "ui.hidden.male": "A variant of a text nothing uses.",
    "ui.named_here": "Named as a literal.",
    "ui.named_nowhere": "Never named.",
}


def with_texts(content: Content, extra: dict[str, str]) -> Content:
    """The content with some texts added to every locale, for both persons."""
    texts = {
        locale: MappingProxyType(
            {**texts, **{k: MappingProxyType({"self": v, "other": v}) for k, v in extra.items()}}
        )
        for locale, texts in content.texts.items()
    }
    return replace(content, texts=MappingProxyType(texts))


@pytest.fixture
def module(tmp_path: Path) -> Path:
    """A module that uses texts the ways the skill does."""
    path = tmp_path / "uses.py"
    path.write_text(
        "MALE = '.male'\n"
        "def say(question, phase, suffix, text_id):\n"
        "    say(f'short.{question.id}')\n"
        "    say(f'short.{phase.value}')\n"
        "    say(f'answer.day{suffix}')\n"
        "    say(f'answer.days{suffix}')\n"
        "    suffix = '_ago'\n"
        "    say(f'{text_id}{MALE}')\n"
        "    say('ui.goodbye')\n"
        "    say('ui.named_here')\n",
        encoding="utf-8",
    )
    return path


def test_a_family_uses_only_the_ids_of_its_kind(module: Path) -> None:
    content = with_texts(default_content(), EXTRA)
    used = used_text_ids(content, [module])
    assert "short.who_for" in used  # a phase
    assert {f"short.{q.id}" for q in content.questions} <= used
    assert "short.nobody_asks_this" not in used


def test_required_texts_and_named_literals_are_used(module: Path) -> None:
    content = with_texts(default_content(), EXTRA)
    used = used_text_ids(content, [module])
    assert "ui.named_here" in used
    assert "ui.named_nowhere" not in used
    assert {f"why.{q.id}" for q in content.questions} <= used  # required by the content


def test_a_variant_suffix_counts_only_on_a_used_id(module: Path) -> None:
    content = with_texts(default_content(), EXTRA)
    used = used_text_ids(content, [module])
    assert {"answer.day_ago", "answer.days_ago", "ui.goodbye.male"} <= used
    assert "ui.hidden.male" not in used


def test_unused_texts_are_reported_by_file_and_id(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, root)
    for locale in ("en", "en-GB"):
        with (root / "texts" / f"{locale}.yaml").open("a", encoding="utf-8") as texts:
            texts.write(f"ui.named_nowhere:\n  any: Never said in {locale}.\n")
    assert unused_texts(load_content(root), root) == [
        f"texts/en.yaml: ui.named_nowhere: {UNUSED}",
        f"texts/en-GB.yaml: ui.named_nowhere: {UNUSED}",
    ]


def test_the_skill_builds_text_ids_only_from_families_it_knows() -> None:
    content = default_content()
    assert unknown_families(content) == set(), "a new family of text ids: add it to FAMILIES"
    assert all(prefix.endswith(".") for prefix in FAMILIES)


def test_the_shipped_content_has_no_unused_text() -> None:
    assert unused_texts(default_content(), DEFAULT_CONTENT_DIR) == []
