"""AWS Lambda entry point: the skill, built once per cold start."""

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any, cast

from skill.alexa import build_skill
from skill.triage.load import default_content

LambdaHandler = Callable[[Mapping[str, Any], Any], dict[str, Any]]
"""(request envelope as parsed JSON, Lambda context) -> response envelope as JSON."""

logging.getLogger("skill").setLevel(logging.INFO)

# The SDK annotates the event as a str; Lambda passes the parsed JSON object.
lambda_handler = cast(
    LambdaHandler,
    build_skill(default_content(), os.environ.get("ALEXA_SKILL_ID")).lambda_handler(),
)
