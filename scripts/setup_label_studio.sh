#!/usr/bin/env bash
# Install the Label Studio server into its own virtual environment (default: <repo>/.venv-ls).
#
# Why a separate venv: label-studio pins Django and dozens of packages that conflict with the
# project's own dependencies; the project itself only needs `label-studio-sdk` (the `review`
# extra). `mediscope review serve` and the tests find the server at <repo>/.venv-ls/bin/label-studio
# unless MEDISCOPE_LABEL_STUDIO_BIN points elsewhere.
#
# Idempotent: re-running with the right version installed does nothing. Takes ~75 s and ~1 GB
# the first time. Optional: pass --init to migrate a template data dir into .cache/ right away
# (otherwise the first server start does it, ~30 s).
set -euo pipefail

VERSION="${LABEL_STUDIO_VERSION:-1.23.2}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MEDISCOPE_LABEL_STUDIO_VENV:-$REPO/.venv-ls}"
PYTHON="${PYTHON:-python3}"

installed_version() {
  "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("label-studio"))' 2>/dev/null || true
}

if [[ -x "$VENV/bin/label-studio" && "$(installed_version)" == "$VERSION" ]]; then
  echo "label-studio $VERSION already installed in $VENV"
else
  echo "installing label-studio $VERSION into $VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "label-studio==$VERSION" 2>&1 | grep -v "is ignored: it is neither" || true
  if [[ "$(installed_version)" != "$VERSION" ]]; then
    echo "label-studio $VERSION installation failed" >&2
    exit 1
  fi
  echo "installed label-studio $VERSION in $VENV"
fi

if [[ "${1:-}" == "--init" ]]; then
  # Import through the project's launcher so the template lands where tests and `serve` look.
  "${MEDISCOPE_PYTHON:-$REPO/.venv/bin/python}" -c \
    'from mediscope.review.server import ensure_template; print(ensure_template())'
fi
