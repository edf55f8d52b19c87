"""The triage outcome known after a response, read from its session attributes."""

from functools import cache
from typing import Any

from skill.triage import Engine, StateError, TriageState
from skill.triage.load import default_content


@cache
def _engine() -> Engine:
    return Engine(default_content())


def outcome_of(response: dict[str, Any]) -> dict[str, Any] | None:
    """{"disposition", "reasons"} once the answers reach an outcome, else None."""
    attributes = response.get("sessionAttributes") or {}
    engine = _engine()
    try:
        state = TriageState.from_json(attributes.get("triage"), engine.content)
    except StateError:
        return None
    if engine.next_question(state) is not None:
        return None
    outcome = engine.outcome(state)
    return {"disposition": outcome.disposition, "reasons": list(outcome.reasons)}
