"""make stress runs end to end in a tiny mode, so it cannot rot. No timing assertions."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tiny_stress_run_reports_every_phase(tmp_path: Path) -> None:
    out = tmp_path / "stress.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.stress", "--soak", "300", "--valid", "40", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    figures = json.loads(out.read_text())
    assert figures["slow"]["ok"] == 40
    assert figures["slow"]["still_open_after"] == figures["slow"]["slow_connections"] == 250
    assert figures["bad"]["refused_400"] == 1000
    assert figures["bad"]["downloads"] <= 5
    assert figures["stall"]["ok"] == 40
    assert figures["soak"]["errors"] == 0
    assert len(figures["soak"]["rss_mib"]) >= 2
    assert "| Measure | Result | Target | Met |" in done.stdout
