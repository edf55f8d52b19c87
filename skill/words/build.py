"""`python -m skill model build`: the interaction model JSON of each locale, from its words."""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from skill.publish.layout import MODEL_DIR, model_path
from skill.words.model import Words


def interaction_model(words: Words) -> dict[str, Any]:
    """The ASK interaction model of one locale, as the developer console imports it."""
    intents = []
    for intent in words.intents:
        intents.append(
            {
                "name": intent.name,
                "slots": [{"name": n, "type": t} for n, t in intent.slots.items()],
                "samples": list(intent.samples),
            }
        )
    types = []
    for type_name, values in words.slot_types.items():
        types.append(
            {
                "name": type_name,
                "values": [
                    {"id": v.id, "name": {"value": v.name, "synonyms": list(v.synonyms)}}
                    for v in values
                ],
            }
        )
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": words.invocation_name,
                "intents": intents,
                "types": types,
            }
        }
    }


def model_json(words: Words) -> str:
    """The model file's text: stable key order, two-space indent, final newline."""
    return json.dumps(interaction_model(words), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) every locale's model; 1 when a file is stale."""
    from skill.triage.errors import ContentError
    from skill.triage.load import content_dir
    from skill.words.load_all import load_all_words

    parser = argparse.ArgumentParser(prog="python -m skill model")
    parser.add_argument("action", choices=["build"])
    parser.add_argument("--check", action="store_true", help="fail if a committed model is stale")
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    try:
        every = load_all_words(args.content or content_dir())
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    stale = []
    for locale, words in every.items():
        path = model_path(locale, args.out)
        text = model_json(words)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.name}")
    if stale:
        print(f"stale: {', '.join(stale)} (run: python -m skill model build)", file=sys.stderr)
        return 1
    if args.check:
        print(f"models up to date: {', '.join(every)}")
    return 0
