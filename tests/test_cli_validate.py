"""`python -m skill validate`: a one-line summary on good content, every problem on bad."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import skill
from skill.triage.load import CONTENT_DIR_ENV, DEFAULT_CONTENT_DIR, load_content

ROOT = Path(skill.__file__).resolve().parents[1]


def validate(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the validator as a user would, from the project folder."""
    env = {k: v for k, v in os.environ.items() if k != CONTENT_DIR_ENV}
    return subprocess.run(
        [sys.executable, "-m", "skill", "validate", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the content with three problems in two files."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    rules = target / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace("advice: [tip_alcohol]", "advice: [tip_alcohool]")
    text = text.replace("quote: Lack of sleep", 'quote: ""')
    rules.write_text(text, encoding="utf-8")
    questions = target / "questions.yaml"
    text = questions.read_text(encoding="utf-8").replace("slot_type: Trigger", "slot_type: Trig")
    questions.write_text(text, encoding="utf-8")
    return target


def test_validate_passes_the_shipped_content_with_a_one_line_summary():
    result = validate()
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    content = load_content(DEFAULT_CONTENT_DIR)
    expected = (
        f"content ok: {len(content.questions)} questions, {len(content.rules)} rules, "
        f"{len(content.red_flags)} red flags"
    )
    assert lines[0].startswith(expected)


def test_validate_accepts_an_explicit_content_folder():
    result = validate("--content", str(DEFAULT_CONTENT_DIR))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content ok:")


def test_validate_prints_every_problem_of_broken_content_and_fails(broken):
    result = validate("--content", str(broken))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == "1 problem(s) in content/"
    assert len(lines) == 2
    assert re.fullmatch(
        r"rules\.yaml: rules\[\d+\]\(trigger_sleep\)\.source\[0\]\.quote: must not be empty",
        lines[0],
    )


def test_validate_reports_the_cross_file_problems_once_the_files_read_well(broken):
    rules = broken / "rules.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace('quote: ""', "quote: Lack of sleep"),
        encoding="utf-8",
    )
    result = validate("--content", str(broken))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "questions.yaml: triggers.slot_type: unknown slot type 'Trig'",
        "rules.yaml: trigger_alcohol.advice: unknown advice 'tip_alcohool'",
        "advice.yaml: tip_alcohol: advice no disposition or rule uses",
        "3 problem(s) in content/",
    ]


def test_validate_fails_on_a_text_that_no_code_or_content_uses(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    texts = target / "texts" / "en.yaml"
    texts.write_text(
        texts.read_text(encoding="utf-8") + "ui.never_said:\n  any: Nothing says this.\n",
        encoding="utf-8",
    )
    result = validate("--content", str(target))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "texts/en.yaml: ui.never_said: text no code or content uses",
        "1 problem(s) in content/",
    ]


def test_validate_of_an_empty_folder_names_every_missing_file(tmp_path):
    result = validate("--content", str(tmp_path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.endswith(": (top): file is missing")]) == 11
    assert "words: (top): no locale overlay (words/<locale>.yaml): no model to build" in lines
    assert lines[-1] == f"12 problem(s) in {tmp_path.name}/"


def test_validate_of_a_folder_that_does_not_exist_says_so(tmp_path):
    missing = tmp_path / "nowhere"
    result = validate("--content", str(missing))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{missing}: (top): no such content folder"


def test_an_unknown_command_shows_the_usage():
    result = subprocess.run(
        [sys.executable, "-m", "skill", "frobnicate"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "usage: python -m skill" in result.stderr
