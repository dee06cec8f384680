"""Import shims for the training stack.

The Qwen2.5-VL processor owns a *video* processor, and transformers' video processors import
torchvision. A CPU torch beside PyPI's torchvision wheel fails at import with ``operator
torchvision::nms does not exist`` because the wheel's compiled ops target another torch build.
Only the compiled ops (nms, roi_align, ...) are missing; the tensor transforms the processors use
are pure Python. Declaring the two op schemas torchvision registers fake kernels for at import
lets it import. We never call those ops. Without torchvision at all, we build the processor
without a video processor (images only), which is all a dialogue corpus needs.
"""

from __future__ import annotations

import importlib.util
import logging

log = logging.getLogger(__name__)
_DONE = False


def torchvision_available() -> bool:
    return importlib.util.find_spec("torchvision") is not None


def patch_torchvision() -> bool:
    """Make ``import torchvision`` work beside a mismatched torch build; return whether it imports."""
    global _DONE
    if _DONE:
        return True
    if not torchvision_available():
        return False
    try:
        import torchvision  # noqa: F401

        _DONE = True
        return True
    except RuntimeError as exc:  # "operator torchvision::nms does not exist"
        if "torchvision::" not in str(exc):
            raise
        log.info("torchvision ops missing for this torch build; declaring stubs (%s)", exc)
    import sys

    import torch

    for name in [m for m in sys.modules if m == "torchvision" or m.startswith("torchvision.")]:
        del sys.modules[name]
    lib = torch.library.Library("torchvision", "DEF")  # noqa: F841 - kept alive below
    lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    globals()["_TV_LIB"] = lib
    import torchvision  # noqa: F401,F811

    _DONE = True
    return True
