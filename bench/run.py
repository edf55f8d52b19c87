"""make bench: measure the skill against the hello-world baseline, print and save the table."""

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.entries import BENCH
from bench.stats import ratio

RESULTS = BENCH / "results" / "latest.json"
TITLES = {
    "cold_start": "Cold start and peak RSS",
    "warm_turn": "Warm turn",
    "web": "Web service under load",
    "artifact": "Lambda artifact, zipped",
    "conversation_length": "Conversation length",
    "speech": "Speech length",
}


@dataclass(frozen=True)
class Settings:
    """How much to measure; every loop is bounded by a count and a time."""

    cold_processes: int
    cold_warmup: bool
    cold_budget_s: float
    warm_turns: int
    warm_warmup_rounds: int
    warm_budget_s: float
    web_requests: int
    web_concurrency: int
    web_rounds: int
    web_threads: int
    web_warmup: int
    web_limit_s: float
    web_budget_s: float
    artifact: bool


FULL = Settings(
    cold_processes=21,
    cold_warmup=True,
    cold_budget_s=120,
    warm_turns=3000,
    warm_warmup_rounds=5,
    warm_budget_s=60,
    web_requests=5000,
    web_concurrency=32,
    web_rounds=10,
    web_threads=8,
    web_warmup=200,
    web_limit_s=60,
    web_budget_s=150,
    artifact=True,
)
QUICK = Settings(
    cold_processes=2,
    cold_warmup=False,
    cold_budget_s=30,
    warm_turns=20,
    warm_warmup_rounds=1,
    warm_budget_s=10,
    web_requests=50,
    web_concurrency=4,
    web_rounds=1,
    web_threads=8,
    web_warmup=8,
    web_limit_s=20,
    web_budget_s=40,
    artifact=False,
)


@dataclass(frozen=True)
class Row:
    """One line of the table: figures, the ours/baseline ratio and the target's verdict."""

    measure: str
    ours: str
    baseline: str
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None

    def cells(self) -> list[str]:
        """Markdown cells."""
        mark = "" if self.passed is None else ("pass" if self.passed else "**miss**")
        shown = "" if self.ratio is None else f"{self.ratio:.2f}x"
        return [self.measure, self.ours, self.baseline, shown, self.target, mark]


