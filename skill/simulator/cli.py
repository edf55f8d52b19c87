"""python -m skill simulate: talk to the skill by typing, as Alexa would hear it."""

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from skill.handler import SkillHandler
from skill.publish.layout import MODEL_DIR
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.resolver import Resolution, Resolver

TAG = re.compile(r"<[^>]+>")
Outcome = Callable[[dict[str, Any]], dict[str, Any] | None]


def plain(ssml: str | None) -> str | None:
    """Speech markup as the words a listener hears."""
    if ssml is None:
        return None
    return " ".join(html.unescape(TAG.sub(" ", ssml)).split())


def model_path(locale: str) -> Path:
    """The interaction model for a locale, else one of the same language."""
    exact = MODEL_DIR / f"{locale}.json"
    if exact.exists():
        return exact
    language = locale.split("-")[0]
    same = sorted(MODEL_DIR.glob(f"{language}-*.json"))
    if not same:
        raise SystemExit(f"simulate: no interaction model for locale {locale}")
    return same[0]


class Simulator:
    """Carries a session across typed lines and reports each response."""

    def __init__(
        self, handler: SkillHandler, resolver: Resolver, session: Session, outcome: Outcome
    ) -> None:
        self.handler = handler
        self.resolver = resolver
        self.session = session
        self.outcome = outcome
        self.ended = False

    def first(self, one_shot: str | None) -> dict[str, Any]:
        """The opening request: a launch, or a one-shot utterance."""
        if one_shot is None:
            return self._send(self.session.launch(), None, None)
        return self.say(one_shot)

    def say(self, line: str) -> dict[str, Any]:
        """Send one typed utterance; a line after the session ended starts a new one."""
        if self.ended:
            self.session.restart()
            self.ended = False
        text, invoked = self.resolver.strip_invocation(line)
        if invoked and not text:
            return self._send(self.session.launch(), line, None)
        resolution = self.resolver.resolve(text)
        return self._send(self.session.intent(resolution), line, resolution)

    def _send(
        self, envelope: dict[str, Any], line: str | None, resolution: Resolution | None
    ) -> dict[str, Any]:
        response = self.handler(envelope, None)
        body = response.get("response", {})
        self.session.attributes = response.get("sessionAttributes") or {}
        self.ended = bool(body.get("shouldEndSession"))
        card = body.get("card")
        return {
            "request": envelope["request"]["type"],
            "utterance": line,
            "intent": resolution.intent if resolution else None,
            "slots": {k: v.value_id or v.heard for k, v in resolution.slots.items()}
            if resolution
            else {},
            "speech": plain((body.get("outputSpeech") or {}).get("ssml")) or "",
            "ssml": (body.get("outputSpeech") or {}).get("ssml") or "",
            "reprompt": plain(((body.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml")),
            "card": {
                "title": card.get("title", ""),
                "text": card.get("content") or card.get("text") or "",
            }
            if card
            else None,
            "end_session": self.ended,
            "outcome": self.outcome(response),
        }


def transcript(record: dict[str, Any], out: TextIO) -> None:
    """A readable rendering of one exchange."""
    if record["utterance"] is not None:
        out.write(f"  [{record['intent']} {record['slots'] or ''}]\n".replace(" ]", "]"))
    out.write(f"ALEXA: {record['speech']}\n")
    if record["card"]:
        out.write(f"  (card: {record['card']['title']}: {record['card']['text']})\n")
    if record["end_session"]:
        out.write("  (session ended; type again to start a new one)\n")
    out.flush()


def run(argv: list[str] | None, lines: Iterable[str], out: TextIO) -> int:
    """Parse options, then run the conversation over the given input lines."""
    parser = argparse.ArgumentParser(prog="python -m skill simulate")
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--json", action="store_true", help="one JSON object per request")
    parser.add_argument(
        "--one-shot", metavar="TEXT", help='e.g. "ask muscle twitch helper about ..."'
    )
    args = parser.parse_args(argv)
    from skill.lambda_function import lambda_handler
    from skill.simulator.outcome import outcome_of

    skill_id = os.environ.get("ALEXA_SKILL_ID") or SIMULATED_SKILL_ID
    simulator = Simulator(
        lambda_handler,
        Resolver.from_file(model_path(args.locale)),
        Session(skill_id, args.locale),
        outcome_of,
    )
    emit = (
        (lambda r: (out.write(json.dumps(r) + "\n"), out.flush()))
        if args.json
        else (lambda r: transcript(r, out))
    )
    interactive = not args.json and sys.stdin.isatty()
    emit(simulator.first(args.one_shot))
    for line in _prompted(lines, out, interactive):
        if line.strip():
            emit(simulator.say(line.strip()))
    return 0


def _prompted(lines: Iterable[str], out: TextIO, interactive: bool) -> Iterable[str]:
    iterator = iter(lines)
    while True:
        if interactive:
            out.write("you> ")
            out.flush()
        try:
            yield next(iterator)
        except StopIteration:
            return


def main(argv: list[str]) -> int:
    """Entry point for python -m skill simulate."""
    return run(argv, sys.stdin, sys.stdout)
