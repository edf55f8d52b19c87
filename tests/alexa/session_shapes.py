"""Hypothesis strategies for session attributes: the skill's own states, and hostile ones."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from skill.alexa.session import MAX_MISSES, PHASES, SIMPLE_PHASES, Phase, Session
from skill.triage import TriageState
from skill.triage.checks import allowed_value
from skill.triage.load import default_content
from skill.triage.model import ANSWERS, PERSONS

CONTENT = default_content()
FACTS = sorted(CONTENT.facts)
QUESTIONS = [q.id for q in CONTENT.questions]
PLACES = sorted(str(p) for p in CONTENT.places)
WORDS = sorted({*PHASES, *PERSONS, *QUESTIONS, *FACTS, *ANSWERS, *SIMPLE_PHASES, *PLACES})
"""Strings the state is made of, to put where they do not belong."""


def fact_value(fact: str) -> st.SearchStrategy[Any]:
    """A value the content allows for a fact (words of the content, or days)."""
    listed = st.sampled_from([v for v in WORDS if allowed_value(CONTENT, fact, v)])
    return listed | st.integers(0, 100_000) if allowed_value(CONTENT, fact, 1) else listed


def facts(*, with_none: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Facts with allowed values (None too, as in history entries)."""
    none = st.none() if with_none else st.nothing()
    pair = st.one_of([st.tuples(st.just(f), fact_value(f) | none) for f in FACTS])
    return st.lists(pair, max_size=6).map(dict)


FACTS_KNOWN = facts()
HISTORY_ENTRY = facts(with_none=True)


@st.composite
def own_states(draw: st.DrawFn) -> dict[str, Any]:
    """Attributes as the skill writes them, from any mix of valid fields (a simpler form is
    only ever of what is pending)."""
    phase = draw(st.sampled_from(list(Phase)))
    question = draw(st.sampled_from(QUESTIONS)) if phase is Phase.ASKING else None
    pending = question or (phase.value if phase.value in SIMPLE_PHASES else None)
    history = draw(st.lists(HISTORY_ENTRY, max_size=4))
    session = Session(
        phase=phase,
        person=draw(st.sampled_from(PERSONS)),
        state=TriageState(facts=draw(FACTS_KNOWN), history=tuple(history)),
        question=question,
        clarified=draw(st.none() | st.sampled_from(QUESTIONS)),
        intro=draw(st.booleans()),
        slow=draw(st.booleans()),
        last_speech=draw(st.text(max_size=40)),
        last_reprompt=draw(st.text(max_size=40)),
        misses=draw(st.integers(0, MAX_MISSES)),
        simple=draw(st.sampled_from([None, pending])),
        male=draw(st.none() | st.booleans()),
    )
    return session.to_attributes()


def nested(depth: int, kind: str, leaf: Any) -> Any:
    """A leaf inside `depth` levels of dicts, lists, or both in turn."""
    value = leaf
    for level in range(depth):
        as_list = kind == "list" or (kind == "mixed" and level % 2 == 1)
        value = [value] if as_list else {"phase": value}
    return value


SWAPPED = st.sampled_from(
    [True, False, 0, 1, 2, -1, 4, 1.0, 0.5, "1", "true", "", None, [], {}, 2**64, -(2**70)]
)
"""Wrong types: bool where int and int where bool, numbers as text, empty containers."""
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(WORDS)
    | SWAPPED
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.sampled_from(WORDS), inner, max_size=4)
    ),
    max_leaves=12,
)
DEEP = st.builds(
    nested,
    st.integers(1, 1200),
    st.sampled_from(["dict", "list", "mixed"]),
    SCALARS | st.sampled_from(WORDS),
)
HUGE = st.builds(
    lambda size, char: char * size,
    st.integers(7_000, 1_100_000),
    st.sampled_from(["a", "&", "é", "<", "'"]),
)
HOSTILE = JUNK | DEEP | HUGE | SWAPPED | st.sampled_from(WORDS).map(lambda w: [w])
"""Any value, to put anywhere."""

PATHS = [
    ("phase",),
    ("person",),
    ("triage",),
    ("triage", "facts"),
    ("triage", "history"),
    ("triage", "history", 0),
    ("question",),
    ("clarified",),
    ("intro",),
    ("slow",),
    ("last",),
    ("last", "speech"),
    ("last", "reprompt"),
    ("misses",),
    ("simple",),
    ("male",),
    *(("triage", "facts", fact) for fact in FACTS),
]


def put(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A copy of the skill's own attributes with a value at a path (a list index past the end
    appends)."""
    result = copy.deepcopy(data)
    node: Any = result
    for key in path[:-1]:
        node = node[key]
    if isinstance(node, list) and path[-1] >= len(node):
        node.append(value)
    else:
        node[path[-1]] = value
    return result


@st.composite
def broken_states(draw: st.DrawFn) -> Any:
    """The skill's own attributes with one thing wrong: a hostile value at some path, a field
    missing or added, an unknown fact, an invalid value, a history too long."""
    base = draw(own_states())
    how = draw(st.sampled_from(["put", "drop", "add", "unknown_fact", "bad_value", "long_history"]))
    if how == "put":
        return put(base, draw(st.sampled_from(PATHS)), draw(HOSTILE))
    if how == "drop":
        base.pop(draw(st.sampled_from(sorted(base))))
        return base
    if how == "add":
        return put(base, (draw(st.text(max_size=8) | st.sampled_from(WORDS)),), draw(HOSTILE))
    if how == "unknown_fact":
        fact = draw(st.text(min_size=1, max_size=12).filter(lambda f: f not in CONTENT.facts))
        if draw(st.booleans()):
            return put(base, ("triage", "facts", fact), draw(SCALARS))
        return put(base, ("triage", "history", 0), {fact: draw(SCALARS)})
    if how == "bad_value":
        fact = draw(st.sampled_from(FACTS))
        value = draw(SCALARS)
        return put(
            base,
            ("triage", "facts", fact),
            [value] if allowed_value(CONTENT, fact, value) else value,
        )
    entry = draw(HISTORY_ENTRY)
    return put(base, ("triage", "history"), [entry] * draw(st.integers(65, 400)))


ATTRIBUTES = own_states() | broken_states() | HOSTILE
"""Session attributes of every kind: the skill's own, one thing wrong, or anything at all."""
