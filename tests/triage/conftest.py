"""Shared fixtures for the triage tests: the shipped content, its engine, and a scripted talk."""

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from skill.triage import Content, Engine, Outcome, Question, TriageState, load_content
from skill.triage.load import DEFAULT_CONTENT_DIR
from skill.triage.model import FactValue, QuestionKind

Facts = Mapping[str, FactValue]

BENIGN_ANSWERS: dict[QuestionKind, Callable[[Question], dict[str, FactValue]]] = {
    QuestionKind.YES_NO: lambda q: {q.fact: "no"},
    QuestionKind.CHOICE: lambda q: {q.fact: "no"},
    QuestionKind.DURATION: lambda q: {q.fact: 3},
    QuestionKind.LOCATION: lambda q: {q.fact: "calf"},
}
"""What a user with a short, harmless calf twitch answers when nothing else is scripted."""


@dataclass(frozen=True)
class Talk:
    """A whole conversation: the question ids asked, in order, the outcome and the last state."""

    asked: tuple[str, ...]
    outcome: Outcome
    state: TriageState


@dataclass(frozen=True)
class Talker:
    """Runs a conversation with the engine from a script of answers."""

    engine: Engine

    def __call__(
        self,
        answers: Mapping[str, Facts] | None = None,
        *,
        opening: Facts | None = None,
        interrupt: tuple[str, Facts] | None = None,
        state: TriageState | None = None,
    ) -> Talk:
        """Talk until the outcome.

        Args:
            answers: question id -> the facts the user's answer sets; other questions get the
                benign answer.
            opening: facts the user volunteers before the first question.
            interrupt: (question id, facts): when that question is asked, the user says these
                facts instead of answering it.
            state: where to start (a fresh state when None).
        """
        scripted = dict(answers or {})
        current = state or TriageState()
        if opening:
            current = self.engine.update(current, opening)
        asked: list[str] = []
        pending = interrupt
        for _ in range(2 * len(self.engine.content.questions) + 2):
            step = self.engine.next_step(current)
            if isinstance(step, Outcome):
                return Talk(tuple(asked), step, current)
            asked.append(step.id)
            if pending is not None and pending[0] == step.id:
                current = self.engine.update(current, pending[1])
                pending = None
                continue
            reply = scripted.get(step.id) or BENIGN_ANSWERS[step.kind](step)
            current = self.engine.update(current, reply)
        raise AssertionError(f"the conversation did not end: asked {asked}")


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped content, loaded and validated."""
    return load_content(DEFAULT_CONTENT_DIR)


@pytest.fixture(scope="session")
def engine(content: Content) -> Engine:
    """An engine over the shipped content."""
    return Engine(content)


@pytest.fixture(scope="session")
def talk(engine: Engine) -> Talker:
    """Run a scripted conversation: talk({question_id: facts}, opening=..., interrupt=...)."""
    return Talker(engine)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target
