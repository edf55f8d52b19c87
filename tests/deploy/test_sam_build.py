"""sam build makes an arm64 artifact with only the runtime code, and that code answers Alexa.

This machine cannot run aarch64 code, so the arm64 artifact that sam build makes is checked for
what it holds (its wheels' tags, the machine of every compiled library), and an x86_64 artifact
built by the same script (scripts/build-lambda --arch x86_64) answers a LaunchRequest in a
Python that sees only the artifact.
"""

import json
import os
import subprocess
import sys
import tomllib
from importlib.metadata import distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from skill.triage import snapshot
from skill.triage.load import load_content
from skill.understanding.load import FILE_NAME as LEXICON_FILE
from skill.understanding.load import compile_all

ROOT = Path(__file__).resolve().parents[2]
SAM = Path(sys.executable).parent / "sam"
BUILD_SCRIPT = ROOT / "scripts" / "build-lambda"
LAUNCH_REQUEST = Path(__file__).with_name("launch_request.json")
SKILL_ID = "amzn1.ask.skill.0f1e2d3c-4b5a-4697-8a9b-abcdef012345"
NOT_SHIPPED = {
    ".git",
    ".venv",
    "bench",
    "bin",
    "docs",
    "interaction_model",
    "scripts",
    "tests",
    "Makefile",
    "pyproject.toml",
    "samconfig.toml",
    "template.yaml",
}

pytestmark = pytest.mark.skipif(not SAM.is_file(), reason="sam is not installed beside python")

# ELF e_machine values (the 16-bit field at offset 18 of every shared library).
ELF_MACHINES = {"arm64": 183, "x86_64": 62}
WHEEL_MACHINES = {"arm64": "aarch64", "x86_64": "x86_64"}
COMPILED = {"pyyaml", "rapidfuzz"}

# Runs like Lambda's python3.12: no site-packages, only the artifact on the path.
INVOKE = """
import json, sys
artifact, event_file, result_file = sys.argv[1:]
sys.path.insert(0, artifact)
from skill.lambda_function import lambda_handler
from skill.triage.load import content_dir
parsed_yaml = "yaml" in sys.modules
import ask_sdk_core, skill, yaml

class Context:
    function_name = "SkillFunction"
    aws_request_id = "5d1f1a4e-3c2b-4a59-8e7d-0f9a8b7c6d5e"
    def get_remaining_time_in_millis(self):
        return 8000

with open(event_file, encoding="utf-8") as f:
    event = json.load(f)
result = {
    "response": lambda_handler(event, Context()),
    "loaded_from": [m.__file__ for m in (ask_sdk_core, skill, yaml)],
    "content_dir": str(content_dir()),
    "parsed_yaml": parsed_yaml,
}
with open(result_file, "w", encoding="utf-8") as f:
    json.dump(result, f)
"""


