"""What every state understands: why, repeat, slower, go back, start over, help, stop, info."""

from skill.alexa.flow import advance, info_topic, miss, reask, restate
from skill.alexa.session import Phase
from skill.alexa.turn import Reply, Turn
from skill.triage import TriageState


def why(turn: Turn) -> Reply:
    """Before an outcome: why this question; after it: the reasons in plain words."""
    question, phase = turn.question(), turn.session.phase
    if question is not None:
        return restate(turn, turn.say(f"why.{question.id}"))
    if phase is Phase.OFFER:
        reasons = turn.engine.explain(turn.session.state)
        return restate(turn, turn.voice.reasons(reasons) if reasons else turn.say("ui.why_none"))
    if phase is Phase.WHO_FOR:
        return restate(turn, turn.say("ui.why_who_for"))
    if phase is Phase.REMIND:
        return restate(turn, turn.say("ui.why_reminder"))
    return restate(turn)


def repeat(turn: Turn) -> Reply:
    """The last response again."""
    session = turn.session
    if not session.last_speech or not session.last_reprompt:
        return restate(turn)
    return Reply(speech=(session.last_speech,), reprompt=session.last_reprompt, repeated=True)


def slower(turn: Turn) -> Reply:
    """Speak slowly for the rest of the session, starting with the last thing said."""
    turn.session.slow = True
    return repeat(turn)


def back(turn: Turn) -> Reply:
    """Undo the last answer and ask again; at the start there is nothing to go back to."""
    session = turn.session
    if session.phase not in (Phase.ASKING, Phase.OFFER) or not session.state.history:
        return restate(turn, turn.say("ui.nothing_back"))
    session.state = turn.engine.undo(session.state)
    session.clarified = None
    session.simple = None
    return advance(turn)


def start_over(turn: Turn) -> Reply:
    """Clear the answers (keep the person) and begin again at the safety check."""
    session = turn.session
    session.state = TriageState()
    session.clarified = None
    session.question = None
    session.simple = None
    session.misses = 0
    session.phase = Phase.NEW
    return advance(turn, turn.say("ui.start_over"))


def help_(turn: Turn) -> Reply:
    """What can be said at any time, then the pending question in its short form (which says
    what it accepts)."""
    return reask(turn, turn.say("ui.help.commands"))


def stop(turn: Turn) -> Reply:
    """A short goodbye with the safety line."""
    return turn.end(turn.say("ui.goodbye"))


def fallback(turn: Turn) -> Reply:
    """Didn't catch that: the next step of the repair ladder."""
    return miss(turn)


def info(turn: Turn) -> Reply:
    """An info topic, then the pending question (or an offer to start); the topics on offer
    when none was understood."""
    topic = turn.heard.topic
    if topic is not None:
        return info_topic(turn, topic)
    if turn.session.phase is Phase.NEW:
        turn.session.phase = Phase.START_OFFER
    return restate(turn, turn.say("ui.info_topics"))


COMMANDS = {
    "repeat": repeat,
    "slower": slower,
    "help": help_,
    "why": why,
    "back": back,
    "start_over": start_over,
    "stop": stop,
}
"""Commands said in words that reached the skill in a slot (the same as their intents)."""
