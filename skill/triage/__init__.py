"""Triage engine and its content: pure Python, no Alexa, no I/O after load."""

from skill.triage.engine import Engine, Outcome
from skill.triage.errors import ContentError, StateError
from skill.triage.load import load_content
from skill.triage.model import Content, Question
from skill.triage.state import TriageState

__all__ = [
    "Content",
    "ContentError",
    "Engine",
    "Outcome",
    "Question",
    "StateError",
    "TriageState",
    "load_content",
]
