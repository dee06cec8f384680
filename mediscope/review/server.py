"""Start and stop a local Label Studio server without any interactive step.

Used by `mediscope review serve` (an expert's workstation, a demo) and by the tests. Two facts
shape this module (measured, see the stack notes):
- a cold start runs ~30 s of Django migrations, so we migrate once into a *template* data dir
  (cached under `.cache/label-studio/`) and copy it for every fresh server (~3 s start);
- the server reads stray `USERNAME`/`PASSWORD`/`PORT`/`HOST` variables and rejects the legacy
  token unless `LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true`, so the environment is built here
  from scratch rather than inherited blindly.

The server lives in its own virtual environment (it pins Django and friends); it is found via
`MEDISCOPE_LABEL_STUDIO_BIN`, then `label-studio` on PATH, then `<repo>/.venv-ls/bin/label-studio`.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_USER = "expert@example.com"
# A fixed, obviously-local token for the throwaway template; `serve` can be given another.
DEFAULT_TOKEN = "0123456789abcdef0123456789abcdef01234567"
DEFAULT_PASSWORD = "mediscope-local-only"
TOKEN_FILE = ".mediscope-token"
_CLEARED_ENV = ("USERNAME", "PASSWORD", "PORT", "HOST", "LABEL_STUDIO_HOST", "DJANGO_SETTINGS_MODULE")


class LabelStudioNotInstalled(RuntimeError):
    """The server binary is missing; the message says how to install it."""


class LabelStudioStartError(RuntimeError):
    """The server did not come up; the message carries the tail of its log."""


def find_binary() -> Path:
    """Locate `label-studio`, explaining how to install it when absent."""
    env = os.environ.get("MEDISCOPE_LABEL_STUDIO_BIN")
    if env:
        path = Path(env)
        if not path.is_file():
            raise LabelStudioNotInstalled(f"MEDISCOPE_LABEL_STUDIO_BIN={env} does not exist")
        return path
    on_path = shutil.which("label-studio")
    if on_path:
        return Path(on_path)
    venv = REPO / ".venv-ls" / "bin" / "label-studio"
    if venv.is_file():
        return venv
    raise LabelStudioNotInstalled(
        "Label Studio server not found. Run scripts/setup_label_studio.sh (installs label-studio "
        "into .venv-ls) or set MEDISCOPE_LABEL_STUDIO_BIN to the label-studio executable."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(
    data_dir: Path,
    *,
    token: str = DEFAULT_TOKEN,
    user: str = DEFAULT_USER,
    password: str = DEFAULT_PASSWORD,
    document_root: Path | None = None,
) -> dict[str, str]:
    """The environment for a non-interactive, offline, local-only server."""
    env = {k: v for k, v in os.environ.items() if k not in _CLEARED_ENV}
    env.update(
        LABEL_STUDIO_BASE_DATA_DIR=str(data_dir),
        LABEL_STUDIO_USERNAME=user,
        LABEL_STUDIO_PASSWORD=password,
        LABEL_STUDIO_USER_TOKEN=token,
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true",
        SENTRY_DSN="",
        FRONTEND_SENTRY_DSN="",
        COLLECT_ANALYTICS="false",
        LATEST_VERSION_CHECK="false",
        PYTHONUNBUFFERED="1",
    )
    if document_root is not None:
        env.update(
            LABEL_STUDIO_LOCAL_FILES_SERVING_ENABLED="true",
            LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT=str(document_root),
        )
    return env


def _binary_version(binary: Path) -> str:
    """Key the template cache by the server's venv so an upgrade re-migrates."""
    stat = binary.resolve().stat()
    return f"{binary.resolve().parent.parent.name}-{int(stat.st_mtime)}"


def template_dir(cache_root: Path | None = None) -> Path:
    root = cache_root or Path(os.environ.get("MEDISCOPE_CACHE", REPO / ".cache")) / "label-studio"
    return root / f"template-{_binary_version(find_binary())}"


