"""The labeling configs render in Label Studio's real UI, with our pre-annotations and an annotation.

Headless chromium loads each task page and dumps the DOM after the frontend has run. The UI
needs a logged-in session, which headless chromium cannot be given directly, so a small local
proxy adds the session cookie to every request. Skipped when no chromium is installed (set
MEDISCOPE_REQUIRE_CHROMIUM=1 to make that a failure instead).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from mediscope.record import Record
from mediscope.review.calibration import Pair, pair_task
from mediscope.review.push import open_project, push_records, push_tasks
from mediscope.review.server import DEFAULT_PASSWORD, DEFAULT_USER
from mediscope.review.state import ReviewState

from .helpers import dialogue_result

pytestmark = pytest.mark.slow


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("MEDISCOPE_REQUIRE_CHROMIUM"):
        pytest.fail("chromium is required (MEDISCOPE_REQUIRE_CHROMIUM is set) but not installed")
    pytest.skip("chromium not installed (apt-get install chromium)")


@pytest.fixture
def ui_url(ls_server) -> Iterator[str]:  # noqa: ANN001
    """Base URL of a proxy that forwards to the server with a logged-in session."""
    session = httpx.Client(base_url=ls_server.url)
    session.get("/user/login/")
    csrf = session.cookies.get("csrftoken") or ""
    resp = session.post(
        "/user/login/",
        data={"email": DEFAULT_USER, "password": DEFAULT_PASSWORD, "csrfmiddlewaretoken": csrf},
        headers={"Referer": ls_server.url + "/user/login/"},
    )
    assert "sessionid" in session.cookies, f"login failed: HTTP {resp.status_code}"
    cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
    upstream = ls_server.url
    hop = {"content-encoding", "transfer-encoding", "content-length", "connection"}

    class Proxy(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "cookie", "content-length")}
            headers.update(Cookie=cookie, **{"X-CSRFToken": csrf})
            up = httpx.request(self.command, upstream + self.path, content=body, headers=headers, timeout=60)
            self.send_response(up.status_code)
            for k, v in up.headers.items():
                if k.lower() not in hop:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(up.content)))
            self.end_headers()
            self.wfile.write(up.content)

        do_GET = do_POST = do_PATCH = do_PUT = _forward

        def log_message(self, *args: object) -> None:
            pass

    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}"
    finally:
        proxy.shutdown()


def _dom(chromium: str, url: str) -> str:
    proc = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "--window-size=1400,1800",
         "--virtual-time-budget=25000", url],
        capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _first(state: Path, key: str | None = None) -> tuple[int, int]:
    st = ReviewState.load(state)
    assert st is not None and st.project_id is not None
    return st.project_id, st.tasks[key] if key else next(iter(st.tasks.values()))


def test_configs_render_with_pre_annotations(
    ls_server, client, ui_url: str, dialogue_records: list[Record], phi_record: Record, image_record: Record, tmp_path: Path  # noqa: ANN001
) -> None:
    chromium = _chromium()
    rec = dialogue_records[0]
    push_records(client, [rec], kind="dialogue", state_path=tmp_path / "d.json", project_title="ui-dialogue")
    dlg = _first(tmp_path / "d.json")
    edit = "有没有发烧？咳嗽有没有加重？"
    client.create_annotation(dlg[1], dialogue_result("needs_fix", {1: edit}, reasons=("unnatural",), turns=[t.text for t in rec.turns]))
    push_records(client, [phi_record], kind="phi", state_path=tmp_path / "p.json", project_title="ui-phi")
    phi = _first(tmp_path / "p.json", f"{phi_record.id}|turns[0].text")
    push_records(client, [image_record], kind="image", state_path=tmp_path / "i.json", project_title="ui-image", document_root=ls_server.document_root)
    img = _first(tmp_path / "i.json")
    st = open_project(client, tmp_path / "c.json", "pairwise", "ui-pairwise")
    push_tasks(client, st, tmp_path / "c.json", [pair_task(Pair(pair_id="p0", context=[{"role": "user", "content": "我头疼三天了"}], a="请问疼痛部位在哪里？", b="多喝热水。"))])
    pair = _first(tmp_path / "c.json")

    def page(pid_tid: tuple[int, int]) -> str:
        return _dom(chromium, f"{ui_url}/projects/{pid_tid[0]}/data?tab=0&task={pid_tid[1]}")

    dom = page(dlg)
    # The Repeater rendered one text block and one correction box per turn (not just the task
    # JSON of the data-manager table), and the expert's correction sits in turn 1's box.
    for i, turn in enumerate(rec.turns):
        assert re.search(r'richtext__line">' + re.escape(f"[{i}] {'患者' if turn.role == 'patient' else '医生'}: {turn.text}"), dom)
        assert f'name="fix_{i}' in dom
    assert re.search(r'name="fix_1[^"]*"[^>]*>(<[^>]+>)*' + re.escape(edit), dom)
    for label in ("accept", "needs fix", "reject", "medical error", "PHI left", "unnatural", "wrong role"):
        assert label in dom
    dom = page(phi)
    assert "John Smith" in dom and "PHONE_NUMBER" in dom and "spans corrected" in dom
    dom = page(img)
    assert "local-files/?d=mediscope-review/" in dom and "PHI visible, reject image" in dom
    dom = page(pair)
    assert "请问疼痛部位在哪里？" in dom and "多喝热水。" in dom and "B better" in dom
