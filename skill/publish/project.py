"""A deployable copy of the ASK CLI project: the skill package with its manifest completed."""

import json
import shutil
from pathlib import Path, PurePosixPath

from skill.publish.layout import ASK_RESOURCES, MANIFEST_NAME, PACKAGE_DIR, ROOT
from skill.publish.manifest import complete, json_text
from skill.publish.settings import DeploySettings

STATE_NAME = ".ask"
STATE_DIR = ROOT / STATE_NAME


def package_sources(resources: Path = ASK_RESOURCES) -> set[str]:
    """The skill package folder (skillMetadata.src) of every profile of ask-resources.json."""
    config = json.loads(resources.read_text(encoding="utf-8"))
    return {p["skillMetadata"]["src"] for p in config["profiles"].values()}


def write_project(out: Path, settings: DeploySettings, state_dir: Path = STATE_DIR) -> Path:
    """Write the project copy into `out`; returns the package folder written.

    The copy holds ask-resources.json as committed, the skill package with the completed
    manifest at the place ask-resources.json names, and `.ask` linked to the project's own ASK
    CLI state, so `ask deploy` run in `out` updates the same skill. Only these three are replaced
    when `out` holds an earlier copy.
    """
    (source,) = package_sources()
    relative = PurePosixPath(source)
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"ask-resources.json: skillMetadata.src must stay inside: {source}")
    out.mkdir(parents=True, exist_ok=True)
    package = out.joinpath(*relative.parts)
    shutil.rmtree(package, ignore_errors=True)
    shutil.copytree(PACKAGE_DIR, package)
    document = json.loads((PACKAGE_DIR / MANIFEST_NAME).read_text(encoding="utf-8"))
    (package / MANIFEST_NAME).write_text(json_text(complete(document, settings)), "utf-8")
    shutil.copyfile(ASK_RESOURCES, out / ASK_RESOURCES.name)
    state_dir.mkdir(exist_ok=True)
    link = out / STATE_NAME
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(state_dir.resolve(), target_is_directory=True)
    return package
