"""What a cold start loads: a launch imports neither the word reader, nor the HTTP stack, nor
the SDK's screen or reminder-permission models, nor YAML (each is loaded on the first request
that needs it)."""

import json
import subprocess
import sys

from skill.simulator.envelope import SIMULATED_SKILL_ID, Session

NOT_ON_A_LAUNCH = (
    "skill.understanding.reading",
    "skill.understanding.lexicon",
    "skill.understanding.matching",
    "skill.alexa.api_client",
    "requests",
    "ask_sdk_model.interfaces.alexa.presentation.apl",
    "ask_sdk_model.interfaces.connections",
    "zoneinfo",
    "yaml",
)

CHILD = """
import json, sys
from skill.lambda_function import lambda_handler
response = lambda_handler(json.loads(sys.argv[1]), None)
assert response["response"]["outputSpeech"]
print(json.dumps(sorted(name for name in json.loads(sys.argv[2]) if name in sys.modules)))
"""


def _loaded_after(envelope: dict[str, object], tmp_path) -> list[str]:
    import shutil

    from skill.triage import snapshot
    from skill.triage.load import CONTENT_DIR_ENV, content_dir, load_content

    shipped = tmp_path / "content"
    shutil.copytree(content_dir(), shipped)
    snapshot.write(load_content(shipped), shipped)
    env = {"ALEXA_SKILL_ID": SIMULATED_SKILL_ID, CONTENT_DIR_ENV: str(shipped), "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(envelope), json.dumps(NOT_ON_A_LAUNCH)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout)


def test_a_launch_loads_none_of_what_only_later_requests_need(tmp_path):
    assert _loaded_after(Session(SIMULATED_SKILL_ID, "en-US").launch(), tmp_path) == []


def test_a_request_with_words_loads_the_reader(tmp_path):
    envelope = Session(SIMULATED_SKILL_ID, "en-US").launch()
    slot = {"name": "speech", "value": "she fainted", "confirmationStatus": "NONE"}
    envelope["request"] = {
        **envelope["request"],
        "type": "IntentRequest",
        "intent": {
            "name": "FreeSpeechIntent",
            "confirmationStatus": "NONE",
            "slots": {"speech": slot},
        },
    }
    assert "skill.understanding.reading" in _loaded_after(envelope, tmp_path)