def ensure_template(cache_root: Path | None = None, timeout: float = 300.0) -> Path:
    """Migrate a data dir once (`label-studio init`), reused by every later start.

    Built in a temporary sibling and renamed, so an interrupted migration never leaves a
    half-migrated template behind.
    """
    target = template_dir(cache_root)
    if (target / ".ready").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="template-", dir=target.parent))
    binary = find_binary()
    log.info("migrating a Label Studio template data dir (once, ~30 s) into %s", target)
    proc = subprocess.run(
        [str(binary), "init", "--quiet", "--no-browser"],
        env=server_env(work),
        cwd=work,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise LabelStudioStartError(f"label-studio init failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    (work / ".ready").write_text("ok\n")
    if target.exists():  # another process won the race
        shutil.rmtree(work, ignore_errors=True)
    else:
        work.rename(target)
    return target


@dataclass
class LabelStudioServer:
    """A running local server; use as a context manager or call `start()`/`stop()`.

    `data_dir` is copied from the migrated template when it does not exist yet, so a restart on
    the same `data_dir` keeps its projects (that is how the tests simulate an outage).
    """

    data_dir: Path
    port: int = 0
    token: str = DEFAULT_TOKEN
    user: str = DEFAULT_USER
    password: str = DEFAULT_PASSWORD
    document_root: Path | None = None
    start_timeout: float = 120.0
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _log_path: Path | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LabelStudioServer:
        binary = find_binary()
        if not (self.data_dir / "label_studio.sqlite3").exists():
            if self.token == DEFAULT_TOKEN and self.user == DEFAULT_USER:
                template = ensure_template()
                shutil.copytree(template, self.data_dir, dirs_exist_ok=True)
            else:
                # The template's admin carries the default token; a server with its own user and
                # token must create them itself, which means one cold start with migrations.
                log.info("first start of %s: migrating the database (~30 s)", self.data_dir)
                self.data_dir.mkdir(parents=True, exist_ok=True)
            token_file = self.data_dir / TOKEN_FILE
            token_file.write_text(self.token + "\n")
            token_file.chmod(0o600)
        if not self.port:
            self.port = free_port()
        if self.document_root is not None:
            self.document_root.mkdir(parents=True, exist_ok=True)
        self._log_path = self.data_dir / "server.log"
        logf = open(self._log_path, "ab")  # noqa: SIM115 - closed with the process
        self._proc = subprocess.Popen(
            [str(binary), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(self.port)],
            env=server_env(
                self.data_dir,
                token=self.token,
                user=self.user,
                password=self.password,
                document_root=self.document_root,
            ),
            cwd=self.data_dir,
            stdout=logf,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        logf.close()
        self._wait_ready()
        log.info("Label Studio up at %s (data %s)", self.url, self.data_dir)
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        headers = {"Authorization": f"Token {self.token}"}
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise LabelStudioStartError(f"label-studio exited early:\n{self.log_tail()}")
            try:
                resp = httpx.get(f"{self.url}/api/projects?page_size=1", headers=headers, timeout=2.0)
                if resp.status_code == 200:
                    return
                if resp.status_code == 401:
                    self.stop()
                    raise LabelStudioStartError(
                        f"Label Studio in {self.data_dir} is up but refuses the token: its admin token is "
                        f"fixed when the data dir is created (see {self.data_dir / TOKEN_FILE})"
                    )
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise LabelStudioStartError(f"label-studio not ready after {self.start_timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        if self._log_path is None or not self._log_path.exists():
            return ""
        return self._log_path.read_text(errors="replace")[-chars:]

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server's whole process group (it forks workers)."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=timeout)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=timeout)

    def __enter__(self) -> LabelStudioServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def stored_token(data_dir: Path) -> str | None:
    """The token a data dir was created with (written at its first start), if known."""
    path = data_dir / TOKEN_FILE
    return path.read_text().strip() if path.is_file() else None


def new_token() -> str:
    """A fresh 40-hex-char token for a user-facing server."""
    return secrets.token_hex(20)
