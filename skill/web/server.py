"""`serve` command: run the skill's Flask app on the buffering HTTP server, optionally with TLS."""

from __future__ import annotations

import argparse
import logging
import os
import ssl
import sys

from skill.web.app import create_app
from skill.web.certs import load_trusted_roots
from skill.web.connection import ServerLimits
from skill.web.serving import run_server

SKILL_ID_ENV = "ALEXA_SKILL_ID"


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be between 0 and 65535")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m skill serve",
        description="Serve the skill over HTTP(S), with Amazon's request checks.",
        epilog=f"The skill id comes from the {SKILL_ID_ENV} environment variable.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=_port, default=8080, help="port to listen on")
    defaults = ServerLimits()
    parser.add_argument(
        "--threads", type=_positive_int, default=defaults.threads, help="threads running the skill"
    )
    parser.add_argument(
        "--max-connections",
        type=_positive_int,
        default=defaults.max_connections,
        help="open connections at most; more wait in the listen backlog",
    )
    parser.add_argument(
        "--read-timeout",
        type=_seconds,
        default=defaults.header_timeout,
        metavar="SECONDS",
        help="time a client has for a request's headers, and again for its body",
    )
    parser.add_argument("--certfile", help="TLS certificate chain (PEM); needs --keyfile")
    parser.add_argument("--keyfile", help="TLS private key (PEM); needs --certfile")
    parser.add_argument(
        "--trusted-roots",
        metavar="PEMFILE",
        help="roots trusted for Amazon's signing chain, instead of certifi's bundle",
    )
    parser.add_argument(
        "--insecure-skip-verify",
        action="store_true",
        help="skip Amazon's signature, certificate and timestamp checks (local trials only)",
    )
    return parser


def serve(argv: list[str] | None = None) -> int:
    """Run the `serve` command; returns an exit code only when it cannot start.

    Args:
        argv: arguments after `serve`; the process arguments when None.
    """
    if argv is None:
        argv = sys.argv[1:]
        if argv[:1] == ["serve"]:
            argv = argv[1:]
    parser = _parser()
    args = parser.parse_args(argv)
    if bool(args.certfile) != bool(args.keyfile):
        parser.error("--certfile and --keyfile go together")
    skill_id = os.environ.get(SKILL_ID_ENV, "").strip()
    if not skill_id and not args.insecure_skip_verify:
        print(
            f"serve: {SKILL_ID_ENV} is not set; set it to the skill's application id "
            "(amzn1.ask.skill....), or pass --insecure-skip-verify for a local trial",
            file=sys.stderr,
        )
        return 2
    try:
        roots = load_trusted_roots(args.trusted_roots) if args.trusted_roots else None
    except (OSError, ValueError) as error:
        print(f"serve: cannot load --trusted-roots: {error}", file=sys.stderr)
        return 2
    from skill.lambda_function import lambda_handler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = create_app(
        lambda_handler,
        skill_id=skill_id or None,
        verify=not args.insecure_skip_verify,
        trusted_roots=roots,
    )
    limits = ServerLimits(
        header_timeout=args.read_timeout,
        body_timeout=args.read_timeout,
        max_connections=args.max_connections,
        threads=args.threads,
    )
    try:
        run_server(
            app,
            host=args.host,
            port=args.port,
            limits=limits,
            certfile=args.certfile,
            keyfile=args.keyfile,
        )
    except (OSError, ssl.SSLError) as error:
        print(f"serve: cannot start: {error}", file=sys.stderr)
        return 2
    return 0
