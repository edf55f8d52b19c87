"""Conversation scripts replayed through the text simulator, as a person would talk."""

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.entries import Handler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.resolver import Resolver


@dataclass
class Exchange:
    """One request sent to the skill and the response it gave."""

    envelope: dict[str, Any]
    response: dict[str, Any]


@dataclass
class Replay:
    """What a script produced: every request/response, and one record per request."""

    exchanges: list[Exchange] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    user_turns: list[int] = field(default_factory=list)
    """For each record, the user turns said so far (a launch is not a turn)."""


def load(path: Path) -> dict[str, Any]:
    """A conversation script: {description, locale?, one_shot?, turns: [{say}], outcome?}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("turns", []), list):
        raise ValueError(f"{path.name}: not a conversation script")
    return data


def lines(script: dict[str, Any]) -> Iterator[str]:
    """The `say` lines of a script, in order."""
    for turn in script.get("turns") or []:
        yield str(turn["say"])


def replay(handler: Handler, script: dict[str, Any]) -> Replay:
    """Say every line of `script` through the simulator, recording the envelopes sent."""
    from skill.simulator.outcome import outcome_of

    result = Replay()

    def recording(envelope: Mapping[str, Any], context: Any) -> dict[str, Any]:
        sent = copy.deepcopy(dict(envelope))
        response = handler(envelope, context)
        result.exchanges.append(Exchange(sent, copy.deepcopy(response)))
        return response

    locale = str(script.get("locale") or "en-US")
    simulator = Simulator(
        recording,
        Resolver.from_file(model_path(locale)),
        Session(SIMULATED_SKILL_ID, locale),
        outcome_of,
    )
    one_shot = script.get("one_shot")
    turns = 1 if one_shot else 0
    result.records.append(simulator.first(str(one_shot) if one_shot else None))
    result.user_turns.append(turns)
    for line in lines(script):
        turns += 1
        result.records.append(simulator.say(line))
        result.user_turns.append(turns)
    return result


def turns_to_outcome(result: Replay) -> int | None:
    """User turns up to the first response that carries an outcome, else None."""
    for record, turns in zip(result.records, result.user_turns, strict=True):
        if record["outcome"] is not None:
            return turns
    return None
