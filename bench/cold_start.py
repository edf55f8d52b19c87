"""Cold start and peak memory: fresh processes answering one LaunchRequest, alternating."""

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.entries import BENCH, TARGETS, child_env
from bench.stats import summary
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.triage import snapshot
from skill.triage.load import CONTENT_DIR_ENV, content_dir, load_content

CHILD = BENCH / "cold_child.py"
CHILD_TIMEOUT_S = 60.0


class ColdStartError(RuntimeError):
    """A cold-start process failed or answered without speech."""


def _one(target: str, envelope_file: Path, env: dict[str, dict[str, str]]) -> dict[str, Any]:
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-I", str(CHILD), target, str(envelope_file)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        env=env[target],
        check=False,
    )
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if done.returncode != 0:
        raise ColdStartError(f"{target}: exit {done.returncode}: {done.stderr.strip()[-400:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["ok"]:
        raise ColdStartError(f"{target}: the LaunchRequest got no speech")
    return result | {"wall_s": wall, "cpu_s": cpu}


def _content_as_shipped(folder: Path) -> Path:
    """A copy of the content with the snapshot the Lambda build ships (scripts/build-lambda)."""
    shutil.copytree(content_dir(), folder)
    snapshot.write(load_content(folder), folder)
    return folder


def measure(processes: int, warmup: bool, budget_s: float) -> dict[str, Any]:
    """Start `processes` fresh interpreters per skill, alternating which goes first.

    Each one imports the Lambda entry point and answers a LaunchRequest. Stops early, with
    fewer processes, when `budget_s` runs out.
    """
    runs: dict[str, list[dict[str, Any]]] = {target: [] for target in TARGETS}
    deadline = time.monotonic() + budget_s
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        envelope_file = Path(tmp) / "launch.json"
        envelope_file.write_text(json.dumps(Session(SIMULATED_SKILL_ID, "en-US").launch()))
        env = {target: child_env() for target in TARGETS}
        env["ours"][CONTENT_DIR_ENV] = str(_content_as_shipped(Path(tmp) / "content"))
        if warmup:  # bytecode caches and the page cache, not recorded
            for target in TARGETS:
                _one(target, envelope_file, env)
        for index in range(processes):
            if time.monotonic() > deadline:
                break
            order = TARGETS if index % 2 == 0 else TARGETS[::-1]
            for target in order:
                runs[target].append(_one(target, envelope_file, env))
    return {
        target: {
            "wall_s": summary([r["wall_s"] for r in results]),
            "cpu_s": summary([r["cpu_s"] for r in results]),
            "first_response_s": summary([r["first_response_s"] for r in results]),
            "import_s": summary([r["import_s"] for r in results]),
            "maxrss_kib": summary([r["maxrss_kib"] for r in results]),
        }
        for target, results in runs.items()
    }
