"""Self-hosted HTTPS web service for the skill, with Amazon's request verification."""

from skill.handler import SkillHandler
from skill.web.app import create_app, register
from skill.web.certs import CertLimits, Fetcher, SigningKeys, load_trusted_roots, urllib_fetch
from skill.web.verifier import (
    SignatureVerifier,
    SkillIdVerifier,
    TimestampVerifier,
    VerificationError,
    Verifier,
    amazon_verifiers,
)

__all__ = [
    "CertLimits",
    "Fetcher",
    "SignatureVerifier",
    "SigningKeys",
    "SkillHandler",
    "SkillIdVerifier",
    "TimestampVerifier",
    "VerificationError",
    "Verifier",
    "amazon_verifiers",
    "create_app",
    "load_trusted_roots",
    "register",
    "urllib_fetch",
]
