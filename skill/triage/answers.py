"""The answers a question accepts, one per choice a screen can offer as a button."""

from collections.abc import Mapping

from skill.triage.model import Content, FactValue, Question, QuestionKind


def named_values(content: Content, question: Question) -> list[tuple[str, Mapping[str, FactValue]]]:
    """Words of the question's slot type that answer it (value id, facts it sets), one per
    distinct answer, in the order of the words."""
    if question.slot_type is None or question.kind not in (
        QuestionKind.DURATION,
        QuestionKind.LOCATION,
    ):
        return []
    found: list[tuple[str, Mapping[str, FactValue]]] = []
    seen: set[FactValue] = set()
    for value_id, facts in content.vocabulary.get(question.slot_type, {}).items():
        answer = facts.get(question.fact)
        if answer is None or answer == "unsure" or answer in seen:
            continue
        seen.add(answer)
        found.append((value_id, facts))
    return found


def duration_text_ids(content: Content) -> list[str]:
    """The button label of every duration a question offers: duration.<value id>."""
    return [
        f"duration.{value_id}"
        for q in content.questions
        if q.kind is QuestionKind.DURATION
        for value_id, _ in named_values(content, q)
    ]
