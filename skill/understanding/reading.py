"""Reading one line of free speech: signs, answers, who it is about, where, how long."""

import datetime
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from skill.triage.model import FactValue
from skill.understanding.lexicon import TOPIC_MIN_WORDS, Lexicon, Meaning, stem
from skill.understanding.matching import Match, Token, find_phrases, find_words
from skill.understanding.numbers import Duration, durations, read_number, temperatures, years
from skill.understanding.persons import who
from skill.understanding.results import Reading
from skill.understanding.scope import (
    Kind,
    Status,
    Trigger,
    find_triggers,
    now_between,
    status,
)
from skill.understanding.spelling import correct, join_split, unstretch
from skill.understanding.text import BREAK, drop_phrases, replace_phrases, split_words

ANSWERS = ("yes", "no", "unsure")
PLACE_FACT = "location"
MANY_PLACES = "more_than_one_place"
MULTIPLE_FACT = "multiple_places"
DAYS_FACT = "duration_days"
DOUBT_WORDS = 10
"""A line this short that says "not sure" anywhere, and nothing else we know, is unsure."""
YEAR_REACH = 12
REASONS = ("because", "cause", "cos", "coz", "as")
"""Words after an answer that give its reason ("i am because she fainted"): the answer leads."""
"""The most words between a phrase and a past year said of it."""


def read(
    text: str,
    lexicon: Lexicon,
    today: datetime.date | None = None,
    *,
    vague: bool = False,
    temperature: bool = False,
) -> Reading:
    """Read one line. `vague` takes "a while" as a duration (when the question was how long);
    `temperature` takes a bare number as a temperature (when the question was about a fever)."""
    words = _words(text, lexicon)
    if not words:
        return Reading()
    command, whole_command = _command(words, lexicon)
    hidden = {
        i for span in find_words(words, lexicon.lists.get("exclusions", frozenset())) for i in span
    }
    tokens = [Token(w, stem(w)) for w in words]
    matches = find_phrases(tokens, lexicon, hidden)
    taken = {p for m in matches for p in m.positions}
    own = [m for m in matches if lexicon.meanings[m.meaning].sets.get(DAYS_FACT) is None]
    triggers = find_triggers(words, lexicon, own)
    corrected = max((t.span.stop for t in triggers if Kind.CORRECTION in t.kinds), default=0)
    facts: dict[str, FactValue] = {}
    uncertain: set[str] = set()
    places: list[str] = []
    past: dict[str, FactValue] = {}
    spread: set[str] = set()
    phrased: list[FactValue] = []
    hypothetical = False
    person_matches: list[tuple[Match, Meaning]] = []
    topic = None
    for match in matches:
        meaning = lexicon.meanings[match.meaning]
        how = status(match, words, triggers, lexicon, taken)
        if not how.past and _near_year(words, match, lexicon, today):
            how = replace(how, past=True)
        if meaning.person is not None:
            person_matches.append((match, meaning))
            continue
        if meaning.topic is not None:
            if len(match.positions) >= TOPIC_MIN_WORDS or _is_whole(match, words, lexicon):
                topic = meaning.topic
            continue
        if how.hypothetical or how.past:
            hypothetical = hypothetical or (
                how.hypothetical and any(v == "yes" for v in meaning.sets.values())
            )
            if how.past and not how.hypothetical and not meaning.place:
                _merge(past, meaning.negated if how.negated else meaning.sets)
            continue
        if meaning.place:
            if meaning.sets.get(MULTIPLE_FACT) == "yes":
                spread.add(str(meaning.sets[PLACE_FACT]))
            locator = bool(places) and _locates(words, match.start, lexicon)
            if not how.negated and match.start >= corrected and not locator:
                places.append(str(meaning.sets[PLACE_FACT]))
            if not how.negated and MULTIPLE_FACT in meaning.sets:
                _merge(facts, {MULTIPLE_FACT: meaning.sets[MULTIPLE_FACT]})
            continue
        if meaning.sets.get(DAYS_FACT) is not None:
            phrased.append(meaning.sets[DAYS_FACT])
            continue
        impaired = how.impaired and meaning.ability
        negated = how.negated and not (how.by_particle and meaning.ability)
        _merge(facts, meaning.negated if negated or impaired else meaning.sets)
        if how.uncertain and not negated:
            uncertain.update(f for f, v in meaning.sets.items() if v == "yes")
    _temperatures(words, lexicon, triggers, taken, facts, asked=temperature)
    places = list(dict.fromkeys(places))
    if len(places) > 1:
        _merge(facts, {MULTIPLE_FACT: "yes"})
    if len(places) == 1 and facts.get(MULTIPLE_FACT) == "yes" and not set(places) & spread:
        places = [MANY_PLACES, *places]
    found = durations(words, lexicon, today, vague=vague)
    later = [d for d in found if d.span.start >= corrected]
    days = _longest([d.days for d in later or found]) if found else None
    if corrected and found and not later:
        days = _corrected_number(words[corrected:], lexicon, found[-1]) or days
    if days is None and phrased:
        days = _longest([v for v in phrased if isinstance(v, (int, str))])
    answer = _answer(words[corrected:], lexicon) if corrected else None
    answer = answer or _answer(words, lexicon)
    if answer is None and not facts and not past and len(words) <= DOUBT_WORDS:
        answer = _doubt(words, lexicon)
    if command and not whole_command and (facts or past or places or days is not None):
        command = None  # "four days, that's all" answers; it does not end the conversation
    twitch = bool(find_words(words, lexicon.lists.get("twitch_words", frozenset())))
    person = who(words, person_matches, lexicon)
    heard = bool(
        facts
        or answer
        or command
        or topic
        or places
        or days is not None
        or person.known
        or hypothetical
        or twitch
        or bool(past)
    )
    return Reading(
        facts=MappingProxyType(facts),
        uncertain=frozenset(uncertain),
        answer=answer,
        person=person,
        topic=topic if topic is not None else _whole_topic(words, lexicon),
        command=command,
        places=tuple(places),
        days=days,
        about_twitch=twitch or bool(places),
        hypothetical=hypothetical,
        past=MappingProxyType(past),
        asks=bool(words) and lexicon.has("question_words", (words[0],)),
        everything=(
            bool(find_words(words, lexicon.lists.get("answers.all", frozenset())))
            and answer == "yes"
        )
        or _whole(words, lexicon, "answers.all") is not None,
        heard=heard,
    )


