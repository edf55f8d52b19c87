"""python -m skill simulate: talk to the skill by typing, as Alexa would hear it."""

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from skill.handler import SkillHandler
from skill.publish.layout import MODEL_DIR
from skill.simulator.device import BEHAVIOURS, HOME_ZONES, UNITS, DeviceSettings
from skill.simulator.device import PREFIX as DEVICE_PREFIX
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.reminders import PREFIX as REMINDERS_PREFIX
from skill.simulator.reminders import TIMEOUT, RemindersApi
from skill.simulator.resolver import Resolution, Resolver, normalise
from skill.simulator.services import LocalServices

TAG = re.compile(r"<[^>]+>")
Outcome = Callable[[dict[str, Any]], dict[str, Any] | None]
TAP = "tap:"
"""A line that touches a button of the screen instead of speaking ("tap: not sure")."""
ASK_FOR = "Connections.SendRequest"
RENDER = "Alexa.Presentation.APL.RenderDocument"
CONSENT_PROMPT = (
    "Do you give muscle twitch helper permission to update your reminders? "
    "You can say I approve or no."
)
"""What Alexa itself asks when the skill asks for the reminders permission by voice."""
APPROVE = frozenset({"yes", "i approve", "approve", "yes i approve", "yes please", "sure", "ok"})
DENY = frozenset({"no", "no thanks", "no thank you", "i don't approve", "don't"})


class NoSuchButton(ValueError):
    """A tap on a button the screen does not show."""


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
        self,
        handler: SkillHandler,
        resolver: Resolver,
        session: Session,
        outcome: Outcome,
        *,
        reminders: RemindersApi | None = None,
    ) -> None:
        self.handler = handler
        self.resolver = resolver
        self.session = session
        self.outcome = outcome
        self.reminders = reminders
        """The local Reminders API the session's apiEndpoint points to, if it runs."""
        self.ended = False
        self.asked_for: str | None = None
        """The token of the permission request Alexa is asking the user about, if any."""
        self.screen: dict[str, Any] | None = None
        """The last document rendered on the screen: its token and data."""
        self.services: LocalServices | None = None
        """The local service APIs, when the simulator runs them (every request is recorded)."""

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
            self.screen = None
        if self.asked_for is not None:
            return self._consent(line)
        if self.session.screen and line.lower().startswith(TAP):
            return self.tap(line[len(TAP) :].strip())
        text, invoked = self.resolver.strip_invocation(line)
        if invoked and not text:
            return self._send(self.session.launch(), line, None)
        resolution = self.resolver.resolve(text)
        return self._send(self.session.intent(resolution), line, resolution)

    def tap(self, label: str) -> dict[str, Any]:
        """Touch the button of the screen with this label (case and spacing aside)."""
        wanted = normalise(label)
        shown = (self.screen or {}).get("data", {}).get("buttons") or []
        button = next((b for b in shown if normalise(b.get("label", "")) == wanted), None)
        if button is None:
            labels = ", ".join(b.get("label", "") for b in shown) or "none"
            raise NoSuchButton(f"no button {label!r} on the screen (buttons: {labels})")
        arguments = [button.get("kind", ""), button.get("value", ""), button.get("detail", "")]
        token = (self.screen or {}).get("token") or ""
        return self._send(self.session.user_event(token, arguments), f"{TAP} {label}", None)

    def _consent(self, line: str) -> dict[str, Any]:
        """The user's answer to Alexa's own question for the reminders permission."""
        said = normalise(line)
        status = "ACCEPTED" if said in APPROVE else "DENIED" if said in DENY else "NOT_ANSWERED"
        if status == "ACCEPTED":
            self.session.consent = True
            if self.reminders is not None:
                self.reminders.granted = True
        token, self.asked_for = self.asked_for or "", None
        return self._send(self.session.connections_response(status, token), line, None)

    def _send(
        self, envelope: dict[str, Any], line: str | None, resolution: Resolution | None
    ) -> dict[str, Any]:
        before = len(self.reminders.reminders) if self.reminders is not None else 0
        response = self.handler(envelope, None)
        body = response.get("response", {})
        self.session.attributes = response.get("sessionAttributes") or {}
        self.ended = bool(body.get("shouldEndSession"))
        directives = body.get("directives") or []
        shown = None
        for directive in directives:
            if directive.get("type") == ASK_FOR and directive.get("name") == "AskFor":
                self.asked_for = directive.get("token") or ""
            if directive.get("type") == RENDER:
                data = (directive.get("datasources") or {}).get("screen") or {}
                self.screen = {"token": directive.get("token"), "data": data}
                shown = {"document": directive.get("token"), **data}
        created = self.reminders is not None and len(self.reminders.reminders) > before
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
            "directives": [d.get("type") for d in directives],
            "screen": shown,
            "reminder": self.reminders.last if created and self.reminders is not None else None,
        }


