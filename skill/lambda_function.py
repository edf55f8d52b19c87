"""AWS Lambda entry point: the skill, built once per cold start."""

import logging
import os
from typing import cast

from skill.alexa import build_skill
from skill.handler import SkillHandler
from skill.triage.load import default_content

logging.getLogger("skill").setLevel(logging.INFO)

# The SDK annotates the event as a str; Lambda passes the parsed JSON object.
lambda_handler = cast(
    SkillHandler,
    build_skill(default_content(), os.environ.get("ALEXA_SKILL_ID")).lambda_handler(),
)
