"""Names and record numbers in the columns of a pipe table whose header row labels them.

Three layouts: a pipe table, a table set with spaces under a header of labels, and the signer's column
that ends each row of a log or a record sheet (… 操作者 / … 邢). A recognizer of its own
(ChineseTableColumnRecognizer): it finds two families at once by the
table's layout, not by either family's cues, so it sits in neither; it reads the record-number cues
from zh_identifiers and the placeholder names from zh_person.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.normalize import normalize
from mediscope.deid.recognizers.base import lines_with_offsets
from mediscope.deid.recognizers.zh_identifiers import MRN_CUES
from mediscope.deid.recognizers.zh_person import _ANY_SURNAME_CHARS, _NOT_FORM_NAMES
from mediscope.deid.types import MEDICAL_RECORD_NUMBER, PERSON

# A table's header names what its columns hold (| 床号 | 姓名 | 住院号 | 诊断 |): the cells below a
# name or record-number header are that PHI whatever they look like (苗青, 宁静, 5520783), as no cue
# word stands next to them.
_TABLE_NAME_HEADS = frozenset({"姓名", "患者", "患者姓名", "病人", "病人姓名", "患儿", "患儿姓名", "家属", "家属姓名", "联系人",
                               "主治医师", "主管医生", "经治医生", "管床医生", "责任护士", "医生", "医师", "护士", "签名"})
_TABLE_ID_HEADS = frozenset({*MRN_CUES, "住院号", "门诊号", "病案号", "病历号", "就诊号", "登记号", "ID号", "患者ID", "病人ID",
                             "就诊卡号", "急诊号", "检查号", "影像号", "病理号",
                             # a screening's or a lab slip's own numbering: | 编号 | 姓名 |, | 实验室条码 | 姓名 |
                             "编号", "工号", "条码", "条码号", "实验室条码", "样本号", "标本号"})
LABEL_ENDS = frozenset("号名期间别龄断室注址话果值目位码称型况度量法式人师生士区次项类级数序嘱态论本种")
# A row that opens with a field's label is a form's line set in the table (| 诊断 | 急性心梗 | | |): its
# cell under the name column is that label, no one's name.
_ROW_LABELS = frozenset({"诊断", "性别", "年龄", "科室", "床号", "病区", "医嘱", "备注", "主诉", "合计", "小计", "总计", "日期",
                         "时间", "结果", "处理", "意见", "签名", "说明", "用药", "治疗", "检查", "费用", "地址", "电话"})
_TABLE_NAME_CELL_RE = regex.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}|[A-Z][a-z]{1,12}(?: [A-Z][a-z\-]{1,12}){1,2}")
_TABLE_ID_CELL_RE = regex.compile(r"[A-Za-z]{0,4}-?\d{4,14}(?:-\d{1,6})?")  # (CZ0520-011: a screening's batch and serial)


def _header_label(cell: str) -> str:
    """A header cell's label; of two labels joined by a slash (姓名/昵称, 患者/家属), the one the table rules know."""
    label = cell.strip().replace(" ", "")
    if "/" in label:
        for part in label.split("/"):
            if part in _TABLE_NAME_HEADS or part in _TABLE_ID_HEADS:
                return part
    return label


