"""Chinese names and places with no cue, confirmed by a statistical tagger (LAC).

Why: the rule recognizers need a cue (患者, 王医生, 住在, a 市/区 chain). Blind test sets keep
showing the same leak: a name or a county standing bare in the talk (冯铁柱说他头痛, 蔡一一的妈妈,
家住昭觉县, 我在西江镇上班). A statistical tagger reads those from the words around them.

Two ideas keep it cheap and safe:
- Anchors. LAC costs ~25 us a character, forty times the rules, so it never reads whole texts.
  It reads a short window around an *anchor*: a surname character that does not belong to an
  ordinary word on either side (冯 of 冯铁柱 but not 高 of 高血压 or 周 of 一周), or a 县/镇/乡/
  旗/村 that ends a run of Han characters and does not start a word (镇痛, 乡下), or the end of
  a name slot (交班人：, 我叫, 母亲, 12床) not followed by a common word. About one Chinese
  consultation text in six has one.
- Agreement. A span is reported only when LAC's person or place word starts (person) or ends
  (place) at the anchor and the project's clinical guards let it through: drugs, herbs,
  eponyms (华法林, 徐长卿, 库欣), dictionary words, hospital names (policy: the city in a
  hospital's name is kept) and provinces or countries stay.

`prepare(texts)` tags the windows of a whole batch at once (the engine calls it); `analyze`
alone tags one text's windows, which gives the same spans (`tests/deid/test_zh_ner.py`).
"""

from __future__ import annotations

import logging

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import lexicon
from mediscope.deid.normalize import normalize
from mediscope.deid.recognizers.base import ready_jieba
from mediscope.deid.types import LOCATION, PERSON

log = logging.getLogger(__name__)

_LEFT, _RIGHT = 6, 6  # window around an anchor, in characters
_STOPS = "\n\r。！？!?；;"  # a window does not cross a sentence end
_PLACE_SUFFIXES = frozenset("县镇乡旗村")
_MEDICATION_VERBS = frozenset({"吃", "服", "服用", "口服", "用", "开", "开了", "加", "加用", "改用", "换", "换用", "停",
                               "停用", "抗", "含服", "涂", "喷", "注射", "静滴", "输", "配", "买", "拿", "试试", "吃点"})
_LIST_SEPARATORS = frozenset({"、", "，", ",", "和", "或", "及", "与", "/", "；", ";", "（", "(", "）", ")", "跟"})
_PRODUCT_ENDINGS = ("片", "丸", "散", "膏", "胶囊", "颗粒", "液", "汤", "剂", "针", "素", "唑", "灵", "乐", "宁", "平")
# Right before a name, these make a surname that opens a word (殷红, 贺兰) worth a window.
_PERSON_BEFORE = ("我是", "我叫", "名叫", "叫做", "母亲", "父亲", "妈妈", "爸爸", "老婆", "老公", "丈夫", "妻子", "儿子",
                  "女儿", "家属", "患者", "患儿", "姓名", "联系人", "签字人", "姓名:", "姓名：")
_SUFFIX_WORDS = ("镇痛", "镇静", "镇咳", "镇吐", "镇定", "镇压", "乡亲", "村医")  # a suffix character opening a word
_WORD_MIN_FREQ = 3  # a jieba entry this frequent is an ordinary word (names have 0-2)
_NOT_LAST = lexicon.NOT_LAST_IN_NAME_ZH  # 分叶征, 库欣氏: a sign or an eponym, not a name
_HAN_RE = regex.compile(r"^[\u4e00-\u9fff]+$")
_HOSPITAL_AFTER = regex.compile(r"^[\u4e00-\u9fff]{0,8}?(?:医院|卫生院|卫生所|卫生室|诊所|保健院|中心|医科|医学院)")
_NOT_PLACE = frozenset(lexicon.PROVINCE_LEVEL_ZH) | frozenset({"中国", "全国", "本县", "该县", "外县", "全县", "老家"})
_SCORE = 0.7
# A name slot: right after a person label (交班人：, 会诊医生：, 联系人：), a self-introduction,
# a kin word or a bed number. The rules know many such cues by name; the tagger lets any label
# of that shape (the label's last character names a role) count, and it reads names no surname
# list holds (热孜万古丽, 泽郎初) or that open a word (钟慧, 庞博), because the slot says a person
# comes next. Only a person word that starts exactly at the slot's end counts.
_SLOT_RE = regex.compile(
    r"(?:[人者师生员士属长家友手名](?:\s*:|[ \t]+)|我是|我叫|叫做|名叫|全名|大名|母亲|父亲|妈妈|爸爸|阿爸|阿妈|老婆|老公|爱人|丈夫"
    r"|妻子|媳妇|儿子|女儿|弟弟|妹妹|哥哥|姐姐|孙子|孙女|其[妻夫子女孙母父]|就是|车主|伤者|户主|户名|姓名|主刀|术者"
    r"|(?:联系|收件|报警|签收|陪同|委托|监护|经办|陪护|签字|介绍|代理)人|\d\s*床|我[爸妈哥姐弟妹](?![爸妈哥姐弟妹])|家长"
    r"|(?:审核|复核|核对|签发|审阅|录入|开单|采样|执行)\s*:)\s*(?=[\u4e00-\u9fff])")
