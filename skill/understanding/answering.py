"""What a reading answers, given the question pending: the facts to record."""

from collections.abc import Mapping

from skill.triage.checks import allowed_value
from skill.triage.model import Content, FactValue, Question, QuestionKind
from skill.understanding.reading import DAYS_FACT, MANY_PLACES, MULTIPLE_FACT, PLACE_FACT
from skill.understanding.results import Reading

TRIGGER_PREFIX = "trigger_"
"""Everyday triggers only pick tips: "maybe stress" is reason enough to give its tip."""


def answer_facts(
    reading: Reading,
    content: Content,
    known: Mapping[str, FactValue],
    pending: Question | None,
) -> dict[str, FactValue]:
    """Facts a line gives: what it states outright, where and how long when it speaks of the
    twitch (or was asked), and its yes, no or not sure as the answer to the pending question."""
    facts = {f: v for f, v in reading.past.items() if f not in content.red_flags}
    facts.update({f: v for f, v in reading.facts.items() if f != DAYS_FACT})
    asked = pending.fact if pending is not None else None
    for fact in reading.uncertain:
        # "I might be pregnant": not sure. A sign said with a hedge stays a sign.
        if (
            fact not in content.red_flags
            and facts.get(fact) == "yes"
            and not fact.startswith(TRIGGER_PREFIX)
        ):
            facts[fact] = "unsure"
    if reading.everything and pending is not None and pending.kind is QuestionKind.CHOICE:
        facts.update({option: "yes" for option in pending.options})
    if reading.places and (
        asked == PLACE_FACT or (reading.about_twitch and PLACE_FACT not in known)
    ):
        if len(reading.places) > 1:
            facts[PLACE_FACT] = MANY_PLACES
            facts[MULTIPLE_FACT] = "yes"
        else:
            facts[PLACE_FACT] = reading.places[0]
    days = reading.days
    if days is not None and (
        asked == DAYS_FACT
        or (reading.about_twitch and isinstance(days, int) and DAYS_FACT not in known)
    ):
        facts[DAYS_FACT] = days
    if pending is not None and reading.answer is None:
        facts.update(_from_parts(pending, facts))
    elif pending is not None and reading.answer is not None:
        facts.update(_from_answer(pending, reading.answer, facts))
    return {f: v for f, v in facts.items() if allowed_value(content, f, v)}


def _from_answer(
    question: Question, answer: str, facts: Mapping[str, FactValue]
) -> dict[str, FactValue]:
    """A yes, no or not sure that comes with other words ("no she isn't confused"), as the
    answer to the pending question. A bare "yes" to a list, or a yes or no to "where" or "how
    long", is left to the conversation, which asks again."""
    if question.fact in facts or any(facts.get(p) == "yes" for p in question.parts):
        return {}
    if answer == "yes" and any(p in facts for p in question.parts):
        # "Fever yeah, but only a hundred": the yes owns to a word, and what follows says no.
        return _from_parts(question, facts)
    if question.kind is QuestionKind.YES_NO:
        return {question.fact: answer}
    if question.kind is QuestionKind.CHOICE and answer != "yes":
        return {question.fact: answer}
    if answer == "unsure":
        return {question.fact: answer}
    return {}


def _from_parts(question: Question, facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """The pending question's own fact when the line answers only some of its parts: "he
    doesn't have a fever" is a no to the safety question; a part in doubt makes it unsure."""
    if question.fact in facts:
        return {}
    parts = [facts[p] for p in question.parts if p in facts]
    if not parts or "yes" in parts:
        return {}
    return {question.fact: "unsure" if "unsure" in parts else "no"}
