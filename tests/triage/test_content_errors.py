"""Each validation check on a broken copy of the content: the message names file, key, reason."""

from pathlib import Path

import pytest
import yaml

from skill.triage import ContentError, load_content
from skill.triage.load import DEFAULT_CONTENT_DIR

RULE_INDEX = {
    rule["id"]: i
    for i, rule in enumerate(
        yaml.safe_load((DEFAULT_CONTENT_DIR / "rules.yaml").read_text(encoding="utf-8"))["rules"]
    )
}
QUESTION_INDEX = {
    question["id"]: i
    for i, question in enumerate(
        yaml.safe_load((DEFAULT_CONTENT_DIR / "questions.yaml").read_text(encoding="utf-8"))
    )
}
LOCALES = "en, en-US, en-CA, en-GB, en-AU, en-IN"


def rule(rule_id):
    """The key path of a rule in messages: its index and id."""
    return f"rules[{RULE_INDEX[rule_id]}]({rule_id})"


def edit(root: Path, file: str, old: str, new: str, *, after: str = "") -> None:
    """Replace the first `old` that follows `after` in a content file."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def append(root: Path, file: str, text: str) -> None:
    """Add lines at the end of a content file."""
    with (root / file).open("a", encoding="utf-8") as stream:
        stream.write(text)


def problems_of(root: Path) -> tuple[str, ...]:
    """The problems the loader reports for a content folder."""
    with pytest.raises(ContentError) as raised:
        load_content(root)
    assert str(raised.value) == "\n".join(raised.value.problems)
    return raised.value.problems


def line_of(root: Path, file: str, text: str) -> int:
    """The 1-based line number of the last line holding `text`."""
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, 1) if text in line)


def test_the_shipped_content_has_no_problem():
    content = load_content(DEFAULT_CONTENT_DIR)
    assert content.rules
    assert content.questions


# Reading files


def test_invalid_yaml_names_the_file_and_line(content_copy):
    edit(content_copy, "facts.yaml", "weakness: answer", "weakness: answer: nested")
    line = line_of(content_copy, "facts.yaml", "weakness: answer: nested")
    problems = problems_of(content_copy)
    assert problems == (
        f"facts.yaml: line {line}: not valid YAML (mapping values are not allowed in this context)",
    )


def test_a_key_given_twice_in_a_file_is_reported_at_its_line(content_copy):
    append(content_copy, "facts.yaml", "weakness: answer\n")
    line = line_of(content_copy, "facts.yaml", "weakness: answer")
    assert problems_of(content_copy) == (
        f"facts.yaml: line {line}: not valid YAML (duplicate key 'weakness')",
    )


def test_a_text_given_twice_is_reported_at_its_line(content_copy):
    append(content_copy, "texts/en.yaml", "answer.yes: {any: yep}\n")
    line = line_of(content_copy, "texts/en.yaml", "answer.yes: {any: yep}")
    assert problems_of(content_copy) == (
        f"texts/en.yaml: line {line}: not valid YAML (duplicate key 'answer.yes')",
    )


@pytest.mark.parametrize(
    "file",
    [
        "facts.yaml",
        "questions.yaml",
        "red_flags.yaml",
        "rules.yaml",
        "dispositions.yaml",
        "advice.yaml",
        "info.yaml",
        "doctor_questions.yaml",
        "words/en/slot_types.yaml",
        "locales.yaml",
        "texts/en.yaml",
    ],
)
def test_a_missing_file_is_reported_once(content_copy, file):
    (content_copy / file).unlink()
    assert problems_of(content_copy) == (f"{file}: (top): file is missing",)


def test_a_locale_without_its_own_file_uses_its_fallback(content_copy):
    (content_copy / "texts" / "en-GB.yaml").unlink()
    content = load_content(content_copy)
    assert content.text("en-GB", "advice.contact_provider") == content.text(
        "en-US", "advice.contact_provider"
    )


# Schema of each entry


def test_an_unknown_key_is_named_with_its_path(content_copy):
    edit(content_copy, "rules.yaml", "    kind: reason\n", "    kind: reason\n    severity: high\n")
    assert problems_of(content_copy) == (
        "rules.yaml: rules[0].severity: unknown key (expected one of ['advice', 'advice_first', "
        "'disposition', "
        "'id', 'kind', 'review', 'source', 'when'])",
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "after", "message"),
    [
        (
            "rules.yaml",
            "advice: [tip_alcohol]",
            "advice: tip_alcohol",
            "",
            f"rules.yaml: {rule('trigger_alcohol')}.advice: expected a list of advice ids",
        ),
        (
            "rules.yaml",
            "kind: reason",
            "kind: [reason]",
            "id: worried",
            f"rules.yaml: {rule('worried')}.kind: expected str, got list",
        ),
        (
            "rules.yaml",
            'when: {fact: worried, is: ["yes", unsure]}',
            "when: worried",
            "",
            f"rules.yaml: {rule('worried')}.when: a condition must be a mapping",
        ),
        (
            "rules.yaml",
            'when: {fact: worried, is: ["yes", unsure]}',
            "when: {fact: worried, is: yes}",
            "",
            f"rules.yaml: {rule('worried')}.when.is: expected a value or a list of values "
            "(quote yes and no)",
        ),
        (
            "rules.yaml",
            "when: {fact: duration_days, over: 14}",
            "when: {fact: duration_days, over: 14, is: unsure}",
            "",
            f"rules.yaml: {rule('long_duration')}.when: needs exactly one of 'is' or 'over'",
        ),
        (
            "rules.yaml",
            "when: {fact: duration_days, over: 14}",
            "when: {fact: duration_days, over: two weeks}",
            "",
            f"rules.yaml: {rule('long_duration')}.when.over: expected int, got str",
        ),
        (
            "questions.yaml",
            "kind: yes_no",
            "kind: free_text",
            "id: worried",
            f"questions.yaml: [{QUESTION_INDEX['worried']}](worried).kind: unknown kind "
            "'free_text' (expected one of ['yes_no', 'duration', 'location', 'choice'])",
        ),
        (
            "questions.yaml",
            "options: [medicine, kidney_or_potassium, pregnant]",
            "options: medicine",
            "",
            f"questions.yaml: [{QUESTION_INDEX['health_factors']}](health_factors).options: "
            "expected a list of fact ids",
        ),
        (
            "facts.yaml",
            "worried: answer",
            "worried: boolean",
            "",
            "facts.yaml: worried: unknown type 'boolean' (expected one of ['answer', 'days', "
            "'place', 'context'])",
        ),
        (
            "words/en/slot_types.yaml",
            'sets: {trigger_caffeine: "yes"}',
            "sets: {trigger_caffeine: yes}",
            "  caffeine:",
            "words/en/slot_types.yaml: Trigger.caffeine.sets: expected a mapping of fact to value "
            "(quote yes and no)",
        ),
        (
            "words/en/slot_types.yaml",
            "person: self",
            "person: myself",
            "  me:",
            "words/en/slot_types.yaml: Person.me.person: expected one of ['self', 'other']",
        ),
        (
            "locales.yaml",
            '    fever: "38.3 degrees Celsius"',
            "    fever: 38.3",
            "en-GB:",
            "locales.yaml: en-GB.vars: expected a mapping of name to text",
        ),
        (
            "dispositions.yaml",
            "closing: [self_care_safety_net]",
            "closing: self_care_safety_net",
            "",
            "dispositions.yaml: [2](self_care).closing: expected a list of advice ids",
        ),
        (
            "doctor_questions.yaml",
            "answered_by: [duration_days]",
            "answered_by: duration_days",
            "",
            "doctor_questions.yaml: items[0].answered_by: expected a list of fact ids",
        ),
    ],
    ids=[
        "advice_not_a_list",
        "kind_not_text",
        "condition_not_a_mapping",
        "unquoted_yes",
        "is_and_over",
        "over_not_a_number",
        "unknown_question_kind",
        "options_not_a_list",
        "unknown_fact_type",
        "slot_value_unquoted_yes",
        "person_neither_self_nor_other",
        "locale_variable_not_text",
        "closing_not_a_list",
        "answered_by_not_a_list",
    ],
)
def test_a_wrong_type_is_named_with_its_path(content_copy, file, old, new, after, message):
    edit(content_copy, file, old, new, after=after)
    assert message in problems_of(content_copy)


def test_a_rule_without_source_is_reported(content_copy):
    edit(
        content_copy,
        "rules.yaml",
        "    source:\n      - seed: 004_5e5a3bf5e939c872.txt\n"
        "        quote: garbled or slurred speech\n",
        "",
    )
    assert problems_of(content_copy) == (
        f"rules.yaml: {rule('rf_speech')}.source: every entry needs a source (a non-empty list)",
    )


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("quote: Lack of sleep", 'quote: ""', "source[0].quote"),
        ("quote: Lack of sleep", "quote: '   '", "source[0].quote"),
        (
            "seed: 000_bf9742e22c12e3a0.txt\n        quote: Lack of sleep",
            'seed: ""\n        quote: Lack of sleep',
            "source[0].seed",
        ),
        ("- nhs: cutting down on alcohol can help", '- nhs: ""', "source[0].nhs"),
    ],
    ids=["empty_quote", "blank_quote", "empty_seed", "empty_nhs_fact"],
)
def test_an_empty_citation_is_reported(content_copy, old, new, key):
    edit(content_copy, "rules.yaml", old, new)
    problems = problems_of(content_copy)
    rule_id = "trigger_alcohol" if "nhs" in key else "trigger_sleep"
    assert problems == (f"rules.yaml: {rule(rule_id)}.{key}: must not be empty",)


def test_a_citation_of_an_unknown_kind_is_reported(content_copy):
    edit(content_copy, "rules.yaml", "- nhs: cutting down on alcohol can help", "- web: somewhere")
    assert problems_of(content_copy) == (
        f"rules.yaml: {rule('trigger_alcohol')}.source[0]: expected {{seed, quote}}, {{nhs}}, "
        "{mayo} or {added}",
    )


def test_a_rule_without_review_is_reported(content_copy):
    edit(content_copy, "rules.yaml", "    review: *draft\n", "", after="id: rf_speech")
    assert problems_of(content_copy) == (
        f"rules.yaml: {rule('rf_speech')}.review: every entry needs a review block "
        "{reviewed_by, reviewed_on}",
    )


@pytest.mark.parametrize(
    ("date", "shown"),
    [("21/11/2026", "'21/11/2026'"), ("2026-13-45", "'2026-13-45'"), ("soon", "'soon'")],
)
def test_a_bad_review_date_is_reported(content_copy, date, shown):
    edit(content_copy, "info.yaml", "reviewed_on: 2026-11-21", f"reviewed_on: {date}")
    problems = problems_of(content_copy)
    assert (
        f"info.yaml: topics[0].review.reviewed_on: expected a date (YYYY-MM-DD), got {shown}"
        in problems
    )
    topics = yaml.safe_load((DEFAULT_CONTENT_DIR / "info.yaml").read_text(encoding="utf-8"))
    assert len(problems) == len(topics["topics"]), "the shared review block is reported per topic"


def test_a_review_without_reviewer_is_reported(content_copy):
    edit(
        content_copy,
        "advice.yaml",
        "reviewed_by: engineering draft, awaiting clinician review",
        'reviewed_by: ""',
    )
    assert "advice.yaml: advice[0].review.reviewed_by: must not be empty" in problems_of(
        content_copy
    )


# Ids


@pytest.mark.parametrize(
    ("file", "old", "new", "after", "message"),
    [
        (
            "rules.yaml",
            "when: {fact: weakness,",
            "when: {fact: weaknes,",
            "",
            "rules.yaml: weakness.when: unknown fact 'weaknes'",
        ),
        (
            "questions.yaml",
            "  fact: worried\n",
            "  fact: worriedd\n",
            "",
            "questions.yaml: worried.fact: unknown fact 'worriedd'",
        ),
        (
            "questions.yaml",
            "options: [weakness, stiffness, muscle_wasting, sensation_change]",
            "options: [weakness, stiffness, muscle_wasting, numbness]",
            "",
            "questions.yaml: nerve_signs.options: unknown fact 'numbness'",
        ),
        (
            "rules.yaml",
            "disposition: contact_provider",
            "disposition: urgent_care",
            "id: worried",
            "rules.yaml: worried.disposition: unknown disposition 'urgent_care'",
        ),
        (
            "rules.yaml",
            "advice: [tip_alcohol]",
            "advice: [tip_alcohool]",
            "",
            "rules.yaml: trigger_alcohol.advice: unknown advice 'tip_alcohool'",
        ),
        (
            "dispositions.yaml",
            "closing: [provider_safety_net]",
            "closing: [provider_safetynet]",
            "",
            "dispositions.yaml: contact_provider.advice: unknown advice 'provider_safetynet'",
        ),
        (
            "questions.yaml",
            "slot_type: Trigger",
            "slot_type: Triggers",
            "",
            "questions.yaml: triggers.slot_type: unknown slot type 'Triggers'",
        ),
        (
            "words/en/slot_types.yaml",
            "sets: {trigger_caffeine:",
            "sets: {trigger_coffee:",
            "  caffeine:",
            "words/en/slot_types.yaml: Trigger.caffeine.sets.trigger_coffee: unknown fact",
        ),
        (
            "words/en/slot_types.yaml",
            "sets: {duration_days: 0}",
            "sets: {duration_days: -1}",
            "  few_hours:",
            "words/en/slot_types.yaml: DurationPhrase.few_hours.sets.duration_days: -1 is not a "
            "valid value",
        ),
        (
            "doctor_questions.yaml",
            "answered_by: [pregnant]",
            "answered_by: [pregnancy]",
            "",
            "doctor_questions.yaml: pregnant.answered_by: unknown fact 'pregnancy'",
        ),
        (
            "red_flags.yaml",
            "- rf_overdose",
            "- rf_overdose\n- rf_seizure",
            "",
            "red_flags.yaml: rf_seizure: unknown fact",
        ),
        (
            "questions.yaml",
            "slot_type: Trigger",
            "slot_type: Symptom",
            "",
            "questions.yaml: triggers.slot_type: sets facts not in fact/options: "
            "['fever_mentioned']",
        ),
        (
            "rules.yaml",
            'when: {fact: worried, is: ["yes", unsure]}',
            'when: {fact: worried, is: ["yes", maybe]}',
            "",
            "rules.yaml: worried.when: 'worried' can never be 'maybe'",
        ),
        (
            "rules.yaml",
            'when: {fact: worried, is: ["yes", unsure]}',
            "when: {fact: worried, over: 3}",
            "",
            "rules.yaml: worried.when: 'over' needs a days fact, 'worried' is answer",
        ),
    ],
    ids=[
        "fact_in_rule",
        "fact_of_question",
        "option_of_question",
        "disposition",
        "advice_of_rule",
        "advice_of_disposition",
        "slot_type",
        "fact_in_slot_types",
        "value_in_slot_types",
        "fact_in_doctor_questions",
        "red_flag_fact",
        "slot_type_of_other_facts",
        "impossible_value",
        "over_on_a_yes_no_fact",
    ],
)
def test_an_unknown_id_is_named_with_its_path(content_copy, file, old, new, after, message):
    edit(content_copy, file, old, new, after=after)
    assert message in problems_of(content_copy)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "rules.yaml",
            "  - id: trigger_diet",
            "  - id: trigger_sleep",
            f"rules.yaml: rules[{RULE_INDEX['trigger_diet']}].id: duplicate id 'trigger_sleep'",
        ),
        (
            "questions.yaml",
            "- id: worried",
            "- id: duration",
            f"questions.yaml: [{QUESTION_INDEX['worried']}].id: duplicate id 'duration'",
        ),
        (
            "advice.yaml",
            "  - id: tip_alcohol",
            "  - id: tip_diet",
            "advice.yaml: advice[15].id: duplicate id 'tip_diet'",
        ),
        (
            "red_flags.yaml",
            "- rf_overdose",
            "- rf_fever",
            "red_flags.yaml: [6]: duplicate id 'rf_fever'",
        ),
        (
            "rules.yaml",
            "  - id: trigger_diet",
            "  - id: Trigger-Diet",
            f"rules.yaml: rules[{RULE_INDEX['trigger_diet']}].id: id 'Trigger-Diet' must be "
            "lower_snake_case",
        ),
    ],
    ids=["rule", "question", "advice", "red_flag", "badly_formed"],
)
def test_a_duplicate_or_malformed_id_is_reported(content_copy, file, old, new, message):
    edit(content_copy, file, old, new)
    assert message in problems_of(content_copy)


# Paths through the questions


def test_a_question_no_rule_reads_cannot_be_reached(content_copy):
    edit(
        content_copy,
        "rules.yaml",
        'when: {fact: worried, is: ["yes", unsure]}',
        'when: {fact: pregnant, is: "yes"}',
    )
    assert problems_of(content_copy) == (
        "questions.yaml: worried: no path can reach it: no rule reads its facts",
    )


def test_a_question_whose_ask_if_reads_a_later_fact_cannot_be_reached(content_copy):
    edit(
        content_copy,
        "questions.yaml",
        "  fact: location\n",
        '  fact: location\n  ask_if: {fact: nerve_signs, is: "no"}\n',
    )
    assert (
        "questions.yaml: location.ask_if: no path can reach it: ['nerve_signs'] is never known "
        "before it" in problems_of(content_copy)
    )


def test_a_question_whose_ask_if_can_never_hold_cannot_be_reached(content_copy):
    edit(
        content_copy,
        "questions.yaml",
        "  fact: location\n",
        '  fact: location\n  ask_if: {fact: worried, is: "no"}\n',
    )
    assert problems_of(content_copy) == (
        "questions.yaml: location.ask_if: no path can reach it: no answer before it can make "
        "ask_if hold",
    )


def test_a_rule_reading_a_fact_nothing_provides_is_reported(content_copy):
    append(content_copy, "facts.yaml", "family_history: answer\n")
    append(content_copy, "texts/en.yaml", "fact.family_history: {any: Family history}\n")
    edit(
        content_copy,
        "rules.yaml",
        'when: {fact: trigger_alcohol, is: "yes"}',
        'when: {fact: family_history, is: "yes"}',
    )
    assert problems_of(content_copy) == (
        "rules.yaml: trigger_alcohol.when: reads 'family_history', which no question or slot "
        "value provides",
    )


# Dispositions, advice and red flags


def test_a_disposition_without_advice_is_reported(content_copy):
    edit(content_copy, "dispositions.yaml", "  advice: [self_care]", "  advice: []")
    assert problems_of(content_copy) == (
        "dispositions.yaml: self_care: disposition without advice",
        "advice.yaml: self_care: advice no disposition or rule uses",
    )


def test_advice_nothing_uses_is_reported(content_copy):
    edit(content_copy, "rules.yaml", "    advice: [tip_alcohol]\n", "")
    assert problems_of(content_copy) == (
        "advice.yaml: tip_alcohol: advice no disposition or rule uses",
    )


def test_a_red_flag_that_does_not_lead_to_emergency_is_reported(content_copy):
    edit(
        content_copy,
        "rules.yaml",
        "disposition: emergency",
        "disposition: contact_provider",
        after="id: rf_fever",
    )
    assert problems_of(content_copy) == (
        "red_flags.yaml: rf_fever: red flag does not lead to 'emergency': add a rule",
    )


def test_a_red_flag_inside_an_any_condition_counts(content_copy):
    edit(
        content_copy,
        "rules.yaml",
        'when: {fact: rf_fever, is: "yes"}',
        'when: {any: [{fact: rf_fever, is: "yes"}, {fact: rf_speech, is: "yes"}]}',
    )
    assert load_content(content_copy).red_flags


# Texts, persons, placeholders and locales


def test_a_text_missing_for_every_locale_is_reported_once_in_the_root_file(content_copy):
    edit(
        content_copy,
        "texts/en.yaml",
        "why.worried:\n  any: If the twitching worries you, that alone is a good reason to talk to"
        " a doctor.\n",
        "",
    )
    assert problems_of(content_copy) == (
        f"texts/en.yaml: why.worried: text missing for locales {LOCALES}",
    )


def test_a_text_missing_for_a_person_is_reported(content_copy):
    edit(content_copy, "texts/en.yaml", "  other: Is the twitching worrying you, or them?\n", "")
    assert problems_of(content_copy) == (
        "texts/en.yaml: question.worried: missing person ['other'] (has ['self'])",
    )


def test_a_text_with_any_and_self_is_reported(content_copy):
    edit(
        content_copy,
        "texts/en.yaml",
        "  other: Is the twitching worrying you, or them?\n",
        "  any: Is it worrying?\n",
    )
    assert problems_of(content_copy) == (
        "texts/en.yaml: question.worried: use either any, or self and other (has ['any', 'self'])",
    )


def test_an_unknown_placeholder_is_reported(content_copy):
    edit(
        content_copy,
        "texts/en.yaml",
        "Again, call {emergency_number} now.",
        "Again, call {emergncy_number} now.",
    )
    assert problems_of(content_copy) == (
        "texts/en.yaml: advice.call_emergency_again: unknown placeholder {emergncy_number}",
    )


def test_an_unknown_placeholder_in_an_override_names_the_override_file(content_copy):
    append(
        content_copy, "texts/en-GB.yaml", "advice.call_emergency_again: {any: 'Ring {numbr}.'}\n"
    )
    assert problems_of(content_copy) == (
        "texts/en-GB.yaml: advice.call_emergency_again: unknown placeholder {numbr}",
    )


def test_a_placeholder_filled_when_spoken_is_not_a_problem(content_copy):
    append(content_copy, "texts/en-GB.yaml", "answer.days: {any: '{days} days'}\n")
    assert load_content(content_copy).text("en-GB", "answer.days") == "{days} days"


def test_an_override_of_a_text_the_root_locale_lacks_is_reported(content_copy):
    edit(content_copy, "texts/en-GB.yaml", "advice.contact_provider:", "advice.contact_provder:")
    assert problems_of(content_copy) == (
        "texts/en-GB.yaml: advice.contact_provder: overrides no text of en (misspelt id?)",
    )


def test_a_fallback_cycle_is_reported_with_its_chain(content_copy):
    edit(content_copy, "locales.yaml", "fallback: en", "fallback: en-AU", after="en-GB:")
    edit(content_copy, "locales.yaml", "fallback: en", "fallback: en-GB", after="en-AU:")
    assert problems_of(content_copy) == (
        "locales.yaml: en-GB.fallback: fallback chain has a cycle: en-GB -> en-AU -> en-GB",
        "locales.yaml: en-AU.fallback: fallback chain has a cycle: en-AU -> en-GB -> en-AU",
    )


def test_a_fallback_to_an_unknown_locale_is_reported(content_copy):
    edit(content_copy, "locales.yaml", "fallback: en", "fallback: en-XX", after="en-GB:")
    assert problems_of(content_copy) == ("locales.yaml: en-GB.fallback: unknown locale 'en-XX'",)


def test_locales_without_a_single_root_are_reported(content_copy):
    edit(content_copy, "locales.yaml", "fallback: null", "fallback: en-US")
    assert "locales.yaml: (top): exactly one locale must have no fallback, found []" in problems_of(
        content_copy
    )


# Every problem at once


def test_every_problem_is_reported_not_only_the_first(content_copy):
    edit(
        content_copy,
        "rules.yaml",
        "disposition: contact_provider",
        "disposition: urgent_care",
        after="id: worried",
    )
    edit(content_copy, "rules.yaml", "advice: [tip_alcohol]", "advice: [tip_alcohool]")
    edit(content_copy, "questions.yaml", "slot_type: Trigger", "slot_type: Triggers")
    problems = problems_of(content_copy)
    assert "rules.yaml: worried.disposition: unknown disposition 'urgent_care'" in problems
    assert "rules.yaml: trigger_alcohol.advice: unknown advice 'tip_alcohool'" in problems
    assert "questions.yaml: triggers.slot_type: unknown slot type 'Triggers'" in problems
