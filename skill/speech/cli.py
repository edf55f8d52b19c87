"""python -m skill speech: how long the skill talks in every conversation script."""

import argparse
import sys
from pathlib import Path
from typing import TextIO

from skill.speech.render import as_json, text_report
from skill.speech.report import Report, build
from skill.speech.scripts import SCRIPTS_DIR, Conversation, converse, script_paths


def measure(folder: Path = SCRIPTS_DIR, name: str | None = None) -> Report:
    """Say every script (or the one named) through the simulator and build the report."""
    from skill.triage.load import default_content

    conversations: list[Conversation] = []
    errors: dict[str, str] = {}
    for path in script_paths(folder, name):
        try:
            conversations.append(converse(path))
        except Exception as error:  # a script being written must not stop the report
            errors[path.stem] = f"{type(error).__name__}: {error}"[:300]
    return build(conversations, default_content(), errors, selected=name is not None)


def run(argv: list[str], out: TextIO, err: TextIO) -> int:
    """Parse options, print the report; 1 when a script failed or (--check) a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m skill speech", description=__doc__)
    parser.add_argument("--json", action="store_true", help="every figure as JSON")
    parser.add_argument("--script", metavar="NAME", help="only this script (file name)")
    parser.add_argument("--scripts", type=Path, default=SCRIPTS_DIR, help=argparse.SUPPRESS)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target of voice revision 2 is missed"
    )
    args = parser.parse_args(argv)
    if args.script is not None and not script_paths(args.scripts, args.script):
        parser.error(f"no script named {args.script!r} in {args.scripts.name}/")
    report = measure(args.scripts, args.script)
    out.write((as_json(report) if args.json else text_report(report)) + "\n")
    for name, error in report.errors.items():
        err.write(f"speech: could not drive {name}: {error}\n")
    missed = [t for t in report.targets if t.met is False]
    if args.check:
        for target in missed:
            err.write(f"speech: missed: {target.name}: {target.figure} (target {target.limit})\n")
    return 1 if report.errors or (args.check and missed) else 0


def main(argv: list[str]) -> int:
    """Entry point for python -m skill speech."""
    return run(argv, sys.stdout, sys.stderr)
