"""The outcome read back: the emergency answer, advice with reasons, cards, provider questions."""

from skill.alexa import follow_up
from skill.alexa.session import Phase
from skill.alexa.turn import Card, Reply, Turn
from skill.triage import Outcome
from skill.triage.model import FactType


def is_emergency(turn: Turn, outcome: Outcome) -> bool:
    """Whether the outcome is the most urgent disposition."""
    return outcome.disposition == turn.content.dispositions[0].id


def tips(turn: Turn, outcome: Outcome) -> tuple[str, ...]:
    """The advice of the triggers found: detail offered after the outcome, not said in it."""
    found = set(outcome.triggers)
    return tuple(
        a
        for rule in turn.content.rules
        if rule.id in found and rule.kind == "trigger"
        for a in rule.advice
        if a in outcome.advice
    )


def outcome_speech(turn: Turn, outcome: Outcome) -> list[str]:
    """The disposition's first advice, then the reasons (or triggers found), then the rest,
    without the tips, which are offered after it."""
    first, *rest = outcome.advice
    later = set(tips(turn, outcome))
    parts = [turn.say(f"advice.{first}")]
    if outcome.reasons:
        parts.append(turn.voice.reasons(outcome.reasons))
    elif outcome.triggers:
        found = [turn.say(f"reason.{t}") for t in outcome.triggers]
        parts.append(turn.say("ui.triggers_found", reasons=turn.voice.listing(found)))
    parts.extend(turn.say(f"advice.{a}") for a in rest if a not in later)
    return parts


def answers(turn: Turn) -> list[str]:
    """Every answer given so far as "label: value", in the content's fact order."""
    facts = turn.session.state.facts
    return [
        turn.voice.fact_answer(f, facts[f])
        for f, kind in turn.content.facts.items()
        if f in facts and kind is not FactType.CONTEXT
    ]


def card(turn: Turn, outcome: Outcome, speech: list[str]) -> Card:
    """The outcome, its advice and the answers given, for the Alexa app."""
    lines = list(speech)
    given = answers(turn)
    if given:
        lines += ["", turn.say("ui.card_answers"), *(f"- {a}" for a in given)]
    title = turn.say(f"ui.outcome.{outcome.disposition}")
    return Card(title=title, body=turn.voice.written("\n".join(lines)))


def reply_outcome(turn: Turn, outcome: Outcome, *prefix: str) -> Reply:
    """The emergency answer (ends the session), or the advice and the offer of the provider's
    questions."""
    speech = outcome_speech(turn, outcome)
    if is_emergency(turn, outcome):
        turn.end()
        return Reply(
            speech=tuple(speech),
            card=card(turn, outcome, speech),
            outcome=outcome.disposition,
            urgent=True,
        )
    turn.session.phase = Phase.OFFER
    turn.session.question = None
    offer = turn.say("ui.detail_offer" if tips(turn, outcome) else "ui.doctor_offer")
    advice = [*speech, *(turn.say(f"advice.{a}") for a in tips(turn, outcome))]
    return Reply(
        speech=(*prefix, *speech, offer),
        reprompt=turn.say("short.offer"),
        card=card(turn, outcome, advice),
        outcome=outcome.disposition,
    )


def doctor_questions(turn: Turn) -> Reply:
    """The tips offered with a self-care outcome, then what a provider may ask, each with the
    user's answers where known; then the follow-up reminder (or goodbye)."""
    outcome = turn.engine.outcome(turn.session.state)
    parts = [turn.say(f"advice.{a}") for a in tips(turn, outcome)]
    parts.append(turn.say("ui.doctor_intro"))
    for question, said in provider_questions(turn):
        parts.extend((question, said) if said else (question,))
    return follow_up.offer(turn, *parts)


def provider_questions(turn: Turn) -> list[tuple[str, str | None]]:
    """What a provider may ask, each with "You told me: ..." where the answers are known."""
    facts = turn.session.state.facts
    found: list[tuple[str, str | None]] = []
    for item in turn.content.doctor_questions:
        if item.ask_if is not None and not item.ask_if.holds(facts):
            continue
        known = [f for f in item.answered_by if f in facts]
        if len(item.answered_by) == 1 and known:
            said = turn.voice.answer(known[0], facts[known[0]], ago=True)
        else:
            said = turn.voice.listing([turn.voice.fact_answer(f, facts[f]) for f in known])
        answered = turn.say("ui.you_said", answers=said) if known else None
        found.append((turn.say(f"doctor.{item.id}"), answered))
    return found
