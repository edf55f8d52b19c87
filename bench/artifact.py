"""Lambda artifact size: ours from scripts/build-lambda, the baseline built the same way."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from bench.entries import BASELINE_DIR, ROOT

BUILD_TIMEOUT_S = 180.0
# The pip call of scripts/build-lambda (arm64, as the template deploys), for the baseline's
# requirement.
PIP_TARGET = [
    "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
    "--root-user-action=ignore", "--upgrade",
    "--platform", "manylinux2014_aarch64", "--platform", "manylinux_2_28_aarch64",
    "--implementation", "cp", "--python-version", "3.12",
    "--only-binary=:all:", "--no-compile",
]  # fmt: skip


def zipped_size(folder: Path, archive: Path) -> dict[str, int]:
    """Zip `folder` (deflate, sorted, relative names); sizes in bytes and the file count."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in files:
            bundle.write(path, path.relative_to(folder).as_posix())
    return {
        "zipped_bytes": archive.stat().st_size,
        "unzipped_bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
    }


def _sdk_requirement() -> str:
    with (ROOT / "pyproject.toml").open("rb") as project:
        dependencies = tomllib.load(project)["project"]["dependencies"]
    pins = [d for d in dependencies if re.match(r"ask-sdk-core\b", d)]
    if len(pins) != 1:
        raise RuntimeError("pyproject.toml pins no single ask-sdk-core")
    return str(pins[0])


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-400:]}")


def build_ours(out: Path) -> None:
    """scripts/build-lambda OUT, with this interpreter's pip."""
    _run(
        [str(ROOT / "scripts" / "build-lambda"), str(out)], os.environ | {"PYTHON": sys.executable}
    )


def build_baseline(out: Path) -> None:
    """The baseline's ask-sdk-core (our pin) for the Lambda platform, then its one file."""
    _run([sys.executable, *PIP_TARGET, "--target", str(out), _sdk_requirement()], dict(os.environ))
    shutil.rmtree(out / "bin", ignore_errors=True)
    shutil.copy2(BASELINE_DIR / "lambda_function.py", out / "lambda_function.py")
    # Bytecode for the Lambda python, as scripts/build-lambda ships for ours.
    _run(
        [
            sys.executable,
            "-W",
            "ignore",
            "-m",
            "compileall",
            "-q",
            "-j",
            "0",
            "--invalidation-mode",
            "unchecked-hash",
            str(out),
        ],
        dict(os.environ),
    )


def measure() -> dict[str, Any]:
    """Build both artifacts in a temporary folder and zip them."""
    with tempfile.TemporaryDirectory(prefix="bench-artifact-") as tmp:
        results = {}
        for target, build in (("ours", build_ours), ("baseline", build_baseline)):
            folder = Path(tmp) / target
            folder.mkdir()
            build(folder)
            results[target] = zipped_size(folder, Path(tmp) / f"{target}.zip")
    return results
