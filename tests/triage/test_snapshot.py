"""The build-time content snapshot: same content, ignored when stale or broken."""

import shutil
from pathlib import Path

import pytest

from skill.triage import load, snapshot
from skill.triage.load import DEFAULT_CONTENT_DIR, load_content


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def test_a_snapshot_reads_back_the_same_content(content_copy):
    original = load_content(content_copy)
    snapshot.write(original, content_copy)
    restored = snapshot.read(content_copy)
    assert restored == original
    assert restored.text("en-GB", "advice.call_emergency", "other") == original.text(
        "en-GB", "advice.call_emergency", "other"
    )


def test_no_snapshot_reads_as_none(content_copy):
    assert snapshot.read(content_copy) is None


def test_a_snapshot_is_ignored_once_a_yaml_file_changes(content_copy):
    snapshot.write(load_content(content_copy), content_copy)
    rules = content_copy / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert snapshot.read(content_copy) is None


def test_a_broken_snapshot_is_ignored(content_copy):
    (content_copy / snapshot.FILE_NAME).write_bytes(b"not a snapshot")
    assert snapshot.read(content_copy) is None


def test_the_default_content_comes_from_a_current_snapshot(content_copy, monkeypatch):
    content = load_content(content_copy)
    snapshot.write(content, content_copy)
    monkeypatch.setenv(load.CONTENT_DIR_ENV, str(content_copy))
    monkeypatch.setattr(load, "load_content", lambda root: pytest.fail("YAML was parsed"))
    load.default_content.cache_clear()
    try:
        assert load.default_content() == content
    finally:
        load.default_content.cache_clear()


def test_the_default_content_falls_back_to_yaml_without_a_snapshot(content_copy, monkeypatch):
    monkeypatch.setenv(load.CONTENT_DIR_ENV, str(content_copy))
    load.default_content.cache_clear()
    try:
        assert load.default_content() == load_content(content_copy)
    finally:
        load.default_content.cache_clear()
