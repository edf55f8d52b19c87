"""make stress: the web service under slow clients, bad signatures, stalled downloads, a soak."""

# Each phase runs against a fresh server process on 127.0.0.1 (Amazon's checks and the replay
# guard on, except in the control soak); every loop is bounded by a count. Prints a markdown
# table and writes the figures to bench/results/stress.json; exit status 1 when a target is
# missed.

import argparse
import json
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

from bench import clients
from bench import pki as bench_pki
from bench.entries import BENCH
from bench.stats import quantile
from bench.web import server_process
from skill.web import ReplayGuard

RESULTS = BENCH / "results" / "stress.json"
THREADS = 8  # the server's default
SLOW_HEADERS, SLOW_BODIES = 200, 50
ANSWER_WITHIN_MS = 2000.0


def _latency(results: clients.Results) -> dict[str, Any]:
    ms = results.latencies_ms
    return {
        "requests": len(ms),
        "ok": results.statuses.count(200),
        "within_2_s": sum(1 for value in ms if value <= ANSWER_WITHIN_MS),
        "p50_ms": quantile(ms, 0.5),
        "p99_ms": quantile(ms, 0.99),
        "max_ms": max(ms),
    }


def _downloads(log: Path) -> int:
    return log.read_text(errors="replace").count("cert download")


def slow_clients_phase(port: int, keys: bench_pki.Pki, requests: int) -> dict[str, Any]:
    """Valid requests while 200 slow-header and 50 slow-body connections stay open."""
    slow = clients.slow_clients(port, SLOW_HEADERS, SLOW_BODIES)
    try:
        valid = clients.drive(port, lambda: clients.signed(keys), requests, 16)
        open_after = sum(clients.still_open(sock) for sock in slow)
    finally:
        for sock in slow:
            sock.close()
    return _latency(valid) | {"slow_connections": len(slow), "still_open_after": open_after}


def bad_signatures_phase(port: int, keys: bench_pki.Pki, log: Path) -> dict[str, Any]:
    """1000 badly signed requests: half name the real chain URL, half a new URL each."""
    before = _downloads(log)
    counter = iter(range(10**6))

    def bad() -> clients.Request:
        n = next(counter)
        url = bench_pki.CERT_URL if n % 2 else f"https://s3.amazonaws.com/echo.api/x-{n}.pem"
        return clients.signed(keys, url, bad=True)

    results = clients.drive(port, bad, 1000, 16)
    return {
        "requests": len(results.statuses),
        "refused_400": results.statuses.count(400),
        "downloads": _downloads(log) - before,
    }


def stalled_host_phase(port: int, keys: bench_pki.Pki, requests: int, log: Path) -> dict[str, Any]:
    """Valid requests while others name URLs whose download stalls to its 5 s deadline."""
    before = _downloads(log)
    counter = iter(range(10**6))

    def stalled() -> clients.Request:
        url = f"https://s3.amazonaws.com/echo.api/stall-{next(counter) % 8}.pem"
        return clients.signed(keys, url, bad=True)

    attack = threading.Thread(target=clients.drive, args=(port, stalled, 400, 8), daemon=True)
    attack.start()
    valid = clients.drive(port, lambda: clients.signed(keys), requests, 8)
    stalling = _downloads(log) - before
    attack.join()
    return _latency(valid) | {"stalled_downloads": stalling}


