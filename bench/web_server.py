"""Benchmark server: the web app with Amazon's checks on, a test chain trusted by configuration.

Run as `python bench/web_server.py ours|baseline PORT CHAIN_PEM ROOTS_PEM WORKERS`; serves
127.0.0.1 only on gunicorn until stopped. The fetcher answers the test chain for every URL, so
nothing leaves the machine.
"""

import importlib
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ENTRY = {
    "ours": (ROOT, "skill.lambda_function"),
    "baseline": (BENCH / "baseline", "lambda_function"),
}
SKILL_ID_ENV = "ALEXA_SKILL_ID"


def main() -> None:
    target, port, chain_file, roots_file, workers = sys.argv[1:6]
    path, module = ENTRY[target]
    sys.path.insert(0, str(path))
    sys.path.insert(0, str(ROOT))
    from skill.web import create_app, load_trusted_roots
    from skill.web.server import run_gunicorn

    chain = Path(chain_file).read_bytes()

    def fetcher(url: str, timeout: float, max_bytes: int) -> bytes:
        return chain

    handler = importlib.import_module(module).lambda_handler
    app = create_app(
        handler,
        skill_id=os.environ[SKILL_ID_ENV],
        trusted_roots=load_trusted_roots(roots_file),
        fetcher=fetcher,
        check_replays=False,  # ab sends one signed body over and over
    )
    run_gunicorn(app, host="127.0.0.1", port=int(port), workers=int(workers))


if __name__ == "__main__":
    main()