# A name slot that follows the name: a greeting (贺兰雪您好), the sex or age of a record (文静怡，27岁,
# 雍和平（96岁）), a speaker's colon at the start of a line of a group chat (马建军：发我看看).
_END_SLOT_RE = regex.compile(r"(?<=[\u4e00-\u9fff])(?:您好|你好|,\s*(?:\d{1,3}\s*岁|[男女]\s*[,，])|\(\s*\d{1,3}\s*岁"
                             r"|(?<=(?:^|\n)[ \t]*[\u4e00-\u9fff]{2,5}):)")
_SLOT_GATE = frozenset(":我叫名亲妈爸婆公人夫妻媳儿女弟妹哥姐孙床就主伤其者好")
_SLOT = "SLOT"
_END = "END"  # the position where a name would end
_COMMON_HEAD = 200  # a slot followed by a word this frequent (医生, 女生, 今年) holds no name
_COMMON_SURNAME_HEAD = 5000
_COMMON_CHAR = 30000  # ... nor one opening with a character this frequent alone (有, 患, 得, 说)
# The tagger reads 王医生, 冼婆婆, 甘老太 as one person word; a surname with a title or kin word is
# the name rules' business (and the surname alone is what the evaluation sets label).
_TITLES = tuple(sorted({*lexicon.TITLES_ZH, "婆婆", "阿婆", "老太", "大叔", "大姐", "大哥", "伯伯", "婶婶", "姥姥",
                        "老爷子", "老头", "老师傅"}, key=len, reverse=True))
