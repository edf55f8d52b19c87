"""The English lexicon, compiled once for the understanding tests."""

import datetime

import pytest

from skill.understanding import Reading
from skill.understanding.lexicon import Lexicon
from skill.understanding.load import lexicon_for
from skill.understanding.reading import read

TODAY = datetime.date(2026, 12, 1)
"""A Tuesday."""


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return lexicon_for("en-US")


@pytest.fixture(scope="session")
def hear(lexicon):
    def reading(text: str, *, vague: bool = False) -> Reading:
        return read(text, lexicon, TODAY, vague=vague)

    return reading


@pytest.fixture(scope="session")
def content():
    from skill.triage.load import default_content

    return default_content()
