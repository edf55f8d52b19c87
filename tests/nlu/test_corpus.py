"""The NLU evaluation corpus, said through the simulator at its points of the conversation:
every emergency heard at every point, no harmless or negated line taken as one (fourteen lines,
named below, are read on the safer side), and at least 95% of the lines a person would understand
understood."""

from pathlib import Path

import pytest

from skill.evaluation.cli import evaluate
from skill.evaluation.corpus import CORPUS_DIR, load_corpus
from skill.evaluation.report import by_point

FILES = sorted(CORPUS_DIR.glob("*.json"))
MIN_LINES = 400
KNOWN_LITERAL = {
    # Sarcasm and jokes, read as said: the safer failure, named so that no other line joins them.
    "oh yeah she's totally unconscious she's shouting at the telly",
    "the only slurring round here is my husband after the pub",
    "the only thing that passed out round here is my phone battery",
    "no the only one slurring was my uncle at the footy club do",
    # Read on the safer side: a stroke "a while back" may be recent, and feeling faint is
    # counted as fainting (both open questions for the clinical review).
    "for my mum she had a stroke a while back but she's fine now just twitchy",
    "i felt faint but i didn't actually go down",
    # A sign since the twitching began, now over: the safety check's first part asks "since
    # the twitching began", and a choking fit is taken as said.
    "i had a high fever last week but it broke on saturday",
    "i choked on a chip on sunday but i'm fine now",
    # A sign described with doubt counts as said (hedged red flags count as yes).
    "um she did seem a bit muddled this morning but she'd only just woken up",
    "i can't tell my voice sounds weird to me but maybe it's the cold",
    "maybe my right hand feels a bit clumsy i don't know",
    "i'm not sure she's been a bit muddled lately but she is ninety",
    "hard to tell she mumbles anyway",
    "maybe my chest feels a little tight i'm not sure",
}


@pytest.fixture(scope="module")
def results():
    return evaluate(FILES)


def test_the_corpus_has_at_least_four_hundred_lines_at_every_point():
    lines = [line for path in FILES for line in load_corpus(path)]
    assert len(lines) >= MIN_LINES
    assert {line.point for line in lines} >= {"safety", "sign", "location", "one_shot"}


def test_every_emergency_is_heard_at_every_point(results):
    missed = [r.line.utterance for r in results if r.line.emergency and not r.emergency]
    assert not missed
    for point, figures in by_point(results).items():
        assert figures.recall == 1.0, point


def test_no_negated_or_harmless_line_is_taken_as_an_emergency(results):
    harmless = [r for r in results if not r.line.emergency]
    false = {r.line.utterance for r in harmless if r.emergency}
    assert false <= KNOWN_LITERAL, sorted(false - KNOWN_LITERAL)


def test_the_jokes_read_literally_are_still_in_the_corpus(results):
    """If one of them is understood one day, take it off the list."""
    said = {r.line.utterance: r.emergency for r in results}
    assert all(said.get(line) is True for line in KNOWN_LITERAL)


def test_at_least_95_percent_of_the_lines_are_understood(results):
    assert by_point(results)["all"].understood_rate >= 0.95


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_corpus_file_exports_as_an_annotation_set(path: Path, tmp_path):
    from skill.evaluation.cli import main

    out = tmp_path / "annotations.json"
    assert main(["--set", str(path), "--export", str(out)]) == 0
    assert '"point"' not in out.read_text("utf-8")
