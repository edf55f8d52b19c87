"""python -m skill.publish: an ASK CLI project copy with the manifest completed, nothing else."""

import json
from pathlib import Path

import pytest

from skill.publish.__main__ import main
from skill.publish.layout import ASK_RESOURCES, MANIFEST_PATH, PACKAGE_DIR
from skill.publish.manifest import complete, publishing_locales
from skill.publish.project import write_project
from skill.publish.settings import DeploySettings

ARN = "arn:aws:lambda:eu-west-1:123456789012:function:muscle-twitch-helper-Skill-X1:live"
SETTINGS = DeploySettings(
    ARN,
    "https://pages.muscle-twitch.help/{locale}/privacy",
    "https://pages.muscle-twitch.help/terms",
)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    out = tmp_path / "build" / "ask"
    write_project(out, SETTINGS, state_dir=tmp_path / "state")
    return out


def test_complete_fills_the_endpoint_and_every_locale_pages() -> None:
    committed = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
    done = complete(committed, SETTINGS)["manifest"]
    assert done["apis"]["custom"]["endpoint"] == {"uri": ARN}
    locales = publishing_locales(committed)
    assert done["privacyAndCompliance"]["locales"] == {
        locale: {
            "privacyPolicyUrl": f"https://pages.muscle-twitch.help/{locale}/privacy",
            "termsOfUseUrl": "https://pages.muscle-twitch.help/terms",
        }
        for locale in locales
    }
    assert "endpoint" not in committed["manifest"]["apis"]["custom"], "the input is left alone"


def test_only_the_manifest_differs_from_the_committed_package(project: Path) -> None:
    package = project / "interaction_model"
    copied, committed = files(package), files(PACKAGE_DIR)
    assert set(copied) == set(committed)
    assert [name for name in copied if copied[name] != committed[name]] == ["skill.json"]
    document = json.loads(copied["skill.json"])
    assert document == complete(json.loads(committed["skill.json"]), SETTINGS)


def test_the_copy_is_a_project_ask_deploy_runs_in(project: Path, tmp_path: Path) -> None:
    assert (project / "ask-resources.json").read_bytes() == ASK_RESOURCES.read_bytes()
    state = project / ".ask"
    assert state.is_symlink()
    assert state.resolve() == (tmp_path / "state").resolve()


def test_writing_again_replaces_the_earlier_copy(project: Path, tmp_path: Path) -> None:
    (project / "interaction_model" / "stale.json").write_text("{}")
    (project / "ask-resources.json").write_text("{}")
    write_project(project, SETTINGS, state_dir=tmp_path / "state")
    assert not (project / "interaction_model" / "stale.json").exists()
    assert (project / "ask-resources.json").read_bytes() == ASK_RESOURCES.read_bytes()


def test_main_reports_missing_settings_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("SKILL_ENDPOINT", "PRIVACY_POLICY_URL", "TERMS_OF_USE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert main([str(tmp_path / "out")]) == 1
    assert "publish: SKILL_ENDPOINT: not set" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
