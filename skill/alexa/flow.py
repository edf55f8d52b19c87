"""The triage conversation: launch, who it is for, answers, and asking the next question."""

from collections.abc import Mapping

from skill.alexa import follow_up
from skill.alexa.outcomes import doctor_questions, reply_outcome
from skill.alexa.session import SIMPLE_PHASES, Phase
from skill.alexa.turn import Reply, Turn
from skill.triage import Question, TriageState
from skill.triage.model import FactValue, QuestionKind

FREE_ANSWER_KINDS = (QuestionKind.DURATION, QuestionKind.LOCATION)
"""Kinds a bare yes or no cannot answer (only "not sure" can)."""
START_PHASES = (Phase.NEW, Phase.WHO_FOR, Phase.START_OFFER)
MALE_FACT = "male"


def advance(turn: Turn, *prefix: str) -> Reply:
    """Ask the engine's next question, or give the outcome."""
    step = turn.engine.next_step(turn.session.state)
    if not isinstance(step, Question):
        return reply_outcome(turn, step, *prefix)
    if turn.session.question != step.id:
        turn.session.misses = 0
        turn.session.simple = None
    turn.session.phase = Phase.ASKING
    turn.session.question = step.id
    return turn.ask(*prefix, turn.say(f"question.{step.id}"), reprompt=turn.short())


def restate(turn: Turn, *prefix: str) -> Reply:
    """Say the prefix, then what is pending, in full (or move on if nothing is pending)."""
    phase, question = turn.session.phase, turn.question()
    if turn.session.simple is not None:
        return turn.ask(*prefix, turn.simple_form(), reprompt=turn.simple_form())
    if phase is Phase.WHO_FOR:
        return turn.ask(*prefix, turn.say("ui.who_for"), reprompt=turn.short())
    if phase is Phase.OFFER:
        return turn.ask(*prefix, turn.say("ui.doctor_offer"), reprompt=turn.short())
    if phase is Phase.START_OFFER:
        return turn.ask(*prefix, turn.say("ui.offer_start"), reprompt=turn.short())
    if phase is Phase.REMIND:
        return follow_up.offer(turn, *prefix)
    if question is not None:
        return turn.ask(*prefix, turn.say(f"question.{question.id}"), reprompt=turn.short())
    return advance(turn, *prefix)


def reask(turn: Turn, *prefix: str) -> Reply:
    """Say the prefix, then the pending question in its short form."""
    if turn.session.simple is not None:
        return turn.ask(*prefix, turn.simple_form(), reprompt=turn.simple_form())
    if turn.session.phase in (Phase.ENDED, Phase.NEW):
        return restate(turn, *prefix)
    return turn.ask(*prefix, turn.short(), reprompt=turn.short())


def launch(turn: Turn) -> Reply:
    """Disclaimer (added when the reply is finished), then who the questions are about. A
    launch inside a conversation that is going on carries on with it."""
    if turn.session.phase in (
        Phase.ASKING,
        Phase.WHO_FOR,
        Phase.OFFER,
        Phase.START_OFFER,
        Phase.REMIND,
    ):
        return reask(turn)
    turn.session.phase = Phase.WHO_FOR
    turn.session.question = None
    return restate(turn)


def emergency(turn: Turn) -> Reply:
    """A red flag was heard: record what was said and give the emergency answer now, worded
    for whoever the line says has the sign ("my husband is slurring his words")."""
    if turn.heard.person is not None:
        turn.session.person = turn.heard.person
    turn.session.simple = None
    facts = {f: v for f, v in turn.heard.facts.items() if turn.valid(f, v)}
    state = turn.engine.update(turn.session.state, facts)
    turn.session.state = state
    return reply_outcome(turn, turn.engine.outcome(state))


def person_heard(turn: Turn) -> bool:
    """Take who the line says it is about; True when that changed who the answers were for
    (the answers given so far are then cleared: they say nothing about another person)."""
    heard, session = turn.heard, turn.session
    if heard.person is None:
        return False
    starting = session.phase in START_PHASES
    if not heard.person_named and not starting:
        # "His calf" about "someone else": a pronoun tells a man, when nothing had told it yet.
        if heard.person == session.person == "other" and session.male is None and heard.male:
            session.male = True
            note_male(turn)
        return False
    changed = heard.person != session.person
    session.person = heard.person
    cleared = changed and not starting and bool(session.state.facts)
    if cleared:
        session.state = TriageState()
        session.clarified = None
        session.simple = None
        session.male = None
    if heard.male is not None or changed:
        session.male = heard.male if heard.person == "other" else None
        note_male(turn)
    return cleared


