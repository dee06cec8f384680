"""mediscope.train reads published datasets and the judge only: no curation stages, no eager torch."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, check=True)
    import json

    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_train_never_imports_curation_stages():
    mods = _modules_after(
        "import mediscope.train.config, mediscope.train.data, mediscope.train.reward, mediscope.train.sft, "
        "mediscope.train.crpo, mediscope.train.counterparts, mediscope.train.modeling, mediscope.train.tiny, "
        "mediscope.commands.train"
    )
    assert not [m for m in mods if m.startswith("mediscope.stages")]


def test_importing_train_package_is_cheap():
    mods = _modules_after("import mediscope.train, mediscope.commands.train")
    assert not {"torch", "transformers", "trl", "peft", "datasets"} & mods
