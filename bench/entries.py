"""The two skills under test, their paths and in-process handlers."""

import importlib.util
import os
from pathlib import Path

from skill.handler import SkillHandler
from skill.simulator.envelope import SIMULATED_SKILL_ID

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BASELINE_DIR = BENCH / "baseline"
TARGETS = ("ours", "baseline")
SKILL_ID_ENV = "ALEXA_SKILL_ID"

Handler = SkillHandler


def child_env() -> dict[str, str]:
    """Environment of the benchmark's child processes: the simulated skill id, as deployed."""
    return os.environ | {SKILL_ID_ENV: SIMULATED_SKILL_ID}


def handler(target: str) -> Handler:
    """`lambda_handler` of ours or of the baseline, imported into this process."""
    os.environ[SKILL_ID_ENV] = SIMULATED_SKILL_ID
    if target == "ours":
        from skill.lambda_function import lambda_handler

        return lambda_handler
    spec = importlib.util.spec_from_file_location(
        "bench_baseline_lambda_function", BASELINE_DIR / "lambda_function.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.lambda_handler  # type: ignore[no-any-return]
