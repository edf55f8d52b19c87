"""Given the facts so far, the next question or the outcome."""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from skill.triage.checks import allowed_value
from skill.triage.errors import StateError
from skill.triage.model import Content, FactValue, Question, Rule
from skill.triage.state import MAX_HISTORY, TriageState


@dataclass(frozen=True)
class Outcome:
    """The triage result: disposition, reason ids, trigger ids and advice ids in speaking order."""

    disposition: str
    reasons: tuple[str, ...]
    triggers: tuple[str, ...]
    advice: tuple[str, ...]


class Engine:
    """Applies the content's rules to a state. Pure: no I/O, no Alexa."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._rank = {d.id: d.rank for d in content.dispositions}
        self._lowest = max(self._rank.values())
        self._potential = {q.id: self._best_rank(q) for q in content.questions}

    def _best_rank(self, question: Question) -> int:
        ranks = [
            self._rank[r.disposition]
            for r in self.content.rules
            if r.when.facts() & question.facts()
        ]
        return min(ranks, default=self._lowest + 1)

    def update(self, state: TriageState, facts: Mapping[str, FactValue]) -> TriageState:
        """Add facts (several at once, any order); the update can be undone as one step."""
        for fact, value in facts.items():
            if not allowed_value(self.content, fact, value):
                raise StateError(f"invalid update for fact {fact!r}")
        changed = {k: v for k, v in facts.items() if state.facts.get(k) != v}
        if not changed:
            return state
        previous = MappingProxyType({k: state.facts.get(k) for k in changed})
        return TriageState(
            facts=MappingProxyType({**state.facts, **changed}),
            history=(*state.history, previous)[-MAX_HISTORY:],
        )

    def undo(self, state: TriageState) -> TriageState:
        """The state before the last update (unchanged if there is none)."""
        if not state.history:
            return state
        facts = dict(state.facts)
        for fact, value in state.history[-1].items():
            if value is None:
                facts.pop(fact, None)
            else:
                facts[fact] = value
        return TriageState(MappingProxyType(facts), state.history[:-1])

    def matching(self, facts: Mapping[str, FactValue]) -> list[Rule]:
        """Rules whose condition holds, in content order."""
        return [r for r in self.content.rules if r.when.holds(facts)]

    def answered(self, question: Question, facts: Mapping[str, FactValue]) -> bool:
        """Whether the facts already answer a question (its fact, or a named option)."""
        return question.fact in facts or any(facts.get(o) == "yes" for o in question.offered(facts))

    def next_question(self, state: TriageState) -> Question | None:
        """The next question that could still change the outcome, or None when done."""
        current = min((self._rank[r.disposition] for r in self.matching(state.facts)), default=None)
        for question in self.content.questions:
            if self.answered(question, state.facts):
                continue
            if question.ask_if is not None and not question.ask_if.holds(state.facts):
                continue
            potential = self._potential[question.id]
            if current is None or potential < current or potential == current == self._lowest:
                return question
        return None

    def next_step(self, state: TriageState) -> Question | Outcome:
        """The next question, or the outcome once no question can change it."""
        return self.next_question(state) or self.outcome(state)

    def outcome(self, state: TriageState) -> Outcome:
        """The outcome the facts reach now (the lowest disposition when no rule matches)."""
        rules = self.matching(state.facts)
        rank = min((self._rank[r.disposition] for r in rules), default=self._lowest)
        disposition = self.content.dispositions[rank]
        top = [r for r in rules if self._rank[r.disposition] == rank]
        advice: list[str] = []
        for part in (
            *(rule.advice_first for rule in top),
            disposition.advice,
            *(rule.advice for rule in top),
            disposition.closing,
        ):
            advice.extend(a for a in part if a not in advice and self._said(a, state.facts))
        return Outcome(
            disposition=disposition.id,
            reasons=tuple(r.id for r in top if r.kind == "reason"),
            triggers=tuple(r.id for r in rules if r.kind == "trigger"),
            advice=tuple(advice),
        )

    def _said(self, advice_id: str, facts: Mapping[str, FactValue]) -> bool:
        """Whether an advice is said with these facts ("if pregnant" is not said to a man)."""
        item = self.content.advice.get(advice_id)
        return item is None or item.ask_if is None or item.ask_if.holds(facts)

    def explain(self, state: TriageState) -> tuple[str, ...]:
        """Every reason id that holds, most urgent first, for "why"."""
        rules = sorted(
            (r for r in self.matching(state.facts) if r.kind == "reason"),
            key=lambda r: self._rank[r.disposition],
        )
        return tuple(r.id for r in rules)
