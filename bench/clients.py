"""Load clients for make stress: signed requests from threads, slow clients, server memory."""

import base64
import contextlib
import http.client
import json
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench import pki as bench_pki
from bench.web import HOST
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session

TIMEOUT_S = 30.0  # generous: a request that is answered at all is answered well before
Request = tuple[bytes, dict[str, str]]


def signed(keys: bench_pki.Pki, url: str = bench_pki.CERT_URL, *, bad: bool = False) -> Request:
    """A fresh LaunchRequest (new id, stamped now), signed, or with a random signature."""
    body = json.dumps(Session(SIMULATED_SKILL_ID, "en-US").launch()).encode()
    signature = base64.b64encode(os.urandom(256)).decode() if bad else keys.sign(body)
    headers = {
        "Content-Type": "application/json",
        "Signature-256": signature,
        "SignatureCertChainUrl": url,
    }
    return body, headers


@dataclass
class Results:
    """Statuses (0: no answer) and latencies in ms of the requests sent so far."""

    statuses: list[int] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, status: int, ms: float) -> None:
        """Record one request."""
        with self.lock:
            self.statuses.append(status)
            self.latencies_ms.append(ms)

    def count(self) -> int:
        """How many requests have finished."""
        with self.lock:
            return len(self.statuses)


def drive(
    port: int,
    make: Callable[[], Request],
    requests: int,
    concurrency: int,
    results: Results | None = None,
) -> Results:
    """Send `requests` requests from `concurrency` threads, each on a kept-alive connection."""
    done = results or Results()
    issued = iter(range(requests))
    lock = threading.Lock()

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT_S)
        while True:
            with lock:
                if next(issued, None) is None:
                    break
            body, headers = make()
            started = time.perf_counter()
            status = 0
            try:
                connection.request("POST", "/", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT_S)
            done.add(status, (time.perf_counter() - started) * 1000)
        connection.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done


def slow_clients(port: int, headers: int, bodies: int) -> list[socket.socket]:
    """Open connections that send part of their headers, or headers and part of the body."""
    opened = []
    for n in range(headers + bodies):
        sock = socket.create_connection((HOST, port), timeout=TIMEOUT_S)
        if n < headers:
            sock.sendall(b"POST / HTTP/1.1\r\nHost: skill\r\nContent-Type: appl")
        else:
            sock.sendall(b'POST / HTTP/1.1\r\nHost: skill\r\nContent-Length: 4000\r\n\r\n{"v')
        opened.append(sock)
    return opened


def still_open(sock: socket.socket) -> bool:
    """Whether the server has neither answered nor closed `sock`."""
    sock.setblocking(False)
    try:
        sock.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB (`VmRSS`)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")
