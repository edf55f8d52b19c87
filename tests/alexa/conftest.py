"""Fixtures for the Alexa tests: the shipped content, the Lambda handler, a conversation maker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from alexa_driver import Alexa, Handler

from skill.triage import Content
from skill.triage.load import default_content


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped content."""
    return default_content()


@pytest.fixture(scope="session")
def handler() -> Handler:
    """The Lambda entry point, as deployed (no skill-id check without ALEXA_SKILL_ID)."""
    from skill.lambda_function import lambda_handler

    return lambda_handler


@pytest.fixture
def alexa(handler: Handler) -> Iterator[Callable[..., Alexa]]:
    """A factory of fresh conversations with the deployed handler."""

    def make(locale: str = "en-US") -> Alexa:
        return Alexa(handler, locale)

    yield make
