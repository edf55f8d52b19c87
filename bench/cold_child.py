"""Cold-start child: import one Lambda entry point, answer one request, report as JSON.

Run as `python -I bench/cold_child.py ours|baseline ENVELOPE_FILE`; prints one JSON line with the
import time, the time to the first response (both in seconds, from this script's start) and
the peak RSS of this process in KiB: VmHWM from /proc/self/status, as ru_maxrss of a child
started by vfork carries the parent's peak over exec; ru_maxrss where there is no /proc.
"""

import time

START = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

BENCH = Path(__file__).resolve().parent
ENTRY = {
    "ours": (BENCH.parent, "skill.lambda_function"),
    "baseline": (BENCH / "baseline", "lambda_function"),
}


def peak_rss_kib() -> int:
    """High-water resident set size of this process image."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    target, envelope_file = sys.argv[1:3]
    path, module = ENTRY[target]
    sys.path.insert(0, str(path))
    envelope = json.loads(Path(envelope_file).read_text())
    imported = time.perf_counter()
    handler = __import__(module, fromlist=["lambda_handler"]).lambda_handler
    after_import = time.perf_counter()
    response = handler(envelope, None)
    answered = time.perf_counter()
    speech = response.get("response", {}).get("outputSpeech")
    result = {
        "import_s": after_import - imported,
        "first_response_s": answered - imported,
        "script_s": answered - START,
        "maxrss_kib": peak_rss_kib(),
        "ok": bool(speech),
    }
    print(json.dumps(result))


main()
