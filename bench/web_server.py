"""Benchmark server: the web app with Amazon's checks on, a test chain trusted by configuration.

Run as `python bench/web_server.py ours|baseline PORT CHAIN_PEM ROOTS_PEM THREADS [MODE]`;
serves 127.0.0.1 only, on the skill's own HTTP server, until stopped. Nothing leaves the
machine. MODE `plain` (the default): the fetcher answers the test chain for every URL and the
replay guard is off, because ab sends one signed body over and over. MODE `stress`: the
replay guard is on; the fetcher answers the chain for the bench URL only, fails for other
URLs, stalls until its deadline for URLs with `/stall-` in them, and prints one
`cert download` line per call so that `make stress` can count them.
"""

import importlib
import os
import sys
import time
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
    stress = sys.argv[6:7] == ["stress"]
    path, module = ENTRY[target]
    sys.path.insert(0, str(path))
    sys.path.insert(0, str(ROOT))
    from bench.pki import CERT_URL
    from skill.web import ServerLimits, create_app, load_trusted_roots, run_server

    chain = Path(chain_file).read_bytes()

    def fetcher(url: str, timeout: float, max_bytes: int) -> bytes:
        if not stress:
            return chain
        print("cert download", flush=True)
        if "/stall-" in url:
            time.sleep(timeout)
            raise TimeoutError("stalled certificate host")
        if url != CERT_URL:
            raise OSError("not found")
        return chain

    handler = importlib.import_module(module).lambda_handler
    app = create_app(
        handler,
        skill_id=os.environ[SKILL_ID_ENV],
        trusted_roots=load_trusted_roots(roots_file),
        fetcher=fetcher,
        check_replays=stress,
    )
    limits = ServerLimits(threads=int(threads))
    run_server(app, host="127.0.0.1", port=int(port), limits=limits)


if __name__ == "__main__":
    main()
