"""Finding the lexicon's phrases in a line, with a few words allowed between their words."""

from dataclasses import dataclass

from skill.understanding.lexicon import Lexicon, Phrase
from skill.understanding.text import BREAK

MAX_GAP = 2
"""Words allowed between two words of a phrase ("face is drooping" for "face drooping")."""
JOINERS = frozenset({BREAK, "and", "or", "but", "then", "so", "because"})
"""A gap never crosses these: "weak and one side" is not "weak on one side"."""


@dataclass(frozen=True)
class Token:
    """One word of a line and its stem."""

    word: str
    stem: str


@dataclass(frozen=True)
class Match:
    """A phrase found in a line: its meaning and the positions of its own words."""

    meaning: int
    positions: tuple[int, ...]

    @property
    def start(self) -> int:
        """Position of its first word."""
        return self.positions[0]

    @property
    def end(self) -> int:
        """Position after its last word."""
        return self.positions[-1] + 1

    def gaps(self) -> range:
        """Positions inside the match that are not its own words."""
        return range(self.start, self.end)


def find_phrases(tokens: list[Token], lexicon: Lexicon, hidden: set[int]) -> list[Match]:
    """Every phrase found, longest first, each word used by one phrase at most."""
    found: list[Match] = []
    for i, token in enumerate(tokens):
        if i in hidden:
            continue
        for stems, meaning in lexicon.index.get(token.stem, ()):
            positions = _follow(tokens, stems, i, hidden)
            if positions is not None:
                found.append(Match(meaning, positions))
    found.sort(key=lambda m: (-len(m.positions), m.end - m.start, m.start))
    taken: set[int] = set()
    kept: list[Match] = []
    for match in found:
        if taken.isdisjoint(match.positions):
            kept.append(match)
            taken.update(match.positions)
    return sorted(kept, key=lambda m: m.start)


def _follow(
    tokens: list[Token], stems: Phrase, start: int, hidden: set[int]
) -> tuple[int, ...] | None:
    positions = [start]
    for wanted in stems[1:]:
        at = positions[-1] + 1
        for k in range(at, min(at + MAX_GAP + 1, len(tokens))):
            if k in hidden or tokens[k].word in JOINERS:
                return None
            if tokens[k].stem == wanted:
                positions.append(k)
                break
        else:
            return None
    return tuple(positions)


def find_words(words: list[str], phrases: frozenset[Phrase], start: int = 0) -> list[range]:
    """Spans of exact word phrases (longest at each place, not overlapping), left to right."""
    if not phrases:
        return []
    longest = max(len(p) for p in phrases)
    spans: list[range] = []
    i = start
    while i < len(words):
        size = next(
            (
                n
                for n in range(min(longest, len(words) - i), 0, -1)
                if tuple(words[i : i + n]) in phrases
            ),
            0,
        )
        if size:
            spans.append(range(i, i + size))
            i += size
        else:
            i += 1
    return spans
