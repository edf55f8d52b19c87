"""Finding the lexicon's phrases in a line, with a few words allowed between their words."""

from dataclasses import dataclass

from skill.understanding.lexicon import Lexicon, Phrase
from skill.understanding.text import BREAK

MAX_GAP = 2
"""Words allowed between two words of a phrase ("face is drooping" for "face drooping")."""
JOINERS = frozenset({BREAK, "and", "or", "but", "then", "so", "because"})
"""A gap never crosses these: "weak and one side" is not "weak on one side"."""
COORDINATORS = frozenset({"and", "or"})
PATTERN_WINDOW = 10
"""The most words a pattern's groups may spread over."""
SENTENCE_WINDOW = 16
"""The most words a sentence pattern's groups may spread over."""


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
    """Every phrase and pattern found, longest first, each word used by one of them at most."""
    found: list[Match] = []
    for i, token in enumerate(tokens):
        if i in hidden:
            continue
        for stems, meaning in lexicon.index.get(token.stem, ()):
            positions = _follow(tokens, stems, i, hidden, lexicon)
            if positions is not None:
                found.append(Match(meaning, positions))
    starts: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        if i not in hidden:
            starts.setdefault(token.stem, []).append(i)
    patterns: list[Match] = []
    for groups, meaning in lexicon.patterns:
        patterns.extend(_pattern(tokens, groups, meaning, hidden, starts))
    for groups, meaning in lexicon.sentence_patterns:
        patterns.extend(_pattern(tokens, groups, meaning, hidden, starts, across=True))
    # Phrases take their words for themselves; patterns, which read across phrases ("took a
    # bunch of his adhd pills"), share them, with phrases and with each other ("her mouth's
    # gone crooked" is both a face that droops and a face word after "gone").
    return sorted(_longest_first(found) + _each_meaning(patterns), key=lambda m: m.start)


def _each_meaning(found: list[Match]) -> list[Match]:
    """The longest place of each pattern meaning at each start."""
    found.sort(key=lambda m: (-len(m.positions), m.end - m.start, m.start))
    kept: list[Match] = []
    for match in found:
        if not any(
            k.meaning == match.meaning and set(k.positions) & set(match.positions) for k in kept
        ):
            kept.append(match)
    return kept


def _longest_first(found: list[Match]) -> list[Match]:
    found.sort(key=lambda m: (-len(m.positions), m.end - m.start, m.start))
    taken: set[int] = set()
    kept: list[Match] = []
    for match in found:
        if taken.isdisjoint(match.positions):
            kept.append(match)
            taken.update(match.positions)
    return kept


def _follow(
    tokens: list[Token], stems: Phrase, start: int, hidden: set[int], lexicon: Lexicon
) -> tuple[int, ...] | None:
    """The positions of a phrase's words from `start`, with up to MAX_GAP gap words (words
    that carry no meaning of their own) between two of them."""
    positions = [start]
    for wanted in stems[1:]:
        at = positions[-1] + 1
        for k in range(at, min(at + MAX_GAP + 1, len(tokens))):
            if k in hidden:
                return None
            if tokens[k].stem == wanted:
                positions.append(k)
                break
            if tokens[k].word in JOINERS or not lexicon.has("gap_words", (tokens[k].word,)):
                return None
        else:
            return None
    return tuple(positions)


def _pattern(
    tokens: list[Token],
    groups: tuple[tuple[Phrase, ...], ...],
    meaning: int,
    hidden: set[int],
    starts: dict[str, list[int]],
    *,
    across: bool = False,
) -> list[Match]:
    """Places where every group of a pattern is said within PATTERN_WINDOW words, in any
    order, in one clause (no joiner or sentence break between); `across` clauses, within
    SENTENCE_WINDOW words of one sentence."""
    window = SENTENCE_WINDOW if across else PATTERN_WINDOW
    places = []
    for group in groups:
        place = _occurrences(tokens, group, hidden, starts)
        if not place:
            return []
        places.append(place)
    found: list[Match] = []
    for first in places[0]:
        chosen = [first]
        for options in places[1:]:
            near = [
                o
                for o in options
                if set(o).isdisjoint(p for c in chosen for p in c)
                and _span(chosen, o) <= window
                and (_one_sentence(tokens, chosen, o) if across else _one_clause(tokens, chosen, o))
            ]
            if not near:
                break
            chosen.append(min(near, key=lambda o: _span(chosen, o)))
        else:
            found.append(Match(meaning, tuple(sorted(p for c in chosen for p in c))))
    return found


def _occurrences(
    tokens: list[Token], group: tuple[Phrase, ...], hidden: set[int], starts: dict[str, list[int]]
) -> list[tuple[int, ...]]:
    """Where any phrase of a group is said, in the order of the line (then of the group);
    `starts` gives the places of each stem, so only places that begin a phrase are tried."""
    found: list[tuple[int, int, tuple[int, ...]]] = []
    for n, alt in enumerate(group):
        for i in starts.get(alt[0], ()):
            end = i + len(alt)
            if end <= len(tokens) and all(
                tokens[i + k].stem == s and i + k not in hidden for k, s in enumerate(alt)
            ):
                found.append((i, n, tuple(range(i, end))))
    found.sort()
    return [place for _, _, place in found]


def _span(chosen: list[tuple[int, ...]], extra: tuple[int, ...]) -> int:
    every = [p for c in (*chosen, extra) for p in c]
    return max(every) - min(every) + 1


def _one_clause(tokens: list[Token], chosen: list[tuple[int, ...]], extra: tuple[int, ...]) -> bool:
    """No joiner between the groups' words, except inside a group ("arm and leg"), or an "and"
    or "or" that joins a later group's word to what was said of the first ("her face feels
    weird and droopy")."""
    every = {p for c in (*chosen, extra) for p in c}
    joined = extra[0] - 1
    coordinated = joined if joined > chosen[0][-1] and tokens[joined].word in COORDINATORS else -1
    return not any(
        tokens[k].word in JOINERS and k not in every and k != coordinated
        for k in range(min(every), max(every))
    )


def _one_sentence(
    tokens: list[Token], chosen: list[tuple[int, ...]], extra: tuple[int, ...]
) -> bool:
    every = [p for c in (*chosen, extra) for p in c]
    return not any(tokens[k].word == BREAK for k in range(min(every), max(every)))


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
