"""AWS Lambda entry point: the skill, built once per cold start."""

import logging
import os

from skill.alexa import build_skill, entry
from skill.handler import SkillHandler
from skill.triage.load import default_content

logging.getLogger("skill").setLevel(logging.INFO)

lambda_handler: SkillHandler = entry.lambda_handler(
    build_skill(default_content(), os.environ.get("ALEXA_SKILL_ID"))
)
