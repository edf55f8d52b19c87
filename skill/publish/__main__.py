"""python -m skill.publish [OUT]: the deployable copy of the skill package (default build/ask)."""

import argparse
import os
import sys
from pathlib import Path

from skill.publish.layout import ROOT
from skill.publish.project import write_project
from skill.publish.settings import SettingsError, from_environment

DEFAULT_OUT = ROOT / "build" / "ask"


def main(argv: list[str]) -> int:
    """Fill the deploy-time settings from the environment into a copy of the ASK CLI project."""
    parser = argparse.ArgumentParser(
        prog="python -m skill.publish",
        description="Needs SKILL_ENDPOINT (the stack output SkillEndpoint), PRIVACY_POLICY_URL "
        "and TERMS_OF_USE_URL; {locale} in a URL is replaced by each locale.",
    )
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        settings = from_environment(os.environ)
    except SettingsError as error:
        for problem in error.problems:
            print(f"publish: {problem}", file=sys.stderr)
        return 1
    write_project(args.out, settings)
    print(f"wrote {args.out}; deploy it with: cd {args.out} && ask deploy")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
