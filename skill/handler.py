"""The shape every front end calls the skill through: AWS Lambda's handler signature."""

from collections.abc import Callable, Mapping
from typing import Any

SkillHandler = Callable[[Mapping[str, Any], Any], dict[str, Any]]
"""(request envelope as parsed JSON, Lambda context or None) -> response envelope as JSON."""


class MalformedRequest(ValueError):
    """The request envelope cannot be read as an Alexa request (a client error, not ours)."""