def soak_phase(port: int, pid: int, keys: bench_pki.Pki, requests: int) -> dict[str, Any]:
    """`requests` signed requests at 16 concurrent, memory sampled every tenth of the way."""
    results = clients.Results()
    rss = [clients.rss_mib(pid)]
    started = time.perf_counter()
    runner = threading.Thread(
        target=clients.drive,
        args=(port, lambda: clients.signed(keys), requests, 16, results),
        daemon=True,
    )
    runner.start()
    step = max(1, requests // 10)
    while runner.is_alive():
        runner.join(0.2)
        if results.count() >= step * len(rss):
            rss.append(clients.rss_mib(pid))
    seconds = time.perf_counter() - started
    rss.append(clients.rss_mib(pid))
    errors = sum(1 for status in results.statuses if status != 200)
    return _latency(results) | {
        "guard_mib": round(replay_guard_mib(len(results.statuses)), 2),
        "errors": errors,
        "requests_per_s": len(results.statuses) / seconds,
        "rss_mib": [round(value, 1) for value in rss],
    }


def replay_guard_mib(ids: int) -> float:
    """Memory a replay guard holding `ids` request ids takes, measured in this process."""
    tracemalloc.start()
    guard = ReplayGuard()
    for _ in range(ids):
        guard.remember(f"amzn1.echo-api.request.{uuid.uuid4()}")
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return size / 2**20


def _rows(figures: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    slow, bad, stall, soak = (figures[k] for k in ("slow", "bad", "stall", "soak"))
    rss, unguarded = soak["rss_mib"], figures["unguarded"]["rss_mib"]
    return [
        (
            f"Valid requests with {slow['slow_connections']} slow connections open "
            f"({slow['still_open_after']} still open after)",
            f"{slow['ok']}/{slow['requests']} answered 200, {slow['within_2_s']} within 2 s, "
            f"p99 {slow['p99_ms']:.0f} ms, max {slow['max_ms']:.0f} ms",
            "all within 2 s",
            slow["within_2_s"] == slow["ok"] == slow["requests"],
        ),
        (
            "Badly signed requests (half the real URL, half a new URL each)",
            f"{bad['refused_400']}/{bad['requests']} refused, {bad['downloads']} downloads",
            "<= 5 downloads",
            bad["downloads"] <= 5 and bad["refused_400"] == bad["requests"],
        ),
        (
            f"Valid requests while {stall['stalled_downloads']} downloads stall to their deadline",
            f"{stall['ok']}/{stall['requests']} answered 200, {stall['within_2_s']} within 2 s, "
            f"p99 {stall['p99_ms']:.0f} ms, max {stall['max_ms']:.0f} ms",
            "all within 2 s",
            stall["within_2_s"] == stall["ok"] == stall["requests"],
        ),
        (
            f"Soak: {soak['requests']} signed requests at 16 concurrent",
            f"{soak['errors']} errors, {soak['requests_per_s']:.0f} req/s, "
            f"p50 {soak['p50_ms']:.1f} ms, p99 {soak['p99_ms']:.1f} ms",
            "0 errors",
            soak["errors"] == 0,
        ),
        (
            "Soak: server memory (RSS) at start, every tenth, end",
            " / ".join(f"{value:.0f}" for value in rss) + " MiB; the replay guard's "
            f"{soak['requests']} ids take {soak['guard_mib']:.1f} MiB of the growth",
            "flat apart from the guard",
            rss[-1] - rss[0] - soak["guard_mib"] < 4,
        ),
        (
            f"Control: {figures['unguarded']['requests']} signed requests, replay guard off, RSS",
            " / ".join(f"{value:.0f}" for value in unguarded) + " MiB",
            "flat",
            unguarded[-1] - unguarded[0] < 2,
        ),
    ]


def main(argv: list[str]) -> int:
    """Run every phase against one server; 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.stress", description=__doc__)
    parser.add_argument("--soak", type=int, default=50_000, help="signed requests in the soak")
    parser.add_argument("--valid", type=int, default=1000, help="valid requests per attack phase")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)
    keys = bench_pki.build()
    figures: dict[str, Any] = {"threads": THREADS}
    with tempfile.TemporaryDirectory(prefix="bench-stress-") as tmp:
        files = {"root": Path(tmp) / "root.pem", "chain": Path(tmp) / "chain.pem"}
        files["root"].write_bytes(keys.root_pem)
        files["chain"].write_bytes(keys.chain_pem)
        phases = {
            "slow": lambda port, pid, log: slow_clients_phase(port, keys, args.valid),
            "bad": lambda port, pid, log: bad_signatures_phase(port, keys, log),
            "stall": lambda port, pid, log: stalled_host_phase(port, keys, args.valid, log),
            "soak": lambda port, pid, log: soak_phase(port, pid, keys, args.soak),
            "unguarded": lambda port, pid, log: soak_phase(port, pid, keys, args.soak // 2),
        }
        for name, phase in phases.items():  # a fresh server each: caches and budgets reset
            log = Path(tmp) / f"{name}.log"
            mode = "plain" if name == "unguarded" else "stress"
            with server_process("ours", files, THREADS, log, mode) as (process, port):
                clients.drive(port, lambda: clients.signed(keys), 200, 16)  # warm-up
                print(f"stress: {name} ...", file=sys.stderr, flush=True)
                figures[name] = phase(port, process.pid, log)
    rows = _rows(figures)
    print("| Measure | Result | Target | Met |\n|---|---|---|---|")
    for label, result, target, met in rows:
        print(f"| {label} | {result} | {target} | {'yes' if met else '**no**'} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if all(row[3] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
