"""Deploy-time settings of the skill package: the endpoint and the privacy and terms pages."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

ENDPOINT_VARIABLE = "SKILL_ENDPOINT"
PRIVACY_VARIABLE = "PRIVACY_POLICY_URL"
TERMS_VARIABLE = "TERMS_OF_USE_URL"
LOCALE_FIELD = "{locale}"

# A Lambda function ARN qualified by an alias: the Alexa trigger's permission is on the alias,
# so an unqualified ARN ($LATEST) or a version number would be refused when Alexa calls.
ALIAS_ARN = re.compile(
    r"arn:aws[a-z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}"
    r":(?![0-9]+$)[A-Za-z0-9_-]{1,128}"
)
# Reserved for examples (RFC 2606): a URL on them is a placeholder, never a published page.
EXAMPLE_HOSTS = re.compile(r"(?:^|\.)example\.(?:com|net|org)$|^localhost$")


class SettingsError(ValueError):
    """Deploy-time settings that are missing or malformed; one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class DeploySettings:
    """What the committed manifest leaves to the deployment."""

    endpoint: str
    """The Lambda alias ARN (the stack output SkillEndpoint)."""
    privacy_policy_url: str
    """The privacy policy page; {locale} is replaced by each locale, e.g. en-US."""
    terms_of_use_url: str
    """The terms of use page; {locale} as above."""

    def privacy_policy_for(self, locale: str) -> str:
        """The privacy policy URL of one locale."""
        return self.privacy_policy_url.replace(LOCALE_FIELD, locale)

    def terms_of_use_for(self, locale: str) -> str:
        """The terms of use URL of one locale."""
        return self.terms_of_use_url.replace(LOCALE_FIELD, locale)


def _url_problem(name: str, value: str) -> str | None:
    """Why a page URL cannot be published, or None."""
    rest = value.replace(LOCALE_FIELD, "")
    if any(c.isspace() or c in "{}<>\"'" for c in rest):
        return f"{name}: only {LOCALE_FIELD} may stand in braces, and no spaces: {value!r}"
    parts = urlsplit(value.replace(LOCALE_FIELD, "en-US"))
    if parts.scheme != "https" or not parts.hostname:
        return f"{name}: must be an https:// URL, got {value!r}"
    if EXAMPLE_HOSTS.search(parts.hostname):
        return f"{name}: {parts.hostname} is a placeholder host, not a published page"
    return None


def from_environment(environ: Mapping[str, str]) -> DeploySettings:
    """The settings from SKILL_ENDPOINT, PRIVACY_POLICY_URL and TERMS_OF_USE_URL.

    Raises:
        SettingsError: every variable that is missing or malformed.
    """
    problems = []
    values = {}
    for name in (ENDPOINT_VARIABLE, PRIVACY_VARIABLE, TERMS_VARIABLE):
        values[name] = environ.get(name, "").strip()
        if not values[name]:
            problems.append(f"{name}: not set")
    endpoint = values[ENDPOINT_VARIABLE]
    if endpoint and not ALIAS_ARN.fullmatch(endpoint):
        problems.append(
            f"{ENDPOINT_VARIABLE}: must be the function's alias ARN "
            f"(arn:aws:lambda:REGION:ACCOUNT:function:NAME:ALIAS), got {endpoint!r}"
        )
    for name in (PRIVACY_VARIABLE, TERMS_VARIABLE):
        problem = _url_problem(name, values[name]) if values[name] else None
        if problem:
            problems.append(problem)
    if problems:
        raise SettingsError(problems)
    return DeploySettings(endpoint, values[PRIVACY_VARIABLE], values[TERMS_VARIABLE])