class ChineseTableColumnRecognizer(EntityRecognizer):
    """Names and record numbers in the columns of a pipe table whose header row labels them."""

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[PERSON, MEDICAL_RECORD_NUMBER], name="ChineseTableColumnRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def can_match(self, text: str) -> bool:
        gaps = "\u3000" in text or "  " in text or "\t" in text
        pipes = "|" in text or "｜" in text
        return (pipes and ("姓名" in text or "号" in text or "ID" in text)) or ("姓名" in text and gaps) or (
            (pipes or gaps) and _SIGNER_GATE.search(text) is not None)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if not self.can_match(text):
            return []
        norm = normalize(text).replace("｜", "|")
        out: list[RecognizerResult] = []
        columns: dict[int, str] = {}
        width = 0
        for start, line in lines_with_offsets(norm):
            if line.count("|") < 2:
                columns, width = {}, 0  # the table ended
                continue
            cells, k = [], start
            for part in line.split("|"):
                cells.append((k, part))
                k += len(part) + 1
            labels = [_header_label(c) for _, c in cells]
            heads = {i: PERSON for i, lab in enumerate(labels) if lab in _TABLE_NAME_HEADS}
            heads.update({i: MEDICAL_RECORD_NUMBER for i, lab in enumerate(labels) if lab in _TABLE_ID_HEADS})
            if heads and all(not lab or lab in _TABLE_NAME_HEADS or lab in _TABLE_ID_HEADS or lab[-1] in LABEL_ENDS
                             for lab in labels):
                columns, width = heads, len(cells)  # a header row holds labels only, unlike |姓名|那木汗|性别|女|
                continue
            if heads:
                columns, width = {}, 0
                continue
            if not columns or len(cells) != width or set(line) <= set("|-: \t"):
                continue
            for i, kind in columns.items():
                off, cell = cells[i]
                value = cell.strip()
                if not value:
                    continue
                cell_re = _TABLE_NAME_CELL_RE if kind == PERSON else _TABLE_ID_CELL_RE
                # under a 姓名 header even a clinical-looking word (宁静) is the name; placeholders stay
                if not cell_re.fullmatch(value) or (kind == PERSON and (value in _NOT_FORM_NAMES or value in _ROW_LABELS)):
                    continue
                s = off + cell.index(value)
                out.append(self._result(kind, s, s + len(value), "column"))
        if "姓名" in text:
            out += self._gap_table(text)
        if _SIGNER_GATE.search(norm) is not None:
            out += [self._result(PERSON, s, e, "signer_column") for s, e in signer_column_spans(norm)]
        return out

    def _result(self, kind: str, start: int, end: int, how: str) -> RecognizerResult:
        return RecognizerResult(kind, start, end, 0.8, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{how}", RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def _gap_table(self, text: str) -> list[RecognizerResult]:
        """Names and numbers in the columns of a table set with spaces, under a header of labels.

        A monitoring sheet or a check-up list typed in a word processor lines its columns up with
        full-width spaces (工号　　姓名　　血铅(μg/L)　结论 / YL-0213　牛得草　　612　升高): the header is
        labels only, a row's cells are split by a full-width space, a tab or two spaces (one ASCII space
        stays inside a cell: Hb 106g/L), and a row may leave its last cells empty.
        """
        out: list[RecognizerResult] = []
        columns: dict[int, str] = {}
        width = 0
        for start, line in lines_with_offsets(text):
            if not line.strip() or "|" in line or "｜" in line:
                columns, width = {}, 0
                continue
            header = line.split()
            heads = {i: PERSON for i, lab in enumerate(header) if lab in _TABLE_NAME_HEADS and lab in ("姓名", "患者姓名", "病人姓名", "患儿姓名")}
            heads.update({i: MEDICAL_RECORD_NUMBER for i, lab in enumerate(header) if lab in _TABLE_ID_HEADS})
            if PERSON in heads.values() and len(header) >= 3 and all(_gap_label_ok(lab) for lab in header):
                columns, width = heads, len(header)
                continue
            if not columns:
                continue
            cells = [(start + m.start(), m.group(0)) for m in _GAP_CELL_RE.finditer(line)]
            if not 2 <= len(cells) <= width:
                columns, width = {}, 0  # the table ended
                continue
            for i, kind in columns.items():
                if i >= len(cells):
                    continue
                off, value = cells[i]
                cell_re = _TABLE_NAME_CELL_RE if kind == PERSON else _TABLE_ID_CELL_RE
                if cell_re.fullmatch(value) and not (kind == PERSON and (value in _NOT_FORM_NAMES or value in _ROW_LABELS)):
                    out.append(self._result(kind, off, off + len(value), "gap_column"))
        return out


# A cell of a table set with spaces: up to a tab, a full-width space or two spaces.
_GAP_CELL_RE = regex.compile(r"[^\s\u3000](?:[^\t\u3000 \n]|[ ](?![ \t\u3000]))*")
_UNIT_SUFFIX_RE = regex.compile(r"[(（][^()（）]{1,12}[)）]$")


def _gap_label_ok(label: str) -> bool:
    """A header cell: a known head, a label's last character, a lab test's Latin name (尿δ-ALA), or a
    measure with its unit in brackets (血铅(μg/L), 肺功能(FEV1%)); no digit outside the brackets, so a data row
    is no header."""
    if any(ch.isdigit() for ch in _UNIT_SUFFIX_RE.sub("", label)) or len(label) > 14:
        return False
    if label in _TABLE_NAME_HEADS or label in _TABLE_ID_HEADS or label[-1] in LABEL_ENDS:
        return True
    return _UNIT_SUFFIX_RE.search(label) is not None or regex.search(r"[A-Za-z]", label) is not None


# The last column of a log or a record sheet names who did each row's work: its header is the signer's
# role (医生, 操作者, 签名, 检查者, 发药人, 接种者, 执行), and each row ends with that person's surname or
# name (… 中  王, … | 罗 |, … ✓ | 莫/郎, … 邝嘉琪医生), as the clinician initials the row.
_SIGNER_HEADS = frozenset({"医生", "医师", "护士", "签名", "签字", "操作者", "操作人", "检查者", "检查人", "发药人", "执行", "执行人",
                           "执行者", "接种者", "接种人", "记录人", "记录者", "核对人", "评估人", "随访人", "经手人", "测量人", "治疗者"})
_SIGNER_GATE = regex.compile("|".join(sorted(_SIGNER_HEADS, key=len, reverse=True)) + r"[ \t\u3000|]*$", regex.M)
_SIGNER_TITLES = ("医生", "医师", "护士", "老师")
# What a signer's cell holds that is no one's name: a repeat mark, nobody, a role.
_NOT_SIGNERS = frozenset({"同上", "无", "不详", "本人", "家长", "患者", "学生", "校医", "护士", "医生", "未签", "已签", "签名", "签字",
                          "自理", "自行", "拒签", "待定"})
_STATUS_WORDS = ("已", "未", "完成", "执行", "值班", "护士", "医生", "同上", "不详", "拒", "待")
_SIGNER_LAST_CELL_RE = regex.compile(r"(?:[ \t\u3000]{2,}|[ \t\u3000]*\|[ \t\u3000]*)(?P<v>[^\s|]{1,8})[ \t\u3000|]*$")
_SEPARATOR_CHARS = frozenset("-—─━=_|+ \t\u3000")


def _signer_name_ok(name: str) -> bool:
    if not regex.fullmatch(r"[\u4e00-\u9fff]{1,4}", name) or name in _NOT_SIGNERS or name in _ROW_LABELS:
        return False
    # a surname first, and no status word in it (已执行, 完成, 护士长, 值班)
    return name[0] in _ANY_SURNAME_CHARS and not any(w in name for w in _STATUS_WORDS)


def _signer_header_cell_ok(cell: str) -> bool:
    """A header's cell: a label with no digit outside a unit's brackets (次数, 体重kg, 剂量(mJ/cm²), 手法/时长)."""
    return len(cell) <= 14 and regex.search(r"[0-9]", _UNIT_SUFFIX_RE.sub("", cell)) is None  # (cm² is a unit, no data)


def _table_cells(line: str) -> list[str]:
    if "|" in line:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return line.split()


def signer_column_spans(norm: str) -> list[tuple[int, int]]:
    """Names and surnames ending the rows of a table whose last header is a signer's role (see above)."""
    out: list[tuple[int, int]] = []
    active, rows = False, 0
    for start, line in lines_with_offsets(norm):
        cells = _table_cells(line)
        if len(cells) >= 3 and cells[-1] in _SIGNER_HEADS and all(_signer_header_cell_ok(c) for c in cells if c):
            active, rows = True, 0
            continue
        if not active:
            continue
        if not line.strip() or set(line) <= _SEPARATOR_CHARS:
            if rows:
                active = False  # a blank line or a rule under the rows ends the table
            continue
        if len(cells) < 3 or "：" in line[:6] or ":" in line[:6]:
            active = False  # a note under the table (备注：…)
            continue
        rows += 1
        m = _SIGNER_LAST_CELL_RE.search(line)
        if m is None:
            continue
        value = m.group("v")
        s = start + m.start("v")
        for title in _SIGNER_TITLES:
            if value.endswith(title) and len(value) > len(title):
                value = value[: -len(title)]
        k = 0
        for part in value.split("/"):
            if _signer_name_ok(part):
                out.append((s + k, s + k + len(part)))
            k += len(part) + 1
    return out
