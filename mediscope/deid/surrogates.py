"""Realistic, consistent surrogates and date shifting.

A surrogate is derived from a hash of (seed, case key, entity type, normalised original), not from
a running random stream. That gives three properties a corpus needs: the same person gets the same
fake name everywhere in a case (turns, reports, later records of the same case); re-running the
pipeline gives byte-identical output; and two cases never share a mapping, so surrogates cannot be
joined across cases. Numbers keep their shape (grouping, separators, leading prefix) so the text
still reads naturally (`138 1234 5678` -> `138 5093 2271`).
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker

from mediscope.deid import lexicon
from mediscope.deid import types as T
from mediscope.deid.normalize import normalize

_FAKERS: dict[str, Faker] = {}


def _faker(locale: str) -> Faker:
    fk = _FAKERS.get(locale)
    if fk is None:
        fk = _FAKERS[locale] = Faker(locale)
    return fk


def _key(value: str) -> str:
    """Normalisation for the surrogate map: full-width, case, spacing and dashes don't matter."""
    return re.sub(r"[\s\-.()]", "", normalize(value)).lower()


# "LAST, First" / "Last,FIRST M." in Latin script: a surname, a comma, given names.
_LAST_FIRST = re.compile(r"([^\W\d_](?:[^\W\d_]|['’\- ])*?)(,\s*)([^\W\d_](?:[^\W\d_]|['’.\- ])*)")


def _match_case(template: str, value: str) -> str:
    """`value` in the letter case of `template`: a name in capitals or in lower case keeps it."""
    letters = [ch for ch in template if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return value.upper()
    if letters and all(ch.islower() for ch in letters):
        return value.lower()
    if value.isupper() or value.islower():  # cached for "OKAFOR", asked for "Okafor"
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), value)
    return value


def _rng(*parts: object) -> random.Random:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


# Characters a replaced Chinese part of a handle is drawn from: common, light words of the kind
# screen names are made of (云, 糖, 兔), so the surrogate still reads like a handle.
_HANDLE_HAN = "云晨星雨风月山海叶青白乐安宁心语悦阳光米豆果糖甜橙桃梨兔猫熊鱼鹿花草竹溪"


# Digits read aloud and written in Chinese (一三八六六二一四五零九, 幺三八，六六二一). 幺 is the
# spoken one of phone numbers, 两 a spoken two; 十 and 百 are not digits of a number read digit by digit.
_CN_DIGIT_VAL = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "幺": 1, "两": 2, "兩": 2}


def _cn_digit_writer(value: str):
    """digit (0-9) -> its Chinese numeral in the style `value` uses: 〇 or 零 for zero, 幺 (as
    soon as the reading uses it) or 一 for one, 两 (only where 二 is never used) or 二 for two."""
    zero = "〇" if "〇" in value and "零" not in value else "零"
    one = "幺" if "幺" in value else "一"
    two = "两" if ("两" in value or "兩" in value) and "二" not in value else "二"
    table = zero + one + two + "三四五六七八九"
    return lambda d: table[d]


def ascii_digits(value: str) -> str:
    """The digits of `value` in ASCII, Chinese numerals and full-width digits read as digits."""
    return "".join(str(_CN_DIGIT_VAL[ch]) if ch in _CN_DIGIT_VAL else n
                   for ch in value for n in [normalize(ch)] if n.isdecimal() or ch in _CN_DIGIT_VAL)


def shape_preserving(value: str, rng: random.Random, keep_prefix: int = 0, replace_han: bool = False) -> str:
    """Replace digits by digits and letters by letters, keeping separators, case and a prefix.

    A digit keeps its script: full-width stays full-width, and a digit written as a Chinese
    numeral (a number read aloud, 一三八六六二一四五零九) becomes another Chinese numeral; left as
    they were, such digits would survive replacement and fail verification.
    With `replace_han`, Chinese characters are replaced too (by other characters from
    `_HANDLE_HAN`). Identifiers are mostly Latin and digits, but a chat handle such as
    小鱼儿ww2019 or wxid_爱吃橘子 is identifying in its Chinese part as much as in its digits;
    kept, that part would leak. Plates keep their province character (not below state level).
    """
    out = []
    seen = 0
    cn_digit = _cn_digit_writer(value)
    for ch in value:
        n = normalize(ch)
        if n.isdigit():
            seen += 1
            digit = str(rng.randint(1 if seen == 1 else 0, 9))
            if ch != n:  # full-width in, full-width out
                digit = chr(ord(digit) + 0xFEE0)
            out.append(ch if seen <= keep_prefix else digit)
        elif ch in _CN_DIGIT_VAL:
            seen += 1
            out.append(ch if seen <= keep_prefix else cn_digit(rng.randint(1 if seen == 1 else 0, 9)))
        elif n.isascii() and n.isalpha():
            seen += 1
            if seen <= keep_prefix:
                out.append(ch)
            else:
                c = rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
                out.append(c if n.isupper() else c.lower())
        elif replace_han and _is_cjk(ch):
            seen += 1
            out.append(ch if seen <= keep_prefix else rng.choice(_HANDLE_HAN.replace(ch, "")))
        else:
            out.append(ch)
    return "".join(out)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ---- dates ----------------------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_VAL = {ch: i for i, ch in enumerate(_CN_DIGITS)} | {"零": 0}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


