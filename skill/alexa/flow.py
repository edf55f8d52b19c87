"""The triage conversation: launch, who it is for, answers, and asking the next question."""

from collections.abc import Mapping

from skill.alexa.outcomes import doctor_questions, reply_outcome
from skill.alexa.session import Phase, Session
from skill.alexa.turn import Reply, Turn
from skill.triage import Question, TriageState
from skill.triage.model import FactValue, QuestionKind

FREE_ANSWER_KINDS = (QuestionKind.DURATION, QuestionKind.LOCATION)
"""Kinds a bare yes or no cannot answer (only "not sure" can)."""


def advance(turn: Turn, *prefix: str) -> Reply:
    """Ask the engine's next question, or give the outcome."""
    step = turn.engine.next_step(turn.session.state)
    if not isinstance(step, Question):
        return reply_outcome(turn, step, *prefix)
    turn.session.phase = Phase.ASKING
    turn.session.question = step.id
    return turn.ask(*prefix, reprompt=turn.say(f"question.{step.id}"))


def restate(turn: Turn, *prefix: str) -> Reply:
    """Say the prefix, then the pending question in full (or move on if nothing is pending)."""
    phase, question = turn.session.phase, turn.question()
    if phase is Phase.WHO_FOR:
        return turn.ask(*prefix, reprompt=turn.say("ui.who_for"))
    if phase is Phase.OFFER:
        return turn.ask(*prefix, reprompt=turn.say("ui.doctor_offer"))
    if phase is Phase.START_OFFER:
        return turn.ask(*prefix, reprompt=turn.say("ui.offer_start"))
    if question is not None:
        return turn.ask(*prefix, reprompt=turn.say(f"question.{question.id}"))
    return advance(turn, *prefix)


def launch(turn: Turn) -> Reply:
    """Disclaimer (added when the reply is finished), then who the questions are about."""
    turn.session = Session(phase=Phase.WHO_FOR, slow=turn.session.slow)
    return restate(turn)


def emergency(turn: Turn) -> Reply:
    """A red flag was heard: record what was said and give the emergency answer now."""
    if turn.heard.person is not None:
        turn.session.person = turn.heard.person
    state = turn.engine.update(turn.session.state, turn.heard.facts)
    turn.session.state = state
    return reply_outcome(turn, turn.engine.outcome(state))


def describe(turn: Turn) -> Reply:
    """One-shot description (where, how long, for whom): take it and go on, skipping who-for."""
    if turn.heard.person is not None:
        turn.session.person = turn.heard.person
    turn.session.state = turn.engine.update(turn.session.state, turn.heard.facts)
    return advance(turn)


def who_for(turn: Turn) -> Reply:
    """Set who the conversation is about; the wording switches from then on."""
    if turn.heard.person is None:
        return restate(turn, turn.say("ui.help.who_for"))
    changed = turn.heard.person != turn.session.person
    turn.session.person = turn.heard.person
    if turn.session.phase in (Phase.NEW, Phase.WHO_FOR, Phase.START_OFFER):
        return advance(turn)
    if changed and turn.session.state.facts:
        # Answers given about one person say nothing about another: ask again, safety first.
        turn.session.state = TriageState()
        turn.session.clarified = None
        return advance(turn, turn.say("ui.person_changed"))
    return restate(turn, turn.say("ui.person_set"))


def answer(turn: Turn) -> Reply:
    """An answer intent: take every fact it carries, else hint at what the question accepts."""
    if turn.heard.person is not None:
        turn.session.person = turn.heard.person
    if not turn.heard.facts:
        if turn.heard.unclear_symptom:
            return restate(turn, turn.say("ui.symptom_unclear"))
        return hint(turn)
    if means_none(turn, turn.heard.facts):
        return reply_to(turn, "no")
    return take(turn, turn.heard.facts)


