"""The SAM template: lint, handler, runtime, architecture, the alias, and the skill ID wiring.

The transforms run here as CloudFormation runs them: AWS::LanguageExtensions first (SAM CLI's own
implementation of it), then the SAM translator, with the parameter values of a deployment.
"""

import copy
import importlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest
from samcli.lib.cfn_language_extensions.api import process_template
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
BUILD_SCRIPT = ROOT / "scripts" / "build-lambda"
SKILL_ID_REF = {"Ref": "SkillId"}
SKILL_ID = "amzn1.ask.skill.0f1e2d3c-4b5a-4697-8a9b-abcdef012345"
OTHER_SKILL_ID = "amzn1.ask.skill.0f1e2d3c-4b5a-4697-8a9b-abcdef099999"
ALIAS = "live"


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
    assert function["Architectures"] == ["arm64"]
    assert "\narch=arm64\n" in script, "the script's default must be the template's architecture"
    assert "arm64) machine=aarch64 ;;" in script
    assert '--platform "manylinux2014_$machine" --platform "manylinux_2_28_$machine"' in script


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


def deployed(template: dict[str, Any], **parameters: str) -> dict[str, Any]:
    """The CloudFormation resources and outputs a deployment with these parameters gets."""
    values = {"SkillId": SKILL_ID, "SnapStart": "false", **parameters}
    document = copy.deepcopy(template)
    document["Resources"]["SkillFunction"]["Properties"]["CodeUri"] = "s3://bucket/skill.zip"
    document = process_template(document, parameter_values=values)
    translator = Translator(
        {"AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"},
        Parser(),
        boto_session=boto3.session.Session(region_name="us-east-1"),
    )
    return translator.translate(document, parameter_values=values)


def of_type(resources: dict[str, Any], kind: str) -> dict[str, Any]:
    return {name: r for name, r in resources.items() if r["Type"] == kind}


def test_transforms_run_language_extensions_first(template: dict[str, Any]) -> None:
    # SAM hashes the function's properties to decide whether to publish a version, but it does
    # not resolve parameters there; AWS::LanguageExtensions resolves them before SAM runs.
    assert template["Transform"] == ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"]
    capabilities = (ROOT / "samconfig.toml").read_text(encoding="utf-8")
    assert 'capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"' in capabilities


def test_the_alexa_trigger_is_on_the_alias_and_limited_to_the_skill(
    template: dict[str, Any],
) -> None:
    resources = deployed(template)["Resources"]
    (alias_id, alias), *others = of_type(resources, "AWS::Lambda::Alias").items()
    assert not others
    assert alias["Properties"]["Name"] == ALIAS
    permissions = list(of_type(resources, "AWS::Lambda::Permission").values())
    assert [p["Properties"]["Principal"] for p in permissions] == ["alexa-appkit.amazon.com"]
    assert permissions[0]["Properties"]["FunctionName"] == {"Ref": alias_id}
    assert permissions[0]["Properties"]["EventSourceToken"] == SKILL_ID


def test_the_endpoint_output_is_the_alias_arn(template: dict[str, Any]) -> None:
    result = deployed(template)
    (alias_id,) = of_type(result["Resources"], "AWS::Lambda::Alias")
    assert result["Outputs"]["SkillEndpoint"]["Value"] == {"Ref": alias_id}
    for output in result["Outputs"].values():
        value = output["Value"]
        logical_id = value["Ref"] if "Ref" in value else value["Fn::GetAtt"][0]
        assert logical_id in result["Resources"]


def test_snapstart_is_off_by_default_and_on_for_published_versions(
    template: dict[str, Any],
) -> None:
    assert template["Parameters"]["SnapStart"]["Default"] == "false"
    off = deployed(template)["Resources"]["SkillFunction"]["Properties"]
    on = deployed(template, SnapStart="true")["Resources"]["SkillFunction"]["Properties"]
    assert "SnapStart" not in off
    assert on["SnapStart"] == {"ApplyOn": "PublishedVersions"}


def version_of(template: dict[str, Any], **parameters: str) -> str:
    (version,) = of_type(deployed(template, **parameters)["Resources"], "AWS::Lambda::Version")
    return str(version)


@pytest.mark.parametrize(
    "change", [{"SnapStart": "true"}, {"SkillId": OTHER_SKILL_ID}], ids=["snapstart", "skill_id"]
)
def test_a_changed_parameter_publishes_a_new_version_for_the_alias(
    template: dict[str, Any], change: dict[str, str]
) -> None:
    # A version keeps the configuration it was published with: without a new one the alias
    # would go on answering with the old skill ID, or without the snapshot asked for.
    assert version_of(template, **change) != version_of(template)
    assert version_of(template) == version_of(template, SnapStart="false")


def test_every_property_change_publishes_a_new_version(function: dict[str, Any]) -> None:
    assert function["AutoPublishAlias"] == ALIAS
    assert function["AutoPublishAliasAllProperties"] is True
