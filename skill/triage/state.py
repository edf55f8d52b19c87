"""The facts known so far, as a small JSON-serialisable state with undo history."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from skill.triage.checks import allowed_value
from skill.triage.errors import StateError
from skill.triage.model import Content, FactValue

MAX_HISTORY = 64


@dataclass(frozen=True)
class TriageState:
    """Facts known so far; history holds, per update, the values it replaced."""

    facts: Mapping[str, FactValue] = field(default_factory=lambda: MappingProxyType({}))
    history: tuple[Mapping[str, FactValue | None], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A plain dict for session attributes."""
        return {"facts": dict(self.facts), "history": [dict(h) for h in self.history]}

    @classmethod
    def from_json(cls, data: object, content: Content) -> "TriageState":
        """Read a state back, checking every fact and value against the content."""
        if not isinstance(data, dict) or set(data) != {"facts", "history"}:
            raise StateError("state must be {facts, history}")
        facts = _facts(data["facts"], content, allow_none=False)
        history = data["history"]
        if not isinstance(history, list) or len(history) > MAX_HISTORY:
            raise StateError("history must be a short list")
        return cls(
            facts=MappingProxyType({k: v for k, v in facts.items() if v is not None}),
            history=tuple(MappingProxyType(_facts(h, content, allow_none=True)) for h in history),
        )


def _facts(data: object, content: Content, *, allow_none: bool) -> dict[str, FactValue | None]:
    if not isinstance(data, dict):
        raise StateError("facts must be a mapping")
    for key, value in data.items():
        if key not in content.facts:
            raise StateError("unknown fact in state")
        if value is None and allow_none:
            continue
        if not allowed_value(content, key, value):
            raise StateError("invalid fact value in state")
    return dict(data)
