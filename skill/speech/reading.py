"""Reading level of the content's spoken texts: every info text, and the hardest of the rest."""

import re
from dataclasses import dataclass

from skill.speech.readability import grade
from skill.triage.model import Content

INFO_PREFIX = "info."
SENTENCE = re.compile(r"[.!?]\s*$")
"""Texts graded on their own end as sentences do; labels and fragments (place names, reasons,
card titles) are spoken inside the sentences that hold them."""


@dataclass(frozen=True)
class TextGrade:
    """The Flesch-Kincaid grade of one text, at its hardest locale and person."""

    text_id: str
    grade: float
    locale: str
    person: str
    text: str


def text_grades(content: Content) -> list[TextGrade]:
    """Each graded text id at its highest grade over every locale and both persons."""
    worst: dict[str, TextGrade] = {}
    for locale, texts in content.texts.items():
        for text_id, persons in texts.items():
            for person, text in persons.items():
                if not text_id.startswith(INFO_PREFIX) and not SENTENCE.search(text):
                    continue
                found = TextGrade(text_id, round(grade(text), 1), locale, person, text)
                if text_id not in worst or found.grade > worst[text_id].grade:
                    worst[text_id] = found
    return sorted(worst.values(), key=lambda g: g.text_id)


def info_grades(grades: list[TextGrade]) -> list[TextGrade]:
    """The info texts, by id."""
    return [g for g in grades if g.text_id.startswith(INFO_PREFIX)]


def hardest_others(grades: list[TextGrade], count: int = 5) -> list[TextGrade]:
    """The texts other than info texts with the highest grades, hardest first."""
    others = [g for g in grades if not g.text_id.startswith(INFO_PREFIX)]
    return sorted(others, key=lambda g: (-g.grade, g.text_id))[:count]
