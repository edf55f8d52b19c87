"""The speech report as markdown tables for people, or as JSON for scripts."""

import json
from dataclasses import asdict

from skill.speech.reading import TextGrade
from skill.speech.report import Longest, Report
from skill.speech.scripts import WORDS_PER_MINUTE

QUOTE_LIMIT = 160


def as_json(report: Report) -> str:
    """Every figure of the report, as one JSON document."""
    return json.dumps(asdict(report), indent=2)


def table(head: list[str], rows: list[list[str]]) -> str:
    """Rows as a markdown table."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def scripts_table(report: Report) -> str:
    """One row a script: speech, the longest response, reprompt and list."""
    head = ["Script", "Outcome", "Responses", "Words", "Seconds", "Longest response"]
    head += ["Longest reprompt", "Longest list"]
    rows = [
        [
            s.script,
            s.disposition or "-",
            str(s.responses),
            str(s.words),
            f"{s.seconds:g}",
            f"{s.longest_response_words} words, {s.longest_response_seconds:g} s",
            f"{s.longest_reprompt_words} words",
            f"{s.longest_list} items",
        ]
        for s in report.scripts
    ]
    return table(head, rows)


def summary(report: Report) -> str:
    """The summary: the targets table, where each longest figure was found, reading levels."""
    verdicts = {True: "pass", False: "**miss**", None: "n/a"}
    rows = [[t.name, t.figure, t.limit, verdicts[t.met]] for t in report.targets]
    median = report.self_care_median_seconds
    parts = [
        f"Skill speech at {WORDS_PER_MINUTE} words a minute; median of "
        f"{report.self_care_scripts} self-care scripts: "
        + ("n/a" if median is None else f"{median:g} s"),
        "",
        table(["Measure", "Found", "Target", "Result"], rows),
        "",
        _where("Longest response (not the doctor read-back)", report.longest_response, "words"),
        _where("Doctor read-back", report.doctor_read_back, "words"),
        _where("Longest reprompt", report.longest_reprompt, "words"),
        _where("Longest spoken list", report.longest_list, "items"),
        "",
        "Reading level (Flesch-Kincaid grade, hardest locale and person):",
        *_grades(report.info_grades),
        "Hardest other texts:",
        *_grades(report.hardest_other_grades),
    ]
    parts += [f"could not drive {name}: {error}" for name, error in report.errors.items()]
    return "\n".join(parts)


def _where(label: str, longest: Longest, unit: str) -> str:
    if longest.where is None:
        return f"{label}: none"
    figure = f"{longest.value} {unit}"
    if longest.seconds is not None:
        figure += f", {longest.seconds:g} s"
    text = longest.where.text
    quoted = text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 3] + "..."
    return f'{label}: {figure} ({longest.where.script}, turn {longest.where.turn}): "{quoted}"'


def _grades(grades: list[TextGrade]) -> list[str]:
    return [f"- {g.text_id}: {g.grade:g} ({g.locale}, {g.person})" for g in grades]


def text_report(report: Report) -> str:
    """The whole report for a person: the scripts, then the summary."""
    return scripts_table(report) + "\n\n" + summary(report)
