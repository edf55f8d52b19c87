"""Numbers said in words or digits, durations in days, and temperatures."""

import datetime
from dataclasses import dataclass

from skill.understanding.lexicon import UNIT, Lexicon
from skill.understanding.matching import find_words
from skill.understanding.text import BREAK

BARE_UNIT_DAYS = 7
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
RATES = frozenset({"per", "every", "each", "times", "twice", "once", "thrice"})
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
    spelt = _digit_by_digit(words, i, lexicon)
    if spelt is not None:
        return spelt
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
            elif (amount < 10 and total >= 20 and total % 10 == 0) or (
                amount < 100 and total >= 100 and total % 100 == 0
            ):
                total += amount
            elif total == 0:
                total = amount
            else:
                break
            j += 1
            half = _is(words, j + 1, ("a", "an")) and _is(words, j + 2, ("half",))
            if (
                _is(words, j, ("and",))
                and total >= 100
                and _is_number(words, j + 1, lexicon)
                and not half
            ):
                j += 1
            elif _is(words, j, ("and",)) and total >= 100 and _is(words, j + 1, tuple(HEARD_AS)):
                total += HEARD_AS[words[j + 1]]
                j += 2
                break
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


HEARD_AS = {"for": 4, "to": 2, "too": 2}
"""Number words speech recognition writes as other words ("a hundred and for")."""
DIGIT_WORDS = {
    "oh": 0,
    "o": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


def _digit_by_digit(words: list[str], i: int, lexicon: Lexicon) -> Number | None:
    """A number said digit by digit with "oh" or "zero" for zero: "one oh three" is 103, and so
    is "one zero three"."""
    j = i
    while j < len(words) and words[j] in DIGIT_WORDS:
        j += 1
    said = words[i:j]
    if len(said) < 3 or not any(w in ("oh", "o", "zero") for w in said[1:]):
        return None
    return Number(float("".join(str(DIGIT_WORDS[w]) for w in said)), range(i, j))


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
    per_unit: float = 0.0
    """Days per unit of the duration said ("weeks": 7), 0 when said without one."""


def durations(
    words: list[str], lexicon: Lexicon, today: datetime.date | None, *, vague: bool
) -> list[Duration]:
    """Every duration said in a line, in order. Vague ones ("a while") only when `vague`."""
    found: list[Duration] = []
    i = 0
    while i < len(words):
        duration = (
            _numbered(words, i, lexicon)
            or _weekday(words, i, lexicon, today)
            or _since_date(words, i, lexicon, today)
        )
        if duration is None:
            duration = _relative(words, i, lexicon, vague=vague) or _bare_unit(words, i, lexicon)
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
    if words[stop : stop + 3] == ["and", "a", "half"]:
        value += 0.5
        stop += 3
    if words[i] in ("a", "an") and number.value == 1 and i > 0 and _rate(words[i - 1]):
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
    return Duration(int(days), range(start, stop), per_unit)


def _bare_unit(words: list[str], i: int, lexicon: Lexicon) -> Duration | None:
    """One week, fortnight, month or year said without a number, as an answer ("fortnight or
    so", "month maybe"): a singular unit of at least a week that opens the line."""
    per_unit = lexicon.numbers.get(UNIT + words[i])
    if per_unit is None or per_unit < BARE_UNIT_DAYS or words[i].endswith("s"):
        return None
    if any(w != BREAK and w not in SKIP for w in words[:i]):
        return None
    return Duration(int(per_unit), range(i, i + 1), per_unit)


def _rate(before: str) -> bool:
    """Whether "a day" after this word is a rate ("three coffees a day"), not a duration."""
    return before in RATES or (before.endswith("s") and before not in CUES) or before.isdigit()


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


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PART_OF_MONTH = {
    "early": 1,
    "beginning": 1,
    "start": 1,
    "mid": 15,
    "middle": 15,
    "late": 25,
    "end": 28,
}
SKIPPED = frozenset({"the", "last", "around", "about", "like", "of", "this", "in", "on", "at"})


def _since_date(
    words: list[str], i: int, lexicon: Lexicon, today: datetime.date | None
) -> Duration | None:
    """ "Since halloween", "since the 3rd", "since early october": days since that date."""
    if today is None or not lexicon.has("since", (words[i],)):
        return None
    found = None
    for j in range(i + 1, min(i + 6, len(words))):
        if words[j] == BREAK:
            break
        found = _named_date(words, j, lexicon, today) or _month_date(words, j, lexicon, today)
        if found is not None:
            break
    if found is None:
        return None
    date, stop = found
    if date > today:
        date = _year_before(date)
    return Duration((today - date).days, range(i, stop))


def _named_date(
    words: list[str], j: int, lexicon: Lexicon, today: datetime.date
) -> tuple[datetime.date, int] | None:
    for size in range(min(4, len(words) - j), 0, -1):
        spec = lexicon.dates.get(tuple(words[j : j + size]))
        if spec is not None:
            date = _date_of(spec, today.year)
            if date is not None:
                return date, j + size
    return None


def _date_of(spec: str, year: int) -> datetime.date | None:
    """A date from "10-31" (month-day) or "nov thu 4" (the 4th Thursday of November)."""
    try:
        if "-" in spec and len(spec.split()) == 1:
            month, day = (int(part) for part in spec.split("-"))
            return datetime.date(year, month, day)
        month_name, weekday_name, nth = spec.split()
        month, weekday, n = MONTHS.index(month_name) + 1, WEEKDAYS.index(weekday_name), int(nth)
    except ValueError:
        return None
    days = [
        datetime.date(year, month, d)
        for d in range(1, 32)
        if _valid(year, month, d) and datetime.date(year, month, d).weekday() == weekday
    ]
    return days[n - 1] if n > 0 else days[n]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _month_date(
    words: list[str], j: int, lexicon: Lexicon, today: datetime.date
) -> tuple[datetime.date, int] | None:
    """ "October", "october 3rd", "the 3rd of october", "early october", "the 3rd"."""
    day = None
    while j < len(words) and (words[j] in SKIPPED or words[j] in PART_OF_MONTH):
        day = PART_OF_MONTH.get(words[j], day)
        j += 1
    ordinal = _ordinal(words, j, lexicon)
    if ordinal is not None:
        day, j = ordinal
        while j < len(words) and words[j] in SKIPPED:
            j += 1
    if j < len(words) and lexicon.has("months", (words[j],)):
        month = MONTHS.index(words[j][:3]) + 1
        j += 1
        after = _ordinal(words, j, lexicon)
        if after is not None:
            day, j = after
        if not _valid(today.year, month, day or 1):
            return None
        return datetime.date(today.year, month, day or 1), j
    if day is not None and j < len(words) and words[j] == "month":
        j += 1
    if ordinal is None or day is None:
        return None
    year, month = today.year, today.month
    if day > today.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return (datetime.date(year, month, day), j) if _valid(year, month, day) else None


def _ordinal(words: list[str], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    for size in (2, 1):
        key = "ordinals." + " ".join(words[j : j + size])
        if j + size <= len(words) and key in lexicon.numbers:
            return int(lexicon.numbers[key]), j + size
    if j < len(words) and words[j].isdigit() and 1 <= int(words[j]) <= 31:
        return int(words[j]), j + 1
    return None


def _year_before(date: datetime.date) -> datetime.date:
    try:
        return date.replace(year=date.year - 1)
    except ValueError:
        return date.replace(year=date.year - 1, day=28)


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


def temperatures(
    words: list[str], lexicon: Lexicon, *, asked: bool = False
) -> list[tuple[bool, range]]:
    """Temperatures said with a number near a temperature word, with a decimal point, or any
    number in a temperature's range when the question was about a fever: (over the limit,
    where)."""
    found: list[tuple[bool, range]] = []
    marks = [i for i, w in enumerate(words) if lexicon.has("temperature.words", (w,))]
    if not marks and not asked and not any(w in (".", "point") for w in words):
        return found
    weather = find_words(words, lexicon.lists.get("temperature.weather", frozenset()))
    i = 0
    while i < len(words):
        number = read_number(words, i, lexicon) if words[i] != BREAK else None
        if number is None or words[i] in ("a", "an"):
            i += 1
            continue
        value, stop = _tenths(words, number, lexicon)
        # A reading with a decimal point is a temperature, said with a fever word or not
        # ("she's thirty nine point one"): ages and counts are not said so.
        near = (
            asked
            or value != int(value)
            or any(-MARK_BEFORE <= m - i <= number.span.stop - i + 2 for m in marks)
        )
        scale = _scale(value)
        # "It's forty degrees in Adelaide": a temperature in a sentence about the weather.
        outdoors = any(_same_sentence(words, span.start, i) for span in weather)
        if near and scale is not None and not outdoors:
            found.append((value > lexicon.fever_limits[scale], range(i, stop)))
        i = stop
    return found


def _same_sentence(words: list[str], a: int, b: int) -> bool:
    return BREAK not in words[min(a, b) : max(a, b)]


def _tenths(words: list[str], number: Number, lexicon: Lexicon) -> tuple[float, int]:
    """A Celsius temperature said with its tenth as a bare digit ("thirty nine eight")."""
    stop = number.span.stop
    if (
        _scale(number.value) == "celsius"
        and number.value == int(number.value)
        and stop < len(words)
    ):
        digit = lexicon.numbers.get(words[stop])
        if digit is not None and digit < 10 and digit == int(digit):
            return number.value + digit / 10, stop + 1
    return number.value, stop


def _scale(value: float) -> str | None:
    if 90 <= value <= 115:
        return "fahrenheit"
    if 34 <= value <= 45:
        return "celsius"
    return None


MARK_BEFORE = 6
"""How far before a number a fever word may be ("his temperature's gone up to a hundred")."""
DECADES = {"sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990}
CENTURIES = {"nineteen": 1900, "twenty": 2000}


def years(words: list[str], lexicon: Lexicon) -> list[tuple[int, range]]:
    """Years said in a line: "2015", "twenty fifteen", "nineteen eighty five", "two thousand
    and five", "the eighties" (its first year). "Twenty five" is a number, not a year."""
    found: list[tuple[int, range]] = []
    i = 0
    while i < len(words):
        year = _year(words, i, lexicon)
        if year is None:
            i += 1
            continue
        found.append(year)
        i = year[1].stop
    return found


def _year(words: list[str], i: int, lexicon: Lexicon) -> tuple[int, range] | None:
    word = words[i]
    if word.isdigit() and len(word) == 4:
        return int(word), range(i, i + 1)
    if word in DECADES and i > 0 and words[i - 1] == "the":
        return DECADES[word], range(i - 1, i + 1)
    if word == "two" and _is(words, i + 1, ("thousand",)):
        j = i + 2 + (1 if _is(words, i + 2, ("and",)) else 0)
        rest = read_number(words, j, lexicon) if j < len(words) else None
        if rest is not None and rest.value < 100:
            return 2000 + int(rest.value), range(i, rest.span.stop)
        return 2000, range(i, i + 2)
    if word in CENTURIES and i + 1 < len(words):
        j = i + 1
        if words[j] in ("oh", "o") and j + 1 < len(words):
            digit = lexicon.numbers.get(words[j + 1])
            if digit is not None and digit < 10:
                return CENTURIES[word] + int(digit), range(i, j + 2)
            return None
        rest = read_number(words, j, lexicon)
        if rest is not None and 10 <= rest.value < 100 and rest.value == int(rest.value):
            return CENTURIES[word] + int(rest.value), range(i, rest.span.stop)
    return None