# The rules' veto on given-name characters, less those the tagger reads well in real names (铁柱).
_NEVER_GIVEN = frozenset(lexicon.NEVER_IN_GIVEN_NAME) - frozenset("铁")
_KIN_CHARS = frozenset("婆爷奶姥叔婶伯舅姨姑嫂爸妈")
_CANTONESE_ADDRESS = lexicon.CANTONESE_ADDRESS
# A given name that is a function word or a unit in jieba's tables (千伏 of 高千伏胸片) is no name.
_NOT_GIVEN_TAGS = frozenset({"q", "f", "p", "c", "u", "r", "d", "t", "y", "e", "o"})


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class ChineseStatisticalNerRecognizer(EntityRecognizer):
    """PERSON and LOCATION from LAC's tags, read only around name and place anchors."""

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[PERSON, LOCATION], name="ChineseStatisticalNerRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        from mediscope.deid.recognizers.lac_tagger import shared_tagger

        jieba = ready_jieba()
        self._freq = jieba.dt.FREQ
        self._tags = jieba.posseg.dt.word_tag_tab
        self._surnames = frozenset(lexicon.SURNAMES_1)
        self._firsts = self._surnames | _PLACE_SUFFIXES
        self._tagger = shared_tagger()
        self._cache: dict[str, list[tuple[int, int, str]]] = {}
        self._prepared: dict[str, tuple[str, list[tuple[int, str]]]] = {}

    # ---- anchors and windows ----------------------------------------------------------------

    def _word(self, w: str) -> bool:
        return self._freq.get(w, 0) >= _WORD_MIN_FREQ

    def anchors(self, norm: str) -> list[tuple[int, str]]:
        """(position, kind): PERSON where a cue-less name may start, LOCATION where a place may
        end, SLOT where a name slot ends (the name starts there), END where a name would end
        before a greeting, an age or a speaker's colon."""
        out: list[tuple[int, str]] = []
        if not _SLOT_GATE.isdisjoint(norm):
            for m in _SLOT_RE.finditer(norm):
                if self._slot_opens_name(norm, m.end()):
                    out.append((m.end(), _SLOT))
        if "好" in norm or "岁" in norm or "男" in norm or "女" in norm or ":" in norm:
            out += [(m.start(), _END) for m in _END_SLOT_RE.finditer(norm)  # not 医生您好, 大家好
                    if m.start() >= 2 and self._freq.get(norm[m.start() - 2 : m.start()], 0) < _COMMON_HEAD
                    and (self._speaker_may_be_named(norm, m.start()) if m.group(0) == ":"
                         else self._surname_before(norm, m.start()))]
        if self._firsts.isdisjoint(norm):
            return out
        n = len(norm)
        for i, ch in enumerate(norm):
            if ch in self._surnames and i + 1 < n and _han(norm[i + 1]):
                if i > 0 and _han(norm[i - 1]) and self._word(norm[i - 1 : i + 1]):
                    continue  # 一周, 提高: the character ends a word
                if self._word(norm[i : i + 3]) or (self._word(norm[i : i + 2]) and not norm[:i].endswith(_PERSON_BEFORE)):
                    continue  # 高血压, 谢谢: the character starts a word (殷红 too, unless 母亲殷红霞)
                if self._could_be_name(norm, i):
                    out.append((i, PERSON))
            elif ch in _PLACE_SUFFIXES and i >= 2 and _han(norm[i - 1]) and _han(norm[i - 2]):
                if self._word(norm[i - 1 : i + 1]) or norm.startswith(_SUFFIX_WORDS, i):
                    continue  # 农村, 家乡; 镇痛, 镇静
                out.append((i, LOCATION))
        return out

    def _surname_before(self, norm: str, i: int) -> bool:
        """A surname two to four characters before `i`, where a name ending at `i` would start."""
        return any(norm[k] in self._surnames or norm[k : k + 2] in lexicon.SURNAMES_2 for k in range(max(0, i - 4), i - 1))

    def _speaker_may_be_named(self, norm: str, i: int) -> bool:
        """A line's label before a colon may be a speaker's name (马建军：) when it opens with a
        surname and is no dictionary word (病情描述：, 医生：)."""
        k = max(norm.rfind("\n", 0, i) + 1, 0)
        label = norm[k:i].strip()
        return (label[:1] in self._surnames or label[:2] in lexicon.SURNAMES_2) and not self._word(label)

    def _slot_opens_name(self, norm: str, i: int) -> bool:
        """Whether the text after a slot can open a name: not a common word (我是女生, 患者：医生)
        nor a frequent character that opens clauses (妈妈有高血压, 父亲患糖尿病); surnames and
        the first syllables of transliterations (阿依古丽, 次仁) are rare enough."""
        head = norm[i : i + 2]
        if norm[i] in _KIN_CHARS or (self._word(norm[i : i + 3]) and not self._tags.get(norm[i : i + 3], "").startswith("nr")):
            return False  # 我爸爸有, 父亲高血压: a kin word or a three-character word (not a name: 钱学森) follows
        surname = norm[i] in self._surnames or head in lexicon.SURNAMES_2
        # A surname may open a common word and still a name (夏天宇, 白天明): a higher bar then.
        if self._freq.get(head, 0) >= (_COMMON_SURNAME_HEAD if surname else _COMMON_HEAD) and not self._tags.get(
                head, "").startswith("nr"):
            return False
        return surname or self._freq.get(norm[i], 0) < _COMMON_CHAR

    def _could_be_name(self, norm: str, i: int) -> bool:
        """The checks of `_person_ok` that need no tagger, on the only word it can accept here
        (surname + two characters): an anchor that fails them is not worth a window."""
        sur = 2 if norm[i : i + 2] in lexicon.SURNAMES_2 else 1
        word = norm[i : i + sur + 2]
        if len(word) != sur + 2 or not _HAN_RE.match(word) or word[-1] in _NOT_LAST:
            return False
        return not any(ch in _NEVER_GIVEN or ch in _KIN_CHARS for ch in word[sur:])

    def _window(self, norm: str, i: int, kind: str = PERSON) -> tuple[int, int]:
        """±6 characters around the anchor, within its sentence; a name slot's window starts at
        the slot's end, so the tagger cannot read the cue into the name (其妻玉香, 老公岩罕)."""
        if kind == _SLOT:
            b = min(len(norm), i + _RIGHT + 1)
            return i, next((k for k in range(i + 1, b) if norm[k] in _STOPS), b)
        a, b = max(0, i - _LEFT), min(len(norm), i + _RIGHT + 1)
        for k in range(i - 1, a - 1, -1):
            if norm[k] in _STOPS:
                a = k + 1
                break
        for k in range(i + 1, b):
            if norm[k] in _STOPS:
                b = k
                break
        return a, b

    def _anchored(self, text: str) -> tuple[str, list[tuple[int, str]]]:
        """The normalised text and its anchors; within a prepared batch, found once per text
        (the engine's gate, `prepare` and `analyze` all need them)."""
        found = self._prepared.get(text)
        if found is None:
            norm = normalize(text)
            found = (norm, self.anchors(norm))
        return found

    def can_match(self, text: str) -> bool:
        return bool(self._anchored(text)[1])

    # ---- tagging ----------------------------------------------------------------------------

    def prepare(self, texts: list[str]) -> None:
        """Tag every window of a batch in one go; `analyze` reads them until `forget()`."""
        self._prepared = {}
        windows: set[str] = set()
        for text in texts:
            norm, anchors = self._prepared[text] = self._anchored(text)
            for i, kind in anchors:
                a, b = self._window(norm, i, kind)
                windows.add(norm[a:b])
        todo = sorted(windows)
        self._cache = dict(zip(todo, self._tagger.tag(todo), strict=True))

    def forget(self) -> None:
        """Drop the batch's windows, so that a later call tags its own (as a plain loop would)."""
        self._cache = {}
        self._prepared = {}

    def _words(self, window: str) -> list[tuple[int, int, str]]:
        words = self._cache.get(window)
        return words if words is not None else self._tagger.tag([window])[0]

    # ---- decisions ----------------------------------------------------------------------------

    def _in_medication_talk(self, window: str, words: list[tuple[int, int, str]], k: int, around: str,
                            lists: bool = True) -> bool:
        """Whether word `k` of the window is something taken, not someone: right after a verb
        of taking or prescribing (开的思诺思, 抗覃逸精), or listed next to a product, another
        bare "name" (田基黄，山枝子), or a noun where the talk is of medicine (优甲乐或雷替斯,
        肌苷片、甘利欣、病毒唑). The tagger reads unfamiliar brand and herb names as people.
        `around` is the wider stretch of text (the window is short) that tells medicine talk."""
        j = k - 1
        while j >= 0 and window[words[j][0] : words[j][1]] in ("的", "了", "过", "点", "些"):
            j -= 1
        if j >= 0 and window[words[j][0] : words[j][1]] in _MEDICATION_VERBS:
            return True
        while j >= 0 and words[j][2] == "w":
            j -= 1
        if j >= 0 and words[j][2] == "q":
            return True  # 都是些：田基黄, 两盒甘利欣: counted things
        if not lists:
            return False  # in a name slot (12床殷红梅，胆囊切除术后) a listed neighbour proves nothing
        medicine = any(ch in around for ch in "药丸片剂") or any(tag == "nz" for _, _, tag in words)
        for step in (-1, 1):
            sep, other = k + step, k + 2 * step
            if not (0 <= other < len(words)) or window[words[sep][0] : words[sep][1]] not in _LIST_SEPARATORS:
                continue
            text, tag = window[words[other][0] : words[other][1]], words[other][2]
            if tag in ("nz", "PER") or text.endswith(_PRODUCT_ENDINGS) or (tag == "n" and medicine):
                return True
        return False

    def _person_ok(self, norm: str, s: int, e: int) -> bool:
        from mediscope.deid.recognizers.zh_patterns import _is_clinical

        word = norm[s:e]
        sur = 2 if word[:2] in lexicon.SURNAMES_2 else 1
        # Two characters are too often a typo or a clipped word (郭敏 for 过敏, 黄染, 温敷) for
        # the tagger's word alone; those names need the rules' cues.
        if len(word) != sur + 2 or not _HAN_RE.match(word) or word.endswith(_TITLES):
            return False
        given = word[sur:]
        if any(ch in _NEVER_GIVEN or ch in _KIN_CHARS for ch in given) or word[-1] in _NOT_LAST:
            return False
        if self._tags.get(given, "") in _NOT_GIVEN_TAGS and self._freq.get(given, 0) >= _WORD_MIN_FREQ:
            return False
        following = norm[e : e + 6]
        if self._word(word) or _is_clinical(word, following):
            return False
        # 王不留 + 行, 徐长 + 卿: the tagger's word is the head of a longer dictionary word
        if any(self._word(norm[s : e + k]) for k in (1, 2) if e + k <= len(norm)):
            return False
        return not following.startswith(lexicon.DRUG_ENDINGS_ZH)

    def _slot_person_ok(self, norm: str, s: int, e: int) -> bool:
        """The guards for a person word in a name slot: looser on length and shape than
        `_person_ok` (the slot vouches for a person), as strict on clinical words."""
        from mediscope.deid.recognizers.zh_patterns import _CLINICAL_BY_LEN, _is_clinical

        word = norm[s:e]
        if not (2 <= len(word) <= 5) or not _HAN_RE.match(word) or word.endswith(_TITLES):
            return False
        if len(word) == 2 and word[0] not in self._surnames:
            return False  # 小杰, 老杨: a pet name or a form of address, the rules' business
        if any(ch in _KIN_CHARS for ch in word[1:]) or word[-1] in _NOT_LAST or (word[0] in "老小阿" and len(word) <= 3):
            return False
        # Three characters and more are checked whole: a name may open with a clinical word
        # (殷红 of 12床殷红梅), the tagger's person word in a slot says it is one.
        clinical = _is_clinical(word) if len(word) <= 2 else any(
            word[:n] in prefixes for n, prefixes in _CLINICAL_BY_LEN.items() if n >= 3)
        if word in _NOT_PLACE or clinical or norm.startswith((*lexicon.EPONYM_FOLLOWERS_ZH, *lexicon.DRUG_ENDINGS_ZH), e):
            return False
        tag = self._tags.get(word, "")
        return not (self._word(word) and not tag.startswith("nr"))

    def _place_ok(self, norm: str, s: int, e: int) -> bool:
        word = norm[s:e]
        if not (3 <= len(word) <= 8) or not _HAN_RE.match(word) or word in _NOT_PLACE:
            return False
        following = norm[e : e + 10]
        if _HOSPITAL_AFTER.match(following) or following.startswith(lexicon.PLACE_PRODUCTS_ZH):
            return False
        return not any(word.startswith(p) and len(word) - len(p) <= 1 for p in _NOT_PLACE)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        norm, anchors = self._anchored(text)
        if not anchors:
            return []
        want_person = not entities or PERSON in entities
        want_place = not entities or LOCATION in entities
        out: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for i, kind in anchors:
            if (kind != LOCATION and not want_person) or (kind == LOCATION and not want_place):
                continue
            a, b = self._window(norm, i, kind)
            words = self._words(norm[a:b])
            for k, (ws, we, tag) in enumerate(words):
                s, e = a + ws, a + we
                if tag == "PER" and (s == i and (kind == PERSON and self._person_ok(norm, s, e)
                                                 or kind == _SLOT and self._slot_person_ok(norm, s, e))
                                     or e == i and kind == _END and self._slot_person_ok(norm, s, e)):
                    if self._in_medication_talk(norm[a:b], words, k, norm[max(0, s - 16) : e + 16], kind == PERSON):
                        continue
                    if e - s == 2 and norm[s + 1] in _CANTONESE_ADDRESS:
                        e = s + 1  # 联络人：陈太: Mrs Chan, the surname alone names her
                elif kind == LOCATION and tag == "LOC" and e == i + 1 and self._place_ok(norm, s, e):
                    pass
                else:
                    continue
                if (s, e) not in seen:
                    seen.add((s, e))
                    out.append(RecognizerResult(LOCATION if kind == LOCATION else PERSON, s, e, _SCORE, recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    }))
        return out
