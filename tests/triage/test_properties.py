"""Properties of the engine over random conversations: safety, monotony, length, state."""

import json
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from skill.triage import Engine, Outcome, Question, TriageState, load_content
from skill.triage.load import DEFAULT_CONTENT_DIR
from skill.triage.model import ANSWERS, FactType, FactValue

CONTENT = load_content(DEFAULT_CONTENT_DIR)
ENGINE = Engine(CONTENT)
RANK = {d.id: d.rank for d in CONTENT.dispositions}
EMERGENCY = CONTENT.dispositions[0].id
SLOT_VALUES = [dict(sets) for values in CONTENT.vocabulary.values() for sets in values.values()]
BENIGN_SLOT_VALUES = [s for s in SLOT_VALUES if not set(s) & set(CONTENT.red_flags)]
PLACES = sorted({str(s["location"]) for s in SLOT_VALUES if "location" in s} | {"unsure"})

EXAMPLES = settings(max_examples=250, deadline=None)


def _leaves(condition):
    if condition.any_of:
        for part in condition.any_of:
            yield from _leaves(part)
    elif condition.over is not None:
        yield condition.fact, condition.over + 1
    else:
        yield from ((condition.fact, value) for value in condition.values)


CONCERNING = sorted({leaf for rule in CONTENT.rules for leaf in _leaves(rule.when)}, key=str)
"""(fact, value) pairs that make some rule hold."""


def fact_values(fact: str) -> st.SearchStrategy[FactValue]:
    """Any value a fact of this type can take."""
    kind = CONTENT.facts[fact]
    if kind is FactType.ANSWER:
        return st.sampled_from(["no"] * 8 + list(ANSWERS))
    if kind is FactType.DAYS:
        return st.sampled_from([0, 2, 7, 14, 15, 30, 400, "unsure"]) | st.integers(0, 800)
    return st.sampled_from(PLACES)


def answers_to(question: Question) -> st.SearchStrategy[dict[str, FactValue]]:
    """What a user can say to a question: its fact, named options, or one of its slot values."""
    by_fact = fact_values(question.fact).map(lambda v: {question.fact: v})
    choices = [by_fact, by_fact]
    if question.options:
        named = st.lists(st.sampled_from(question.options), min_size=1, unique=True)
        choices.append(named.map(lambda names: dict.fromkeys(names, "yes")))
    if question.slot_type is not None:
        slot = [dict(s) for s in CONTENT.vocabulary[question.slot_type].values()]
        choices.append(st.sampled_from(slot))
    return st.one_of(choices)


@st.composite
def volunteered(draw: st.DrawFn) -> dict[str, FactValue]:
    """Facts said out of the blue: mostly none, sometimes a harmless one, now and then any."""
    roll = draw(st.integers(min_value=0, max_value=9))
    if roll < 6:
        return {}
    return dict(draw(st.sampled_from(BENIGN_SLOT_VALUES if roll < 9 else SLOT_VALUES)))


@st.composite
def replies(draw: st.DrawFn, question: Question) -> dict[str, FactValue]:
    """An answer to the question, sometimes with other facts volunteered along with it."""
    return {**draw(volunteered()), **draw(answers_to(question))}


@dataclass(frozen=True)
class Step:
    """One turn: the state before, what was said, and the state after."""

    before: TriageState
    said: dict[str, FactValue]
    after: TriageState


@dataclass(frozen=True)
class Conversation:
    """A whole random conversation."""

    asked: tuple[str, ...]
    steps: tuple[Step, ...]
    outcome: Outcome
    state: TriageState


def converse(data: st.DataObject) -> Conversation:
    """Talk until the outcome, drawing each reply; give up after twice the question count."""
    state = TriageState()
    state = ENGINE.update(state, data.draw(volunteered(), label="opening"))
    asked: list[str] = []
    steps: list[Step] = []
    for _ in range(2 * len(CONTENT.questions)):
        step = ENGINE.next_step(state)
        if isinstance(step, Outcome):
            return Conversation(tuple(asked), tuple(steps), step, state)
        asked.append(step.id)
        said = data.draw(replies(step), label=step.id)
        after = ENGINE.update(state, said)
        steps.append(Step(state, said, after))
        state = after
    raise AssertionError(f"no outcome after {asked}")


def has_red_flag(state: TriageState) -> bool:
    return any(state.facts.get(flag) == "yes" for flag in CONTENT.red_flags)


@EXAMPLES
@given(st.data())
def test_any_red_flag_yes_means_emergency_at_once(data):
    talk = converse(data)
    for step in talk.steps:
        if has_red_flag(step.after):
            outcome = ENGINE.next_step(step.after)
            assert isinstance(outcome, Outcome)
            assert outcome.disposition == EMERGENCY
    assert (talk.outcome.disposition == EMERGENCY) == has_red_flag(talk.state)


@EXAMPLES
@given(st.data(), st.sampled_from(CONCERNING))
def test_adding_a_concerning_fact_never_lowers_the_disposition(data, concerning):
    talk = converse(data)
    fact, value = concerning
    for state in [*(s.before for s in talk.steps), talk.state]:
        if state.facts.get(fact) not in (None, "no"):
            continue
        before = RANK[ENGINE.outcome(state).disposition]
        after = RANK[ENGINE.outcome(ENGINE.update(state, {fact: value})).disposition]
        assert after <= before


@EXAMPLES
@given(st.data())
def test_every_path_ends_within_as_many_questions_as_the_content_has(data):
    talk = converse(data)
    assert len(talk.asked) <= len(CONTENT.questions)
    assert len(set(talk.asked)) == len(talk.asked), "no question is asked twice"
    assert talk.asked[:1] in [("emergency_screen",), ()]


@EXAMPLES
@given(st.data())
def test_the_state_round_trips_through_json_unchanged(data):
    talk = converse(data)
    for state in [*(s.after for s in talk.steps), talk.state]:
        again = TriageState.from_json(json.loads(json.dumps(state.to_json())), CONTENT)
        assert again == state
        assert again.to_json() == state.to_json()


@EXAMPLES
@given(st.data())
def test_undo_after_an_update_gives_back_the_same_facts(data):
    talk = converse(data)
    for step in talk.steps:
        if step.after is step.before:
            continue
        undone = ENGINE.undo(step.after)
        assert dict(undone.facts) == dict(step.before.facts)
        assert ENGINE.next_step(undone) == ENGINE.next_step(step.before)


@EXAMPLES
@given(st.data())
def test_every_outcome_can_be_said_in_every_locale(data):
    outcome = converse(data).outcome
    disposition = CONTENT.disposition(outcome.disposition)
    start = outcome.advice.index(disposition.advice[0])
    said_first = {
        a for r in CONTENT.rules if r.disposition == disposition.id for a in r.advice_first
    }
    assert set(outcome.advice[:start]) <= said_first
    assert outcome.advice[start : start + len(disposition.advice)] == disposition.advice
    assert outcome.advice[-len(disposition.closing) :] == disposition.closing
    assert len(set(outcome.advice)) == len(outcome.advice)
    ids = [f"advice.{a}" for a in outcome.advice]
    ids += [f"reason.{r}" for r in (*outcome.reasons, *outcome.triggers)]
    for texts in CONTENT.texts.values():
        assert all(text_id in texts for text_id in ids)
    if outcome.disposition != CONTENT.dispositions[-1].id:
        assert outcome.reasons, "an urgent outcome always says why"
