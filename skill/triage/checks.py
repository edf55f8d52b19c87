"""Cross-file checks of loaded content: ids, reachability, advice, red flags, texts."""

from collections.abc import Iterable

from skill.triage.answers import duration_text_ids
from skill.triage.follow_up import follow_up_text_ids
from skill.triage.model import ANSWERS, Condition, Content, FactType, FactValue
from skill.triage.reader import Problems
from skill.triage.texts import chain

ANSWER_TEXTS = ("answer.yes", "answer.no", "answer.unsure", "answer.days", "answer.day")


def run_all(problems: Problems, content: Content) -> None:
    """Record every cross-file problem of the content."""
    _known_ids(problems, content)
    _provided(problems, content)
    _reachable(problems, content)
    _advice(problems, content)
    _red_flags(problems, content)
    _texts(problems, content)


def valid_value(kind: FactType, value: FactValue) -> bool:
    """Whether a value is one a fact of this type can take."""
    if value == "unsure":
        return True
    if kind is FactType.ANSWER:
        return value in ANSWERS
    if kind is FactType.CONTEXT:
        return value in ("yes", "no")
    if kind is FactType.DAYS:
        return isinstance(value, int) and value >= 0
    return isinstance(value, str)


def allowed_value(content: Content, fact: str, value: object) -> bool:
    """Whether a fact of the content can take this value; a place must be one the vocabulary
    names (so every place read back has a text)."""
    kind = content.facts.get(fact)
    if kind is None or isinstance(value, bool) or not isinstance(value, (str, int)):
        return False
    if kind is FactType.PLACE and value != "unsure":
        return value in content.places
    return valid_value(kind, value)


def provided_facts(content: Content) -> set[str]:
    """Facts some question or some slot value can set, or that the front end sets."""
    provided = {f for q in content.questions for f in q.facts()}
    provided.update(f for f, kind in content.facts.items() if kind is FactType.CONTEXT)
    for values in content.vocabulary.values():
        for sets in values.values():
            provided.update(sets)
    return provided


def _check_condition(
    problems: Problems, content: Content, file: str, path: str, condition: Condition
) -> None:
    for part in condition.any_of or (condition,):
        if part.any_of:
            _check_condition(problems, content, file, path, part)
            continue
        if part.negate is not None:
            _check_condition(problems, content, file, f"{path}.not", part.negate)
            continue
        if part.fact is None or part.fact not in content.facts:
            problems.add(file, path, f"unknown fact {part.fact!r}")
            continue
        kind = content.facts[part.fact]
        if part.over is not None and kind is not FactType.DAYS:
            problems.add(file, path, f"'over' needs a days fact, {part.fact!r} is {kind.value}")
        for value in part.values:
            if not valid_value(kind, value):
                problems.add(file, path, f"{part.fact!r} can never be {value!r}")


def _known_ids(problems: Problems, content: Content) -> None:
    dispositions = {d.id for d in content.dispositions}
    for q in content.questions:
        path = f"{q.id}"
        named = [("fact", q.fact), *(("options", o) for o in q.options)]
        named += [("asks_about", f) for f in q.asks_about]
        for key, fact in named:
            if fact not in content.facts:
                problems.add("questions.yaml", f"{path}.{key}", f"unknown fact {fact!r}")
        if q.slot_type is not None and q.slot_type not in content.vocabulary:
            problems.add(
                "questions.yaml", f"{path}.slot_type", f"unknown slot type {q.slot_type!r}"
            )
        elif q.slot_type is not None:
            asked = {f for other in content.questions for f in other.facts()}
            extra = _vocabulary_facts(content, q.slot_type) - q.facts() - asked
            if extra:
                problems.add(
                    "questions.yaml",
                    f"{path}.slot_type",
                    f"sets facts not in fact/options: {sorted(extra)}",
                )
        if q.ask_if is not None:
            _check_condition(problems, content, "questions.yaml", f"{path}.ask_if", q.ask_if)
        for option, when in q.options_if.items():
            _check_condition(
                problems, content, "questions.yaml", f"{path}.options_if.{option}", when
            )
        for answer, sets in q.simpler.items():
            for fact, value in sets.items():
                where = f"{path}.simpler.{answer}.{fact}"
                if fact not in content.facts:
                    problems.add("questions.yaml", where, "unknown fact")
                elif not allowed_value(content, fact, value):
                    problems.add("questions.yaml", where, f"{value!r} is not a valid value")
    for rule in content.rules:
        _check_condition(problems, content, "rules.yaml", f"{rule.id}.when", rule.when)
        if rule.disposition not in dispositions:
            problems.add(
                "rules.yaml", f"{rule.id}.disposition", f"unknown disposition {rule.disposition!r}"
            )
        _known_advice(problems, content, "rules.yaml", f"{rule.id}.advice", rule.advice)
        _known_advice(problems, content, "rules.yaml", f"{rule.id}.advice_first", rule.advice_first)
    for d in content.dispositions:
        _known_advice(
            problems, content, "dispositions.yaml", f"{d.id}.advice", d.advice + d.closing
        )
    for flag in content.red_flags:
        if flag not in content.facts:
            problems.add("red_flags.yaml", flag, "unknown fact")
    for item in content.doctor_questions:
        if item.ask_if is not None:
            _check_condition(
                problems, content, "doctor_questions.yaml", f"{item.id}.ask_if", item.ask_if
            )
        for fact in item.answered_by:
            if fact not in content.facts:
                problems.add(
                    "doctor_questions.yaml", f"{item.id}.answered_by", f"unknown fact {fact!r}"
                )
    words = f"words/{content.default_locale}/slot_types.yaml"
    for type_name, values in content.vocabulary.items():
        for value_id, sets in values.items():
            for fact, value in sets.items():
                path = f"{type_name}.{value_id}.sets.{fact}"
                if fact not in content.facts:
                    problems.add(words, path, "unknown fact")
                elif not valid_value(content.facts[fact], value):
                    problems.add(words, path, f"{value!r} is not a valid value")


