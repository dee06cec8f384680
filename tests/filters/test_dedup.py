from __future__ import annotations

import io
import json

import pytest
from PIL import Image as PILImage
from pydantic import ValidationError

from mediscope.record import Image
from mediscope.stages.filters.dedup import DedupStage
from mediscope.stages.filters.images import HammingIndex
from mediscope.stages.filters.reasons import FilterReason as R

from .conftest import EN_DIALOGUE, ZH_DIALOGUE, make_record, png_image


def ids(result):
    assert result is not None
    return [r.id for r in result.kept], {j.record_id: j.reason for j in result.rejected}


def test_exact_duplicates_ignore_spacing_punctuation_and_width():
    stage = DedupStage({"near": False})
    a = make_record(ZH_DIALOGUE, rid="a")
    b = make_record([(r, t.replace("，", ", ").replace("。", " . ")) for r, t in ZH_DIALOGUE], rid="b")
    c = make_record(EN_DIALOGUE, rid="c")
    d = make_record([(r, t.upper()) for r, t in EN_DIALOGUE], rid="d")
    assert ids(stage([a, b, c, d])) == (["a", "c"], {"b": R.EXACT_DUPLICATE, "d": R.EXACT_DUPLICATE})


def test_roles_matter_for_exact_duplicates():
    stage = DedupStage({"near": False})
    a = make_record([("patient", "头痛怎么办呢医生"), ("doctor", "多休息多喝水")], rid="a")
    swapped = make_record([("doctor", "头痛怎么办呢医生"), ("patient", "多休息多喝水")], rid="b")
    assert ids(stage([a, swapped]))[0] == ["a", "b"]


def test_near_duplicates_across_batches_keep_the_first():
    stage = DedupStage({"exact": False})
    first = make_record(ZH_DIALOGUE, rid="first")
    edited = make_record([*ZH_DIALOGUE[:3], (ZH_DIALOGUE[3][0], ZH_DIALOGUE[3][1] + "祝您早日康复。")], rid="edited")
    other = make_record(EN_DIALOGUE, rid="other")
    different_zh = make_record(
        [("patient", "孩子两岁，最近拉肚子，一天五六次，精神还可以。"), ("doctor", "注意补液，口服补液盐，观察尿量，如有脱水及时就医。")],
        rid="diff",
    )
    assert ids(stage([first])) == (["first"], {})
    kept, rejected = ids(stage([edited, other, different_zh]))
    assert kept == ["other", "diff"] and rejected == {"edited": R.NEAR_DUPLICATE}
    assert stage.funnel.as_dict()["rejected"] == {R.NEAR_DUPLICATE: 1}


def test_near_duplicates_within_one_batch():
    stage = DedupStage({"exact": False, "threshold": 0.7})
    base = make_record(ZH_DIALOGUE, rid="a")
    twin = make_record([*ZH_DIALOGUE[:3], ("doctor", ZH_DIALOGUE[3][1][:-4] + "布洛芬缓释胶囊。")], rid="b")
    assert ids(stage([base, twin])) == (["a"], {"b": R.NEAR_DUPLICATE})


def test_threshold_one_only_removes_identical_sets():
    stage = DedupStage({"exact": False, "threshold": 1.0})
    a = make_record(ZH_DIALOGUE, rid="a")
    b = make_record([*ZH_DIALOGUE[:3], ("doctor", ZH_DIALOGUE[3][1] + "谢谢")], rid="b")
    assert ids(stage([a, b]))[0] == ["a", "b"]


def _reencode(img: Image, fmt: str, size: tuple[int, int]) -> Image:
    pil = PILImage.open(io.BytesIO(img.data)).convert("RGB").resize(size)
    buf = io.BytesIO()
    pil.save(buf, format=fmt, quality=85)
    return img.model_copy(update={"data": buf.getvalue(), "format": fmt, "width": size[0], "height": size[1]})


