"""Which content texts the code and the content use, for validate's unused-text problems.

A text id is used when
- the content requires it (skill.triage.checks.required_text_ids);
- the code names it as a literal ("ui.goodbye");
- the code builds it in an f-string from a family prefix (f"short.{question.id}") and its
  suffix is an id of the kind that family takes (FAMILIES), or from an id stem and a suffix
  (f"answer.day{suffix}": the stem "answer.day" is used);
- it is a used id with a variant suffix the code glues on (f"{text_id}{MALE}"): a string
  literal such as ".male" or "_ago" found in the code.
The code is every module of the skill package, scanned as text.
"""

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from skill.triage.answers import duration_text_ids
from skill.triage.checks import required_text_ids
from skill.triage.follow_up import follow_up_text_ids
from skill.triage.model import ANSWERS, Content
from skill.triage.reader import Problems

PACKAGE = Path(__file__).resolve().parent
LITERAL = re.compile(r"""["']([a-z_]+(?:\.[a-z_]+)+)["']""")
BUILT = re.compile(r"""f["']([a-z_]+\.[a-z_.]*)\{""")
SUFFIX = re.compile(r"""["']([._][a-z][a-z_]*)["']""")
UNUSED = "text no code or content uses"


def _phases() -> frozenset[str]:
    from skill.alexa.session import SIMPLE_PHASES

    return SIMPLE_PHASES


def _questions(content: Content) -> set[str]:
    return {q.id for q in content.questions}


FAMILIES: dict[str, Callable[[Content], set[str]]] = {
    "question.": _questions,
    "why.": _questions,
    "short.": lambda c: _questions(c) | _phases(),
    "simple.": lambda c: _questions(c) | {o for q in c.questions for o in q.options} | _phases(),
    "reason.": lambda c: {r.id for r in c.rules},
    "advice.": lambda c: set(c.advice),
    "info.": lambda c: set(c.info),
    "doctor.": lambda c: {d.id for d in c.doctor_questions},
    "fact.": lambda c: set(c.facts),
    "place.": lambda c: {str(p) for p in c.places},
    "answer.": lambda c: set(ANSWERS),
    "ui.outcome.": lambda c: {d.id for d in c.dispositions},
    "reminder.": lambda c: {t.removeprefix("reminder.") for t in follow_up_text_ids(c.follow_ups)},
    "duration.": lambda c: {t.removeprefix("duration.") for t in duration_text_ids(c)},
}
"""Each family of text ids the code builds, and the ids its suffix can be."""


def sources(package: Path = PACKAGE) -> list[Path]:
    """The modules of the skill package."""
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def named_in_code(paths: Iterable[Path]) -> tuple[set[str], set[str], set[str]]:
    """The dotted literals, the starts of ids built in f-strings (family prefixes like
    "short." and stems like "answer.day") and the suffix literals found in these modules."""
    literals: set[str] = set()
    built: set[str] = set()
    suffixes: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        literals.update(LITERAL.findall(text))
        built.update(BUILT.findall(text))
        suffixes.update(SUFFIX.findall(text))
    return literals, built, suffixes


def used_text_ids(content: Content, paths: Iterable[Path] | None = None) -> set[str]:
    """Every text id of the content that the content requires or the code names or builds."""
    defined = {t for texts in content.texts.values() for t in texts}
    literals, built, suffixes = named_in_code(sources() if paths is None else paths)
    used = set(required_text_ids(content)) | literals
    for start in built:
        known = FAMILIES.get(start)
        if not start.endswith("."):
            used.add(start)
        elif known is None:  # a family this module does not know: it cannot tell, so all count
            used.update(t for t in defined if t.startswith(start))
        else:
            used.update(start + suffix for suffix in known(content))
    used &= defined
    while True:
        variants = {t + s for t in used for s in suffixes} & defined
        if variants <= used:
            return used
        used |= variants


def unknown_families(content: Content, paths: Iterable[Path] | None = None) -> set[str]:
    """Family prefixes in the code that name texts but are missing from FAMILIES."""
    defined = {t for texts in content.texts.values() for t in texts}
    _, built, _ = named_in_code(sources() if paths is None else paths)
    families = {b for b in built if b.endswith(".")} - set(FAMILIES)
    return {f for f in families if any(t.startswith(f) for t in defined)}


def unused_texts(content: Content, root: Path, paths: Iterable[Path] | None = None) -> list[str]:
    """Problems "texts/<locale>.yaml: <id>: text no code or content uses", file by file."""
    used = used_text_ids(content, paths)
    problems = Problems(root)
    for locale in content.locales:
        file = f"texts/{locale}.yaml"
        if not (root / file).exists():
            continue
        node = problems.read(file)
        for text_id in node if isinstance(node, dict) else {}:
            if str(text_id) not in used:
                problems.add(file, str(text_id), UNUSED)
    return problems.messages
