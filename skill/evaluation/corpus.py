"""The evaluation corpus: Amazon's NLU Evaluation Tool annotations, with what each line means."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

POINTS = (
    "who_for",
    "safety",
    "sign",
    "location",
    "duration",
    "nerve_signs",
    "health_factors",
    "worried",
    "triggers",
    "offer",
    "one_shot",
)
"""Where in the conversation a line is said."""
CORPUS_DIR = Path(__file__).resolve().parents[2] / "tests" / "nlu" / "corpus"
EXTRA_KEYS = ("point", "sign", "answer", "facts", "emergency", "person", "understood", "kind")


class CorpusError(ValueError):
    """A corpus file that cannot be read as annotations."""


@dataclass(frozen=True)
class Line:
    """One annotated utterance and what the skill should make of it."""

    utterance: str
    at: datetime
    intent: str
    slots: dict[str, str]
    point: str
    sign: str | None
    answer: str | None
    facts: dict[str, Any]
    emergency: bool
    person: str | None
    understood: bool
    kind: str


def load_corpus(path: Path) -> list[Line]:
    """Every line of a corpus file; CorpusError naming the entry when one is malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [_line(entry) for entry in data["data"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        raise CorpusError(f"{path.name}: {error}") from error


def _line(entry: dict[str, Any]) -> Line:
    expected = entry["expected"][0]["intent"]
    point = entry["point"]
    if point not in POINTS:
        raise ValueError(f"unknown point {point!r}")
    stamp = entry["inputs"].get("referenceTimestamp")
    at = datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else datetime.now(UTC)
    return Line(
        utterance=str(entry["inputs"]["utterance"]),
        at=at,
        intent=str(expected["name"]),
        slots={k: str(v.get("value", "")) for k, v in (expected.get("slots") or {}).items()},
        point=point,
        sign=entry.get("sign"),
        answer=entry.get("answer"),
        facts=dict(entry.get("facts") or {}),
        emergency=bool(entry["emergency"]),
        person=entry.get("person"),
        understood=bool(entry.get("understood", True)),
        kind=str(entry.get("kind", "")),
    )


def annotations(path: Path) -> dict[str, Any]:
    """The corpus as the NLU Evaluation Tool takes it: our extra keys left out."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        "data": [{k: v for k, v in entry.items() if k not in EXTRA_KEYS} for entry in data["data"]]
    }
