"""Spoken durations ("three days", "2 weeks") as AMAZON.DURATION ISO-8601 values."""

import re

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
}
UNITS = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y"}
PATTERN = re.compile(
    r"^(?P<number>\d+|[a-z]+(?: [a-z]+)?) (?P<unit>minute|hour|day|week|month|year)s?$"
)


def _number(words: str) -> int | None:
    if words.isdigit():
        return int(words)
    parts = words.split()
    if not all(p in NUMBERS for p in parts):
        return None
    if len(parts) == 2 and NUMBERS[parts[0]] >= 20 and NUMBERS[parts[1]] < 10:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return NUMBERS[parts[0]] if len(parts) == 1 else None


def to_iso8601(text: str) -> str | None:
    """The ISO-8601 duration Alexa would send for a spoken duration, or None."""
    match = PATTERN.match(text.strip().lower())
    if match is None:
        return None
    number = _number(match.group("number"))
    if number is None:
        return None
    code = UNITS[match.group("unit")]
    if code.startswith("T"):
        return f"PT{number}{code[1]}"
    return f"P{number}{code}"
