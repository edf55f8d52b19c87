"""Figures per point of the conversation: intent accuracy, red-flag recall, false emergencies,
lines understood, facts and answers taken."""

from dataclasses import dataclass

from skill.evaluation.corpus import POINTS
from skill.evaluation.run import Result


@dataclass(frozen=True)
class Figures:
    """Counts for one group of lines."""

    lines: int
    intents: int
    red_flags: int
    red_flags_found: int
    harmless: int
    false_emergencies: int
    to_understand: int
    understood: int
    facts: int
    answers: int
    persons: int

    @property
    def recall(self) -> float:
        """Red-flag recall (1.0 when there are none)."""
        return self.red_flags_found / self.red_flags if self.red_flags else 1.0

    @property
    def understood_rate(self) -> float:
        """Share of the lines a person would understand that the skill understood."""
        return self.understood / self.to_understand if self.to_understand else 1.0


def figures(results: list[Result]) -> Figures:
    """The counts of a group of results."""
    return Figures(
        lines=len(results),
        intents=sum(r.intent == r.line.intent for r in results),
        red_flags=sum(r.line.emergency for r in results),
        red_flags_found=sum(r.line.emergency and r.emergency for r in results),
        harmless=sum(not r.line.emergency for r in results),
        false_emergencies=sum(not r.line.emergency and r.emergency for r in results),
        to_understand=sum(r.line.understood for r in results),
        understood=sum(r.line.understood and (r.understood or r.emergency) for r in results),
        facts=sum(r.facts_ok for r in results),
        answers=sum(r.answer_ok for r in results),
        persons=sum(r.person_ok for r in results),
    )


def by_point(results: list[Result]) -> dict[str, Figures]:
    """Figures per point, in conversation order, then "all"."""
    groups = {p: [r for r in results if r.line.point == p] for p in POINTS}
    table = {p: figures(rs) for p, rs in groups.items() if rs}
    table["all"] = figures(results)
    return table


def table(results: list[Result]) -> str:
    """A markdown table of the figures per point."""
    rows = [
        "| point | lines | intent | red-flag recall | false emergencies | understood "
        "| facts | answers |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for point, f in by_point(results).items():
        rows.append(
            f"| {point} | {f.lines} | {_pct(f.intents, f.lines)} "
            f"| {f.red_flags_found}/{f.red_flags} | {f.false_emergencies}/{f.harmless} "
            f"| {_pct(f.understood, f.to_understand)} | {_pct(f.facts, f.lines)} "
            f"| {_pct(f.answers, f.lines)} |"
        )
    return "\n".join(rows)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"
