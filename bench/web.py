"""Web service under load: our HTTP server on 127.0.0.1, Amazon's checks on, ours vs baseline."""

import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import pki as bench_pki
from bench.entries import BENCH, ROOT, TARGETS, child_env
from bench.stats import quantile
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session

HOST = "127.0.0.1"  # the only address this benchmark ever sends to
SERVER = BENCH / "web_server.py"
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 15.0
REQUEST_TIMEOUT_S = 10
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class WebBenchError(RuntimeError):
    """A server did not start, or did not answer a signed request correctly."""


@dataclass(frozen=True)
class Round:
    """One load-generator run against one server; latencies of the finished requests."""

    requests: int
    complete: int
    errors: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)

    def figures(self) -> dict[str, Any]:
        """The round without its latencies, plus its own p50 and p99."""
        shown: dict[str, Any] = {k: v for k, v in asdict(self).items() if k != "latencies_ms"}
        return shown | _percentiles(self.latencies_ms)


def _percentiles(latencies: list[float]) -> dict[str, float | None]:
    if not latencies:
        return {"p50_ms": None, "p99_ms": None}
    return {"p50_ms": quantile(latencies, 0.5), "p99_ms": quantile(latencies, 0.99)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def server_process(
    target: str, files: dict[str, Path], threads: int, log: Path, mode: str = "plain"
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """Run the bench server for `target` in its own process group; yield it and its port."""
    port = _free_port()
    args = [target, str(port), str(files["chain"]), str(files["root"]), str(threads), mode]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(SERVER), *args],
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_healthy(process, port, log)
        yield process, port
    finally:
        _stop(process)


@contextlib.contextmanager
def server(target: str, files: dict[str, Path], threads: int, log: Path) -> Iterator[int]:
    """Run the bench server for `target` in its own process group; yield its port."""
    with server_process(target, files, threads, log) as (_, port):
        yield port


def _wait_healthy(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise WebBenchError(f"server exited {process.returncode}: {_tail(log)}")
        with (
            contextlib.suppress(OSError),
            NO_PROXY.open(f"http://{HOST}:{port}/healthz", timeout=1) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.1)
    raise WebBenchError(f"server not healthy after {START_TIMEOUT_S:.0f} s: {_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace").strip()[-600:]


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)


def signed_launch(keys: bench_pki.Pki) -> tuple[bytes, dict[str, str]]:
    """A LaunchRequest stamped now, and the signature headers for it."""
    body = json.dumps(Session(SIMULATED_SKILL_ID, "en-US").launch()).encode()
    headers = {
        "Content-Type": "application/json",
        "Signature-256": keys.sign(body),
        "SignatureCertChainUrl": bench_pki.CERT_URL,
    }
    return body, headers


def check_answer(port: int, body: bytes, headers: dict[str, str]) -> None:
    """One signed request must pass the checks and get the skill's spoken answer."""
    request = urllib.request.Request(f"http://{HOST}:{port}/", body, headers, method="POST")
    try:
        with NO_PROXY.open(request, timeout=REQUEST_TIMEOUT_S) as response:
            answer = json.loads(response.read())
    except OSError as error:
        raise WebBenchError(f"a signed request failed: {error}") from None
    if not answer.get("response", {}).get("outputSpeech"):
        raise WebBenchError("a signed request got no speech")


def ab_available() -> bool:
    """Whether ApacheBench is installed."""
    return shutil.which("ab") is not None


def _ab_round(
    port: int, body: bytes, headers: dict[str, str], requests: int, concurrency: int, limit_s: float
) -> Round:
    with tempfile.TemporaryDirectory(prefix="bench-ab-") as tmp:
        # ab's -e percentile file misreports its 99% row; -g lists every request (whole ms).
        body_file, per_request = Path(tmp) / "body.json", Path(tmp) / "requests.tsv"
        body_file.write_bytes(body)
        # -r: count receive errors instead of stopping; -l: lengths may vary; -t before -n.
        command = ["ab", "-q", "-r", "-l", "-s", str(REQUEST_TIMEOUT_S), "-t", str(int(limit_s))]
        command += ["-n", str(requests), "-c", str(concurrency), "-g", str(per_request)]
        command += ["-p", str(body_file), "-T", headers["Content-Type"]]
        for name in ("Signature-256", "SignatureCertChainUrl"):
            command += ["-H", f"{name}: {headers[name]}"]
        done = subprocess.run(
            [*command, f"http://{HOST}:{port}/"],
            capture_output=True,
            text=True,
            timeout=limit_s + 30,
            check=False,
        )
        if done.returncode != 0 or not per_request.exists():
            raise WebBenchError(f"ab failed ({done.returncode}): {done.stderr.strip()[-400:]}")
        rows = [line.split("\t") for line in per_request.read_text().splitlines()[1:]]
        latencies = [float(row[4]) for row in rows if len(row) >= 6]  # ttime: connect to done

    def number(label: str) -> float:
        found = re.search(rf"^{label}:\s+([\d.]+)", done.stdout, re.MULTILINE)
        return float(found.group(1)) if found else 0.0

    complete = int(number("Complete requests"))
    failed = int(number("Failed requests")) + int(number("Non-2xx responses"))
    return Round(
        requests=requests,
        complete=complete,
        errors=failed + (requests - complete),
        seconds=number("Time taken for tests"),
        latencies_ms=latencies,
    )


def _python_round(
    port: int, body: bytes, headers: dict[str, str], requests: int, concurrency: int, limit_s: float
) -> Round:
    lock = threading.Lock()
    latencies: list[float] = []
    state = {"issued": 0, "errors": 0}
    deadline = time.monotonic() + limit_s

    def worker() -> None:
        while True:
            with lock:
                if state["issued"] >= requests or time.monotonic() > deadline:
                    return
                state["issued"] += 1
            started = time.perf_counter()
            status = 0
            with contextlib.suppress(OSError, http.client.HTTPException):
                connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
                try:
                    connection.request("POST", "/", body=body, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                finally:
                    connection.close()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                state["errors"] += not 200 <= status < 300

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=limit_s + REQUEST_TIMEOUT_S + 5)
    seconds = time.perf_counter() - started
    with lock:
        done = list(latencies)
        errors = state["errors"]
    return Round(
        requests=requests,
        complete=len(done),
        errors=errors + (requests - len(done)),
        seconds=seconds,
        latencies_ms=done,
    )


def _summary(rounds: list[Round]) -> dict[str, Any]:
    """Throughput: the median round's; latencies: over every request of every round."""
    return {
        "requests": sum(r.requests for r in rounds),
        "errors": sum(r.errors for r in rounds),
        "requests_per_s": statistics.median(
            r.complete / r.seconds if r.seconds else 0.0 for r in rounds
        ),
        **_percentiles([ms for r in rounds for ms in r.latencies_ms]),
        "rounds": [r.figures() for r in rounds],
    }


def load_generator(choice: str = "auto") -> str:
    """`ab` when asked for or installed, else the Python threads."""
    if choice == "auto":
        return "ab" if ab_available() else "python"
    if choice == "ab" and not ab_available():
        raise WebBenchError("ab is not installed (Debian: apache2-utils)")
    return choice


def measure(
    requests: int,
    concurrency: int,
    rounds: int,
    threads: int,
    warmup: int,
    limit_s: float,
    generator_name: str = "auto",
    budget_s: float = 150.0,
) -> dict[str, Any]:
    """Both servers up at once; `rounds` load runs each, alternating, signed just before each.

    Each run sends requests // rounds signed LaunchRequests at `concurrency`, bounded by
    `limit_s` seconds; the signing chain is fetched and verified in the warm-up. No round
    starts once `budget_s` has passed, and none runs past it.
    """
    deadline = time.monotonic() + budget_s
    name = load_generator(generator_name)
    generator = _ab_round if name == "ab" else _python_round
    keys = bench_pki.build()
    per_round = max(1, requests // rounds)
    results: dict[str, list[Round]] = {target: [] for target in TARGETS}
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp, contextlib.ExitStack() as stack:
        files = {"root": Path(tmp) / "root.pem", "chain": Path(tmp) / "chain.pem"}
        files["root"].write_bytes(keys.root_pem)
        files["chain"].write_bytes(keys.chain_pem)
        ports = {
            target: stack.enter_context(server(target, files, threads, Path(tmp) / f"{target}.log"))
            for target in TARGETS
        }
        for port in ports.values():
            body, headers = signed_launch(keys)
            check_answer(port, body, headers)
            if warmup:
                generator(port, body, headers, warmup, min(concurrency, warmup), limit_s)
        for index in range(rounds):
            left = deadline - time.monotonic()
            if left < 2:
                break
            for target in TARGETS if index % 2 == 0 else TARGETS[::-1]:
                body, headers = signed_launch(keys)
                port = ports[target]
                bound = max(1.0, min(limit_s, (left - 1) / 2))
                results[target].append(
                    generator(port, body, headers, per_round, concurrency, bound)
                )
    if not all(results.values()):
        raise WebBenchError(f"no load round finished within {budget_s:.0f} s")
    return {
        "load_generator": name,
        "concurrency": concurrency,
        "threads": threads,
        **{target: _summary(rounds_) for target, rounds_ in results.items()},
    }
