"""Numbers said in words or digits, durations in days, and temperatures."""

import datetime
from dataclasses import dataclass

from skill.understanding.lexicon import Lexicon
from skill.understanding.matching import find_words
from skill.understanding.text import BREAK

UNIT = "units."
CUES = frozenset(
    {
        "for",
        "about",
        "around",
        "almost",
        "nearly",
        "over",
        "than",
        "past",
        "been",
        "only",
        "just",
        "like",
        "maybe",
        "roughly",
        "under",
        "least",
        "since",
        "last",
        "the",
        "this",
        "a",
        "full",
        "whole",
        "good",
        "probably",
        "approximately",
        "some",
        "within",
        "ago",
        "or",
    }
)
"""A word after which "a week" is a duration ("for a week"), unlike "three coffees a day"."""
SKIP = frozenset({"of", "or", "so", "more", "full", "whole", "long", "straight", "good", "solid"})
"""Words allowed between a number and its unit ("a couple of weeks", "three long weeks")."""


@dataclass(frozen=True)
class Number:
    """A number found in a line and the positions it covers."""

    value: float
    span: range


def read_number(words: list[str], i: int, lexicon: Lexicon) -> Number | None:
    """The number that starts at position i ("twenty one", "a hundred and two", "3.5")."""
    value: float | None = None
    j = i
    if j < len(words) and words[j].isdigit():
        value = float(words[j])
        j += 1
        if j + 1 < len(words) and words[j] in (".", "point") and words[j + 1].isdigit():
            value += float(f"0.{words[j + 1]}")
            j += 2
    elif j < len(words) and words[j] == "half" and _is(words, j + 1, ("a", "an")):
        return Number(0.5, range(i, j + 2))
    else:
        if words[j] in ("a", "an") and _is_number(words, j + 1, lexicon):
            j += 1
        total = 0.0
        while j < len(words) and words[j] in lexicon.numbers:
            amount = lexicon.numbers[words[j]]
            if words[j] == "hundred":
                total = max(total, 1.0) * 100
            elif (total >= 20 and amount < 10) or (total >= 100 and amount < 100):
                total += amount
            elif total == 0:
                total = amount
            else:
                break
            j += 1
            if _is(words, j, ("and",)) and total >= 100 and _is_number(words, j + 1, lexicon):
                j += 1
        if j == i or total == 0:
            return None
        value = total
        if _is(words, j, ("point",)) and _is_number(words, j + 1, lexicon):
            decimal = read_number(words, j + 1, lexicon)
            if decimal is not None:
                value += decimal.value / (10 ** len(str(int(decimal.value))))
                j = decimal.span.stop
    if _is(words, j, ("and",)) and _is(words, j + 1, ("a",)) and _is(words, j + 2, ("half",)):
        value += 0.5
        j += 3
    return Number(value, range(i, j))


def _is(words: list[str], i: int, options: tuple[str, ...]) -> bool:
    return i < len(words) and words[i] in options


def _is_number(words: list[str], i: int, lexicon: Lexicon) -> bool:
    return i < len(words) and (words[i].isdigit() or words[i] in lexicon.numbers)


def _unit(words: list[str], i: int, lexicon: Lexicon) -> tuple[float, int] | None:
    """Days per unit of the unit word at or just after i, and the position after it."""
    for j in range(i, min(i + 3, len(words))):
        key = UNIT + words[j]
        if key in lexicon.numbers:
            return lexicon.numbers[key], j + 1
        if words[j] not in SKIP:
            return None
    return None


@dataclass(frozen=True)
class Duration:
    """How long, in whole days, or "unsure"; where it was said."""

    days: int | str
    span: range


