"""Warm turns: recorded conversations replayed through lambda_handler in this process."""

import copy
import time
from typing import Any

from bench.dialogue import Exchange, load, replay
from bench.entries import BENCH, Handler, handler
from bench.stats import quantile
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.resolver import Resolution

DIALOGUES = BENCH / "dialogues"
OURS = ("self_care", "emergency")


class WarmTurnError(RuntimeError):
    """A recorded conversation did not reach its outcome, or replays differently."""


def _ours(skill: Handler) -> list[list[Exchange]]:
    conversations = []
    for name in OURS:
        script = load(DIALOGUES / f"{name}.yaml")
        result = replay(skill, script)
        expected = (script.get("outcome") or {}).get("disposition")
        reached = [r["outcome"]["disposition"] for r in result.records if r["outcome"]]
        if expected and expected not in reached:
            raise WarmTurnError(f"{name}: expected outcome {expected}, reached {reached or 'none'}")
        conversations.append(result.exchanges)
    return conversations


def _baseline(skill: Handler) -> list[Exchange]:
    session = Session(SIMULATED_SKILL_ID, "en-US")
    exchanges = []
    for envelope in (session.launch(), session.intent(Resolution("HelloWorldIntent", {}))):
        response = skill(copy.deepcopy(envelope), None)
        session.attributes = response.get("sessionAttributes") or {}
        exchanges.append(Exchange(envelope, response))
    return exchanges


def _speech(response: dict[str, Any]) -> Any:
    return response.get("response", {}).get("outputSpeech")


def _timed(skill: Handler, exchanges: list[Exchange], samples: list[int], check: bool) -> None:
    for exchange in exchanges:
        request = copy.deepcopy(exchange.envelope)
        started = time.perf_counter_ns()
        response = skill(request, None)
        samples.append(time.perf_counter_ns() - started)
        if check and _speech(response) != _speech(exchange.response):
            raise WarmTurnError("a replayed request answered differently from the recording")


def measure(turns: int, warmup_rounds: int, budget_s: float) -> dict[str, Any]:
    """Replay ours (self-care, then emergency) and the baseline (launch, hello) in turn.

    Stops once ours has `turns` timed requests or `budget_s` has passed. Only the
    lambda_handler calls are timed; envelopes are copied before the clock starts.
    """
    ours, baseline = handler("ours"), handler("baseline")
    conversations, hello = _ours(ours), _baseline(baseline)
    samples: dict[str, list[int]] = {"ours": [], "baseline": []}
    for _ in range(warmup_rounds):
        for conversation in conversations:
            _timed(ours, conversation, [], check=True)
            _timed(baseline, hello, [], check=True)
    deadline = time.monotonic() + budget_s
    rounds = 0
    while len(samples["ours"]) < turns and time.monotonic() < deadline:
        for conversation in conversations:
            _timed(ours, conversation, samples["ours"], check=rounds == 0)
            _timed(baseline, hello, samples["baseline"], check=rounds == 0)
        rounds += 1
    return {
        "requests_per_round": {
            "ours": sum(len(c) for c in conversations),
            "baseline": len(hello) * len(conversations),
        },
        "rounds": rounds,
        **{
            target: {
                "n": len(values),
                "p50_ms": quantile(values, 0.5) / 1e6,
                "p99_ms": quantile(values, 0.99) / 1e6,
                "max_ms": max(values) / 1e6,
            }
            for target, values in samples.items()
        },
    }
