"""One locale's words compiled for reading free text: stemmed phrases indexed by first word."""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from types import MappingProxyType
from typing import Protocol, cast

from skill.triage.model import FactValue
from skill.understanding.text import replace_phrases, split_words
from skill.words.model import Words

Phrase = tuple[str, ...]

PERSON = "Person"
TOPIC_MIN_WORDS = 3
"""An info topic phrase this long is heard anywhere in a line; a shorter one only as the line."""

OWNERS = ("her", "his", "their", "your")
"""Words that may stand for "my" in a place's phrase."""

UNIT = "units."
"""The prefix of unit words (days per unit) among the number words."""


@dataclass(frozen=True)
class Meaning:
    """What a phrase means: facts when affirmed and when negated, a person, or a topic."""

    id: str
    sets: Mapping[str, FactValue]
    negated: Mapping[str, FactValue]
    person: str | None = None
    topic: str | None = None
    place: bool = False
    ability: bool = False
    """Negated or impaired, it sets its sign ("can't talk", "a hard time breathing")."""


@dataclass(frozen=True)
class Lexicon:
    """Everything the reader needs, with every phrase split into words and stems."""

    locale: str
    meanings: tuple[Meaning, ...]
    index: Mapping[str, tuple[tuple[Phrase, int], ...]]
    """First stem -> (stems of a phrase, index of its meaning), longest phrases first."""
    patterns: tuple[tuple[tuple[tuple[Phrase, ...], ...], int], ...]
    """(groups of alternative stemmed phrases, index of its meaning) for each pattern."""
    sentence_patterns: tuple[tuple[tuple[tuple[Phrase, ...], ...], int], ...]
    """The same, for patterns whose groups may be in different clauses of one sentence."""
    lists: Mapping[str, frozenset[Phrase]]
    """Word lists of speech.yaml as word tuples (not stemmed)."""
    replacements: Mapping[Phrase, Phrase]
    contractions: Mapping[str, str]
    numbers: Mapping[str, float]
    days: Mapping[Phrase, FactValue]
    dates: Mapping[Phrase, str]
    """Named days a duration may start from ("halloween": "10-31")."""
    window: int
    known: frozenset[str]
    """Every stem and word the lexicon knows (never corrected as a slip)."""
    spellable: tuple[str, ...]
    """Words a near-miss may be corrected to."""
    fever_limits: Mapping[str, float]
    fever_high: Mapping[str, FactValue]
    fever_not_high: Mapping[str, FactValue]
    implied_persons: Mapping[str, str]
    """Intent name -> whom its samples speak of, when no slot says."""

    def has(self, name: str, phrase: Phrase) -> bool:
        """Whether a word tuple is in a named list."""
        return phrase in self.lists.get(name, frozenset())

    def longest(self, name: str) -> int:
        """The length of the longest phrase of a list (0 if empty)."""
        return self._longest.get(name, 0)

    @cached_property
    def _longest(self) -> Mapping[str, int]:
        return {
            name: max((len(p) for p in phrases), default=0) for name, phrases in self.lists.items()
        }


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


@cache
def _stemmer() -> _Stemmer:
    import snowballstemmer  # loaded on first use: a launch never reads free text

    return cast(_Stemmer, snowballstemmer.stemmer("english"))


@cache
def stem(word: str) -> str:
    """A word's stem (Porter2), so that "fainted" and "fainting" match "faint"."""
    return _stemmer().stemWord(word) if word.isalpha() else word


