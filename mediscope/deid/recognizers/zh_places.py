"""Chinese places without an address's shape: bare province and city names (广西南宁, 在杭州上班)
from a gazetteer, kept only on jieba's word boundaries, and a county or district right before an
institution's name (宝安区人民医院).

Two recognizers that work on words rather than on regex rules (ChinesePlaceRecognizer,
ChineseInstitutionPlaceRecognizer), kept apart from the address rules they complement; the name
recognizer takes the city list (`_place_names`) from here.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import lexicon
from mediscope.deid.normalize import normalize
from mediscope.deid.recognizers.base import PrefixGate, ready_jieba
from mediscope.deid.recognizers.zh_addresses import (
    _INSTITUTION_MIDDLE,
    _INSTITUTION_WORD,
    _V_CHAR,
    _institution_hint,
    _institution_place_ok,
    _provinces,
)
from mediscope.deid.recognizers.zh_patterns import _FUNCTION_CHARS, CN_NUM, _is_clinical
from mediscope.deid.types import LOCATION

_OVERSEAS = frozenset(lexicon.OVERSEAS_PLACES_ZH)
# Where someone lives, goes or comes from, in Mandarin and Cantonese: 住怡保, 去温哥华, 返大埔, 喺荃湾, 从釜山.
_OVERSEAS_CUE = regex.compile(r"(?:住|在|去|返|喺|从|到|回|嚟|搬|移民|来自|飞|前往|位于)[ ]?$")


def _home_cities(tags: dict[str, str], freq: dict[str, int]) -> set[str]:
    """Mainland cities: Faker's zh_CN list, the prefecture list and jieba's place-tagged "XX市"."""
    from faker.providers.address.zh_CN import Provider

    cities = set(Provider.cities) | set(lexicon.PREFECTURE_CITIES_ZH)
    for word, tag in tags.items():
        if tag == "ns" and word.endswith("市") and 3 <= len(word) <= 4:
            bare = word[:-1]
            if bare not in tags or (tags[bare] == "ns" and freq.get(bare, 0) < 3000):
                cities.add(bare)
    return cities


def _place_names(tags: dict[str, str], freq: dict[str, int]) -> tuple[list[str], frozenset[str]]:
    """Province short names and city names, longest first, and the set of city names.

    Consultation text names places without 省/市 ("广西南宁", "在杭州上班"); a city is an
    identifier under Safe Harbor, and the address rules only see places with admin suffixes.
    A province on its own is state-level, which Safe Harbor lets stay. Cities come from Faker's
    zh_CN provider (major cities) and from jieba's dictionary: every place-tagged "XX市" whose
    bare "XX" is itself a place (not 来宾 "guest", 安康 "well-being", 大同) and not a very common word.
    """
    try:
        from faker.providers.address.zh_CN import Provider
    except Exception:  # noqa: BLE001 - faker is a deid dependency
        return [], frozenset()
    cities = _home_cities(tags, freq) | set(lexicon.OVERSEAS_PLACES_ZH)
    cities_f = frozenset(c for c in cities if len(c) >= 2 and not _is_clinical(c)
                         and c not in lexicon.PLACES_NOT_ALONE_ZH and c not in lexicon.PROVINCE_LEVEL_ZH)
    names = set(cities_f) | set(lexicon.CITIES_AFTER_PROVINCE_ZH)
    for prov in Provider.provinces:
        short = regex.sub(r"(?:壮族|回族|维吾尔|特别行政)?(?:自治区|行政区|省|市)$", "", prov)
        if len(short) >= 2:
            names.add(short)
    return sorted(names, key=len, reverse=True), cities_f


# The words between the city and 医院 are an institution's (人民, 第一, 儿童), never a clause's
# (锡林浩特市您看要不要马上去医院: the city is where the caller is).
_INSTITUTION_AFTER = regex.compile(r"(?:(?![您你我他她们去到来要想看在是了的说就还也都吧吗呢啊])[\u4e00-\u9fff\d]){0,8}?(?:医院|[一二三四五六七八九]院|附院|卫生院|保健院|中心|大学|学院)")


_INSTITUTION_ALONE = regex.compile(r"医院|[一二三四五六七八九]院|附院|卫生院|保健院|中心|大学|学院")


# A text message signed by a city's public account (【健康南京】, 【平安北京】, 【南京发布】): the
# city names the sender's campaign, not where the person lives. Not a hospital (【乐清市人民医院】).
_SIGNATURE_BEFORE = regex.compile(r"【(?:健康|平安|文明|美丽|幸福|智慧|数字|魅力|掌上|畅行|爱|我爱|[iIeE])$")
_SIGNATURE_AFTER = regex.compile(r"市?(?:发布|卫健委?|疾控|健康|12320|120)?】")


def _is_signature_city(text: str, s: int, e: int) -> bool:
    after = _SIGNATURE_AFTER.match(text, e)
    if after is None:
        return False
    if text[s - 1 : s] == "【":
        return True  # 【南京发布】, 【南京卫健委】
    return after.group(0) in ("】", "市】") and _SIGNATURE_BEFORE.search(text[max(0, s - 4) : s]) is not None


class ChinesePlaceRecognizer(EntityRecognizer):
    """Bare province and city names (广西南宁, 杭州) that stand as words of their own.

    A listed name inside a longer dictionary word is left alone (长春新碱 is a drug, not 长春):
    the match must start and end on jieba token boundaries of the surrounding text.
    """

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[LOCATION], name="ChinesePlaceRecognizer", supported_language=supported_language)

    def load(self) -> None:
        jieba = ready_jieba()
        self._jieba = jieba
        names, self._cities = _place_names(jieba.posseg.dt.word_tag_tab, jieba.dt.FREQ)
        # (a town of the overseas list that jieba knows as a city, 高雄市, needs no cue either)
        self._overseas_only = _OVERSEAS - _home_cities(jieba.posseg.dt.word_tag_tab, jieba.dt.FREQ)
        # A city written with its 市 (伊宁市, 贵阳市) is one jieba token: the 市 belongs to the match.
        self._re = regex.compile("(?:" + "|".join(names) + ")+市?") if names else None
        self._one_re = regex.compile("|".join(names)) if names else None
        # Every match starts with a listed name: texts without one's first two characters are
        # skipped on the batched path before the alternation and jieba run (exact, ~10% of zh time).
        self.can_match = PrefixGate(names)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if self._re is None or (entities and LOCATION not in entities):
            return []
        norm = normalize(text)
        out = []
        for m in self._re.finditer(norm):
            s, e = m.span()
            a, b = max(0, s - 6), min(len(norm), e + 6)
            bounds, pos = {a}, a
            for tok in self._jieba.lcut(norm[a:b], HMM=False):
                pos += len(tok)
                bounds.add(pos)
            # (a city whose listed name ends in 市 itself, 芒市, is its own one part)
            parts = self._one_re.findall(m.group(0).removesuffix("市")) or [m.group(0)]
            if not (len(parts) >= 2 or parts[0] in self._cities):
                continue  # a province alone (台湾, 广东) is state-level
            if parts[0] in self._overseas_only and len(parts) == 1 and not _OVERSEAS_CUE.search(norm, max(0, s - 3), s):
                continue  # 沙田柚, 旺角很热闹: a town abroad or in Hong Kong only where someone lives or goes
            if norm.startswith(lexicon.PLACE_PRODUCTS_ZH, e):
                continue  # 镇江香醋, 柳州螺蛳粉, 北京烤鸭: a product or a dialect named after the city
            if norm.startswith(lexicon.PLACE_LED_DRUGS_ZH, s) or (s > 0 and (norm[s - 1].isdigit() or norm[s - 1] in CN_NUM + "几")):
                continue  # 长春西丁 is a drug; "6成都会" is "60% will"
            if norm.startswith(lexicon.PERSON_NAMED_INSTITUTIONS_ZH, s):
                continue  # 中山大学: named after Sun Yat-sen, not after the city
            if "【" in norm and _is_signature_city(norm, s, e):
                continue  # 【健康南京】, 【南京发布】: an SMS signed by a city's public account
            if m.group(0) in _provinces() and _INSTITUTION_AFTER.match(norm, e):
                continue  # 上海市第六人民医院, 北京协和医院: a province-level city alone in a hospital's name stays
            zone = _ZONE_AFTER.match(norm, e)
            # 武汉大学人民医院, 青岛大学附属医院: jieba keeps the university whole, the city is its place;
            # so it keeps a hospital known by its city and its own name (武汉协和医院): the token ends with
            # the institution. A token of the name and 医院 alone (瑞金医院 in Shanghai) names the hospital.
            inst = _INSTITUTION_AFTER.match(norm, e)
            if s in bounds and (e in bounds or (zone and zone.end() in bounds) or _UNIVERSITY_AFTER.match(norm, e)
                                or (inst and inst.end() in bounds and not _INSTITUTION_ALONE.fullmatch(inst.group()))):
                e = self._county_after(norm, e)
                out.append(RecognizerResult(LOCATION, s, e, 0.6, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.gazetteer",
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out


    def _county_after(self, text: str, e: int) -> int:
        """南宁青秀区, 深圳南山那边, 玉林北流的, 贺州八步人: the district or county right after a city
        is part of the place; without an admin suffix only a rare two-character word (北流 376, not
        感冒 or 上班) before 的/人/那边 or a clause end counts. A zone or estate word after either
        goes with them (苏州工业园区, 深圳南山科技园)."""
        zone = _ZONE_AFTER.match(text, e)
        if zone:
            return zone.end()
        m = _DISTRICT_AFTER.match(text, e) or _ROAD_AFTER.match(text, e)
        if m:
            return m.end()  # 南宁青秀区, 广州小北路: the district or the road is part of the place
        two = text[e : e + 2]
        zone = _ZONE_AFTER.match(text, e + 2) if len(two) == 2 else None
        if zone and all("\u4e00" <= ch <= "\u9fff" for ch in two) and not _is_clinical(two):
            return zone.end()
        if len(two) == 2 and _PLACE_END_AFTER.match(text, e + 2) and self._jieba.dt.FREQ.get(two, 0) < 500 and (
                all("\u4e00" <= ch <= "\u9fff" for ch in two) and not _is_clinical(two)
                and not any(ch in lexicon.NEVER_IN_GIVEN_NAME and ch not in "中东西南北上下" for ch in two)):
            return e + 2
        # 东莞松山湖, 南京新街口德基广场: a neighbourhood jieba knows as a place (ns, rare), then a mall there
        for n in (4, 3):
            hood = text[e : e + n]
            if (len(hood) == n and self._jieba.posseg.dt.word_tag_tab.get(hood, "") == "ns"
                    and self._jieba.dt.FREQ.get(hood, 0) < 500 and not _is_clinical(hood)):
                mall = _MALL_AFTER.match(text, e + n)
                end = mall.end() if mall else e + n
                if _PLACE_END_AFTER.match(text, end) or _NEAR_AFTER.match(text, end):
                    return end
        # 佛山顺德大良, 苏州吴江盛泽: a district jieba knows as a place, then a town no dictionary
        # knows, up to the place's end.
        town = text[e + 2 : e + 4]
        if (len(town) == 2 and self._jieba.posseg.dt.word_tag_tab.get(two, "") in ("ns", "nrt", "nr")
                and self._jieba.dt.FREQ.get(two, 0) < 500 and self._jieba.dt.FREQ.get(town, 0) == 0
                and _PLACE_END_AFTER.match(text, e + 4) and all("\u4e00" <= ch <= "\u9fff" for ch in town)
                and not _is_clinical(town) and not any(ch in lexicon.NEVER_IN_GIVEN_NAME and ch not in "中东西南北上下大小" for ch in town)
                and not any(ch in _FUNCTION_CHARS for ch in town)):
            return e + 4
        return e


_DISTRICT_AFTER = regex.compile(rf"{_V_CHAR}{{1,4}}?(?:区|县|旗)")
# No 一路 anywhere in the road's name (武汉开车一路颠簸), no 路过 (上海看病路过南京), no 大街小巷.
_ROAD_AFTER = regex.compile(
    rf"(?:(?!一路|大街小巷){_V_CHAR}){{1,4}}?(?:大道|大街(?!小巷)|路(?!过)|街)(?:[东西南北中]段)?(?![口边上费况线程径])")
_UNIVERSITY_AFTER = regex.compile(r"(?:医科大学|理工大学|师范大学|科技大学|中医药大学|大学|医学院|医学高等专科学校|卫生学校|职业技术学院)")
_ZONE_AFTER = regex.compile(r"(?:科技园|工业园区?|软件园|产业园|开发区|高新区|保税区|新区|科学城|大学城)")
_MALL_AFTER = regex.compile(rf"{_V_CHAR}{{1,4}}?(?:广场|商场|购物中心|大厦)")
_NEAR_AFTER = regex.compile(r"(?:后面|前面|对面|旁边|附近|周边|一带|那里|这里|居住|上班|住)")
_PLACE_END_AFTER = regex.compile(r"(?:的|人|那边|这边|一带|附近|[，。、,；;\s]|$|打工|上班|工作|读书|上学|做生意|生活|定居|开店)")


_INSTITUTION_WORD_RE = regex.compile(_INSTITUTION_WORD)
_INSTITUTION_MIDDLE_RE = regex.compile(_INSTITUTION_MIDDLE.removesuffix("?") + "$")
_UNIT_END = frozenset("县区旗镇乡市州")
_PLACE_TAGS = frozenset({"ns", "nz", "nrt"})
_INSTITUTION_LOOKBACK = 14


class ChineseInstitutionPlaceRecognizer(EntityRecognizer):
    """A known county, district or town right before an institution's name, with no cue before
    it (疲劳宝安区人民医院, 在岷县中医院): jieba's place-tagged words (岷县, 宝安区, 谷城县) give the
    boundary the cue gives the address rule. Walking back from the institution word over its own
    words (人民, 第一, 中心), the first place word found and the place words right before it
    (襄阳市谷城县) are the span.
    """

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[LOCATION], name="ChineseInstitutionPlaceRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        self._jieba = ready_jieba()
        self._tags = self._jieba.posseg.dt.word_tag_tab

    def can_match(self, text: str) -> bool:
        return _institution_hint(text) and not _UNIT_END.isdisjoint(text)

    def _place_word(self, tok: str) -> bool:
        if len(tok) < 2 or tok[-1] not in _UNIT_END:
            return False
        tag = self._tags.get(tok)
        # X县/X旗 of three characters or more is a county whatever jieba calls it (昭觉县 nrt)
        return tag in _PLACE_TAGS or (tag is None and len(tok) >= 3 and tok[-1] in "县旗")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and LOCATION not in entities:
            return []
        norm = normalize(text)
        out: list[RecognizerResult] = []
        for m in _INSTITUTION_WORD_RE.finditer(norm):
            s = m.start()
            a = s
            while a > 0 and s - a < _INSTITUTION_LOOKBACK and "\u4e00" <= norm[a - 1] <= "\u9fff":
                a -= 1
            if a == s:
                continue
            toks = self._jieba.lcut(norm[a:s], HMM=False)
            ends = []
            pos = a
            for tok in toks:
                ends.append((pos, pos + len(tok), tok))
                pos += len(tok)
            k = len(ends) - 1
            while k >= 0 and not self._place_word(ends[k][2]):
                k -= 1
            if k < 0 or not _INSTITUTION_MIDDLE_RE.match(norm[ends[k][1]:s]):
                continue
            end = ends[k][1]
            while k > 0 and self._place_word(ends[k - 1][2]):
                k -= 1
            start = ends[k][0]
            if not _institution_place_ok(norm[start:end]):
                continue
            out.append(RecognizerResult(LOCATION, start, end, 0.7, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.jieba",
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out
