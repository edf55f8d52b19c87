"""Each locale's compiled lexicon, loaded once per process on first use (from the build's
snapshot when current, else compiled from content/words)."""

from functools import cache
from pathlib import Path

from skill.triage import snapshot
from skill.triage.errors import ContentError
from skill.triage.load import content_dir
from skill.triage.reader import Problems
from skill.understanding.lexicon import Lexicon, compile_lexicon
from skill.words.load import load_words, model_locales

FILE_NAME = "lexicon.snapshot"


def compile_all(root: Path) -> dict[str, Lexicon]:
    """Every model locale's lexicon; raise ContentError when the words have a problem."""
    problems = Problems(root)
    every = {}
    for locale in model_locales(root):
        words = load_words(problems, locale)
        if words is not None:
            every[locale] = compile_lexicon(words)
    if problems.messages:
        raise ContentError(problems.messages)
    return every


@cache
def _all(root: Path) -> dict[str, Lexicon]:
    stored = snapshot.read_object(root, FILE_NAME)
    if isinstance(stored, dict) and all(isinstance(v, Lexicon) for v in stored.values()):
        return stored
    return compile_all(root)


def lexicon_for(locale: str) -> Lexicon:
    """The lexicon of a request locale: its own, else its language's first, else any."""
    every = _all(content_dir())
    language = locale.split("-")[0]
    for name in (locale, *sorted(n for n in every if n.split("-")[0] == language), *sorted(every)):
        if name in every:
            return every[name]
    raise ContentError([f"words: no lexicon for {locale}"])


def write_snapshot(root: Path) -> Path:
    """Write the compiled lexicons beside the content (the Lambda build calls this)."""
    return snapshot.write(compile_all(root), root, FILE_NAME)