def compile_lexicon(words: Words) -> Lexicon:
    """Split, stem and index one locale's words."""
    speech = words.speech
    contractions = dict(speech.tables.get("contractions", {}))
    replacements = {
        tuple(split_words(k, contractions)): tuple(split_words(v, contractions))
        for k, v in speech.tables.get("replacements", {}).items()
    }

    def words_of(text: str) -> Phrase:
        return tuple(split_words(text, contractions))

    meanings: list[Meaning] = []
    stemmed: list[tuple[Phrase, int]] = []
    seen: set[tuple[Phrase, int]] = set()

    def add(meaning: Meaning, phrases: tuple[str, ...]) -> None:
        meanings.append(meaning)
        for phrase in phrases:
            said = words_of(phrase)
            # A place said with "my" is said of anyone: "the back of her neck", "his knee".
            forms = [said]
            if meaning.place and "my" in said:
                forms += [tuple(o if w == "my" else w for w in said) for o in OWNERS]
            for form in forms:
                stems = tuple(stem(w) for w in _replace(form, replacements))
                if stems and (stems, len(meanings) - 1) not in seen:
                    seen.add((stems, len(meanings) - 1))
                    stemmed.append((stems, len(meanings) - 1))

    for type_name, values in words.slot_types.items():
        for value in values:
            if value.sets and set(value.sets.values()) == {"no"}:
                continue  # "none of those": an answer, read as one
            if not value.sets and value.person is None and value.topic is None:
                continue  # a free-speech value means nothing by itself
            negated = value.negated or {f: "no" for f, v in value.sets.items() if v == "yes"}
            place = any(f == "location" for f in value.sets)
            add(
                Meaning(
                    id=f"{type_name}.{value.id}",
                    sets=value.sets,
                    negated=MappingProxyType(dict(negated)),
                    person=value.person,
                    topic=value.topic,
                    place=place,
                ),
                value.said,
            )
    patterns: list[tuple[tuple[tuple[Phrase, ...], ...], int]] = []
    across: list[tuple[tuple[tuple[Phrase, ...], ...], int]] = []
    for concept in speech.concepts:
        ability = any(v == "yes" for v in concept.negated.values())
        add(
            Meaning(f"concept.{concept.id}", concept.sets, concept.negated, ability=ability),
            concept.phrases,
        )
        for kept, said in ((patterns, concept.patterns), (across, concept.sentence_patterns)):
            for pattern in said:
                groups = tuple(
                    tuple(
                        tuple(stem(w) for w in _replace(words_of(alt), replacements))
                        for alt in group.split("|")
                        if alt.strip()
                    )
                    for group in pattern
                )
                kept.append((groups, len(meanings) - 1))
    index: dict[str, list[tuple[Phrase, int]]] = {}
    for stems, meaning in stemmed:
        index.setdefault(stems[0], []).append((stems, meaning))
    lists = {
        name: frozenset(words_of(p) for p in phrases) for name, phrases in speech.lists.items()
    }
    known = {s for stems, _ in stemmed for s in stems}
    known.update(
        s for groups, _ in (*patterns, *across) for group in groups for alt in group for s in alt
    )
    for phrases in lists.values():
        known.update(w for p in phrases for w in p)
    known.update(w for name in speech.numbers for w in words_of(name.removeprefix(UNIT)))
    spellable = sorted({w for stems, _ in stemmed for w in stems if len(w) >= 4 and w.isalpha()})
    spellable += sorted(
        {
            w
            for value in (v for vs in words.slot_types.values() for v in vs)
            for phrase in value.said
            for w in words_of(phrase)
            if len(w) >= 4 and w.isalpha()
        }
    )
    return Lexicon(
        locale=words.locale,
        meanings=tuple(meanings),
        index=MappingProxyType(
            {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in index.items()}
        ),
        patterns=tuple(patterns),
        sentence_patterns=tuple(across),
        lists=MappingProxyType(lists),
        replacements=MappingProxyType(replacements),
        contractions=MappingProxyType(contractions),
        numbers=speech.numbers,
        days=MappingProxyType({words_of(k): v for k, v in speech.days.items()}),
        dates=MappingProxyType({words_of(k): v for k, v in speech.tables.get("dates", {}).items()}),
        window=speech.window,
        known=frozenset(known | {stem(w) for w in known}),
        spellable=tuple(dict.fromkeys(spellable)),
        fever_limits=speech.fever_limits,
        fever_high=speech.fever_high,
        fever_not_high=speech.fever_not_high,
        implied_persons=MappingProxyType(
            {i.name: i.implies_person for i in words.intents if i.implies_person is not None}
        ),
    )


def _replace(words: Phrase, replacements: Mapping[Phrase, Phrase]) -> Phrase:
    return tuple(replace_phrases(list(words), replacements))
