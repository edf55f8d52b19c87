"""The benchmarks run end to end in a tiny mode, so they cannot rot. No timing assertions."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = {"cold_start", "warm_turn", "web", "conversation_length", "speech"}


def _bench(*args: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_quick_bench_measures_every_section(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    done = _bench(out=out)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text())
    assert results["errors"] == {}
    assert set(results["sections"]) == SECTIONS
    assert "| Measure | Ours | Baseline | Ratio | Target | Result |" in done.stdout
    web = results["sections"]["web"]
    # Every signed request passed Amazon's checks on both servers.
    assert web["ours"]["errors"] == web["baseline"]["errors"] == 0
    cold = results["sections"]["cold_start"]
    assert cold["ours"]["wall_s"]["n"] == cold["baseline"]["wall_s"]["n"] == 2
    speech = results["sections"]["speech"]
    assert len(speech["targets"]) == 5
    assert "| Speech: longest spoken list |" in done.stdout


def test_python_load_generator_needs_no_ab(tmp_path: Path) -> None:
    out = tmp_path / "web.json"
    skip = ["--skip", "cold_start", "--skip", "warm_turn", "--skip", "conversation_length"]
    skip += ["--skip", "speech"]
    done = _bench(*skip, "--load-generator", "python", out=out)
    assert done.returncode == 0, done.stderr
    web = json.loads(out.read_text())["sections"]["web"]
    assert web["load_generator"] == "python"
    assert web["ours"]["errors"] == web["baseline"]["errors"] == 0


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "artifact"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "a.py").write_text("x = 1\n" * 100)
    (root / "b.txt").write_text("b")
    return root


def test_zipped_size_counts_every_file(folder: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from bench.artifact import zipped_size
    finally:
        sys.path.remove(str(ROOT))
    sizes = zipped_size(folder, tmp_path / "a.zip")
    assert sizes["files"] == 2
    assert sizes["unzipped_bytes"] == 601
    assert 0 < sizes["zipped_bytes"] < sizes["unzipped_bytes"]
