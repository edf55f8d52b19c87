"""The speech report's figures: per script, the summary, and the targets of voice revision 2."""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, replace

from skill.speech.reading import TextGrade, hardest_others, info_grades, text_grades
from skill.speech.scripts import Conversation, Response, seconds
from skill.triage.model import Content

SELF_CARE = "self_care"
MAX_SELF_CARE_SECONDS = 90
MAX_RESPONSE_SECONDS = 30
MAX_REPROMPT_WORDS = 25
MAX_LIST_ITEMS = 3
MAX_INFO_GRADE = 8


@dataclass(frozen=True)
class Where:
    """Where a figure was found: the script, the turn (0 is the opening) and the words."""

    script: str
    turn: int
    text: str


@dataclass(frozen=True)
class Longest:
    """The largest figure of a kind (words, or list items) and where it was found."""

    value: int
    seconds: float | None = None
    where: Where | None = None


@dataclass(frozen=True)
class ScriptFigures:
    """One script's speech: totals and its longest response, reprompt and list."""

    script: str
    disposition: str | None
    responses: int
    words: int
    seconds: float
    conversation_seconds: float
    """Seconds of the conversation itself, without the detail the user asked for."""
    longest_response_words: int
    longest_response_seconds: float
    longest_reprompt_words: int
    longest_list: int


@dataclass(frozen=True)
class Target:
    """One target: the figure found, the limit, and whether it is met (None: not applicable)."""

    name: str
    figure: str
    limit: str
    met: bool | None


@dataclass(frozen=True)
class Report:
    """Everything the speech report prints."""

    scripts: list[ScriptFigures]
    self_care_scripts: int
    self_care_median_seconds: float | None
    longest_response: Longest
    """The longest response other than the doctor read-back."""
    doctor_read_back: Longest
    longest_reprompt: Longest
    longest_list: Longest
    info_grades: list[TextGrade]
    hardest_other_grades: list[TextGrade]
    targets: list[Target]
    errors: dict[str, str]


def script_figures(conversation: Conversation) -> ScriptFigures:
    """Totals and maxima of one conversation."""
    responses = conversation.responses
    longest = max((r.words for r in responses), default=0)
    return ScriptFigures(
        script=conversation.name,
        disposition=conversation.disposition,
        responses=len(responses),
        words=conversation.words,
        seconds=round(seconds(conversation.words), 1),
        conversation_seconds=round(seconds(conversation.conversation_words), 1),
        longest_response_words=longest,
        longest_response_seconds=round(seconds(longest), 1),
        longest_reprompt_words=max((r.reprompt_words for r in responses), default=0),
        longest_list=max((s.items for r in responses for s in r.lists()), default=0),
    )


def build(
    conversations: list[Conversation],
    content: Content,
    errors: dict[str, str] | None = None,
    *,
    selected: bool = False,
) -> Report:
    """The report over these conversations and the content's texts; `selected` when they are
    a chosen few, so a target with nothing to judge is not applicable rather than missed."""
    scripts = [script_figures(c) for c in conversations]
    self_care = [s.conversation_seconds for s in scripts if s.disposition == SELF_CARE]
    median = round(statistics.median(self_care), 1) if self_care else None
    turns = [(c.name, r) for c in conversations for r in c.responses]
    grades = text_grades(content)
    report = Report(
        scripts=scripts,
        self_care_scripts=len(self_care),
        self_care_median_seconds=median,
        longest_response=_longest_speech((n, r) for n, r in turns if not r.doctor_read_back),
        doctor_read_back=_longest_speech((n, r) for n, r in turns if r.doctor_read_back),
        longest_reprompt=_longest_reprompt(turns),
        longest_list=_longest_list(turns),
        info_grades=info_grades(grades),
        hardest_other_grades=hardest_others(grades),
        targets=[],
        errors=dict(errors or {}),
    )
    return replace(report, targets=targets(report, selected=selected))


def _longest_speech(turns: Iterable[tuple[str, Response]]) -> Longest:
    best = Longest(0, 0.0)
    for name, response in turns:
        if response.words > best.value:
            where = Where(name, response.turn, response.speech)
            best = Longest(response.words, round(seconds(response.words), 1), where)
    return best


def _longest_reprompt(turns: list[tuple[str, Response]]) -> Longest:
    best = Longest(0)
    for name, response in turns:
        if response.reprompt_words > best.value:
            where = Where(name, response.turn, response.reprompt)
            best = Longest(response.reprompt_words, None, where)
    return best


def _longest_list(turns: list[tuple[str, Response]]) -> Longest:
    best = Longest(0)
    for name, response in turns:
        for found in response.lists():
            if found.items > best.value:
                best = Longest(found.items, None, Where(name, response.turn, found.sentence))
    return best


def targets(report: Report, *, selected: bool = False) -> list[Target]:
    """The targets of issue 10, each with the figure this report found. Over every script, no
    self-care conversation at all is a miss: the target cannot be shown to be met."""
    median = report.self_care_median_seconds
    worst = max(report.info_grades, key=lambda g: g.grade, default=None)
    return [
        Target(
            "Median self-care conversation, seconds of skill speech (detail asked for aside)",
            "n/a (no self-care script)" if median is None else f"{median:g} s",
            f"<= {MAX_SELF_CARE_SECONDS} s",
            (None if selected else False) if median is None else median <= MAX_SELF_CARE_SECONDS,
        ),
        Target(
            "Longest response, except the doctor read-back",
            f"{report.longest_response.seconds:g} s ({report.longest_response.value} words)",
            f"<= {MAX_RESPONSE_SECONDS} s",
            (report.longest_response.seconds or 0) <= MAX_RESPONSE_SECONDS,
        ),
        Target(
            "Longest reprompt",
            f"{report.longest_reprompt.value} words",
            f"<= {MAX_REPROMPT_WORDS} words",
            report.longest_reprompt.value <= MAX_REPROMPT_WORDS,
        ),
        Target(
            "Longest spoken list",
            f"{report.longest_list.value} items",
            f"<= {MAX_LIST_ITEMS} items",
            report.longest_list.value <= MAX_LIST_ITEMS,
        ),
        Target(
            "Hardest info text, Flesch-Kincaid grade",
            "n/a" if worst is None else f"{worst.grade:g} ({worst.text_id})",
            f"<= {MAX_INFO_GRADE}",
            worst is None or worst.grade <= MAX_INFO_GRADE,
        ),
    ]