def _words(text: str, lexicon: Lexicon) -> list[str]:
    words = [unstretch(w, lexicon) for w in split_words(text, lexicon.contractions)]
    words = join_split(replace_phrases(words, lexicon.replacements), lexicon)
    words = drop_phrases(words, lexicon.lists.get("fillers", frozenset()))
    words = drop_phrases(words, lexicon.lists.get("openers", frozenset()), at_start=True)
    words = [correct(w, lexicon) for w in words]
    return replace_phrases(words, lexicon.replacements)


def _corrected_number(words: list[str], lexicon: Lexicon, before: Duration) -> int | None:
    """A bare number after a correction, in the unit of the duration before it ("about a week,
    no wait, more like two")."""
    for i in range(len(words)):
        number = read_number(words, i, lexicon)
        if number is not None and before.per_unit:
            return int(number.value * before.per_unit)
    return None


def _near_year(
    words: list[str], match: Match, lexicon: Lexicon, today: datetime.date | None
) -> bool:
    """A past year said of the phrase, in its sentence ("she had a mini stroke in 2015", "i
    fainted once but that was back in the eighties"); not a year said of another clause ("she
    fainted this morning and she had a stroke in 2015")."""
    if today is None:
        return False
    for year, span in years(words, lexicon):
        if not 1900 <= year < today.year:
            continue
        if span.start >= match.end:
            between = words[match.end : span.start]
        elif span.stop <= match.start:
            between = words[span.stop : match.start]
        else:
            continue
        if len(between) <= YEAR_REACH and not _other_clause(between, lexicon):
            return True
    return False


def _other_clause(between: list[str], lexicon: Lexicon) -> bool:
    """Whether words between a phrase and a year start another sentence, another clause with
    its own subject ("and she", "and now his face"), or say the time of the phrase ("this
    morning")."""
    if BREAK in between or now_between(between, 0, len(between), lexicon):
        return True
    # Someone said between ("confused, she thinks it's 1980"): the year is of that clause; but
    # "it" or "that" refers back ("i fainted once but that was back in the eighties"), and "i
    # think" only hedges ("a stroke, and i think it was in 2010").
    for k, word in enumerate(between):
        following = between[k + 1] if k + 1 < len(between) else ""
        hedge = word == "i" and lexicon.has("thinking", (following,))
        if lexicon.has("subjects", (word,)) and not lexicon.has("anaphora", (word,)) and not hedge:
            return True
    return any(len(p) for p in find_words(between, frozenset(lexicon.days)))


