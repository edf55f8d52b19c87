"""Speech length: the summary of `python -m skill speech` over the conversation scripts."""

from dataclasses import asdict
from typing import Any

from bench.length import SCRIPTS


def measure() -> dict[str, Any]:
    """The speech report as plain data: per-script figures, the summary and its targets."""
    from skill.speech.cli import measure as speech_report

    return asdict(speech_report(SCRIPTS))
