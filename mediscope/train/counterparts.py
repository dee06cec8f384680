"""Generate the counterpart responses CRPO compares against, and store them as a column.

CRPO's reward compares each sampled response with the responses K other models gave to the
same prompt. Asking those models during training would put K slow API calls inside every GRPO
step and make the reward non-reproducible, so we ask once, beforehand, and store the answers
in the published dataset as ``counterparts: [{model, response}]`` (the schema's contract).

Each counterpart model is an OpenAI-compatible endpoint driven through ``mediscope.llm``'s
client (bounded concurrency, retries, on-disk cache: an interrupted run resumes for free).
The prompt each model sees is the dialogue up to the last doctor turn, i.e. exactly the GRPO
prompt, with images sent inline (data URLs) unless ``--no-images``.
"""

from __future__ import annotations

import asyncio
import base64
import io
import logging
from pathlib import Path
from typing import Any

from mediscope.train.config import ConfigError, CounterpartModel, CounterpartsSettings, require_api_key
from mediscope.train.data import load_published, message_text, split_last_assistant, write_split

log = logging.getLogger(__name__)

SPLITS = ("train", "validation", "test")


def _image_url(image: Any) -> str:
    """A PIL image (or {bytes}) as a base64 data URL for the chat API."""
    if isinstance(image, dict) and image.get("bytes"):
        data, fmt = image["bytes"], "png"
    else:
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="PNG")
        data, fmt = buf.getvalue(), "png"
    return f"data:image/{fmt};base64,{base64.b64encode(data).decode('ascii')}"


def api_messages(messages: list[dict[str, Any]], images: list[Any], send_images: bool) -> list[dict[str, Any]]:
    """Published messages -> chat-completions messages (text, plus inline images if asked)."""
    out: list[dict[str, Any]] = []
    idx = 0
    for m in messages:
        content = m["content"]
        if isinstance(content, str) or not send_images:
            out.append({"role": m["role"], "content": message_text(m)})
            idx += 0 if isinstance(content, str) else sum(1 for c in content if c.get("type") == "image")
            continue
        parts: list[dict[str, Any]] = []
        for c in content:
            if c.get("type") == "image":
                if idx < len(images):
                    parts.append({"type": "image_url", "image_url": {"url": _image_url(images[idx])}})
                idx += 1
            elif c.get("text"):
                parts.append({"type": "text", "text": c["text"]})
        out.append({"role": m["role"], "content": parts})
    return out


def _client(model: CounterpartModel, settings: CounterpartsSettings):
    from mediscope.llm import LLMClient, LLMConfig

    kwargs: dict[str, Any] = {
        "model": model.model,
        "concurrency": settings.concurrency,
        "api_key_env": [model.api_key_env],
        "cache_dir": settings.cache_dir,
    }
    if model.base_url:
        kwargs["base_url"] = model.base_url
    return LLMClient(LLMConfig(**kwargs))


async def _generate(rows: list[dict[str, Any]], settings: CounterpartsSettings, send_images: bool, progress=None):
    clients = [_client(m, settings) for m in settings.models]
    try:

        async def one(row: dict[str, Any], model: CounterpartModel, client) -> str:
            prompt, _ = split_last_assistant(row["messages"])
            msgs = api_messages(prompt, row["images"] or [], send_images)
            if settings.system_prompt and not (msgs and msgs[0]["role"] == "system"):
                msgs = [{"role": "system", "content": settings.system_prompt}] + msgs
            done = await client.complete(msgs, temperature=model.temperature, max_tokens=model.max_tokens)
            if progress is not None:
                progress()
            return done.content

        results = await asyncio.gather(
            *(asyncio.gather(*(one(row, m, c) for m, c in zip(settings.models, clients, strict=True))) for row in rows)
        )
    finally:
        for c in clients:
            await c.aclose()
    return [[{"model": m.name, "response": r} for m, r in zip(settings.models, answers, strict=True)] for answers in results]


def add_counterparts(
    data: str | Path,
    output: str | Path,
    settings: CounterpartsSettings,
    splits: tuple[str, ...] = SPLITS,
    send_images: bool = True,
    show_progress: bool = True,
) -> dict[str, int]:
    """Write a copy of the published dataset with a ``counterparts`` column; rows per split."""
    import datasets
    from rich.progress import Progress

    from mediscope.train.reward import run_sync

    if not settings.models:
        raise ConfigError("no counterpart models configured (counterparts.models in the recipe)")
    names = [m.name for m in settings.models]
    if len(set(names)) != len(names):
        raise ConfigError(f"counterpart model names must be unique: {names}")
    for m in settings.models:
        require_api_key(m.base_url, m.api_key_env, f"counterpart {m.name}")
    out = Path(output)
    if out.resolve() == Path(data).resolve():
        raise ConfigError("output must differ from the input dataset (published data is never edited in place)")
    counts: dict[str, int] = {}
    files: dict[str, list[str]] = {}
    column = datasets.List({"model": datasets.Value("string"), "response": datasets.Value("string")})
    for split in splits:
        try:
            ds = load_published(data, split)
        except Exception as exc:  # noqa: BLE001 - a missing split is fine, other errors are not
            if "split" in str(exc).lower():
                log.info("no %s split in %s; skipping", split, data)
                continue
            raise
        rows = ds.select_columns(["messages", "images"]).cast_column(
            "images", datasets.List(datasets.Image(decode=False))
        )
        with Progress(disable=not show_progress) as bar:
            task = bar.add_task(f"counterparts [{split}]", total=len(ds) * len(settings.models))
            cps = run_sync(
                _generate(list(rows), settings, send_images, progress=lambda t=task: bar.advance(t))
            )
        if "counterparts" in ds.column_names:
            ds = ds.remove_columns("counterparts")
        ds = ds.add_column("counterparts", cps, feature=column)
        files[split] = [f"data/{write_split(ds, out, split).name}"]
        counts[split] = len(ds)
        log.info("%s: %d rows x %d counterparts", split, len(ds), len(settings.models))
    write_card(Path(data) / "README.md", out / "README.md", files)
    return counts


def write_card(source: Path, target: Path, split_files: dict[str, list[str]]) -> None:
    """Copy the dataset card, pointing its ``configs`` at the new shards.

    The publisher's card lists each split's (fingerprinted) files; copied verbatim it would send
    ``load_dataset`` looking for files that are not in the new folder.
    """
    import yaml

    meta: dict[str, Any] = {}
    body = "# MediScope with counterpart responses\n"
    if source.is_file():
        text = source.read_text(encoding="utf-8")
        if text.startswith("---"):
            _, front, rest = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
            body = rest.lstrip("\n")
        else:
            body = text
    meta["configs"] = [
        {"config_name": "default", "data_files": [{"split": s, "path": f} for s, f in split_files.items()]}
    ]
    note = "\n\nThis copy adds a `counterparts` column (list of {model, response}) for CRPO training.\n"
    target.write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body.rstrip() + note,
        encoding="utf-8",
    )
