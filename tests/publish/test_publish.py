from __future__ import annotations

import io
import json

import datasets
import pytest
from PIL import Image as PILImage

from mediscope.publish import publish_dataset
from mediscope.publish.splits import assign_splits
from mediscope.record import ProvenanceEntry, Report

from ..filters.conftest import EN_DIALOGUE, ZH_DIALOGUE, make_record, png_image


def corpus(n_cases: int = 30, per_case: int = 2):
    recs = []
    for c in range(n_cases):
        for k in range(per_case):
            i = c * per_case + k
            turns = ZH_DIALOGUE if i % 2 == 0 else EN_DIALOGUE
            turns = [(r, f"{t} #{i}") for r, t in turns]
            images = [png_image(f"img{i}", seed=i)] if i % 3 == 0 else None
            rec = make_record(turns, rid=f"r{i:03d}", case_id=f"case{c:03d}", images=images,
                              image_turn=0, lang="zh" if i % 2 == 0 else "en")
            rec.provenance.append(ProvenanceEntry(stage="image_deid", version="1", config_hash="t"))
            recs.append(rec)
    return recs


def test_load_back_equals_input_records(tmp_path):
    recs = corpus()
    recs[4].reports.append(Report(kind="lab", text="血常规：白细胞 11.2"))
    refused = make_record(ZH_DIALOGUE, rid="leaky", deid="failed")
    out = tmp_path / "ds"
    summary = publish_dataset([*recs, refused], out)
    assert summary.total == len(recs)
    assert summary.rejected == {"deid_not_passed": 1}
    rejects = [json.loads(line) for line in (tmp_path / "ds.rejects.jsonl").read_text().splitlines()]
    assert [r["record_id"] for r in rejects] == ["leaky"]
    assert not list(out.rglob("*.jsonl")), "rejects must never sit inside the publishable folder"

    loaded = datasets.load_dataset(str(out))
    assert set(loaded) == {"train", "validation", "test"}
    assert isinstance(loaded["train"].features["images"].feature, datasets.Image)
    by_id = {row["id"]: row for split in loaded.values() for row in split}
    assert set(by_id) == {r.id for r in recs}
    for rec in recs:
        row = by_id[rec.id]
        assert row["case_id"] == rec.case_id and row["lang"] == rec.lang and row["n_turns"] == len(rec.turns)
        roles = [m["role"] for m in row["messages"]]
        assert roles == [{"patient": "user", "doctor": "assistant"}[t.role] for t in rec.turns]
        texts = [[c["text"] for c in m["content"] if c["type"] == "text"] for m in row["messages"]]
        assert texts == [[t.text] for t in rec.turns]
        placeholders = [c for m in row["messages"] for c in m["content"] if c["type"] == "image"]
        assert len(placeholders) == len(row["images"]) == len(rec.images)
        if rec.images:
            assert row["messages"][0]["content"][0] == {"type": "image", "text": None}
            original = PILImage.open(io.BytesIO(rec.images[0].data))
            assert row["images"][0].convert("RGB").tobytes() == original.convert("RGB").tobytes()
    assert json.loads(by_id["r004"]["meta"])["reports"] == [{"kind": "lab", "text": "血常规：白细胞 11.2"}]

    # The encoded image bytes themselves round-trip unchanged (no re-encoding on publish).
    raw = loaded["train"].cast_column("images", datasets.Sequence(datasets.Image(decode=False)))
    originals = {r.id: [i.data for i in r.images] for r in recs}
    for row in raw:
        assert [img["bytes"] for img in row["images"]] == originals[row["id"]]
        assert all(img["path"] is None for img in row["images"])  # file names can carry PHI


def test_no_case_in_two_splits_and_split_counts(tmp_path):
    recs = corpus(n_cases=60, per_case=3)
    summary = publish_dataset(recs, tmp_path / "ds", ratios={"train": 0.8, "validation": 0.1, "test": 0.1})
    loaded = datasets.load_dataset(str(tmp_path / "ds"))
    cases = {s: set(loaded[s]["case_id"]) for s in loaded}
    assert not (cases["train"] & cases["validation"]) and not (cases["train"] & cases["test"])
    assert not (cases["validation"] & cases["test"])
    assert sum(len(v) for v in cases.values()) == 60
    assert {s: v.records for s, v in summary.splits.items()} == {s: len(loaded[s]) for s in loaded}


def test_split_assignment_is_stable_as_corpus_grows():
    small, m1 = assign_splits([f"c{i}" for i in range(2000)], {"train": 0.9, "validation": 0.05, "test": 0.05})
    big, m2 = assign_splits([f"c{i}" for i in range(4000)], {"train": 0.9, "validation": 0.05, "test": 0.05})
    assert m1 == m2 == "hash"
    assert all(big[c] == s for c, s in small.items())
    share = sum(1 for s in big.values() if s == "test") / len(big)
    assert 0.03 < share < 0.07


