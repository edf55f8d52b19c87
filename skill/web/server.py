"""`serve` command: run the skill's Flask app on gunicorn, optionally with TLS."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication

from skill.web.app import create_app
from skill.web.certs import load_trusted_roots

SKILL_ID_ENV = "ALEXA_SKILL_ID"

WsgiApp = Callable[..., Any]


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn application serving one ready-made WSGI app."""

    def __init__(self, app: WsgiApp, options: dict[str, Any]) -> None:
        """Keep the app and the gunicorn settings to apply.

        Args:
            app: the WSGI app to serve.
            options: gunicorn settings by name, e.g. `bind`, `workers`, `certfile`.
        """
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Apply the given settings; command line and config files are ignored."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        """Return the WSGI app."""
        return self.application


def run_gunicorn(
    app: WsgiApp,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    workers: int = 2,
    certfile: str | None = None,
    keyfile: str | None = None,
) -> None:
    """Serve `app` on gunicorn until the server stops; gunicorn exits the process."""
    bind_host = f"[{host}]" if ":" in host else host
    options: dict[str, Any] = {
        "bind": f"{bind_host}:{port}",
        "workers": workers,
        "control_socket_disable": True,
    }
    if certfile and keyfile:
        options |= {"certfile": certfile, "keyfile": keyfile}
    GunicornServer(app, options).run()


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be between 0 and 65535")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m skill serve",
        description="Serve the skill over HTTP(S) on gunicorn, with Amazon's request checks.",
        epilog=f"The skill id comes from the {SKILL_ID_ENV} environment variable.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=_port, default=8080, help="port to listen on")
    parser.add_argument("--workers", type=_positive_int, default=2, help="worker processes")
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
    run_gunicorn(
        app,
        host=args.host,
        port=args.port,
        workers=args.workers,
        certfile=args.certfile,
        keyfile=args.keyfile,
    )
    return 0
