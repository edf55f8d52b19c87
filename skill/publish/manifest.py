"""The committed skill manifest, completed with the deploy-time settings."""

import copy
import json
from typing import Any

from skill.publish.settings import DeploySettings


def json_text(document: Any) -> str:
    """JSON as the ASK CLI writes it back (two-space indent, final newline), so a deploy that
    rewrites a file leaves it unchanged."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def publishing_locales(document: dict[str, Any]) -> list[str]:
    """The locales the skill is published in, as the manifest lists them."""
    return list(document["manifest"]["publishingInformation"]["locales"])


def complete(document: dict[str, Any], settings: DeploySettings) -> dict[str, Any]:
    """A copy of a skill.json document with the endpoint, and the privacy policy and terms of use
    of every published locale, filled in."""
    done = copy.deepcopy(document)
    manifest = done["manifest"]
    manifest["apis"]["custom"]["endpoint"] = {"uri": settings.endpoint}
    manifest["privacyAndCompliance"]["locales"] = {
        locale: {
            "privacyPolicyUrl": settings.privacy_policy_for(locale),
            "termsOfUseUrl": settings.terms_of_use_for(locale),
        }
        for locale in publishing_locales(done)
    }
    return done