def _machine(load_generator: str) -> dict[str, Any]:
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return {
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_generator": load_generator,
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _spread(figures: dict[str, float]) -> str:
    return f"{_ms(figures['median'])} (IQR {_ms(figures['q1'])[:-3]}-{_ms(figures['q3'])})"


def _mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def _cold_rows(cold: dict[str, Any]) -> list[Row]:
    ours, base = cold["ours"], cold["baseline"]
    wall = ratio(ours["wall_s"]["median"], base["wall_s"]["median"])
    first = ratio(ours["first_response_s"]["median"], base["first_response_s"]["median"])
    rss = ratio(ours["maxrss_kib"]["median"], base["maxrss_kib"]["median"])
    n = ours["wall_s"]["n"]
    return [
        Row(
            f"Cold start, process to first response, median of {n}",
            _spread(ours["wall_s"]),
            _spread(base["wall_s"]),
            wall,
            "<= 1.2x",
            wall is not None and wall <= 1.2,
        ),
        Row(
            "Cold start, CPU time of the process (user + sys)",
            _spread(ours["cpu_s"]),
            _spread(base["cpu_s"]),
            ratio(ours["cpu_s"]["median"], base["cpu_s"]["median"]),
        ),
        Row(
            "Cold start, import + first response in the process",
            _spread(ours["first_response_s"]),
            _spread(base["first_response_s"]),
            first,
        ),
        Row(
            "Peak RSS of the cold-start process",
            _mib(ours["maxrss_kib"]["median"]),
            _mib(base["maxrss_kib"]["median"]),
            rss,
            "<= 1.2x",
            rss is not None and rss <= 1.2,
        ),
    ]


def _warm_rows(warm: dict[str, Any]) -> list[Row]:
    ours, base = warm["ours"], warm["baseline"]
    p50 = ratio(ours["p50_ms"], base["p50_ms"])
    return [
        Row(
            f"Warm turn p50 ({ours['n']} / {base['n']} requests)",
            f"{ours['p50_ms']:.2f} ms",
            f"{base['p50_ms']:.2f} ms",
            p50,
            "<= 1.3x",
            p50 is not None and p50 <= 1.3,
        ),
        Row(
            "Warm turn p99",
            f"{ours['p99_ms']:.2f} ms",
            f"{base['p99_ms']:.2f} ms",
            ratio(ours["p99_ms"], base["p99_ms"]),
        ),
    ]


def _latency(ms: float | None) -> str:
    return "n/a" if ms is None else f"{ms:.1f} ms"


def _web_rows(web: dict[str, Any]) -> list[Row]:
    ours, base = web["ours"], web["baseline"]
    rps = ratio(ours["requests_per_s"], base["requests_per_s"])
    label = f"{ours['requests']} signed requests at {web['concurrency']} concurrent"
    return [
        Row(
            f"Web throughput ({label})",
            f"{ours['requests_per_s']:.0f} req/s",
            f"{base['requests_per_s']:.0f} req/s",
            rps,
            ">= 0.8x",
            rps is not None and rps >= 0.8,
        ),
        Row(
            "Web latency p50",
            _latency(ours["p50_ms"]),
            _latency(base["p50_ms"]),
            ratio(ours["p50_ms"], base["p50_ms"]),
        ),
        Row(
            "Web latency p99",
            _latency(ours["p99_ms"]),
            _latency(base["p99_ms"]),
            ratio(ours["p99_ms"], base["p99_ms"]),
            "< 50 ms",
            ours["p99_ms"] is not None and ours["p99_ms"] < 50,
        ),
        Row(
            "Web errors (failed, non-2xx, unfinished)",
            str(ours["errors"]),
            str(base["errors"]),
            None,
            "0",
            ours["errors"] == 0,
        ),
    ]


def _artifact_rows(artifact: dict[str, Any]) -> list[Row]:
    ours, base = artifact["ours"], artifact["baseline"]
    return [
        Row(
            "Lambda artifact, zipped (deflate)",
            f"{ours['zipped_bytes'] / 2**20:.2f} MiB ({ours['files']} files)",
            f"{base['zipped_bytes'] / 2**20:.2f} MiB ({base['files']} files)",
            ratio(ours["zipped_bytes"], base["zipped_bytes"]),
        )
    ]


def _length_rows(length: dict[str, Any]) -> list[Row]:
    label = "Conversation length, user turns to an outcome (median / max)"
    if not length.get("with_outcome"):
        return [Row(label, "n/a", "—")]
    scripts = f"{length['with_outcome']} of {length['scripts']} scripts"
    return [Row(label, f"{length['median']:g} / {length['max']} ({scripts})", "—")]


def _speech_rows(speech: dict[str, Any]) -> list[Row]:
    """The speech report's targets (skill/speech/report.py), the first with its script count."""
    labels = [
        f"Speech: {target['name'][0].lower()}{target['name'][1:]}" for target in speech["targets"]
    ]
    labels[0] += f" ({speech['self_care_scripts']} scripts, 150 wpm)"
    rows = [
        Row(label, target["figure"], "—", None, target["limit"], target["met"])
        for label, target in zip(labels, speech["targets"], strict=True)
    ]
    if speech["errors"]:
        failed = ", ".join(sorted(speech["errors"]))
        rows.append(
            Row("Speech: scripts that could not be driven", failed, "—", None, "none", False)
        )
    return rows


Section = tuple[str, Callable[[], dict[str, Any]], Callable[[dict[str, Any]], list[Row]]]


def _sections(settings: Settings, skip: set[str], generator: str) -> list[Section]:
    from bench import artifact, cold_start, length, speech, warm, web

    s = settings
    sections: list[Section] = [
        (
            "cold_start",
            lambda: cold_start.measure(s.cold_processes, s.cold_warmup, s.cold_budget_s),
            _cold_rows,
        ),
        (
            "warm_turn",
            lambda: warm.measure(s.warm_turns, s.warm_warmup_rounds, s.warm_budget_s),
            _warm_rows,
        ),
        (
            "web",
            lambda: web.measure(
                s.web_requests,
                s.web_concurrency,
                s.web_rounds,
                s.web_threads,
                s.web_warmup,
                s.web_limit_s,
                generator,
                s.web_budget_s,
            ),
            _web_rows,
        ),
        ("artifact", artifact.measure, _artifact_rows),
        ("conversation_length", length.measure, _length_rows),
        ("speech", speech.measure, _speech_rows),
    ]
    return [section for section in sections if section[0] not in skip]


def table(rows: list[Row]) -> str:
    """The rows as a markdown table."""
    head = ["Measure", "Ours", "Baseline", "Ratio", "Target", "Result"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run the benchmarks; 1 when a section failed to measure (or, with --strict, missed)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny run that only checks it works")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=list(TITLES),
        help="leave a section out (repeatable)",
    )
    parser.add_argument(
        "--load-generator",
        choices=["auto", "ab", "python"],
        default="auto",
        help="ab (ApacheBench) or Python threads; auto: ab when installed",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    skip = set(args.skip) | (set() if settings.artifact else {"artifact"})

    from bench.web import WebBenchError, load_generator

    try:
        generator = load_generator(args.load_generator)
    except WebBenchError as error:
        parser.error(str(error))
    results: dict[str, Any] = {
        "machine": _machine(generator),
        "settings": asdict(settings) | {"quick": args.quick},
        "sections": {},
        "errors": {},
    }
    rows: list[Row] = []
    for name, run, to_rows in _sections(settings, skip, generator):
        started = time.monotonic()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            figures = run()
            section_rows = to_rows(figures)
        except Exception as error:
            results["errors"][name] = f"{type(error).__name__}: {error}"
            rows.append(Row(TITLES[name], f"error: {type(error).__name__}", "", None, "", False))
            continue
        figures["seconds"] = round(time.monotonic() - started, 1)
        results["sections"][name] = figures
        rows.extend(section_rows)
    for name in TITLES:
        if name in skip:
            reason = "skipped (--quick)" if name == "artifact" and args.quick else "skipped"
            rows.append(Row(TITLES[name], reason, ""))
    results["table"] = [asdict(row) for row in rows]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    machine = results["machine"]
    print(
        f"{machine['date']}; {machine['cores']} cores, {machine['memory']}, "
        f"Python {machine['python']}; load generator: {machine['load_generator']}\n"
    )
    print(table(rows))
    for name, message in results["errors"].items():
        print(f"\n{name}: {message}", file=sys.stderr)
    if results["errors"]:
        return 1
    missed = any(row.passed is False for row in rows)
    return 1 if args.strict and missed else 0
