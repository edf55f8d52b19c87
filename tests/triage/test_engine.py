"""The engine's flow: question order, volunteered facts, red flags, undo, explain, bad input."""

import ast
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

import skill.triage
from skill.triage import Engine, Outcome, Question, StateError, TriageState, load_content
from skill.triage.load import DEFAULT_CONTENT_DIR
from skill.triage.state import MAX_HISTORY

CONTENT = load_content(DEFAULT_CONTENT_DIR)
RED_FLAG_YES = [{flag: "yes"} for flag in CONTENT.red_flags]
NOT_RED = [
    (f"{slot_type}.{value}", sets)
    for slot_type, values in CONTENT.vocabulary.items()
    for value, sets in values.items()
    if not set(sets) & set(CONTENT.red_flags)
]
CONTACT_REASONS = {
    "weakness": {"weakness": "yes"},
    "stiffness": {"stiffness": "yes"},
    "muscle_wasting": {"muscle_wasting": "yes"},
    "sensation_change": {"sensation_change": "yes"},
    "long_duration": {"duration_days": 15},
    "multiple_places": {"multiple_places": "yes"},
    "eyelid_signs": {"lid_drooping": "yes"},
    "medicine": {"medicine": "yes"},
    "kidney_or_potassium": {"kidney_or_potassium": "yes"},
    "pregnant": {"pregnant": "yes"},
    "worried": {"worried": "yes"},
}
SCREEN = ("emergency_screen", "emergency_screen_more")
"""The safety check, in its two parts, asked before any other question."""


def answer_benignly(engine, state, count):
    """The state after answering the next `count` questions benignly."""
    for _ in range(count):
        step = engine.next_step(state)
        assert isinstance(step, Question)
        value = {"duration_days": 3, "location": "calf"}.get(step.fact, "no")
        state = engine.update(state, {step.fact: value})
    return state


def _benign_path():
    engine, state, asked = Engine(CONTENT), TriageState(), []
    while isinstance(step := engine.next_step(state), Question):
        asked.append(step.id)
        state = answer_benignly(engine, state, 1)
    return tuple(asked)


BENIGN_PATH = _benign_path()
"""The questions a short, harmless calf twitch is asked, in order."""


# Flow order


def test_the_first_question_is_the_emergency_screen(engine):
    step = engine.next_step(TriageState())
    assert isinstance(step, Question)
    assert step.id == "emergency_screen"


@pytest.mark.parametrize(("said", "facts"), NOT_RED, ids=[n for n, _ in NOT_RED])
def test_the_emergency_screen_comes_first_whatever_is_volunteered(talk, said, facts):
    assert talk(opening=facts).asked[0] == "emergency_screen"


def test_a_benign_path_asks_every_usual_question_in_content_order(talk, content):
    usual = tuple(q.id for q in content.questions if q.ask_if is None)
    result = talk()
    assert result.asked == usual
    assert result.outcome.disposition == "self_care"


@pytest.mark.parametrize("reason", CONTACT_REASONS)
def test_contact_provider_before_the_screen_gives_the_outcome_right_after_it(talk, reason):
    result = talk(opening=CONTACT_REASONS[reason])
    assert result.asked == SCREEN
    assert result.outcome.disposition == "contact_provider"
    assert result.outcome.reasons == (reason,)


def test_contact_provider_reached_mid_way_ends_the_questions(talk):
    result = talk({"duration": {"duration_days": 30}})
    assert result.asked == (*SCREEN, "location", "duration")
    assert result.outcome.disposition == "contact_provider"


def test_emergency_ends_the_questions_at_once(talk):
    result = talk({"emergency_screen": {"emergency_screen": "yes"}})
    assert result.asked == ("emergency_screen",)


def test_a_trigger_named_early_still_leaves_every_contact_question_to_ask(talk, content):
    result = talk(opening={"trigger_caffeine": "yes"})
    usual = tuple(q.id for q in content.questions if q.ask_if is None and q.id != "triggers")
    assert result.asked == usual
    assert result.outcome.triggers == ("trigger_caffeine",)


VOLUNTEERED = {"location": "eyelid", "duration_days": 2, "worried": "no", "trigger_sleep": "yes"}