def test_near_duplicate_images_only_across_cases():
    scan = png_image("scan", size=(128, 128), seed=1)
    resaved = _reencode(scan, "JPEG", (100, 100))
    a = make_record(ZH_DIALOGUE, rid="a", case_id="c1", images=[scan])
    same_case = make_record(EN_DIALOGUE, rid="b", case_id="c1", images=[resaved])
    other_case = make_record(
        [("patient", "这是我的片子，帮我看看"), ("doctor", "片子显示肺纹理增粗，建议复查")], rid="c", case_id="c2",
        images=[resaved],
    )
    fresh = make_record(
        [("patient", "另一张片子请看一下"), ("doctor", "未见明显异常，注意随访")], rid="d", case_id="c3",
        images=[png_image("x", size=(128, 128), seed=99)],
    )
    kept, rejected = ids(DedupStage()([a, same_case, other_case, fresh]))
    assert kept == ["a", "b", "d"] and rejected == {"c": R.NEAR_DUPLICATE_IMAGE}


def test_hamming_index_finds_all_within_distance():
    idx = HammingIndex(max_distance=3)
    base = 0x0123_4567_89AB_CDEF
    idx.add(base, "base")
    idx.add(base ^ (0b111 << 60), "d3")  # 3 bits from base
    idx.add(base ^ 0b1111, "d4")  # 4 bits from base
    assert dict(idx.query(base)) == {"base": 0, "d3": 3}
    probe = base ^ (1 << 63) ^ (1 << 62) ^ (1 << 61) ^ (1 << 1)  # 4 from base, 3 from d3, 6 from d4
    assert idx.query(probe) == [("d3", 3)]


def test_bands_must_divide_num_perm():
    with pytest.raises(ValidationError):
        DedupStage({"num_perm": 100, "bands": 16})


def test_seed_from_rebuilds_state_from_written_records(tmp_path):
    first = make_record(ZH_DIALOGUE, rid="first")
    out = tmp_path / "run" / "data"
    out.mkdir(parents=True)
    (out / "part-00000.jsonl").write_text(json.dumps(json.loads(first.to_json()), ensure_ascii=False) + "\n")
    shards = pytest.importorskip("mediscope.io.shards")
    assert [r.id for r in shards.iter_records(out / "part-00000.jsonl")] == ["first"]
    stage = DedupStage({"seed_from": str(out / "part-00000.jsonl")})
    stage.ensure_setup()
    again = make_record(ZH_DIALOGUE, rid="again")
    assert ids(stage([again])) == ([], {"again": R.EXACT_DUPLICATE})
    missing = DedupStage({"seed_from": str(tmp_path / "nothing-yet")})
    missing.ensure_setup()
    assert ids(missing([make_record(ZH_DIALOGUE, rid="x")]))[0] == ["x"]


def test_filter_cli_writes_kept_rejects_and_funnel(tmp_path):
    from typer.testing import CliRunner

    from mediscope.cli import app

    recs = [make_record(ZH_DIALOGUE, rid="a"), make_record(ZH_DIALOGUE, rid="dup"),
            make_record(ZH_DIALOGUE[:1], rid="short"), make_record(EN_DIALOGUE, rid="en")]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(r.to_json() for r in recs) + "\n", encoding="utf-8")
    out = tmp_path / "kept.jsonl"
    result = CliRunner().invoke(app, ["filter", str(src), str(out)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "en"]
    rejects = [json.loads(line) for line in (tmp_path / "kept.rejects.jsonl").read_text().splitlines()]
    assert sorted((r["record_id"], r["reason"]) for r in rejects) == [("dup", "exact_duplicate"), ("short", "too_few_turns")]
    assert "exact_duplicate" in result.output and "too_few_turns" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("filter: {max_turnz: 3}\n")
    assert CliRunner().invoke(app, ["filter", str(src), str(out), "-c", str(bad)]).exit_code != 0
