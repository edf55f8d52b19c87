"""Each corpus line said at its point of a simulated conversation, and what came of it."""

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skill.evaluation.corpus import Line
from skill.handler import SkillHandler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.resolver import Resolver
from skill.triage import Content

SIGNS = (
    "rf_consciousness",
    "rf_speech",
    "rf_fever",
    "rf_one_sided_weakness",
    "rf_paralysis",
    "rf_breathing_swallowing",
    "rf_overdose",
)
FIRST_PART = 3
LATER_SIGNS = {"eyelid_signs": ["my eyelid", "three days"]}
"""Sign questions asked after the safety check, and the plain answers that reach them."""
"""Signs asked about in the first part of the safety check; the rest in the second."""
ANSWERED = {"safety": "emergency_screen", "worried": "worried"}
LISTS = {"nerve_signs": "nerve_signs", "health_factors": "health_factors", "triggers": "triggers"}
Outcome = Callable[[dict[str, Any]], dict[str, Any] | None]


def prefix(point: str, person: str | None, sign: str | None) -> list[str]:
    """What a user says, plainly, to reach a point of the conversation."""
    who = "it's for my mother" if person == "other" else "it's for me"
    steps = {
        "who_for": ["open muscle twitch helper"],
        "safety": ["open muscle twitch helper", who],
    }
    if point in steps:
        return steps[point]
    if point == "one_shot":
        return []
    if point == "sign" and sign in LATER_SIGNS:
        return [*steps["safety"], "no", "no", *LATER_SIGNS[sign]]
    if point == "sign":
        index = SIGNS.index(sign or SIGNS[0])
        if index < FIRST_PART:
            return [*steps["safety"], "not sure", *["no"] * index]
        return [*steps["safety"], "no", "not sure", *["no"] * (index - FIRST_PART)]
    order = ["location", "duration", "nerve_signs", "health_factors", "worried", "triggers"]
    said = ["no", "no", "my calf", "three days", "no", "none of those", "no", "none"]
    reached = len(order) if point == "offer" else order.index(point)
    return [*steps["safety"], *said[: reached + 2]]


EXPECTED_QUESTION = {
    "safety": "emergency_screen",
    "location": "location",
    "duration": "duration",
    "nerve_signs": "nerve_signs",
    "health_factors": "health_factors",
    "worried": "worried",
    "triggers": "triggers",
}


@dataclass(frozen=True)
class Result:
    """What the skill made of one line."""

    line: Line
    intent: str
    emergency: bool
    understood: bool
    facts_ok: bool
    answer_ok: bool
    person_ok: bool
    speech: str
    facts: dict[str, Any]


class Runner:
    """Replays lines at their points, reaching each point once and copying its session."""

    def __init__(
        self, handler: SkillHandler, content: Content, outcome: Outcome, locale: str = "en-US"
    ) -> None:
        self.handler, self.content, self.outcome, self.locale = handler, content, outcome, locale
        self.resolver = Resolver.from_file(model_path(locale))
        self.reached: dict[tuple[str, ...], tuple[dict[str, Any], bool]] = {}
        self.misses = tuple(
            content.text(locale, text_id, person)
            for text_id in ("ui.fallback", "ui.give_up")
            for person in ("self", "other")
        )

    def simulator(self, said: list[str]) -> Simulator:
        """A simulator whose session has heard `said` (reached once, then copied)."""
        key = tuple(said)
        if key not in self.reached:
            sim = Simulator(
                self.handler,
                self.resolver,
                Session(SIMULATED_SKILL_ID, self.locale),
                self.outcome,
            )
            for line in said:
                sim.say(line)
            self.reached[key] = (sim.session.attributes, sim.session.new)
        attributes, new = self.reached[key]
        session = Session(SIMULATED_SKILL_ID, self.locale)
        session.attributes, session.new = copy.deepcopy(attributes), new
        return Simulator(self.handler, self.resolver, session, self.outcome)

    def check_reached(self, point: str, sign: str | None) -> None:
        """Fail loudly when the plain lines do not reach the point (the harness is wrong)."""
        sim = self.simulator(prefix(point, None, sign))
        attributes = sim.session.attributes
        wanted = sign if point == "sign" else EXPECTED_QUESTION.get(point)
        if point == "offer":
            if attributes.get("phase") != "offer":
                raise RuntimeError("the plain answers did not reach the doctor offer")
        elif wanted is not None and attributes.get("question") != wanted:
            raise RuntimeError(f"the plain answers did not reach {point}: {attributes}")

    def run(self, line: Line) -> Result:
        """Say one line at its point."""
        sim = self.simulator(prefix(line.point, line.person, line.sign))
        sim.session.now = line.at
        record = sim.say(line.utterance)
        attributes = sim.session.attributes
        facts = _facts(attributes)
        speech: str = record["speech"]
        emergency = (record["outcome"] or {}).get("disposition") == "emergency"
        return Result(
            line=line,
            intent=str(record["intent"] or record["request"]),
            emergency=emergency,
            understood=not any(miss in speech for miss in self.misses),
            facts_ok=all(facts.get(f) == v for f, v in line.facts.items()),
            answer_ok=_answer_ok(line, record, facts, emergency, self.content, self.locale),
            person_ok=line.person is None or attributes.get("person") == line.person,
            speech=speech,
            facts=facts,
        )


def _facts(attributes: dict[str, Any]) -> dict[str, Any]:
    triage = attributes.get("triage") or {}
    facts = triage.get("facts") if isinstance(triage, dict) else None
    return facts if isinstance(facts, dict) else {}


def _answer_ok(
    line: Line,
    record: dict[str, Any],
    facts: dict[str, Any],
    emergency: bool,
    content: Content,
    locale: str,
) -> bool:
    """Whether the line's yes, no or not sure was taken as the answer it gives."""
    answer = line.answer
    if answer is None:
        return True
    if answer == "yes" and line.emergency:
        return emergency
    fact = ANSWERED.get(line.point) or (line.sign if line.point == "sign" else None)
    if fact is not None:
        return facts.get(fact) == answer
    if line.point in LISTS:
        question = content.question(LISTS[line.point])
        if answer == "yes":
            named = any(facts.get(o) == "yes" for o in question.options)
            return named or facts.get(question.fact) == "yes" or "which" in record["speech"].lower()
        return facts.get(question.fact) == answer
    if line.point == "offer":
        intro = content.text(locale, "ui.doctor_intro")
        return (intro in record["speech"]) == (answer == "yes") and record["end_session"]
    return True