def transcript(record: dict[str, Any], out: TextIO) -> None:
    """A readable rendering of one exchange."""
    if record["utterance"] is not None:
        said = f"{record['intent'] or record['request']} {record['slots'] or ''}".strip()
        out.write(f"  [{said}]\n")
    if record["speech"] or not record["directives"]:
        out.write(f"ALEXA: {record['speech']}\n")
    if ASK_FOR in record["directives"]:
        out.write(f"ALEXA (Alexa's own question): {CONSENT_PROMPT}\n")
    if record["reminder"]:
        out.write(f"  (reminder set: {json.dumps(record['reminder'])})\n")
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
    parser.add_argument(
        "--screen", action="store_true", help='a device with a screen (APL); "tap: <answer>"'
    )
    parser.add_argument(
        "--no-reminder-permission",
        action="store_true",
        help="the user has not allowed reminders yet: the skill asks by voice (say I approve)",
    )
    parser.add_argument(
        "--reminders-fail",
        metavar="STATUS",
        type=_failure,
        help="the local Reminders API answers every call with this HTTP status, or 'timeout'",
    )
    parser.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="the device's time zone, as the Alexa settings service gives it, e.g. "
        "Pacific/Auckland (default: the locale's own, e.g. Europe/London for en-GB)",
    )
    parser.add_argument(
        "--temperature-unit",
        choices=UNITS,
        help="the temperature unit the device reports (default: it reports none)",
    )
    parser.add_argument(
        "--settings-service",
        choices=BEHAVIOURS,
        default="answer",
        help="the Alexa settings service answers, fails (HTTP 500) or hangs",
    )
    args = parser.parse_args(argv)
    emit = (
        (lambda r: (out.write(json.dumps(r) + "\n"), out.flush()))
        if args.json
        else (lambda r: transcript(r, out))
    )
    interactive = not args.json and sys.stdin.isatty()
    with local_device(
        args.locale,
        screen=args.screen,
        permission=not args.no_reminder_permission,
        failure=args.reminders_fail,
        time_zone=args.time_zone,
        temperature_unit=args.temperature_unit,
        settings_service=args.settings_service,
    ) as simulator:
        emit(simulator.first(args.one_shot))
        for line in _prompted(lines, out, interactive):
            if not line.strip():
                continue
            try:
                emit(simulator.say(line.strip()))
            except NoSuchButton as error:
                out.write(f"  ({error})\n")
    return 0


@cache
def resolver_for(model: Path) -> Resolver:
    """One resolver a model file: building one compiles every sample (about 0.4 s)."""
    return Resolver.from_file(model)


@cache
def local_handler(skill_id: str | None) -> SkillHandler:
    """The skill as deployed, but allowed to call the local services over plain HTTP."""
    from skill.alexa import build_skill, entry
    from skill.alexa.service_client import LazyApiClient
    from skill.triage.load import default_content

    builder = build_skill(default_content(), skill_id, LazyApiClient(loopback=True))
    return entry.lambda_handler(builder)