def _locates(words: list[str], start: int, lexicon: Lexicon) -> bool:
    """A place said to locate another ("the ring finger on my right hand", "her cheek near
    her mouth")."""
    before = words[max(0, start - 4) : start]
    return bool(find_words(before, lexicon.lists.get("locators", frozenset())))


def _merge(facts: dict[str, FactValue], new: Mapping[str, FactValue]) -> None:
    """Add facts; a "yes" is never taken back by another phrase of the same line."""
    for fact, value in new.items():
        if facts.get(fact) == "yes":
            continue
        if facts.get(fact) == "no" and value == "unsure":
            continue
        facts[fact] = value


def _longest(values: list[int | str]) -> int | str:
    numbers = [v for v in values if isinstance(v, int)]
    return max(numbers) if numbers else values[-1]


def _temperatures(
    words: list[str],
    lexicon: Lexicon,
    triggers: list[Trigger],
    taken: set[int],
    facts: dict[str, FactValue],
    *,
    asked: bool,
) -> None:
    for high, span in temperatures(words, lexicon, asked=asked):
        match = Match(-1, tuple(span))
        how: Status = status(match, words, triggers, lexicon, taken)
        if how.hypothetical or how.past or how.negated:
            continue
        _merge(facts, lexicon.fever_high if high else lexicon.fever_not_high)


def _answer(words: list[str], lexicon: Lexicon) -> str | None:
    """Yes, no or unsure: the whole line (without hedges like "i guess"), the answer it
    starts with, the one after its last "but", or its last particle ("so i guess yes i am")."""
    whole = tuple(w for w in words if w != BREAK)
    spans = find_words(list(whole), lexicon.lists.get("hedges", frozenset()))
    bare = tuple(w for i, w in enumerate(whole) if not any(i in s for s in spans))
    subjectless = bare[1:] if len(bare) > 2 and lexicon.has("subjects", bare[:1]) else ()
    for answer in ANSWERS:
        if lexicon.has(f"answers.{answer}", whole) or any(
            said and lexicon.has(f"answers.{answer}", said) for said in (bare, subjectless)
        ):
            return answer
    found = _leading(whole, lexicon) or _trailing(whole, lexicon)
    if found is not None:
        return found
    particles = [w for w in whole if lexicon.has("answers.particles", (w,))]
    for answer in ANSWERS:
        if particles and lexicon.has(f"answers.{answer}", (particles[-1],)):
            return answer
    return None


def _doubt(words: list[str], lexicon: Lexicon) -> str | None:
    """ "Unsure" for a short line that says so anywhere and says nothing else we know ("errr
    it's hard to say where exactly", "i'm not sure what my uncle takes")."""
    unsure = lexicon.lists.get("answers.unsure", frozenset())
    alone = lexicon.lists.get("answers.alone", frozenset())
    doubts = frozenset(p for p in unsure if len(p) > 1 and p not in alone)
    return "unsure" if find_words(words, doubts) else None