def durations(
    words: list[str], lexicon: Lexicon, today: datetime.date | None, *, vague: bool
) -> list[Duration]:
    """Every duration said in a line, in order. Vague ones ("a while") only when `vague`."""
    found: list[Duration] = []
    i = 0
    while i < len(words):
        duration = _numbered(words, i, lexicon) or _weekday(words, i, lexicon, today)
        if duration is None:
            duration = _relative(words, i, lexicon, vague=vague)
        if duration is None:
            i += 1
            continue
        found.append(duration)
        i = duration.span.stop
    return found


def _numbered(words: list[str], i: int, lexicon: Lexicon) -> Duration | None:
    number = read_number(words, i, lexicon)
    if number is None:
        return None
    unit = _unit(words, number.span.stop, lexicon)
    if unit is None:
        return None
    per_unit, stop = unit
    value = number.value
    if words[i] in ("a", "an") and i > 0 and words[i - 1] not in CUES:
        return None
    if i + 1 < len(words) and stop < len(words) and words[stop] == "or":
        later = read_number(words, stop + 1, lexicon)
        if later is not None and _unit(words, later.span.stop, lexicon) is None:
            value = max(value, later.value)
    days = value * per_unit
    start = i
    before = _modifier(words, i, lexicon)
    if before is not None:
        kind, start = before
        days = days + 1 if kind == "more_than" else max(days - 1, 0)
    return Duration(int(days), range(start, stop))


def _modifier(words: list[str], i: int, lexicon: Lexicon) -> tuple[str, int] | None:
    """A "more than" or "less than" phrase ending just before position i."""
    for name in ("more_than", "less_than"):
        for size in range(min(lexicon.longest(name), i), 0, -1):
            if lexicon.has(name, tuple(words[i - size : i])):
                return name, i - size
    return None


def _weekday(
    words: list[str], i: int, lexicon: Lexicon, today: datetime.date | None
) -> Duration | None:
    if today is None or not lexicon.has("since", (words[i],)):
        return None
    j = i + 1
    while j < len(words) and words[j] in ("last", "on", "this", "past"):
        j += 1
    if j >= len(words) or not lexicon.has("weekdays", (words[j],)):
        return None
    order = [p[0] for p in sorted(lexicon.lists["weekdays"], key=_weekday_order)]
    weekday = order.index(words[j])
    days = (today.weekday() - weekday) % 7 or 7
    return Duration(days, range(i, j + 1))


def _weekday_order(phrase: tuple[str, ...]) -> int:
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return names.index(phrase[0]) if phrase[0] in names else len(names)


def _relative(words: list[str], i: int, lexicon: Lexicon, *, vague: bool) -> Duration | None:
    for size in range(min(max((len(k) for k in lexicon.days), default=0), len(words) - i), 0, -1):
        phrase = tuple(words[i : i + size])
        if phrase in lexicon.days:
            value = lexicon.days[phrase]
            return Duration(value if isinstance(value, int) else "unsure", range(i, i + size))
    if vague:
        spans = find_words(words[i:], lexicon.lists.get("vague_durations", frozenset()))
        if spans and spans[0].start == 0:
            return Duration("unsure", range(i, i + spans[0].stop))
    return None


def temperatures(words: list[str], lexicon: Lexicon) -> list[tuple[bool, range]]:
    """Temperatures said with a number near a temperature word: (over the limit, where)."""
    found: list[tuple[bool, range]] = []
    marks = [i for i, w in enumerate(words) if lexicon.has("temperature.words", (w,))]
    if not marks:
        return found
    i = 0
    while i < len(words):
        number = read_number(words, i, lexicon) if words[i] != BREAK else None
        if number is None or words[i] in ("a", "an"):
            i += 1
            continue
        near = any(-4 <= m - i <= number.span.stop - i + 2 for m in marks)
        scale = _scale(number.value)
        if near and scale is not None:
            found.append((number.value > lexicon.fever_limits[scale], number.span))
        i = number.span.stop
    return found


def _scale(value: float) -> str | None:
    if 90 <= value <= 115:
        return "fahrenheit"
    if 34 <= value <= 45:
        return "celsius"
    return None
