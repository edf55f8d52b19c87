"""Self-hosted HTTPS web service for the skill, with Amazon's request verification."""

from skill.handler import SkillHandler
from skill.web.app import create_app, register
from skill.web.certs import CertLimits, SigningKeys, load_trusted_roots
from skill.web.connection import ServerLimits
from skill.web.errors import VerificationError
from skill.web.fetch import Fetcher, http_fetch
from skill.web.replay import ReplayGuard
from skill.web.serving import HttpServer, run_server
from skill.web.verifier import (
    ReplayVerifier,
    SignatureVerifier,
    SkillIdVerifier,
    TimestampVerifier,
    Verifier,
    amazon_verifiers,
)

__all__ = [
    "CertLimits",
    "Fetcher",
    "HttpServer",
    "ReplayGuard",
    "ReplayVerifier",
    "ServerLimits",
    "SignatureVerifier",
    "SigningKeys",
    "SkillHandler",
    "SkillIdVerifier",
    "TimestampVerifier",
    "VerificationError",
    "Verifier",
    "amazon_verifiers",
    "create_app",
    "http_fetch",
    "load_trusted_roots",
    "register",
    "run_server",
]
