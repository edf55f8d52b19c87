"""Command line: validate the content, talk to the skill, serve it, or measure its speech."""

import argparse
import sys
from pathlib import Path

from skill.triage.errors import ContentError
from skill.triage.load import content_dir, load_content
from skill.words.load_all import load_all_words


def validate(argv: list[str]) -> int:
    """Check every content file, and that the code or the content uses every text; print each
    problem, or a one-line summary when clean."""
    parser = argparse.ArgumentParser(prog="python -m skill validate")
    parser.add_argument("--content", type=Path, default=None, help="content folder to check")
    args = parser.parse_args(argv)
    root = args.content or content_dir()
    if not root.is_dir():
        print(f"{root}: (top): no such content folder", file=sys.stderr)
        print(f"1 problem(s) in {root.name}/", file=sys.stderr)
        return 1
    problems: list[str] = []
    content = words = None
    try:
        content = load_content(root)
    except ContentError as error:
        problems += error.problems
    try:
        words = load_all_words(root, content, check=content is not None)
    except ContentError as error:
        problems += [p for p in error.problems if p not in problems]
    if not problems and content is not None and words is not None:
        from skill.text_usage import unused_texts

        problems += unused_texts(content, root)
    if problems or content is None or words is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {root.name}/", file=sys.stderr)
        return 1
    print(
        f"content ok: {len(content.questions)} questions, {len(content.rules)} rules, "
        f"{len(content.red_flags)} red flags, {len(content.advice)} advice texts, "
        f"{len(content.info)} info topics, {len(content.locales)} locales; "
        f"words for {', '.join(words)}"
    )
    return 0


def serve(argv: list[str]) -> int:
    """Serve the skill over HTTPS with Amazon's request checks (see skill/web)."""
    from skill.web.server import serve as run_server

    return run_server(argv)


def simulate(argv: list[str]) -> int:
    """Talk to the skill by typing (see skill/simulator)."""
    from skill.simulator.cli import main as run_simulator

    return run_simulator(argv)


def model(argv: list[str]) -> int:
    """Build the interaction models from content/words (see skill/words)."""
    from skill.words.build import main as build_models

    return build_models(argv)


def nlu_eval(argv: list[str]) -> int:
    """Run the NLU evaluation corpus through the simulator (see skill/evaluation)."""
    from skill.evaluation.cli import main as run_evaluation

    return run_evaluation(argv)


def speech(argv: list[str]) -> int:
    """Measure how long the skill talks in every conversation script (see skill/speech)."""
    from skill.speech.cli import main as run_report

    return run_report(argv)


COMMANDS = {
    "validate": validate,
    "serve": serve,
    "simulate": simulate,
    "model": model,
    "nlu-eval": nlu_eval,
    "speech": speech,
}


def main(argv: list[str] | None = None) -> int:
    """Dispatch to a subcommand."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in COMMANDS:
        print(f"usage: python -m skill {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    return COMMANDS[args[0]](args[1:])


if __name__ == "__main__":
    sys.exit(main())
