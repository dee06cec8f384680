"""Key-value rows of a pipe table read as a form's fields.

Exports of billing lists, lab reports and OCR'd forms set a form's fields side by side in a pipe
table: `| 姓名 | 苑海棠 | 住院号 | 2026008815 |`, `| PATIENT | ALDERTON-COLE, TRISTAN | DOB | … |`.
Every cue rule is written for `姓名：苑海棠` and `PATIENT: ALDERTON-COLE, TRISTAN`, so the pipe
between a label and its value hides the value from all of them. Rather than teach each rule the
table's punctuation, this recognizer builds a copy of the text of the same length in which each
label cell ends in a colon and every other pipe is a line break, runs the language's rule
recognizers over that copy and keeps what they find inside the value cells. One character is
swapped for one, so the offsets found on the copy are the original text's.

Tables whose header row labels the columns (| 床号 | 姓名 | 住院号 |) are the table-column
recognizers' job; here a header row reads as "床号：姓名", which no cue rule takes for a name.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# A table row: a pipe at the line's start and at least two more.
_ROW_RE = regex.compile(r"(?m)^[ \t]*\|(?:[^|\n]*\|){2,}[ \t]*$")
_SEPARATOR_CHARS = frozenset("|-:= \t")
# A field's label: letters and a few marks, no digit (a cell with digits is a value: 12, 2026-03-02).
_LABEL_RE = regex.compile(r"[^\d|]{1,30}")
_MAX_LABEL_WORDS = 4
# Column heads: a row in which most cells are such words is a header (| 姓名 | 性别 | 年龄 | 住院号 |),
# not label-value pairs, and its "values" are the next columns' names.
FIELD_WORDS = frozenset({
    "姓名", "性别", "年龄", "床号", "床位", "科室", "病区", "住院号", "门诊号", "病案号", "病历号", "诊断", "入院", "出院",
    "日期", "时间", "电话", "地址", "住址", "医生", "医师", "护士", "患者", "备注", "结果", "项目", "内容", "单位", "参考值",
    "费用", "金额", "数量", "民族", "职业", "籍贯", "身份证号", "联系电话", "联系人", "签名", "检查", "说明", "编号",
    "name", "patient", "sex", "gender", "age", "dob", "date of birth", "mrn", "id", "nhs no", "hosp no", "ward",
    "bed", "room", "date", "time", "diagnosis", "address", "phone", "tel", "doctor", "consultant", "gp", "nurse",
    "test", "result", "units", "range", "reference range", "flag", "item", "qty", "amount", "notes", "comments",
})


def _label_like(cell: str) -> bool:
    return bool(_LABEL_RE.fullmatch(cell)) and len(cell.split()) <= _MAX_LABEL_WORDS and any(ch.isalpha() for ch in cell)


def fields_view(text: str, colon: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The text with each key-value row's label cells ending in `colon` and its other pipes turned
    into line breaks, and the value cells' (start, end); None where no row pairs a label with a value.

    Cells pair up from the left (label, value, label, value…), the way a form set in a table reads.
    """
    if "|" not in text:
        return None
    chars: list[str] | None = None
    values: list[tuple[int, int]] = []
    for m in _ROW_RE.finditer(text):
        row = m.group(0)
        if set(row) <= _SEPARATOR_CHARS:
            continue  # |---|---|
        pipes = [m.start() + i for i, ch in enumerate(row) if ch == "|"]
        cells = [(pipes[i] + 1, pipes[i + 1]) for i in range(len(pipes) - 1)]
        if sum(text[s:e].strip().lower().rstrip(":：") in FIELD_WORDS for s, e in cells) * 2 > len(cells):
            continue  # a header row
        pairs = []
        for j in range(0, len(cells) - 1, 2):
            (ls, le), (vs, ve) = cells[j], cells[j + 1]
            if _label_like(text[ls:le].strip()) and text[vs:ve].strip():
                pairs.append((le, (vs, ve)))
        if not pairs:
            continue
        if chars is None:
            chars = list(text)
        label_ends = {p for p, _ in pairs}
        for p in pipes:
            if p in label_ends:
                # "姓名 | 苑海棠" -> "姓名：  苑海棠": the colon right after the label, as a form writes it
                if text[p - 1] in " \t":
                    chars[p - 1], chars[p] = colon, " "
                else:
                    chars[p] = colon
            elif p + 1 < len(text) and text[p + 1] in " \t":
                chars[p], chars[p + 1] = " ", "\n"  # "| 住院号" -> " \n住院号": the label opens a line
            else:
                chars[p] = "\n"
        values.extend(cell for _, cell in pairs)
    if chars is None:
        return None
    return "".join(chars), values


class PipeFieldRecognizer(EntityRecognizer):
    """Runs the language's rule recognizers over the fields view of pipe-table rows (see the module's
    docstring) and reports what they find inside value cells."""

    def __init__(self, lang: str, inner: list[EntityRecognizer]) -> None:
        self.inner = [rec for rec in inner if not hasattr(rec, "prepare")]  # batch taggers work on the real text
        self.colon = "：" if lang == "zh" else ":"
        entities = sorted({e for rec in self.inner for e in rec.supported_entities})
        super().__init__(supported_entities=entities, name="PipeFieldRecognizer", supported_language=lang)

    def load(self) -> None:
        pass

    def can_match(self, text: str) -> bool:
        return "|" in text and _ROW_RE.search(text) is not None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        view = fields_view(text, self.colon)
        if view is None:
            return []
        copy, values = view
        out: list[RecognizerResult] = []
        for rec in self.inner:
            wanted = [e for e in entities if e in rec.supported_entities]
            gate = getattr(rec, "can_match", None)
            if not wanted or (gate is not None and not gate(copy)):
                continue
            for r in rec.analyze(copy, wanted, nlp_artifacts) or ():
                if any(vs <= r.start and r.end <= ve for vs, ve in values):
                    inner_name = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, rec.name)
                    out.append(RecognizerResult(r.entity_type, r.start, r.end, r.score, recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{inner_name}",
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out
