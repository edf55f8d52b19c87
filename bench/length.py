"""Conversation length: user turns to an outcome over the conversation test scripts."""

import statistics
from pathlib import Path
from typing import Any

from bench.dialogue import load, replay, turns_to_outcome
from bench.entries import ROOT, handler

SCRIPTS = ROOT / "tests" / "conversations"


def measure(folder: Path = SCRIPTS) -> dict[str, Any]:
    """Replay every script; count user turns up to the first response with an outcome.

    A launch is not a turn, a one-shot utterance is. Scripts that never reach an outcome
    (help, stop, ...) or that fail to replay are counted apart.
    """
    scripts = sorted(folder.glob("*.yaml"))
    if not scripts:
        return {"scripts": 0}
    skill = handler("ours")
    turns: dict[str, int] = {}
    no_outcome: list[str] = []
    failed: dict[str, str] = {}
    for path in scripts:
        try:
            reached = turns_to_outcome(replay(skill, load(path)))
        except Exception as error:  # a script being written must not stop the bench
            failed[path.name] = f"{type(error).__name__}: {error}"[:200]
            continue
        if reached is None:
            no_outcome.append(path.name)
        else:
            turns[path.name] = reached
    values = list(turns.values())
    return {
        "scripts": len(scripts),
        "with_outcome": len(values),
        "median": statistics.median(values) if values else None,
        "max": max(values) if values else None,
        "turns": turns,
        "no_outcome": no_outcome,
        "failed": failed,
    }