def note_male(turn: Turn) -> None:
    """Keep whether the person is male as a fact the content can read (no pregnancy
    question for a man)."""
    male = turn.session.male
    value = None if male is None else ("yes" if male else "no")
    facts = turn.session.state.facts
    if value is not None and facts.get(MALE_FACT) != value and turn.valid(MALE_FACT, value):
        turn.session.state = turn.engine.update(turn.session.state, {MALE_FACT: value})


def heard(turn: Turn) -> Reply:
    """Any intent with words: what they say, whatever the intent that carried them."""
    heard_now, session = turn.heard, turn.session
    if person_heard(turn):
        return advance(turn, turn.say("ui.person_changed"))
    facts = {f: v for f, v in heard_now.facts.items() if turn.valid(f, v)}
    if session.phase in START_PHASES and (facts or heard_now.person is not None):
        return opening(turn, facts)
    if session.simple is not None and heard_now.answer is not None and not facts:
        return reply_to(turn, heard_now.answer)
    if facts:
        if session.phase is Phase.ASKING and means_none(turn, facts):
            return reply_to(turn, "no")
        # "I'm worried it's ALS": the worry is noted and the question answered too.
        topic = heard_now.topic
        return take(turn, facts, *((turn.say(f"info.{topic}"),) if topic is not None else ()))
    if heard_now.topic is not None:
        return info_topic(turn, heard_now.topic)
    if heard_now.answer is not None:
        return reply_to(turn, heard_now.answer)
    reading = heard_now.reading
    if (reading.hypothetical or reading.asks) and not session.misses:
        # A question back ("what if she faints?", "why does it matter where?") is answered with
        # why the question is asked, once; any more questions go up the repair ladder, so that
        # questions alone cannot loop.
        question = turn.question()
        session.misses = 1
        if question is not None:
            return restate(turn, turn.say(f"why.{question.id}"))
        return info_topic(turn, "when_to_call")
    if heard_now.person_named and not session.misses:
        # Who it is for, said again ("it's my father"): acknowledged once, and counted on the
        # repair ladder so that naming alone cannot loop.
        session.misses = 1
        return restate(turn, turn.say("ui.person_set"))
    if heard_now.reading.past and not session.misses:
        # Only history ("she's always a bit muddled, that's normal for her"): heard, and
        # counted on the repair ladder so that history alone cannot loop.
        session.misses = 1
        return restate(turn, turn.say("ui.noted"))
    return miss(turn)


def tapped(turn: Turn) -> Reply:
    """A button pressed on a screen: what saying its answer does (a yes, no or not sure as those
    intents; a person, place, duration or option as words naming it)."""
    answer = turn.heard.answer
    if answer is not None and not turn.heard.facts and turn.heard.person is None:
        return reply_to(turn, answer)
    return heard(turn)


def opening(turn: Turn, facts: Mapping[str, FactValue]) -> Reply:
    """Words at the start (a one-shot, or the answer to who it is for): take what they say; ask
    who it is for first when they do not say."""
    session = turn.session
    before = session.state
    session.state = turn.engine.update(session.state, facts)
    if turn.heard.person is None and session.phase is not Phase.NEW:
        session.phase = Phase.WHO_FOR
        if session.state == before:
            return miss(turn)
        session.misses = 0
        return restate(turn, turn.say("ui.noted"))
    if turn.heard.person is None:
        session.phase = Phase.WHO_FOR
        return restate(turn)
    return advance(turn)


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
        session.phase in (Phase.OFFER, Phase.REMIND) and session.state == before
    ):
        return restate(turn, turn.say("ui.noted"))
    if session.simple is not None and pending is not None:
        return after_part(turn, pending, *prefix)
    step = turn.engine.next_step(session.state)
    if pending is not None and step == pending:
        if session.state == before:
            return miss(turn)
        session.misses = 0
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


def reply_to(turn: Turn, value: str) -> Reply:
    """A bare yes, no or not sure, read against what was asked."""
    phase, question, simple = turn.session.phase, turn.question(), turn.session.simple
    if simple is not None:
        return simple_answer(turn, value)
    if phase is Phase.REMIND and value in ("yes", "no"):
        return follow_up.answer(turn, value)
    if phase in (Phase.OFFER, Phase.START_OFFER) and value in ("yes", "no"):
        if value == "no":
            return follow_up.offer(turn) if phase is Phase.OFFER else turn.end(goodbye(turn))
        return doctor_questions(turn) if phase is Phase.OFFER else begin(turn)
    if phase in (Phase.OFFER, Phase.START_OFFER, Phase.REMIND) and not turn.session.misses:
        # "Not sure, do I need to?": what the offer gives, once, then the offer again.
        turn.session.misses = 1
        return restate(turn, turn.say(EXPLAIN[phase]))
    if question is None or phase is not Phase.ASKING:
        return miss(turn)
    if question.kind in FREE_ANSWER_KINDS and value != "unsure":
        return miss(turn)
    if value == "yes" and needs_naming(turn, question):
        turn.session.clarified = question.id
        return Reply(speech=(turn.say("ui.which_ones"),), reprompt=turn.short())
    return take(turn, {question.fact: value})


