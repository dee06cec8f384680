"""mediscope: de-identified multimodal medical dialogue corpus building and training."""

__version__ = "0.1.0"
