"""The conversation scripts said through the simulator, with what the skill spoke in each turn."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from skill.speech.lists import SpokenList, spoken_lists
from skill.speech.readability import words

SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "tests" / "conversations"
WORDS_PER_MINUTE = 150
DOCTOR_INTRO = "ui.doctor_intro"
"""The text that opens the provider's questions read back on request."""
ASKED_FOR = ("advice.tip_", "info.", "why.", "ui.why_", "ui.help.", "ui.info_topics", DOCTOR_INTRO)
"""Texts that only detail asked for says: tips, info topics, why a question is asked, the
provider's questions. A response with one of them is not counted in the conversation's length."""


def seconds(word_count: int) -> float:
    """Speaking time of so many words at 150 words a minute."""
    return word_count * 60 / WORDS_PER_MINUTE


@dataclass(frozen=True)
class Response:
    """One response of the skill: its speech and its reprompt, as plain words."""

    turn: int
    """0 for the opening response, then the number of the user's line it answers."""
    said: str | None
    speech: str
    reprompt: str
    doctor_read_back: bool
    asked_for: bool = False
    """Detail the user asked for (tips, an info topic, a why, the read-back), or a repeat."""

    @property
    def words(self) -> int:
        """Words of its speech."""
        return len(words(self.speech))

    @property
    def reprompt_words(self) -> int:
        """Words of its reprompt (spoken only when the user is silent)."""
        return len(words(self.reprompt))

    def lists(self) -> list[SpokenList]:
        """Every list spoken in it: in its speech, then in its reprompt."""
        return spoken_lists(self.speech) + spoken_lists(self.reprompt)


@dataclass(frozen=True)
class Conversation:
    """A script said through the simulator: every response, and the last outcome."""

    name: str
    responses: tuple[Response, ...]
    disposition: str | None
    """The disposition of the last response's outcome, if it has one."""

    @property
    def words(self) -> int:
        """Words of all the skill's speech (reprompts not counted)."""
        return sum(r.words for r in self.responses)

    @property
    def conversation_words(self) -> int:
        """Words of the conversation itself: all speech but the detail asked for."""
        return sum(r.words for r in self.responses if not r.asked_for)


def script_paths(folder: Path = SCRIPTS_DIR, name: str | None = None) -> list[Path]:
    """The scripts of a folder, or the one named (with or without .yaml)."""
    paths = sorted(folder.glob("*.yaml"))
    if name is None:
        return paths
    wanted = name.removesuffix(".yaml")
    return [p for p in paths if p.stem == wanted]


def converse(path: Path) -> Conversation:
    """Say a script's lines through the simulator and the Lambda handler, as the tests do (on
    the device the script asks for)."""
    from skill.simulator.cli import script_device
    from skill.triage.load import default_content
    from skill.triage.model import PERSONS

    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(script, dict):
        raise ValueError(f"{path.name}: not a conversation script")
    locale = str(script.get("locale") or "en-US")
    content = default_content()
    intros = {content.text(locale, DOCTOR_INTRO, person) for person in PERSONS}
    detail = {
        content.text(locale, text_id, person)
        for text_id in {i for texts in content.texts.values() for i in texts}
        if text_id.startswith(ASKED_FOR) and content.has_text(locale, text_id)
        for person in PERSONS
    }
    with script_device(script) as simulator:
        one_shot = script.get("one_shot")
        records = [simulator.first(str(one_shot) if one_shot else None)]
        records += [simulator.say(str(turn["say"])) for turn in script.get("turns") or []]
    responses = tuple(_response(i, r, intros, detail) for i, r in enumerate(records))
    responses = tuple(
        r if i == 0 or r.speech != responses[i - 1].speech else replace(r, asked_for=True)
        for i, r in enumerate(responses)
    )
    outcome = records[-1]["outcome"]
    return Conversation(path.stem, responses, outcome["disposition"] if outcome else None)


def _response(
    turn: int, record: dict[str, Any], intros: Iterable[str], detail: Iterable[str]
) -> Response:
    speech = str(record["speech"] or "")
    return Response(
        turn=turn,
        said=record["utterance"],
        speech=speech,
        reprompt=str(record["reprompt"] or ""),
        doctor_read_back=any(intro in speech for intro in intros),
        asked_for=any(text and text in speech for text in detail),
    )