@contextmanager
def local_device(
    locale: str,
    *,
    screen: bool = False,
    permission: bool = True,
    failure: int | str | None = None,
    time_zone: str | None = None,
    temperature_unit: str | None = None,
    settings_service: str = "answer",
) -> Iterator[Simulator]:
    """A simulated device talking to the skill, with Alexa's service APIs served locally (the
    envelope's apiEndpoint points to them): with a screen or not, with the user's permission
    for reminders or not, and a Reminders API that works or fails; its settings (time zone,
    by default the locale's own, and temperature unit) from a settings service that answers,
    fails or hangs."""
    from skill.simulator.outcome import outcome_of

    skill_id = os.environ.get("ALEXA_SKILL_ID")
    with LocalServices() as services:
        session = Session(skill_id or SIMULATED_SKILL_ID, locale)
        session.api_endpoint = services.endpoint
        session.consent = permission
        session.screen = screen
        reminders = RemindersApi(session.api_token, granted=permission, failure=failure)
        services.add(REMINDERS_PREFIX, reminders)
        settings = DeviceSettings(
            session.device_id,
            session.api_token,
            time_zone=time_zone or HOME_ZONES.get(locale),
            temperature_unit=temperature_unit,
            behaviour=settings_service,
        )
        services.add(DEVICE_PREFIX, settings)
        simulator = Simulator(
            local_handler(skill_id),
            resolver_for(model_path(locale)),
            session,
            outcome_of,
            reminders=reminders,
        )
        simulator.services = services
        try:
            yield simulator
        finally:
            settings.released.set()


DEVICE_KEYS = frozenset(
    {
        "screen",
        "reminder_permission",
        "reminders_fail",
        "time_zone",
        "temperature_unit",
        "settings_service",
    }
)


def plain_device(locale: str) -> Simulator:
    """A simulated device that offers no service APIs (the skill calls none)."""
    from skill.simulator.outcome import outcome_of

    skill_id = os.environ.get("ALEXA_SKILL_ID")
    session = Session(skill_id or SIMULATED_SKILL_ID, locale)
    return Simulator(local_handler(skill_id), resolver_for(model_path(locale)), session, outcome_of)


@contextmanager
def script_device(script: Mapping[str, Any]) -> Iterator[Simulator]:
    """The device a conversation script asks for, in its `locale`: with a `device` (screen,
    reminder_permission, reminders_fail, ...) a local device with Alexa's service APIs, without
    one a plain device; `now` is the time its requests are stamped with."""
    locale = str(script.get("locale") or "en-US")
    if script.get("device") is None:
        yield _stamped(plain_device(locale), script.get("now"))
        return
    device = script["device"]
    if not isinstance(device, dict) or not set(device) <= DEVICE_KEYS:
        raise ValueError(f"device: expected a mapping with keys among {sorted(DEVICE_KEYS)}")
    failure = device.get("reminders_fail")
    with local_device(
        locale,
        screen=device.get("screen") is True,
        permission=device.get("reminder_permission", True) is not False,
        failure=None if failure is None else _failure(str(failure)),
        time_zone=_one_of(device, "time_zone", None),
        temperature_unit=_one_of(device, "temperature_unit", UNITS),
        settings_service=_one_of(device, "settings_service", BEHAVIOURS) or "answer",
    ) as simulator:
        yield _stamped(simulator, script.get("now"))


def _stamped(simulator: Simulator, now: object) -> Simulator:
    """The simulator, its requests stamped with `now` when given (a date and time)."""
    if now is not None:
        stamp = now if isinstance(now, datetime) else datetime.fromisoformat(str(now))
        simulator.session.now = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return simulator


def _one_of(device: Mapping[str, Any], key: str, allowed: tuple[str, ...] | None) -> str | None:
    """A script's device setting: absent, or a text (among the allowed ones, if given)."""
    value = device.get(key)
    if value is not None and (not isinstance(value, str) or (allowed and value not in allowed)):
        raise ValueError(f"device.{key}: expected {list(allowed) if allowed else 'a text'}")
    return value


def _failure(value: str) -> int | str:
    if value == TIMEOUT:
        return TIMEOUT
    if value.isdigit() and 400 <= int(value) <= 599:
        return int(value)
    raise argparse.ArgumentTypeError("expected an HTTP error status (400 to 599) or 'timeout'")


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
