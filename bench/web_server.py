"""Benchmark server: the web app with Amazon's checks on, a test chain trusted by configuration.

Run as `python bench/web_server.py ours|baseline PORT CHAIN_PEM ROOTS_PEM THREADS [replays]`;
serves 127.0.0.1 only, on the skill's own HTTP server, until stopped. The fetcher answers the
test chain for every URL, so nothing leaves the machine. The replay guard is off unless
`replays` is given, because ab sends one signed body over and over.
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
    target, port, chain_file, roots_file, threads = sys.argv[1:6]
    replays = sys.argv[6:7] == ["replays"]
    path, module = ENTRY[target]
    sys.path.insert(0, str(path))
    sys.path.insert(0, str(ROOT))
    from skill.web import ServerLimits, create_app, load_trusted_roots, run_server

    chain = Path(chain_file).read_bytes()

    def fetcher(url: str, timeout: float, max_bytes: int) -> bytes:
        return chain

    handler = importlib.import_module(module).lambda_handler
    app = create_app(
        handler,
        skill_id=os.environ[SKILL_ID_ENV],
        trusted_roots=load_trusted_roots(roots_file),
        fetcher=fetcher,
        check_replays=replays,
    )
    limits = ServerLimits(threads=int(threads))
    run_server(app, host="127.0.0.1", port=int(port), limits=limits)


if __name__ == "__main__":
    main()
