"""Cross-checks: every text the handlers use exists, every intent and slot is handled."""

import ast
import json
import re
from pathlib import Path

import pytest

from skill.alexa import build_skill
from skill.alexa.handlers import OnIntent, OnRequest
from skill.publish.layout import model_path
from skill.triage.model import PERSONS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "skill" / "alexa").glob("*.py"))
MODEL = model_path("en-US")
LITERAL = re.compile(r"""["'](ui\.[a-z_.]+)["']""")
DYNAMIC = re.compile(r"""f["'](ui\.[a-z_.]+)\{""")


def used_ui_ids(content) -> set[str]:
    """ui.* ids named in the Alexa modules, with the dynamic ones expanded."""
    text = "\n".join(p.read_text("utf-8") for p in SOURCES)
    ids = set(LITERAL.findall(text))
    prefixes = set(DYNAMIC.findall(text))
    assert prefixes == {"ui.outcome."}, "a new dynamic text id: expand it here"
    ids |= {f"ui.outcome.{d.id}" for d in content.dispositions}
    return ids


def test_every_ui_text_the_handlers_use_exists_in_every_locale_for_both_persons(content):
    ids = used_ui_ids(content)
    assert len(ids) > 30
    for locale, texts in content.texts.items():
        for text_id in sorted(ids):
            assert text_id in texts, f"{text_id} missing in {locale}"
            assert set(texts[text_id]) == set(PERSONS)


def test_every_ui_text_in_the_content_is_used(content):
    defined = {t for t in content.texts[content.default_locale] if t.startswith("ui.")}
    assert defined == used_ui_ids(content)


def test_no_spoken_text_is_written_in_python():
    sentence = re.compile(r"[A-Z][a-z']+,?( [A-Za-z',]+){2,}")
    for path in SOURCES:
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        for node in ast.walk(tree):
            spoken = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if spoken and id(node) not in docstrings:
                assert not sentence.match(node.value), (path.name, node.value)


def test_texts_used_for_answers_exist(content):
    for locale, texts in content.texts.items():
        assert "answer.less_than_a_day" in texts, locale


def handled_intents(content) -> set[str]:
    """Intent names with their own handler (not the catch-all)."""
    skill = build_skill(content).create()
    chains = skill.request_dispatcher.request_mappers[0].request_handler_chains
    handlers = [chain.request_handler for chain in chains]
    return {
        name
        for h in handlers
        if isinstance(h, OnIntent) and not isinstance(h, OnRequest)
        for name in h.names
    }


@pytest.fixture(scope="module")
def model():
    if not MODEL.exists():
        pytest.skip("the en-US interaction model is not written yet")
    return json.loads(MODEL.read_text("utf-8"))["interactionModel"]["languageModel"]


def test_every_intent_without_slots_has_its_own_handler(model, content):
    """Intents with slots are read by their words (the catch-all); the others are commands."""
    names = {intent["name"] for intent in model["intents"] if not intent.get("slots")}
    missing = names - handled_intents(content)
    assert not missing