@pytest.mark.parametrize("order", list(itertools.permutations(VOLUNTEERED)))
def test_volunteered_facts_in_any_order_skip_their_questions(engine, talk, order):
    screened = {"emergency_screen": "no", "emergency_screen_more": "no"}
    state = engine.update(TriageState(), screened)
    for fact in order:
        state = engine.update(state, {fact: VOLUNTEERED[fact]})
    result = talk(state=state)
    assert result.asked == ("eyelid_signs", "nerve_signs", "health_factors")
    assert result.outcome.triggers == ("trigger_sleep",)
    all_at_once = talk(opening={**screened, **VOLUNTEERED})
    assert all_at_once.asked == result.asked
    assert dict(all_at_once.state.facts) == dict(result.state.facts)


def test_several_facts_at_once_are_one_update(engine):
    state = engine.update(TriageState(), {"emergency_screen": "no", "location": "calf"})
    assert len(state.history) == 1
    assert engine.undo(state) == TriageState()


@pytest.mark.parametrize("option", ["weakness", "stiffness", "muscle_wasting", "sensation_change"])
def test_a_named_option_answers_its_choice_question(engine, option):
    state = answer_benignly(engine, TriageState(), BENIGN_PATH.index("nerve_signs"))
    step = engine.next_step(state)
    assert isinstance(step, Question)
    assert step.id == "nerve_signs"
    assert option in step.options
    after = engine.update(state, {option: "yes"})
    assert engine.answered(step, after.facts)
    assert "nerve_signs" not in after.facts


def test_an_option_set_to_no_does_not_answer_its_question(engine):
    state = answer_benignly(engine, TriageState(), BENIGN_PATH.index("nerve_signs"))
    state = engine.update(state, {"weakness": "no"})
    step = engine.next_step(state)
    assert isinstance(step, Question)
    assert step.id == "nerve_signs"


def test_every_question_of_the_unsure_screen_path_is_asked_once(talk, content):
    unsure_on_both_parts = {part: {part: "unsure"} for part in SCREEN}
    result = talk({**unsure_on_both_parts, "location": {"location": "eyelid"}})
    assert sorted(result.asked) == sorted(q.id for q in content.questions)


# Red flags on every update


@pytest.mark.parametrize("answered", range(len(BENIGN_PATH) + 1))
@pytest.mark.parametrize("flag", RED_FLAG_YES, ids=[next(iter(f)) for f in RED_FLAG_YES])
def test_a_red_flag_on_any_update_gives_the_emergency_at_once(engine, answered, flag):
    state = answer_benignly(engine, TriageState(), answered)
    if answered == len(BENIGN_PATH):
        assert isinstance(engine.next_step(state), Outcome)
    step = engine.next_step(engine.update(state, flag))
    assert isinstance(step, Outcome)
    assert step.disposition == "emergency"


def test_a_red_flag_outranks_every_other_fact(engine):
    facts = {"weakness": "yes", "trigger_caffeine": "yes", "duration_days": 40, "rf_fever": "yes"}
    outcome = engine.next_step(engine.update(TriageState(), facts))
    assert isinstance(outcome, Outcome)
    assert outcome.disposition == "emergency"
    assert outcome.reasons == ("rf_fever",)
    assert outcome.advice == ("call_emergency", "call_emergency_again")


# Undo


@pytest.mark.parametrize("answered", range(1, len(BENIGN_PATH) + 1))
def test_undo_restores_exactly_the_previous_state_and_asks_again(engine, answered):
    before = answer_benignly(engine, TriageState(), answered - 1)
    asked = engine.next_step(before)
    after = answer_benignly(engine, before, 1)
    undone = engine.undo(after)
    assert undone == before
    assert undone.to_json() == before.to_json()
    assert engine.next_step(undone) == asked


def test_undo_gives_back_an_overwritten_value(engine):
    state = engine.update(TriageState(), {"duration_days": 3})
    changed = engine.update(state, {"duration_days": 30, "worried": "yes"})
    assert engine.undo(changed) == state


def test_undo_without_history_changes_nothing(engine):
    assert engine.undo(TriageState()) == TriageState()


def test_an_update_that_changes_nothing_is_not_an_undo_step(engine):
    state = engine.update(TriageState(), {"emergency_screen": "no"})
    assert engine.update(state, {"emergency_screen": "no"}) is state


def test_history_keeps_only_the_last_updates(engine):
    state = TriageState()
    for days in range(MAX_HISTORY + 10):
        state = engine.update(state, {"duration_days": days})
    assert len(state.history) == MAX_HISTORY
    assert engine.undo(state).facts["duration_days"] == MAX_HISTORY + 8


# Explain


def test_explain_gives_every_reason_most_urgent_first(engine):
    facts = {"weakness": "yes", "rf_speech": "yes", "trigger_sleep": "yes", "worried": "unsure"}
    state = engine.update(TriageState(), facts)
    assert engine.explain(state) == ("rf_speech", "weakness", "worried")


