"""The follow-up reminder in the conversation: offered once the outcome and its detail are
given, never after an emergency; what is said when it is set, declined or cannot be set."""

from dataclasses import replace
from typing import Literal

from skill.alexa.session import Phase
from skill.alexa.turn import Reply, Turn
from skill.triage import Question
from skill.triage.follow_up import FollowUp, text_id

Result = Literal["set", "denied", "no_permission", "failed"]
"""How an attempt to set the reminder ended."""


def follow_up_for(turn: Turn) -> FollowUp | None:
    """The follow-up of the outcome the answers reach (None while a question is open, for an
    emergency, or for an outcome without one)."""
    step = turn.engine.next_step(turn.session.state)
    if isinstance(step, Question) or step.disposition == turn.content.dispositions[0].id:
        return None
    return turn.content.follow_ups.get(step.disposition)


def when(turn: Turn, follow_up: FollowUp) -> str:
    """The day the reminder rings, in words ("tomorrow", "in 12 days")."""
    days = follow_up.days_from_today(turn.session.state.facts)
    if days == 1:
        return turn.say("reminder.when.tomorrow")
    return turn.say("reminder.when.days", days=str(days))


def offer(turn: Turn, *prefix: str) -> Reply:
    """Offer the follow-up reminder, or say goodbye when the outcome has none."""
    follow_up = follow_up_for(turn)
    if follow_up is None:
        return turn.end(*prefix, turn.say("ui.goodbye"))
    turn.session.phase = Phase.REMIND
    turn.session.question = None
    question = turn.say(text_id("offer", follow_up.disposition), days=when(turn, follow_up))
    return turn.ask(*prefix, question, reprompt=turn.short())


def answer(turn: Turn, value: str) -> Reply:
    """A yes (set it: the handler does, with the permission) or a no (goodbye) to the offer."""
    if value != "yes" or follow_up_for(turn) is None:
        return turn.end(turn.say("ui.goodbye"))
    return Reply(speech=(), remind=True)


def result(turn: Turn, outcome: Result) -> Reply:
    """One calm sentence on how it went, then goodbye (the advice was given before the offer)."""
    follow_up = follow_up_for(turn)
    if outcome == "set" and follow_up is not None:
        day, hour = when(turn, follow_up), str(follow_up.hour)
        said = turn.say(text_id("set", follow_up.disposition), days=day, number=hour)
    elif outcome == "denied":
        said = turn.say("ui.reminder_denied")
    elif outcome == "no_permission":
        said = turn.say("ui.reminder_no_permission")
    else:
        said = turn.say("ui.reminder_failed")
    reply = turn.end(said, turn.say("ui.goodbye"))
    return replace(reply, permission_card=outcome == "no_permission")
