"""Read a published MediScope dataset and shape it for TRL's trainers.

The published schema is already TRL's conversational vision format (``messages`` with
``{"type": "image", "text": null}`` placeholders on the turn that showed each image, ``images``
in placeholder order), so SFT needs almost nothing: TRL fills the placeholders with the images
and renders Qwen2.5-VL's template. What this module adds:

- loading from either layout a publisher may leave (``save_to_disk`` folder, or Parquet shards
  with a card, or a hub name), with a clear error when columns are missing;
- the text stage: drop images *and* their placeholders, so a text-only model sees no
  ``<|image_pad|>`` it has no pixels for;
- CRPO prompts: the dialogue up to the last doctor turn is the prompt, the counterparts answered
  that same prompt, and the judge sees it as plain ``{"role", "content": str}`` messages.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from mediscope.train.config import DataSettings

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("id", "case_id", "messages", "images")
IMAGE_MARK = "[image]"


class DatasetError(ValueError):
    """The dataset is not a published MediScope dataset (or not the split asked for)."""


def load_published(path: str | Path, split: str = "train"):
    """One split of a published dataset as a ``datasets.Dataset`` (images decoded lazily)."""
    import datasets

    p = Path(path)
    if not p.exists() and (p.is_absolute() or str(path).startswith(".") or str(path).count("/") != 1):
        raise DatasetError(f"{path}: no such dataset folder (and not a hub name like org/name)")
    if p.is_dir() and (p / "dataset_dict.json").is_file():
        dd = datasets.load_from_disk(str(p))
        if split not in dd:
            raise DatasetError(f"{path}: no split {split!r} (have {sorted(dd)})")
        ds = dd[split]
    elif p.is_dir() and (p / "dataset_info.json").is_file() and (p / "state.json").is_file():
        ds = datasets.load_from_disk(str(p))
    elif p.is_dir() or not p.exists():
        if p.is_dir() and not any(p.rglob("*.parquet")):
            raise DatasetError(f"{path}: no Parquet shards and no saved dataset found")
        try:
            ds = datasets.load_dataset(str(p), split=split)
        except ValueError as exc:  # unknown split
            raise DatasetError(f"{path}: {exc}") from exc
    else:
        raise DatasetError(f"{path}: expected a published dataset folder or a hub name")
    missing = [c for c in REQUIRED_COLUMNS if c not in ds.column_names]
    if missing:
        raise DatasetError(f"{path} [{split}]: missing published columns {missing}; have {ds.column_names}")
    return ds


def strip_images(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages without image placeholders (for the text-only stage)."""
    out = []
    for m in messages:
        content = m["content"]
        if isinstance(content, list):
            content = [c for c in content if c.get("type") != "image"]
        out.append({"role": m["role"], "content": content})
    return out


def count_image_placeholders(messages: list[dict[str, Any]]) -> int:
    return sum(
        1 for m in messages if isinstance(m["content"], list) for c in m["content"] if c.get("type") == "image"
    )


def message_text(message: dict[str, Any], image_mark: str = IMAGE_MARK) -> str:
    """One message's content as plain text, images shown as ``[image]`` (for judges and APIs)."""
    content = message["content"]
    if isinstance(content, str):
        return content
    parts = []
    for c in content:
        if c.get("type") == "image":
            parts.append(image_mark)
        elif c.get("text"):
            parts.append(c["text"])
    return "\n".join(parts)


def plain_context(messages: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The judge's context format: ``[{"role", "content": str}]``."""
    return [{"role": m["role"], "content": message_text(m)} for m in messages]


def split_last_assistant(messages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """(prompt, reference): the dialogue before the last assistant turn, and that turn."""
    for i in range(len(messages) - 1, -1, -1):
        if messages[i]["role"] == "assistant":
            return list(messages[:i]), messages[i]
    return list(messages), None


def _select(ds, settings: DataSettings):
    if settings.kinds and "kind" in ds.column_names:
        kinds = set(settings.kinds)
        ds = ds.filter(lambda k: k in kinds, input_columns=["kind"])
    if settings.shuffle_seed is not None:
        ds = ds.shuffle(seed=settings.shuffle_seed)
    if settings.max_samples:
        ds = ds.select(range(min(settings.max_samples, len(ds))))
    return ds


def sft_dataset(settings: DataSettings, split: str | None = None):
    """Rows ready for TRL's SFTTrainer: ``messages`` (+ ``images`` unless text-only)."""
    ds = _select(load_published(settings.path, split or settings.split), settings)
    if len(ds) == 0:
        raise DatasetError(f"{settings.path}: no rows left after selection (kinds={settings.kinds})")
    extra = [c for c in ds.column_names if c not in ("messages", "images")]
    if settings.text_only:
        ds = ds.remove_columns(["images"] + extra)
        ds = ds.map(lambda m: {"messages": strip_images(m)}, input_columns=["messages"])
    else:
        ds = ds.remove_columns(extra)
    return ds


def crpo_dataset(settings: DataSettings, k: int, max_prompt_turns: int | None = None, require_counterparts: bool = True):
    """Rows for GRPO: ``prompt`` (conversation so far), ``images``, ``counterparts``, ``context``.

    ``context`` is the prompt as plain JSON text messages for the judge; ``counterparts`` keeps
    the first ``k`` stored responses. Rows with fewer than ``k`` counterparts are an error, not
    silently dropped: a reward over fewer counterparts is a different reward.
    """
    ds = _select(load_published(settings.path, settings.split), settings)
    if require_counterparts and "counterparts" not in ds.column_names:
        raise DatasetError(
            f"{settings.path}: no 'counterparts' column; run `mediscope train counterparts` first"
        )
    text_only = settings.text_only

    def shape(row: dict[str, Any]) -> dict[str, Any]:
        messages = strip_images(row["messages"]) if text_only else row["messages"]
        prompt, _ = split_last_assistant(messages)
        if max_prompt_turns:
            head = [m for m in prompt[:1] if m["role"] == "system"]
            prompt = head + prompt[len(head):][-max_prompt_turns:]
        n_img = count_image_placeholders(prompt)
        images = [] if text_only else list(row["images"] or [])[:n_img]
        cps = list(row.get("counterparts") or [])[:k]
        if require_counterparts and len(cps) < k:
            raise DatasetError(f"row {row['id']}: {len(cps)} counterparts, reward needs k={k}")
        return {
            "prompt": prompt,
            "images": images,
            "counterparts": cps,
            "context": json.dumps(plain_context(prompt), ensure_ascii=False),
        }

    keep = {"id", "case_id"}
    ds = ds.map(shape, remove_columns=[c for c in ds.column_names if c not in keep])
    ds = ds.filter(lambda p: len(p) > 0 and p[-1]["role"] == "user", input_columns=["prompt"])
    if len(ds) == 0:
        raise DatasetError(f"{settings.path}: no row has a user turn before a doctor answer")
    return ds


def write_split(ds, folder: str | Path, split: str) -> Path:
    """Write one split as ``data/<split>-00000-of-00001-<content hash>.parquet`` (replacing older shards).

    The content hash in the name matters: ``datasets`` keys its cache on the folder name and the
    data-file names, so rewriting a folder under the same names can load the previous rows.
    """
    data = Path(folder) / "data"
    data.mkdir(parents=True, exist_ok=True)
    tmp = data / f".{split}.tmp.parquet"
    ds.to_parquet(str(tmp))
    h = hashlib.sha256()
    with tmp.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    target = data / f"{split}-00000-of-00001-{h.hexdigest()[:10]}.parquet"
    for old in data.glob(f"{split}-*.parquet"):
        old.unlink()
    tmp.rename(target)
    return target