def test_explain_is_empty_for_a_benign_twitch(talk, engine):
    result = talk({"triggers": {"trigger_stress": "yes"}})
    assert engine.explain(result.state) == ()


def test_explain_names_the_outcome_reasons(talk, engine):
    result = talk({"health_factors": {"pregnant": "yes"}})
    assert engine.explain(result.state) == result.outcome.reasons == ("pregnant",)


# Each rule on its own


def _facts_for(condition):
    if condition.any_of:
        return _facts_for(condition.any_of[0])
    if condition.over is not None:
        return {condition.fact: condition.over + 1}
    return {condition.fact: condition.values[0]}


@pytest.mark.parametrize("rule", CONTENT.rules, ids=lambda rule: rule.id)
def test_each_rule_alone_leads_to_its_disposition(talk, rule):
    result = talk(opening=_facts_for(rule.when))
    assert result.outcome.disposition == rule.disposition
    found = result.outcome.reasons if rule.kind == "reason" else result.outcome.triggers
    assert rule.id in found
    assert all(a in result.outcome.advice for a in rule.advice)


# Bad input


@pytest.mark.parametrize(
    "facts",
    [
        {"no_such_fact": "yes"},
        {"worried": "maybe"},
        {"worried": True},
        {"worried": 3},
        {"worried": None},
        {"duration_days": -1},
        {"duration_days": "3"},
        {"duration_days": 2.5},
        {"duration_days": "yes"},
        {"location": "banana"},
        {"location": 4},
        {"location": "yes"},
        {"emergency_screen": "no", "rf_speech": "loud"},
    ],
    ids=repr,
)
def test_update_rejects_unknown_facts_and_invalid_values(engine, facts):
    state = engine.update(TriageState(), {"emergency_screen": "no"})
    with pytest.raises(StateError):
        engine.update(state, facts)
    assert state.facts == {"emergency_screen": "no"}


@pytest.mark.parametrize(
    "facts",
    [
        {"location": "unsure"},
        {"duration_days": "unsure"},
        {"duration_days": 0},
        {"location": "more_than_one_place"},
        {"trigger_caffeine": "unsure"},
    ],
    ids=repr,
)
def test_update_accepts_not_sure_and_known_values(engine, facts):
    assert engine.update(TriageState(), facts).facts == facts


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "facts",
        {},
        {"facts": {}},
        {"facts": {}, "history": [], "extra": 1},
        {"facts": [], "history": []},
        {"facts": {"no_such_fact": "yes"}, "history": []},
        {"facts": {"worried": "maybe"}, "history": []},
        {"facts": {"worried": True}, "history": []},
        {"facts": {"worried": None}, "history": []},
        {"facts": {"duration_days": -3}, "history": []},
        {"facts": {"location": "banana"}, "history": []},
        {"facts": {"worried": ["yes"]}, "history": []},
        {"facts": {}, "history": {}},
        {"facts": {}, "history": ["worried"]},
        {"facts": {}, "history": [{"worried": "maybe"}]},
        {"facts": {}, "history": [{"no_such_fact": None}]},
        {"facts": {}, "history": [{}] * (MAX_HISTORY + 1)},
    ],
    ids=repr,
)
def test_from_json_rejects_malformed_states(content, data):
    with pytest.raises(StateError):
        TriageState.from_json(data, content)


def test_from_json_reads_back_what_to_json_wrote(talk, content, engine):
    state = talk({"duration": {"duration_days": "unsure"}}).state
    state = engine.update(state, {"location": "all_over", "multiple_places": "yes"})
    again = TriageState.from_json(json.loads(json.dumps(state.to_json())), content)
    assert again == state
    assert engine.undo(again) == engine.undo(state)


# Purity: no Alexa in the engine

TRIAGE_DIR = Path(skill.triage.__file__).parent


@pytest.mark.parametrize("source", sorted(TRIAGE_DIR.glob("*.py")), ids=lambda p: p.name)
def test_the_triage_package_never_imports_ask_sdk(source):
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = [
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        )
    ]
    assert not [name for name in imported if name.startswith("ask_sdk")]
    assert "ask_sdk" not in source.read_text(encoding="utf-8")


def test_importing_the_triage_package_loads_no_ask_sdk_module():
    code = "import sys, skill.triage; print([m for m in sys.modules if m.startswith('ask_sdk')])"
    root = TRIAGE_DIR.parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "[]"