@pytest.fixture(scope="module")
def artifact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SkillFunction folder that `sam build` leaves (arm64), without Docker."""
    build_dir = tmp_path_factory.mktemp("sam") / "build"
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "PYTHON": sys.executable}
    result = subprocess.run(
        [SAM, "build", "--template-file", "template.yaml", "--build-dir", build_dir],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return build_dir / "SkillFunction"


@pytest.fixture(scope="module")
def x86_artifact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same build for x86_64, which this machine can run."""
    out = tmp_path_factory.mktemp("x86") / "SkillFunction"
    result = subprocess.run(
        [BUILD_SCRIPT, "--arch", "x86_64", out],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _wheel_tags(folder: Path) -> dict[str, list[str]]:
    """Each installed distribution's wheel tags."""
    tags = {}
    for wheel in folder.glob("*.dist-info/WHEEL"):
        metadata = (wheel.parent / "METADATA").read_text(encoding="utf-8")
        name = next(line[6:] for line in metadata.splitlines() if line.startswith("Name: "))
        text = wheel.read_text(encoding="utf-8")
        tags[name.lower()] = [line[5:] for line in text.splitlines() if line.startswith("Tag: ")]
    return tags


def _elf_machine(library: Path) -> int:
    header = library.read_bytes()[:20]
    assert header[:4] == b"\x7fELF", library
    return int.from_bytes(header[18:20], "little")


def _files(folder: Path) -> set[str]:
    """Files below a folder, without bytecode caches."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_artifact_holds_runtime_dependencies_skill_and_content(artifact: Path) -> None:
    assert {"ask_sdk_core", "yaml", "skill", "content"} <= {p.name for p in artifact.iterdir()}
    assert _files(artifact / "skill") == _files(ROOT / "skill")
    snapshots = {snapshot.FILE_NAME, LEXICON_FILE}
    shipped = _files(ROOT / "content") - snapshots
    assert _files(artifact / "content") == shipped | snapshots


def test_artifact_leaves_out_tests_and_tools(artifact: Path) -> None:
    assert NOT_SHIPPED.isdisjoint(p.name for p in artifact.iterdir())


def test_artifact_ships_bytecode_for_the_lambda_python(artifact: Path) -> None:
    # Lambda's code folder is read-only, so bytecode it does not ship is compiled on every start.
    compiled = artifact / "skill" / "__pycache__" / "lambda_function.cpython-312.pyc"
    assert compiled.is_file()


def test_artifact_content_snapshot_matches_the_shipped_yaml(artifact: Path) -> None:
    assert snapshot.read(artifact / "content") == load_content(artifact / "content")


def test_artifact_lexicon_snapshot_matches_the_shipped_words(artifact: Path) -> None:
    assert snapshot.read_object(artifact / "content", LEXICON_FILE) == compile_all(
        artifact / "content"
    )


def test_artifact_dependencies_are_the_pyproject_pins(artifact: Path) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [Requirement(line) for line in pyproject["project"]["dependencies"]]
    installed = {d.metadata["Name"].lower(): d.version for d in distributions(path=[artifact])}
    for pin in pins:
        assert pin.specifier.contains(installed[pin.name.lower()]), pin


@pytest.mark.parametrize("arch", ["arm64", "x86_64"])
def test_compiled_wheels_are_for_the_architecture(
    artifact: Path, x86_artifact: Path, arch: str
) -> None:
    folder = artifact if arch == "arm64" else x86_artifact
    tags = _wheel_tags(folder)
    compiled = {name for name, found in tags.items() if any("linux" in t for t in found)}
    assert compiled >= COMPILED
    for name in compiled:
        assert all(t.endswith("_" + WHEEL_MACHINES[arch]) for t in tags[name]), (name, tags[name])
    for name in set(tags) - compiled:
        assert all(t.endswith("-none-any") for t in tags[name]), (name, tags[name])


@pytest.mark.parametrize("arch", ["arm64", "x86_64"])
def test_every_compiled_library_is_for_the_architecture(
    artifact: Path, x86_artifact: Path, arch: str
) -> None:
    folder = artifact if arch == "arm64" else x86_artifact
    libraries = sorted(folder.rglob("*.so"))
    assert libraries
    assert {p.name: _elf_machine(p) for p in libraries} == dict.fromkeys(
        (p.name for p in libraries), ELF_MACHINES[arch]
    )


def test_both_architectures_ship_the_same_python_skill_and_content(
    artifact: Path, x86_artifact: Path
) -> None:
    def portable(folder: Path) -> set[str]:
        return {f for f in _files(folder) if not f.endswith(".so") and ".dist-info/" not in f}

    assert portable(artifact) == portable(x86_artifact)


def test_x86_artifact_answers_a_launch_request_on_its_own(
    x86_artifact: Path, tmp_path: Path
) -> None:
    artifact = x86_artifact
    event = json.loads(LAUNCH_REQUEST.read_text(encoding="utf-8"))
    assert event["context"]["System"]["application"]["applicationId"] == SKILL_ID
    result_file = tmp_path / "result.json"
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-c", INVOKE, artifact, LAUNCH_REQUEST, result_file],
        cwd=tmp_path,
        env={"ALEXA_SKILL_ID": SKILL_ID, "LANG": "en_US.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert all(Path(f).is_relative_to(artifact) for f in result["loaded_from"])
    assert Path(result["content_dir"]) == artifact / "content"
    assert result["parsed_yaml"] is False, "the cold start should read the content snapshot"
    envelope = result["response"]
    assert envelope["version"] == "1.0"
    speech = envelope["response"]["outputSpeech"]
    assert speech["type"] == "SSML"
    assert speech["ssml"].startswith("<speak>")
    assert speech["ssml"].endswith("</speak>")
    assert envelope["response"]["reprompt"]["outputSpeech"]["ssml"]
    assert envelope["response"]["shouldEndSession"] is False


def test_artifact_keeps_only_the_english_word_list_the_reader_uses(artifact: Path) -> None:
    lists = sorted(p.name for p in (artifact / "spellchecker" / "resources").glob("*.json.gz"))
    assert lists == ["en.json.gz"]
    run = subprocess.run(
        [
            sys.executable,
            "-I",
            "-S",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from skill.understanding.spelling import _english; print(len(_english()) > 1000)",
            str(artifact),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.stdout.strip() == "True", run.stderr