def _known_advice(
    problems: Problems, content: Content, file: str, path: str, ids: Iterable[str]
) -> None:
    for advice_id in ids:
        if advice_id not in content.advice:
            problems.add(file, path, f"unknown advice {advice_id!r}")


def _vocabulary_facts(content: Content, slot_type: str) -> set[str]:
    return {fact for sets in content.vocabulary.get(slot_type, {}).values() for fact in sets}


def _provided(problems: Problems, content: Content) -> None:
    provided = provided_facts(content)
    for rule in content.rules:
        for fact in sorted(rule.when.facts() - provided):
            if fact in content.facts:
                problems.add(
                    "rules.yaml",
                    f"{rule.id}.when",
                    f"reads {fact!r}, which no question or slot value provides",
                )


def _reachable(problems: Problems, content: Content) -> None:
    read_by_rules = {fact for rule in content.rules for fact in rule.when.facts()}
    known: dict[str, set[FactValue]] = {
        fact: {"yes", "no"} for fact, kind in content.facts.items() if kind is FactType.CONTEXT
    }
    for values in content.vocabulary.values():
        for sets in values.values():
            for fact, value in sets.items():
                known.setdefault(fact, set()).add(value)
    any_days: set[str] = set()
    for q in content.questions:
        if not q.facts() & read_by_rules:
            problems.add("questions.yaml", q.id, "no path can reach it: no rule reads its facts")
        if q.ask_if is not None:
            missing = q.ask_if.facts() - set(known)
            if missing:
                problems.add(
                    "questions.yaml",
                    f"{q.id}.ask_if",
                    f"no path can reach it: {sorted(missing)} is never known before it",
                )
            elif not _can_hold(q.ask_if, known, any_days):
                problems.add(
                    "questions.yaml",
                    f"{q.id}.ask_if",
                    "no path can reach it: no answer before it can make ask_if hold",
                )
        kind = content.facts.get(q.fact)
        answers: set[FactValue] = {"unsure"}
        if kind is FactType.ANSWER:
            answers.update(ANSWERS)
        elif kind is FactType.DAYS:
            any_days.add(q.fact)
        known.setdefault(q.fact, set()).update(answers)
        for option in q.options:
            known.setdefault(option, set()).add("yes")


def _can_hold(condition: Condition, known: dict[str, set[FactValue]], any_days: set[str]) -> bool:
    """Whether some values the facts can take before a question make the condition true."""
    if condition.negate is not None:
        return True  # a fact not known yet leaves a negated condition true
    if condition.any_of:
        return any(_can_hold(c, known, any_days) for c in condition.any_of)
    values = known.get(condition.fact or "", set())
    if condition.over is not None:
        over = condition.over
        return condition.fact in any_days or any(isinstance(v, int) and v > over for v in values)
    if condition.fact in any_days and any(isinstance(v, int) for v in condition.values):
        return True
    return any(v in values for v in condition.values)


def _advice(problems: Problems, content: Content) -> None:
    for d in content.dispositions:
        if not d.advice:
            problems.add("dispositions.yaml", d.id, "disposition without advice")
    used = {a for d in content.dispositions for a in d.advice + d.closing}
    used.update(a for rule in content.rules for a in rule.advice + rule.advice_first)
    for advice_id in content.advice:
        if advice_id not in used:
            problems.add("advice.yaml", advice_id, "advice no disposition or rule uses")


def _red_flags(problems: Problems, content: Content) -> None:
    if not content.dispositions:
        return
    top = content.dispositions[0].id
    for flag in content.red_flags:
        leads = any(
            rule.disposition == top and rule.when.holds({flag: "yes"}) for rule in content.rules
        )
        if not leads:
            problems.add("red_flags.yaml", flag, f"red flag does not lead to {top!r}: add a rule")


def required_text_ids(content: Content) -> list[str]:
    """Every text id the content needs in every locale."""
    ids = [f"question.{q.id}" for q in content.questions]
    ids += [f"why.{q.id}" for q in content.questions]
    ids += [f"short.{q.id}" for q in content.questions]
    ids += [f"simple.{o}" for q in content.questions if q.kind.value == "choice" for o in q.options]
    ids += [f"simple.{q.id}" for q in content.questions if q.simpler]
    ids += [f"reason.{r.id}" for r in content.rules]
    ids += [f"advice.{a}" for a in content.advice]
    ids += [f"info.{t}" for t in content.info]
    ids += [f"doctor.{d.id}" for d in content.doctor_questions]
    ids += [f"fact.{f}" for f, kind in content.facts.items() if kind is not FactType.CONTEXT]
    ids += [f"place.{p}" for p in sorted(str(p) for p in content.places)]
    ids += follow_up_text_ids(content.follow_ups) + duration_text_ids(content)
    return ids + list(ANSWER_TEXTS)


def _texts(problems: Problems, content: Content) -> None:
    required = required_text_ids(content)
    missing: dict[tuple[str, str], list[str]] = {}
    locales = dict(content.locales)
    for locale, texts in content.texts.items():
        root = chain(locales, locale)[-1]
        for text_id in required:
            if text_id not in texts:
                missing.setdefault((root, text_id), []).append(locale)
    for (root, text_id), where in missing.items():
        label = "locale" if len(where) == 1 else "locales"
        problems.add(f"texts/{root}.yaml", text_id, f"text missing for {label} {', '.join(where)}")
