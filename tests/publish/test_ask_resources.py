"""ask-resources.json: the ASK CLI v2 project file names a skill package that is all there."""

import json
import re
from typing import Any

from skill.publish.layout import ASK_RESOURCES, MANIFEST_PATH, PACKAGE_DIR, ROOT, model_path
from skill.publish.manifest import json_text, publishing_locales
from skill.publish.project import package_sources

PATH_KEYS = {"src", "templatePath"}


def resources() -> dict[str, Any]:
    return json.loads(ASK_RESOURCES.read_text(encoding="utf-8"))


def named_paths(node: Any, key: str = "") -> list[str]:
    """Every value of ask-resources.json that names a file or folder."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in named_paths(v, k)]
    if isinstance(node, list):
        return [p for v in node for p in named_paths(v, key)]
    if isinstance(node, str) and (key in PATH_KEYS or node.startswith(("./", "../"))):
        return [node]
    return []


def test_it_is_the_ask_cli_v2_format_with_the_default_profile() -> None:
    config = resources()
    assert config["askcliResourcesVersion"] == "2020-03-31"
    assert set(config["profiles"]) == {"default"}


def test_every_path_it_names_exists() -> None:
    paths = named_paths(resources())
    assert paths
    for path in paths:
        assert (ROOT / path).exists(), path


def test_the_skill_package_is_interaction_model() -> None:
    (source,) = package_sources()
    assert (ROOT / source).resolve() == PACKAGE_DIR


def test_ask_deploys_only_the_skill_package_and_sam_the_code() -> None:
    for profile in resources()["profiles"].values():
        assert set(profile) == {"skillMetadata"}, "code and infrastructure are deployed by SAM"


def test_the_package_holds_a_model_for_every_published_locale() -> None:
    document = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
    for locale in publishing_locales(document):
        assert model_path(locale).is_file(), locale


def test_every_packaged_file_the_manifest_names_exists() -> None:
    text = MANIFEST_PATH.read_text(encoding="utf-8")
    uris = re.findall(r'"file://([^"]+)"', text)
    assert uris
    for uri in uris:
        assert (PACKAGE_DIR / uri).is_file(), uri


def test_the_package_holds_only_what_the_skill_package_format_knows() -> None:
    files = {p.relative_to(PACKAGE_DIR).as_posix() for p in PACKAGE_DIR.rglob("*") if p.is_file()}
    known = re.compile(r"skill\.json|interactionModels/custom/[a-z]{2}-[A-Z]{2}\.json|assets/.+")
    assert [f for f in sorted(files) if not known.fullmatch(f)] == []


def test_json_files_are_written_as_the_ask_cli_writes_them_back() -> None:
    # ask deploy rewrites ask-resources.json and skill.json; the same form leaves no diff.
    for path in (ASK_RESOURCES, MANIFEST_PATH):
        text = path.read_text(encoding="utf-8")
        assert json_text(json.loads(text)) == text, path.name