def test_tiny_corpora():
    two, method = assign_splits(["a", "b"], {"train": 0.9, "validation": 0.05, "test": 0.05})
    assert method == "all-train" and set(two.values()) == {"train"}
    five, method = assign_splits(list("abcde"), {"train": 0.9, "validation": 0.05, "test": 0.05})
    assert method == "rank"
    assert sorted(five.values()).count("test") == 1 and sorted(five.values()).count("validation") == 1
    only_train, _ = assign_splits(list("abcde"), {"train": 1.0})
    assert set(only_train.values()) == {"train"}
    with pytest.raises(ValueError):
        assign_splits(["a"], {"train": 0.0, "test": 1.0})
    with pytest.raises(ValueError):
        assign_splits(["a"], {"training": 1.0})


def test_shards_are_bounded(tmp_path):
    recs = corpus(n_cases=20, per_case=3)
    summary = publish_dataset(recs, tmp_path / "ds", max_shard_mb=0.01, ratios={"train": 1.0})
    shards = sorted((tmp_path / "ds" / "data").glob("train-*.parquet"))
    assert summary.splits["train"].shards == len(shards) > 1
    assert shards[0].name.startswith(f"train-00000-of-{len(shards):05d}-")
    assert all(p.stat().st_size < 0.01 * 1024 * 1024 * 2 for p in shards)
    assert len(datasets.load_dataset(str(tmp_path / "ds"))["train"]) == len(recs)


def test_card_describes_the_data(tmp_path):
    recs = corpus(n_cases=10, per_case=1)
    publish_dataset(recs, tmp_path / "ds", license="cc-by-4.0", name="MediScope-mini")
    card = (tmp_path / "ds" / "README.md").read_text()
    assert card.startswith("---\n") and "license: cc-by-4.0" in card
    assert "# MediScope-mini" in card
    assert "## Turn-count histogram" in card and "| 4 | 10 |" in card
    assert "| zh | 5 |" in card and "| en | 5 |" in card
    assert "test-deid 1" in card  # de-identification engine read from the records
    assert "## Licence" in card


def test_refuses_to_overwrite_and_rejects_bad_options(tmp_path):
    out = tmp_path / "ds"
    publish_dataset(corpus(5, 1), out)
    with pytest.raises(FileExistsError):
        publish_dataset(corpus(5, 1), out)
    publish_dataset(corpus(6, 1), out, overwrite=True)
    # Same folder name, new content: `datasets` must not serve the cached first version.
    reloaded = datasets.load_dataset(str(out))
    assert sum(len(s) for s in reloaded.values()) == 6
    with pytest.raises(ValueError):
        publish_dataset(corpus(2, 1), tmp_path / "x", max_shard_mbb=3)
    with pytest.raises(ValueError, match="nothing to publish"):
        publish_dataset([make_record(ZH_DIALOGUE, deid="pending")], tmp_path / "y")
    assert not (tmp_path / "y").exists()


def test_publish_from_a_run_output_path(tmp_path):
    shards = pytest.importorskip("mediscope.io.shards")
    recs = corpus(8, 1)
    shards.write_records(recs, tmp_path / "run" / "data" / "part-00000.parquet")
    summary = publish_dataset(tmp_path / "run" / "data" / "part-00000.parquet", tmp_path / "ds")
    assert summary.total == 8


def test_push_to_hub_calls_the_hub_api(tmp_path):
    from mediscope.publish.hub import push_folder

    calls = []

    class RecordingApi:
        def create_repo(self, **kw):
            calls.append(("create_repo", kw))
            return f"https://huggingface.co/datasets/{kw['repo_id']}"

        def upload_folder(self, **kw):
            calls.append(("upload_folder", kw))

    url = push_folder(tmp_path, "org/mediscope", api=RecordingApi())
    assert url.endswith("org/mediscope")
    assert calls[0] == ("create_repo", {"repo_id": "org/mediscope", "repo_type": "dataset", "private": True,
                                        "exist_ok": True})
    assert calls[1][1]["folder_path"] == str(tmp_path) and calls[1][1]["repo_type"] == "dataset"
    with pytest.raises(ValueError):
        push_folder(tmp_path, "no-owner", api=RecordingApi())


def test_images_that_skipped_image_deid_are_refused(tmp_path):
    """Text de-id marks a record passed without looking at pixels; publishing needs image_deid too."""
    recs = corpus(n_cases=4, per_case=1)
    with_image = next(r for r in recs if r.images)
    with_image.provenance.clear()
    summary = publish_dataset(recs, tmp_path / "ds")
    assert summary.rejected == {"images_not_deidentified": 1}
    assert summary.total == len(recs) - 1