EXPLAIN = {
    Phase.OFFER: "ui.offer_explain",
    Phase.START_OFFER: "ui.start_offer_explain",
    Phase.REMIND: "ui.reminder_explain",
}
"""What each offer gives, said once when the user is not sure about it."""


def goodbye(turn: Turn) -> str:
    """The goodbye with the safety line."""
    return turn.say("ui.goodbye")


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
    turn.session.simple = None
    return restate(turn)


def info_topic(turn: Turn, topic: str) -> Reply:
    """An info topic, then what is pending (or an offer to start)."""
    if turn.session.phase is Phase.NEW:
        turn.session.phase = Phase.START_OFFER
    return restate(turn, turn.say(f"info.{topic}"))


# The repair ladder: a short reprompt, then a simpler form, then a kind ending.


def miss(turn: Turn) -> Reply:
    """Nothing usable was heard for what is pending (at the very start: begin)."""
    session = turn.session
    if session.phase is Phase.NEW and turn.heard.words:
        session.phase = Phase.WHO_FOR
        return restate(turn)
    if session.phase in (Phase.NEW, Phase.ENDED):
        session.phase = Phase.WHO_FOR
        session.misses = 1
        return restate(turn, turn.say("ui.fallback"))
    session.misses += 1
    if session.misses >= 3:
        return turn.end(turn.say("ui.give_up"), turn.say("ui.goodbye"))
    if session.misses == 2 and session.simple is None:
        return simplify(turn)
    return reask(turn, turn.say("ui.fallback"))


def simplify(turn: Turn) -> Reply:
    """Ask what is pending in a simpler yes-or-no form (the safety question one sign at a
    time; a list one item at a time)."""
    session, question = turn.session, turn.question()
    if question is not None and question.asks_about:
        misses = session.misses
        session.state = turn.engine.update(session.state, {question.fact: "unsure"})
        reply = advance(turn, turn.say("ui.one_at_a_time"))
        session.misses = misses  # the signs one at a time are the same question, simpler
        return reply
    session.simple = question.id if question is not None else session.phase.value
    return turn.ask(turn.say("ui.simpler"), turn.simple_form(), reprompt=turn.simple_form())


def simple_answer(turn: Turn, value: str) -> Reply:
    """A yes, no or not sure to the simpler form."""
    session, question = turn.session, turn.question()
    if session.simple in SIMPLE_PHASES:
        if value == "unsure":
            return miss(turn)
        if session.simple == "who_for":
            session.person = "self" if value == "yes" else "other"
            session.simple = None
            return advance(turn)
        session.simple = None
        return reply_to(turn, value)
    if question is None:
        session.simple = None
        return restate(turn)
    part = turn.next_part(question)
    if part is not None:
        return take(turn, {part: value})
    mapped = turn.simpler_answer(question, value)
    if mapped is None:
        return miss(turn)
    return take(turn, mapped)


def after_part(turn: Turn, question: Question, *prefix: str) -> Reply:
    """After one item of a list asked on its own: the next item, or the list's answer."""
    session = turn.session
    facts = session.state.facts
    if question.fact not in facts and not any(facts.get(p) == "yes" for p in question.parts):
        if turn.next_part(question) is not None:
            session.misses = 0
            return turn.ask(*prefix, turn.simple_form(), reprompt=turn.simple_form())
        parts = [facts.get(p) for p in question.parts]
        answer = "unsure" if "unsure" in parts else "no"
        session.state = turn.engine.update(session.state, {question.fact: answer})
    session.simple = None
    return advance(turn, *prefix)


def yes(turn: Turn) -> Reply:
    """AMAZON.YesIntent."""
    return reply_to(turn, "yes")


def no(turn: Turn) -> Reply:
    """AMAZON.NoIntent."""
    return reply_to(turn, "no")


def unsure(turn: Turn) -> Reply:
    """UnsureIntent."""
    return reply_to(turn, "unsure")