def _given_name_only(name: str) -> bool:
    """A two-character Han name that does not start with a surname (秀英, 娜娜, not 李娜)."""
    return name[0] not in lexicon.SURNAMES_1 and name[0] not in lexicon.RARE_SURNAMES_EXTRA


def _cn_small(text: str) -> int:
    """一 .. 三十一 -> int."""
    if text == "十":
        return 10
    if "十" in text:
        a, _, b = text.partition("十")
        return (_CN_VAL.get(a, 1) if a else 1) * 10 + (_CN_VAL.get(b, 0) if b else 0)
    return _CN_VAL[text]


def _cn_small_out(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _pad(orig: str, n: int) -> str:
    return f"{n:02d}" if len(orig) == 2 else str(n)


def _month_out(orig: str, month: int) -> str:
    name = _MONTHS[month - 1]
    core = orig.rstrip(".")
    out = name if len(core) > 3 else name[:3]
    if core.isupper():
        out = out.upper()
    elif core[:1].isupper():
        out = out.capitalize()
    return out + ("." if orig.endswith(".") else "")


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_REF_YEAR = 2000  # leap year: lets "2月29日" shift when the year is not given

_NUM = r"(\d{1,4})"


# A weekday before a date (Mon 02-Dec-2024, 周六 11/15): after the shift it would name the wrong day.
_WEEKDAY_PREFIX = re.compile(rf"{lexicon.WEEKDAY_WORD}\s+(?=\d)")


def shift_date(text: str, days: int) -> str | None:
    """Shift a date expression by `days`, keeping its format; None when it can't be parsed. A weekday
    before it is dropped, as the shifted date falls on another day."""
    t = normalize(text)
    if (w := _WEEKDAY_PREFIX.match(t)) and w.end() < len(t):
        return shift_date(t[w.end():], days)
    # Y sep M sep D (zh or numeric), optional 日/号 and time.
    m = re.fullmatch(r"((?:19|20)\d{2})(\s*[年\-/.]\s*)(\d{1,2})(\s*[月\-/.]\s*)(\d{1,2})(\s*[日号]?)(.*)", t)
    if m:
        dt = _valid(int(m[1]), int(m[3]), int(m[5]))
        if dt:
            n = dt + timedelta(days=days)
            return f"{n.year}{m[2]}{_pad(m[3], n.month)}{m[4]}{_pad(m[5], n.day)}{m[6]}{m[7]}"
    m = re.fullmatch(r"((?:19|20)\d{2})(\s*年\s*)(\d{1,2})(\s*月份?)", t)
    if m:
        dt = _valid(int(m[1]), int(m[3]), 15)
        if dt:
            n = dt + timedelta(days=days)
            return f"{n.year}{m[2]}{_pad(m[3], n.month)}{m[4]}"
    m = re.fullmatch(r"(\d{1,2})(\s*月\s*)(\d{1,2})(\s*[日号])", t)
    if m:
        dt = _valid(_REF_YEAR, int(m[1]), int(m[3]))
        if dt:
            n = dt + timedelta(days=days)
            return f"{_pad(m[1], n.month)}{m[2]}{_pad(m[3], n.day)}{m[4]}"
    m = re.fullmatch(r"((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", t)
    if m:
        dt = _valid(int(m[1]), int(m[2]), int(m[3]))
        if dt:
            return (dt + timedelta(days=days)).strftime("%Y%m%d")
    m = re.fullmatch(r"([零〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})([日号]))?", t)
    if m:
        y = int("".join(str(_CN_VAL[c]) for c in m[1]))
        dt = _valid(y, _cn_small(m[2]), _cn_small(m[3]) if m[3] else 15)
        if dt:
            n = dt + timedelta(days=days)
            ys = "".join(_CN_DIGITS[int(c)] for c in str(n.year))
            tail = f"{_cn_small_out(n.day)}{m[4]}" if m[3] else ""
            return f"{ys}年{_cn_small_out(n.month)}月{tail}"
    m = re.fullmatch(r"([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})([日号])", t)
    if m:
        dt = _valid(_REF_YEAR, _cn_small(m[1]), _cn_small(m[2]))
        if dt:
            n = dt + timedelta(days=days)
            return f"{_cn_small_out(n.month)}月{_cn_small_out(n.day)}{m[3]}"
    # Numeric with 2-digit or 4-digit year last: M/D/Y (US) or D/M/Y when M/D is impossible.
    m = re.fullmatch(r"(\d{1,2})([/\-.])(\d{1,2})([/\-.])(\d{2}|\d{4})", t)
    if m:
        a, b, y = int(m[1]), int(m[3]), int(m[5])
        year = y if len(m[5]) == 4 else (2000 + y if y < 50 else 1900 + y)
        dt, order = _valid(year, a, b), "md"
        if dt is None:
            dt, order = _valid(year, b, a), "dm"
        if dt:
            n = dt + timedelta(days=days)
            first, second = (n.month, n.day) if order == "md" else (n.day, n.month)
            ys = str(n.year) if len(m[5]) == 4 else f"{n.year % 100:02d}"
            return f"{_pad(m[1], first)}{m[2]}{_pad(m[3], second)}{m[4]}{ys}"
    mon = r"([A-Za-z]{3,9}\.?)"
    m = re.fullmatch(mon + r"(\s+)(\d{1,2})(st|nd|rd|th)?(?:(\s*,?\s*)((?:19|20)\d{2}))?", t)
    if m and m[1].rstrip(".").lower()[:3] in [x[:3] for x in _MONTHS]:
        month = [x[:3] for x in _MONTHS].index(m[1].rstrip(".").lower()[:3]) + 1
        dt = _valid(int(m[6]) if m[6] else _REF_YEAR, month, int(m[3]))
        if dt:
            n = dt + timedelta(days=days)
            out = f"{_month_out(m[1], n.month)}{m[2]}{n.day}{_ordinal(n.day) if m[4] else ''}"
            return out + (f"{m[5]}{n.year}" if m[6] else "")
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?(\s+(?:of\s+)?)" + mon + r"(?:(\s*,?\s*)((?:19|20)\d{2}))?", t)
    if m and m[4].rstrip(".").lower()[:3] in [x[:3] for x in _MONTHS]:
        month = [x[:3] for x in _MONTHS].index(m[4].rstrip(".").lower()[:3]) + 1
        dt = _valid(int(m[6]) if m[6] else _REF_YEAR, month, int(m[1]))
        if dt:
            n = dt + timedelta(days=days)
            out = f"{n.day}{_ordinal(n.day) if m[2] else ''}{m[3]}{_month_out(m[4], n.month)}"
            return out + (f"{m[5]}{n.year}" if m[6] else "")
    m = re.fullmatch(mon + r"(,?\s+)((?:19|20)\d{2})", t)
    if m and m[1].rstrip(".").lower()[:3] in [x[:3] for x in _MONTHS]:
        month = [x[:3] for x in _MONTHS].index(m[1].rstrip(".").lower()[:3]) + 1
        n = date(int(m[3]), month, 15) + timedelta(days=days)
        return f"{_month_out(m[1], n.month)}{m[2]}{n.year}"
    return None


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# ---- surrogate factory ----------------------------------------------------------------------


@dataclass
class SurrogateFactory:
    """Per-case surrogate generator; `avoid` holds every original PHI string of the case so a
    surrogate never reproduces another patient detail that appears in the same case."""

    seed: int
    case_key: str
    date_shift_days: int
    avoid: set[str] = field(default_factory=set)
    people: list[str] = field(default_factory=list)
    _cache: dict[tuple[str, str], str] = field(default_factory=dict)

    def surrogate(self, entity_type: str, original: str, lang: str) -> str:
        if entity_type == T.PERSON and "^" in original:
            return self._caret_name(original, lang)
        if entity_type == T.PERSON and not _is_cjk(original):
            flipped = _LAST_FIRST.fullmatch(original.strip())
            if flipped:  # "O'NEILL, JAKE" is "Jake O'Neill": one person, one surrogate, its shape kept
                last, sep, first = flipped.groups()
                tokens = self.surrogate(T.PERSON, f"{first} {last}", lang).split()
                if len(tokens) >= 2:
                    return _match_case(original, f"{tokens[-1]}{sep}{' '.join(tokens[:-1])}")
            return _match_case(original, self._surrogate(entity_type, original, lang))
        return self._surrogate(entity_type, original, lang)

    def _caret_name(self, original: str, lang: str) -> str:
        """An HL7 or DICOM name (family^given^middle) keeps its carets: "WHITFIELD^DESHAWN^L" becomes
        "MILLER^JENNIFER^L" and "宇文^晓光" "欧^玉兰", the person being the one "Deshawn Whitfield" names."""
        family, *rest = original.split("^")
        given = rest[0] if rest else ""
        if _is_cjk(original):
            whole = self.surrogate(T.PERSON, family + given, lang)
            cut = min(len(family), max(1, len(whole) - len(given))) if given else len(whole)
            return "^".join([whole[:cut], whole[cut:], *rest[1:]]) if given else whole
        if not given:
            return "^".join([self.surrogate(T.PERSON, family, lang), *rest])
        tokens = self.surrogate(T.PERSON, f"{given} {family}", lang).split()
        if len(tokens) < 2:
            return "^".join([tokens[0] if tokens else family, *rest])
        new_family, new_given = _match_case(family, tokens[-1]), _match_case(given, " ".join(tokens[:-1]))
        return "^".join([new_family, new_given, *rest[1:]])

    def _surrogate(self, entity_type: str, original: str, lang: str) -> str:
        key = (entity_type, _key(original))
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if entity_type == T.PERSON:
            part = self._part_of_full_name(original, lang)
            if part is not None and _key(part) != key[1] and not any(len(a) >= 2 and a in _key(part) for a in self.avoid):
                self._cache[key] = part
                return part
        for attempt in range(8):
            rng = _rng(self.seed, self.case_key, entity_type, key[1], attempt)
            value = self._make(entity_type, original, lang, rng)
            vk = _key(value)
            # Never reproduce (or embed) an original PHI string of this case: 李明 -> 李明路 would
            # both leak and fail verification.
            if vk != key[1] and not any(len(a) >= 2 and a in vk for a in self.avoid | {key[1]}):
                break
        self._cache[key] = value
        return value

    def _part_of_full_name(self, original: str, lang: str) -> str | None:
        """The matching part of the surrogate of a full name this part came from.

        "王秀英 ... 秀英说" becomes "欧玉兰 ... 玉兰说", "Maria Gonzalez ... Maria" becomes
        "Jane Ortiz ... Jane": the reader of the dialogue still sees one person.
        """
        from mediscope.deid.name_parts import LATIN_TOKEN, zh_given_name

        o = original.strip()
        for full in sorted({p.strip() for p in self.people}, key=len, reverse=True):
            if len(full) <= len(o):
                continue
            if _is_cjk(o):
                if zh_given_name(full) == o:
                    sur = self.surrogate(T.PERSON, full, lang)
                    return sur[-len(o) :] if len(sur) == len(full) else None
                continue
            tokens = LATIN_TOKEN.findall(full)
            index = next((i for i, t in enumerate(tokens) if t.lower() == o.lower()), None)
            if index is None:
                continue
            sur_tokens = LATIN_TOKEN.findall(self.surrogate(T.PERSON, full, lang))
            if len(sur_tokens) != len(tokens):
                return None
            value = sur_tokens[index]
            return value.upper() if o.isupper() else value.lower() if o.islower() else value.capitalize()
        return None

    def _make(self, entity_type: str, original: str, lang: str, rng: random.Random) -> str:
        # The original's own script decides: "Alice Wong" inside Chinese text stays an English name.
        zh = _is_cjk(original) or (lang == "zh" and not re.search(r"[A-Za-z]", original))
        fk = _faker("zh_CN" if zh else "en_US")
        fk.seed_instance(rng.getrandbits(32))
        if entity_type == T.PERSON:
            if zh:
                n = len(original.strip())
                if n <= 1:
                    return fk.last_name()[:1]
                if n == 2 and _given_name_only(original.strip()):
                    # 秀英 (a given name found as part of 王秀英) stays a given name.
                    return "".join(fk.first_name() for _ in range(2))[:2]
                given = "".join(fk.first_name() for _ in range(2))[: max(1, n - 1)]
                return fk.last_name()[:1] + given
            parts = original.split()
            if len(parts) == 1:
                return fk.last_name() if original[:1].isupper() else fk.first_name()
            return f"{fk.first_name()} {fk.last_name()}" if len(parts) == 2 else fk.name()
        if entity_type == T.DATE_TIME:
            return shift_date(original, self.date_shift_days) or ("<日期>" if zh else "<DATE>")
        if entity_type == T.CN_ID_CARD:
            from faker.providers.ssn.zh_CN import Provider as CnSsn

            from mediscope.deid.recognizers.base import cn_id_check_char

            # Not Faker's ssn(): it counts the birth date back from today, and the same case
            # would get another number on a rerun the next day.
            born = date(1935, 1, 1) + timedelta(days=rng.randrange(365 * 70))
            body = rng.choice(CnSsn.area_codes) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
            spoken = [ch for ch in original if ch in _CN_DIGIT_VAL]
            if spoken and spoken[-1] == original.rstrip()[-1:]:
                # Read aloud to its last digit: a check digit, not an X, keeps it a run of numerals.
                while cn_id_check_char(body) in "xX":
                    body = body[:-3] + f"{(int(body[-3:]) + 1) % 1000:03d}"
            fresh = body + cn_id_check_char(body)
            it = iter(fresh)
            cn_digit = _cn_digit_writer(original)
            out = []
            for ch in original:
                if normalize(ch).isdigit() or ch in "xX":
                    out.append(next(it, "0"))
                elif ch in _CN_DIGIT_VAL:
                    d = next(it, "0")
                    out.append(cn_digit(int(d)) if d.isdigit() else d)
                else:
                    out.append(ch)
            return "".join(out)
        if entity_type == T.PHONE_NUMBER:
            digits = ascii_digits(original)
            keep = 3 if digits.startswith("1") and len(digits) == 11 else (4 if digits.startswith(("0", "86", "+")) else 3)
            return shape_preserving(original, rng, keep_prefix=keep)
        if entity_type == T.EMAIL_ADDRESS:
            return fk.user_name() + "@" + rng.choice(["example.com", "example.org", "example.net"])
        if entity_type == T.URL:
            return f"https://{fk.user_name()}.example.com"
        if entity_type == T.IP_ADDRESS:
            return fk.ipv4_private()
        if entity_type == T.AGE:
            return age_over_89(original)
        if entity_type == T.LOCATION:
            return self._location(original, zh, fk, rng)
        if entity_type == T.ZIP_CODE:
            return shape_preserving(original, rng)
        # Identifiers of all kinds keep their shape; Chinese inside one (a handle) is replaced too.
        return shape_preserving(original, rng, keep_prefix=0, replace_han=entity_type != T.LICENSE_PLATE)

    @staticmethod
    def _location(original: str, zh: bool, fk: Faker, rng: random.Random) -> str:
        if zh:
            parts = []
            if "省" in original:
                parts.append(fk.province())
            if "市" in original or not parts:
                parts.append(fk.city_name() + "市")
            if any(u in original for u in ("区", "县")):
                parts.append(fk.district() + "区")
            if any(u in original for u in ("路", "街", "道", "巷", "村")):
                parts.append(fk.last_name() + rng.choice(["华", "兴", "安", "明", "光", "新", "和"]) + "路")
                parts.append(f"{rng.randint(1, 999)}号")
            if any(u in original for u in ("小区", "苑", "花园", "公寓", "家园", "大厦")):
                parts.append(rng.choice(["幸福", "阳光", "和平", "锦绣", "翠苑", "绿城"]) + "小区")
            if any(u in original for u in ("室", "栋", "单元")):
                parts.append(f"{rng.randint(1, 30)}栋{rng.randint(1, 30)}{rng.randint(1, 9):02d}室")
            return "".join(parts)
        if original[:1].isdigit():
            return fk.street_address()
        if "box" in original.lower():
            return f"P.O. Box {rng.randint(100, 9999)}"
        return fk.city()


def case_date_shift(seed: int, case_key: str, lo: int, hi: int) -> int:
    """One shift per case, never 0, so intervals inside a case are kept."""
    rng = _rng(seed, case_key, "date-shift")
    while True:
        d = rng.randint(lo, hi)
        if d != 0:
            return d


# The number of an age span: digits, Chinese numerals, or English number words ("ninety-two").
_AGE_NUMBER = re.compile(
    r"^\s*(?:\d+|[零〇一二三四五六七八九十百两]+|(?:(?:one\s+)?hundred(?:\s+and)?[\s\-]*)?"
    r"(?:(?:ninety|hundred)(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen))",
    re.IGNORECASE,
)


def age_over_89(original: str) -> str:
    """Safe Harbor's aggregate for an age over 89: the number becomes "90+", a unit the span took
    with it stays ("95 y/o" -> "90+ y/o", "91岁" -> "90+岁"), so the sentence still reads."""
    m = _AGE_NUMBER.match(original)
    if not m or m.end() == 0 or original[m.end():].startswith("旬"):
        return "90+"  # 九旬 is a decade, no unit to keep
    return "90+" + original[m.end():]

