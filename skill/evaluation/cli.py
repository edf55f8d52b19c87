"""python -m skill nlu-eval: the corpus through the simulator, figures per point."""

import argparse
import json
import sys
from pathlib import Path

from skill.evaluation.corpus import CORPUS_DIR, CorpusError, annotations, load_corpus
from skill.evaluation.report import by_point, table
from skill.evaluation.run import EXPECTED_QUESTION, LATER_SIGNS, SIGNS, Result, Runner


def evaluate(paths: list[Path]) -> list[Result]:
    """Every line of the corpus files, said at its point."""
    from skill.lambda_function import lambda_handler
    from skill.simulator.outcome import outcome_of
    from skill.triage.load import default_content

    runner = Runner(lambda_handler, default_content(), outcome_of)
    for point in (*EXPECTED_QUESTION, "offer"):
        runner.check_reached(point, None)
    for sign in (*SIGNS, *LATER_SIGNS):
        runner.check_reached("sign", sign)
    return [runner.run(line) for path in paths for line in load_corpus(path)]


def main(argv: list[str]) -> int:
    """Print the figures (or JSON); --export writes the annotations for the ASK CLI."""
    parser = argparse.ArgumentParser(prog="python -m skill nlu-eval")
    parser.add_argument(
        "--set", dest="sets", type=Path, action="append", help="corpus file (repeatable)"
    )
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    parser.add_argument("--failures", action="store_true", help="list the lines that failed")
    parser.add_argument("--export", type=Path, help="write the annotation set for the ASK CLI")
    parser.add_argument("--verbose", action="store_true", help="with --failures: what was heard")
    args = parser.parse_args(argv)
    paths = args.sets or sorted(CORPUS_DIR.glob("*.json"))
    try:
        if args.export:
            merged = {"data": [e for p in paths for e in annotations(p)["data"]]}
            args.export.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {len(merged['data'])} annotations to {args.export}")
            return 0
        results = evaluate(paths)
    except CorpusError as error:
        print(f"nlu-eval: {error}", file=sys.stderr)
        return 2
    if args.json:
        figures = {p: vars(f) for p, f in by_point(results).items()}
        print(json.dumps(figures, indent=2))
    else:
        print(f"{len(results)} lines from {', '.join(p.name for p in paths)}\n")
        print(table(results))
    if args.failures:
        for r in results:
            wrong = [
                name
                for name, bad in (
                    ("missed emergency", r.line.emergency and not r.emergency),
                    ("false emergency", not r.line.emergency and r.emergency),
                    ("not understood", r.line.understood and not (r.understood or r.emergency)),
                    ("facts", not r.facts_ok),
                    ("answer", not r.answer_ok),
                )
                if bad
            ]
            if wrong:
                print(f"- [{r.line.point}] {r.line.utterance!r}: {', '.join(wrong)}")
                if args.verbose:
                    got = {f: r.facts.get(f) for f in r.line.facts}
                    print(f"    facts wanted {r.line.facts}, got {got}; intent {r.intent}")
                    print(f"    said: {r.speech[:160]}")
    return 0
