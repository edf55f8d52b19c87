"""The SAM template: lint, handler, runtime, and the skill ID wiring."""

import importlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
BUILD_SCRIPT = ROOT / "scripts" / "build-lambda"
SKILL_ID_REF = {"Ref": "SkillId"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return yaml_parse(TEMPLATE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def function(template: dict[str, Any]) -> dict[str, Any]:
    """The skill function's properties, with the Globals SAM merges in."""
    resource = template["Resources"]["SkillFunction"]
    assert resource["Type"] == "AWS::Serverless::Function"
    return {**template["Globals"]["Function"], **resource["Properties"]}


def test_cfn_lint_reports_nothing() -> None:
    cfn_lint = Path(sys.executable).parent / "cfn-lint"
    result = subprocess.run(
        [cfn_lint, "--include-checks", "I", "--", TEMPLATE.name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_handler_is_a_callable_in_a_module_of_the_code(function: dict[str, Any]) -> None:
    module_name, _, name = function["Handler"].rpartition(".")
    module = importlib.import_module(module_name)
    assert callable(getattr(module, name))
    assert Path(module.__file__ or "").is_relative_to((ROOT / function["CodeUri"]).resolve())


def test_runtime_is_python_3_12_or_newer(function: dict[str, Any]) -> None:
    match = re.fullmatch(r"python(\d+)\.(\d+)", function["Runtime"])
    assert match
    assert (int(match[1]), int(match[2])) >= (3, 12)


def test_build_script_targets_the_template_runtime_and_architecture(
    function: dict[str, Any],
) -> None:
    script = BUILD_SCRIPT.read_text(encoding="utf-8")
    version = function["Runtime"].removeprefix("python")
    assert f"--python-version {version} " in script
    assert function["Architectures"] == ["x86_64"]
    assert "--platform manylinux2014_x86_64 " in script


def test_timeout_fits_in_the_eight_seconds_alexa_waits(function: dict[str, Any]) -> None:
    assert 3 <= function["Timeout"] <= 8


def test_function_is_built_by_the_makefile_target(template: dict[str, Any]) -> None:
    assert template["Resources"]["SkillFunction"]["Metadata"] == {"BuildMethod": "makefile"}
    assert "\nbuild-SkillFunction:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_skill_id_reaches_the_code_as_alexa_skill_id(function: dict[str, Any]) -> None:
    assert function["Environment"]["Variables"]["ALEXA_SKILL_ID"] == SKILL_ID_REF


def test_alexa_trigger_is_limited_to_the_skill_id(function: dict[str, Any]) -> None:
    events = function["Events"].values()
    assert [event["Properties"] for event in events if event["Type"] == "AlexaSkill"] == [
        {"SkillId": SKILL_ID_REF}
    ]


@pytest.mark.parametrize(
    ("skill_id", "allowed"),
    [
        ("amzn1.ask.skill.0f1e2d3c-4b5a-4697-8a9b-abcdef012345", True),
        ("amzn1.ask.skill.0f1e2d3c-4b5a-4697-8a9b-abcdef012345 ", False),
        ("amzn1.ask.skill.", False),
        ("amzn1.ask.skill.0F1E2D3C-4B5A-4697-8A9B-ABCDEF012345", False),
        ("amzn1.echo-sdk-ams.app.0f1e2d3c-4b5a-4697-8a9b-abcdef012345", False),
        ("", False),
    ],
)
def test_skill_id_parameter_accepts_only_skill_ids(
    template: dict[str, Any], skill_id: str, allowed: bool
) -> None:
    pattern = template["Parameters"]["SkillId"]["AllowedPattern"]
    assert bool(re.fullmatch(pattern, skill_id)) is allowed


def test_sam_transform_gives_the_trigger_and_outputs_it_names(template: dict[str, Any]) -> None:
    deployable = {
        **template,
        "Resources": {
            **template["Resources"],
            "SkillFunction": {
                **template["Resources"]["SkillFunction"],
                "Properties": {
                    **template["Resources"]["SkillFunction"]["Properties"],
                    "CodeUri": "s3://bucket/skill.zip",
                },
            },
        },
    }
    translator = Translator(
        {"AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"},
        Parser(),
        boto_session=boto3.session.Session(region_name="us-east-1"),
    )
    resources = translator.translate(deployable, parameter_values={})["Resources"]
    permissions = [r for r in resources.values() if r["Type"] == "AWS::Lambda::Permission"]
    assert [p["Properties"]["Principal"] for p in permissions] == ["alexa-appkit.amazon.com"]
    assert permissions[0]["Properties"]["EventSourceToken"] == SKILL_ID_REF
    for output in template["Outputs"].values():
        logical_id, _ = output["Value"]["Fn::GetAtt"]
        assert logical_id in resources