def means_none(turn: Turn, facts: Mapping[str, FactValue]) -> bool:
    """ "None of those" heard as another question's "none": a no to the pending question."""
    pending = turn.question()
    if pending is None or pending.fact in facts or set(facts.values()) != {"no"}:
        return False
    return set(facts) <= {q.fact for q in turn.content.questions if q.kind is QuestionKind.CHOICE}


def take(turn: Turn, facts: Mapping[str, FactValue], *prefix: str) -> Reply:
    """Record facts, then ask what is still needed (acknowledging facts for another question)."""
    session, pending = turn.session, turn.question()
    before = session.state
    session.state = turn.engine.update(before, facts)
    if session.phase in (Phase.WHO_FOR, Phase.START_OFFER) or (
        session.phase is Phase.OFFER and session.state == before
    ):
        return restate(turn, turn.say("ui.noted"))
    step = turn.engine.next_step(session.state)
    if pending is not None and step == pending:
        return restate(turn, *prefix, turn.say("ui.noted"))
    if isinstance(step, Question) and pending is not None and one_at_a_time(pending, step, facts):
        prefix = (*prefix, turn.say("ui.one_at_a_time"))
    return advance(turn, *prefix)


def one_at_a_time(answered: Question, following: Question, facts: Mapping[str, FactValue]) -> bool:
    """Whether "not sure" opened questions that go through the signs one by one."""
    return (
        facts.get(answered.fact) == "unsure"
        and answered.ask_if is None
        and following.ask_if is not None
        and answered.fact in following.ask_if.facts()
    )


def accepts(turn: Turn) -> str | None:
    """What the pending question accepts, in words (None when nothing is pending)."""
    question = turn.question()
    if question is not None:
        return turn.say(f"ui.help.{question.kind.value}")
    if turn.session.phase in (Phase.WHO_FOR, Phase.OFFER, Phase.START_OFFER):
        return turn.say(f"ui.help.{turn.session.phase.value}")
    return None


def hint(turn: Turn) -> Reply:
    """Nothing usable for the pending question: say what it accepts, then restate it."""
    text = accepts(turn)
    return restate(turn, text) if text else restate(turn)


def reply_to(turn: Turn, value: str) -> Reply:
    """A bare yes, no or not sure, read against what was asked."""
    phase, question = turn.session.phase, turn.question()
    if phase in (Phase.OFFER, Phase.START_OFFER) and value in ("yes", "no"):
        if value == "no":
            return turn.end(turn.say("ui.goodbye"))
        return doctor_questions(turn) if phase is Phase.OFFER else begin(turn)
    if question is None or phase is not Phase.ASKING:
        return hint(turn)
    if question.kind in FREE_ANSWER_KINDS and value != "unsure":
        return hint(turn)
    if value == "yes" and needs_naming(turn, question):
        turn.session.clarified = question.id
        return Reply(
            speech=(turn.say("ui.which_ones"),), reprompt=turn.say(f"question.{question.id}")
        )
    return take(turn, {question.fact: value})


def needs_naming(turn: Turn, question: Question) -> bool:
    """A first bare "yes" to a choice question whose options only pick advice tips."""
    if question.kind is not QuestionKind.CHOICE or turn.session.clarified == question.id:
        return False
    lowest = turn.content.dispositions[-1].id
    rules = [r for r in turn.content.rules if r.when.facts() & question.facts()]
    return bool(rules) and all(r.disposition == lowest for r in rules)


def begin(turn: Turn) -> Reply:
    """Start the questions after an info topic: who it is for first."""
    turn.session.phase = Phase.WHO_FOR
    return restate(turn)


def yes(turn: Turn) -> Reply:
    """AMAZON.YesIntent."""
    return reply_to(turn, "yes")


def no(turn: Turn) -> Reply:
    """AMAZON.NoIntent."""
    return reply_to(turn, "no")


def unsure(turn: Turn) -> Reply:
    """UnsureIntent."""
    return reply_to(turn, "unsure")
