"""The real server with TLS in its own process, started from an app factory as a bench would."""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from .support import SKILL_ID, SKILL_RESPONSE, Pki, encode, envelope

Headers = Callable[..., dict[str, str]]

FACTORY = f"""
import sys
from pathlib import Path

from skill.web import create_app, load_trusted_roots, run_server

chain_file, roots_file, port, certfile, keyfile = sys.argv[1:]
chain = Path(chain_file).read_bytes()


def handler(event, context):
    return {SKILL_RESPONSE!r}


def fetcher(url, timeout, max_bytes):
    return chain


app = create_app(
    handler, skill_id={SKILL_ID!r}, trusted_roots=load_trusted_roots(roots_file), fetcher=fetcher
)
run_server(app, host="127.0.0.1", port=int(port), certfile=certfile, keyfile=keyfile)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def tls_server(pki: Pki, tmp_path: Path) -> Iterator[str]:
    """Run the factory script with TLS; yield its base URL."""
    files = {
        "chain.pem": pki.chain,
        "roots.pem": pki.root.public_bytes(serialization.Encoding.PEM),
        "key.pem": pki.leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        "factory.py": FACTORY.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    port = _free_port()
    args = [str(tmp_path / name) for name in ("chain.pem", "roots.pem")]
    args += [str(port), str(tmp_path / "chain.pem"), str(tmp_path / "key.pem")]
    process = subprocess.Popen(
        [sys.executable, str(tmp_path / "factory.py"), *args],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"https://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=15)


def _insecure_tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _wait_until_up(base: str) -> None:
    deadline = time.monotonic() + 15
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", context=_insecure_tls(), timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serves_signed_requests_over_tls_while_other_clients_never_handshake(
    tls_server: str, signed_headers: Headers
) -> None:
    _wait_until_up(tls_server)
    port = int(tls_server.rsplit(":", 1)[1])
    silent = [socket.create_connection(("127.0.0.1", port), timeout=15) for _ in range(50)]
    body = encode(envelope(moment=datetime.now(UTC)))
    request = urllib.request.Request(tls_server + "/", data=body, headers=signed_headers(body))
    with urllib.request.urlopen(request, context=_insecure_tls(), timeout=5) as response:
        assert response.status == 200
        assert response.headers.get_content_type() == "application/json"
        assert response.read() == encode(SKILL_RESPONSE)
    unsigned = urllib.request.Request(tls_server + "/", data=body)
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(unsigned, context=_insecure_tls(), timeout=5)
    assert error.value.code == 400
    for sock in silent:
        sock.close()