def _leading(whole: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """The answer after the line's last "but", else the longest answer it starts with."""
    best: tuple[int, str] | None = None
    tail = _tail(whole)
    spans = find_words(list(tail), lexicon.lists.get("hedges", frozenset()))
    bare = tuple(w for i, w in enumerate(tail) if not any(i in s for s in spans))
    subjectless = bare[1:] if len(bare) > 2 and lexicon.has("subjects", bare[:1]) else ()
    for answer in ANSWERS:
        for said in (tail, bare, subjectless):
            if len(said) > 1 and lexicon.has(f"answers.{answer}", said):
                return answer
    for answer in ANSWERS:
        for size in range(min(lexicon.longest(f"answers.{answer}"), len(whole)), 0, -1):
            phrase = whole[:size]
            if not lexicon.has(f"answers.{answer}", phrase):
                continue
            if not _leads(whole, size, lexicon):
                continue
            if best is None or size > best[0]:
                best = (size, answer)
            break
    return best[1] if best else None


def _leads(whole: tuple[str, ...], size: int, lexicon: Lexicon) -> bool:
    """Whether an answer phrase of this size that starts the line answers the question: a
    particle ("no she isn't"), or a form that is not only an answer said alone ("not that i
    know of"), or one that ends a sentence; not "it is" of "it is in my thumb", nor "a bit"
    of "a bit of a fever"."""
    if lexicon.has("answers.particles", whole[:1]):
        return True
    if size == len(whole) or whole[size] in (BREAK, *REASONS):
        return True
    return size > 1 and not lexicon.has("answers.alone", whole[:size])


def _tail(whole: tuple[str, ...]) -> tuple[str, ...]:
    """What follows the last "but", "so" or sentence break ("i had one before but not now",
    "it's ninety nine so not really")."""
    for i in range(len(whole) - 1, 0, -1):
        if whole[i - 1] in ("but", "so", BREAK):
            return whole[i:]
    return ()


def _trailing(whole: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """An answer of two words or more that ends the line and is not only said alone ("she's
    been in a wheelchair since the accident, nothing new")."""
    for answer in ANSWERS:
        name = f"answers.{answer}"
        for size in range(min(lexicon.longest(name), len(whole) - 1), 1, -1):
            phrase = whole[-size:]
            if (
                lexicon.has(name, phrase)
                and not lexicon.has("answers.alone", phrase)
                and not lexicon.has("hedges", phrase)
            ):
                return answer
    return None


def _command(words: list[str], lexicon: Lexicon) -> tuple[str | None, bool]:
    """A command said as the whole line, after words that only open or close it ("sorry, can
    you say that again please"), or ending a line ("that's a lot, could you say it slower");
    and whether it was the whole line."""
    rest = [w for w in words if w != BREAK]
    for name in ("command_openers", "command_closers"):
        spans = find_words(rest, lexicon.lists.get(name, frozenset()))
        at_edge = [
            s for s in spans if (s.start == 0 if name.endswith("openers") else s.stop == len(rest))
        ]
        while at_edge:
            span = at_edge[0]
            rest = rest[span.stop :] if span.start == 0 else rest[: span.start]
            spans = find_words(rest, lexicon.lists.get(name, frozenset()))
            at_edge = [
                s
                for s in spans
                if (s.start == 0 if name.endswith("openers") else s.stop == len(rest))
            ]
    found = _whole(rest, lexicon, "commands.") or _all_one_command(rest, lexicon)
    if found is not None or len(rest) < 3:
        return found, True
    for size in range(min(len(rest) - 1, 6), 1, -1):
        found = _whole(rest[-size:], lexicon, "commands.")
        if found is not None:
            return found, False
    return None, False


def _all_one_command(words: list[str], lexicon: Lexicon) -> str | None:
    """A line made only of phrases of one command ("that's all, goodbye")."""
    names = [name for name in lexicon.lists if name.startswith("commands.")]
    for name in names:
        spans = find_words(words, lexicon.lists[name])
        if words and sum(len(s) for s in spans) == len(words):
            return name.removeprefix("commands.")
    return None


def _whole(words: list[str], lexicon: Lexicon, prefix: str) -> str | None:
    """The name of the list (under prefix) that the whole line is one phrase of."""
    whole = tuple(w for w in words if w != BREAK)
    for name in sorted(lexicon.lists):
        if name.startswith(prefix) and whole in lexicon.lists[name]:
            return name.removeprefix(prefix)
    return None


def _strip_carriers(words: list[str], lexicon: Lexicon) -> list[str]:
    rest = [w for w in words if w != BREAK]
    spans = find_words(rest, lexicon.lists.get("carriers", frozenset()))
    while spans and spans[0].start == 0:
        rest = rest[spans[0].stop :]
        spans = find_words(rest, lexicon.lists.get("carriers", frozenset()))
    return rest


def _is_whole(match: Match, words: list[str], lexicon: Lexicon) -> bool:
    rest = _strip_carriers(words, lexicon)
    return len(rest) <= len(match.positions) + 1


def _whole_topic(words: list[str], lexicon: Lexicon) -> str | None:
    """A short topic phrase said as the whole line after its carrier ("tell me causes")."""
    rest = tuple(stem(w) for w in _strip_carriers(words, lexicon))
    for stems, index in lexicon.index.get(rest[0], ()) if rest else ():
        meaning = lexicon.meanings[index]
        if meaning.topic is not None and stems == rest:
            return meaning.topic
    return None
