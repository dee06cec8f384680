"""`mediscope review serve` starts a usable server and stops it cleanly on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from mediscope.review.server import free_port, new_token

pytestmark = pytest.mark.slow


def test_serve_command(ls_template: Path, tmp_path: Path) -> None:
    port, token = free_port(), new_token()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mediscope.cli", "review", "serve", "--port", str(port), "--data-dir", str(tmp_path / "ls"),
         "--token", token, "--document-root", str(tmp_path / "docs")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        ok = False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/projects", headers={"Authorization": f"Token {token}"}, timeout=2)
                if resp.status_code == 200:
                    ok = True
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        assert ok, proc.stdout.read() if proc.poll() is not None else "server did not answer"
        # The printed token is the one that works, and a wrong one is refused.
        assert httpx.get(f"http://127.0.0.1:{port}/api/projects", headers={"Authorization": "Token " + "0" * 40}).status_code == 401
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    assert f"LABEL_STUDIO_API_KEY={token}" in out
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/api/projects", timeout=2)
