"""Names written without the capital letter that marks them: lower-case chat and ALL-CAPS headers.

The NER model and the capitalised-shape rules in `en` key on "Xxxx Yyyy". Patients type
"my name is arjun mehta" and "my dad harpreet singh"; OCR'd forms and hand-overs say
"PATIENT: HERNANDEZ MARIA J", "OKONKWO, Chinedu", "bed 12 SMITH-JONES, Rebecca". In both the
shape carries nothing, so the evidence is the name lists of every Faker locale
(`en_lexicon.all_person_names`) plus a cue, under these rules:

- after a name cue ("my name is", "this is", "NAME:", "PATIENT:", a title) or a relation word
  ("my son", "her mum", "wife (…)"): one listed name, followed by any further listed names and
  by one unlisted word that is not an English word ("arjun mehta", "nguyen thi lan");
- with no cue: two or three words that are all on the lists, a given name among them and at
  most one of them an English word ("olga ivanova", "KWAME ASANTE");
- "LAST, First" with an ALL-CAPS surname, when the given name is listed.

Words that are stop words, clinical vocabulary or on the caller's prose list never count (the
caller passes that test in as `blocked`), so "ACUTE KIDNEY INJURY" and "my son has" stay text.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import regex

from mediscope.deid import lexicon as zh_lexicon
from mediscope.deid.recognizers.en_lexicon import (
    EPONYM_TESTS_EN,
    NOT_NAME_TERMS_EN,
    SCORE_EPONYMS_EN,
    is_english,
)
from mediscope.deid.recognizers.en_ner_filters import _CLINICAL_ACRONYMS
from mediscope.deid.recognizers.en_patterns import OCR_LETTERS
from mediscope.deid.recognizers.en_vocab import _ROLE_WORDS

_TOKEN = r"[\p{L}][\p{L}'’\-]*[\p{L}]"
_LOWER_CUE = regex.compile(
    r"(?i:\b(?:my\s+name\s+is|my\s+name's|name\s+is|names?\s*:|i\s+am|i'm|im|(?:this\s+is|it's|its)\s+me,?|this\s+is|it's|its|called|named|call\s+me|pt\.?|patient|"
    r"user(?:name)?\s*:?|login\s*:|account\s+holder|caller|client|"
    # a message's sender: "text from leilani kahale:", "CGM upload from jake o'neill's Dexcom"
    r"(?:text|texts|message|msg|sms|reply|email|e-mail|voicemail|upload|note|letter|referral|readings?)\s+from|"
    # Spanish in a US chat: "soy maria", "me llamo jose", "la mama de santi", "mi hijo mateo"
    r"soy|me\s+llamo|mi\s+nombre\s+es|(?:la\s+)?mam[aá]\s+de|(?:el\s+)?pap[aá]\s+de|"
    r"mi\s+(?:hijo|hija|esposo|esposa|marido|mam[aá]|pap[aá]|abuela|abuelo|hermano|hermana|nieto|nieta)|"
    r"(?:(?:my|our|his|her|their|the|your)\s+)(?:(?:(?:mother|father|sister|brother|son|daughter)[\s\-]in[\s\-]law)|"
    # typed in a hurry: "my husbnd raj", "my hubbie dev", "my dauther mira"
    r"husbnd|husb|hubbie|hubs|dauther|daugter|grandaughter|"
    r"husband|hubby|wife|wifey|missus|son|daughter|mother|father|mom|mum|mommy|mummy|ma|dad|daddy|nan|nana|nanna|gran|grandad|"
    r"papa|brother|sister|partner|friend|niece|nephew|grandson|granddaughter|grandma|grandpa|granny|grandmother|"
    r"grandfather|carer|caregiver|cousin|aunt|auntie|uncle|fianc[eé]e?|boyfriend|girlfriend|spouse|stepson|stepdaughter|"
    r"baby|kid|child|boy|girl|bf|gf|bestie|neighbou?r|aunty|koro|kuia|whaea|sis|bro|stepmum|stepmom|stepdad))(?:\b|(?<=:))\s*[,(:]?\s*)"
    r"(?P<run>\p{Ll}[\p{Ll}'’\-]*\p{Ll}(?:\s+\p{Ll}[\p{Ll}'’\-]*\p{Ll}){0,3})"
)
_KIN_WORDS = frozenset({"nana", "nan", "nanna", "gran", "granny", "grandma", "grandpa", "mum", "mom", "mommy", "mummy", "dad",
                        "daddy", "papa", "mama", "aunty", "auntie", "uncle", "koro", "kuia", "baba", "nani", "dadi"})
_BARE_RELATION = regex.compile(
    r"(?<![\w'’\-])(?:mum|mom|mam|dad|nan|nana|gran|grandma|grandpa|granny|wife|husband|hubby|son|daughter|sister|brother|"
    r"aunty|auntie|uncle|cousin|niece|nephew)(?:[ ](?P<run>\p{Ll}[\p{Ll}'’\-]*\p{Ll}(?:[ ]\p{Ll}[\p{Ll}'’\-]*\p{Ll}){0,2})"
    r"|[ ]?\((?P<paren>\p{Ll}[\p{Ll}'’\-]*\p{Ll})\))"
)
# Chat verbs whose object is a person: "tell siddharth the INR", "bring krzysztof in", "thanks bilal".
# The word after must be a listed given name that is no English word.
_LOWER_VERB_OBJECT = regex.compile(
    r"\b(?:tell|told|ask|asked|bring|brought|remind|thank|thanks|thx|ty|pick\s+up|picked\s+up|drop|dropped|"
    r"ring|rang|phone|phoned|text|texted|message|messaged|call|called|let|send|sent)[ ]"
    r"(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?![\w'’\-])"
)
# A chat turn opened by a name and a verb, or a name and who it is: "zainab will drive mum in",
# "rhiannon here, mum's BP", "tomek (son) rang", "jake vomiting since 6".
_LOWER_SUBJECT = regex.compile(
    r"(?:^|[.!?\n]\s*|:\s+|\bok\s+|\bhi\s+|\bhey\s+)(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})[ ]"
    r"(?:(?:will|is|was|has|had|says|said|can|cant|can't|wants|needs|got|just|rang|called|asked|took|did|does|"
    r"doesn't|isn't|wasn't|hasnt|hasn't|isnt|wasnt|didnt|didn't|wont|won't|still|keeps|kept|feels|felt|seems|refused|"
    r"refuses|ate|slept|fell|vomited|threw|woke|started|stopped|complained|complains)\b|"
    r"here\b|\p{Ll}{3,}ing\b|\((?:son|daughter|wife|husband|mum|mom|dad|mother|father|brother|sister|partner|"
    r"niece|nephew|grandson|granddaughter|carer|friend)\))"
)
# English-speaking countries' given names that a big dictionary also lists as words ("jake", "ben",
# "amy"): in a chat's subject or object slot they are the name. Those that are also everyday verbs,
# nouns or adjectives stay out ("drew", "chase", "guy", "grace", "penny").
_WORDLIKE_GIVEN_OUT = frozenset({"chase", "drew", "guy", "sue", "don", "lance", "penny", "destiny", "misty", "sandy",
                                 "brandy", "melody", "raven", "robin", "grace", "ruth", "ebony", "hazel", "carol", "bailey",
                                 "sierra", "jo", "ann", "jean", "gene", "kent", "jack", "mike", "bob", "billy", "jimmy",
                                 "tom", "tommy", "toby", "randy", "rick", "dean", "frank", "kit", "ray", "will", "may",
                                 "pat", "mark", "bill", "art", "max", "ivy", "iris", "june", "april", "rose", "faith"})


@functools.cache
def _english_given_names() -> frozenset[str]:
    """Given names of the English-speaking Faker locales, lower case."""
    import importlib

    out: set[str] = set()
    for loc in ("en_US", "en_GB", "en_AU", "en_CA", "en_NZ", "en_IE"):
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except Exception:  # noqa: BLE001 - a locale without its own person provider
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names = getattr(provider, attr, ())
            out |= {n.lower() for n in (names.keys() if isinstance(names, dict) else names)}
    return frozenset(out - _WORDLIKE_GIVEN_OUT)
# The sender of a forwarded message, before a colon: "msg from bilqis:", "text from weronika:".
_LOWER_SENDER = regex.compile(
    r"\b(?:text|texts|message|msg|sms|reply|email|e-mail|voicemail|whatsapp|wa)\s+from\s+"
    r"(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})\s*:"
)
# A chat export may open each line with its clock or its app in brackets ("[07:52] bex:", "[Teams] jess:").
_CHAT_LINE_PREFIX = r"(?:\[[^\]\n]{1,25}\][ \t]*)?"
# A lower-case speaker of a chat transcript: "marcus: is it normal ...\nnurse: can be at first".
_LOWER_SPEAKER = regex.compile(r"(?m)^[ \t]*" + _CHAT_LINE_PREFIX + r"(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll}):[ ]")
_LINE_SPEAKER = regex.compile(r"(?m)^[ \t]*" + _CHAT_LINE_PREFIX + r"[\p{L}][\p{L} ]{0,20}:[ ]")
_LOWER_TOKEN = regex.compile(r"(?<![\w'’@./\-])\p{Ll}[\p{Ll}'’\-]*\p{Ll}(?![\w@\-])")
_CAPS_WORD = r"\p{Lu}[\p{Lu}'’\-]*\p{Lu}"
# (a middle initial between the words too: "DIANE K MORRISON")
_CAPS_RUN = regex.compile(rf"(?<![\w'’\-]){_CAPS_WORD}(?:[ ]\p{{Lu}}\.?(?=[ ]{_CAPS_WORD}))?(?:[ ]{_CAPS_WORD}){{1,2}}(?:[ ]\p{{Lu}}\.?)?(?![\w'’\-])")
_CAPS_CUE = regex.compile(
    r"(?:\b(?:NAME|PATIENT|PATlENT|PT|CC|C/O|SIGNED(?:\s+BY)?|ATTENDING|PHYSICIAN|SURGEON|DR|MR|MRS|MS|MISS|PROF|RN|NOK|"
    r"NEXT\s+OF\s+KIN|CONTACT|REFERRED\s+BY|SEEN\s+BY|FOR|Patient|Name|Pt|for|with|by|Dr|Mr|Mrs|Ms|"
    # who a claim or a benefits statement is for
    r"MEMBER|SUBSCRIBER|INSURED|CLAIMANT|POLICYHOLDER|GUARANTOR|Member|Subscriber|Insured|Claimant|Policyholder|Guarantor)"
    r"\.?\s*[:#\-]?\s*)$"
)
_LAST_FIRST = regex.compile(
    rf"(?<![\w'’\-])(?P<last>(?:Ma?c|O['’]|D['’])?{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,2}}),[ ]?(?P<first>\p{{Lu}}[\p{{L}}'’\-]*\p{{L}})(?:[ ]\p{{Lu}}\.?(?![\w]))?(?![\w'’\-])"
)
# The start of a list's line or of a labelled field: "4. ", "- ", "• ", "ID band: ", "| ".
_LIST_LINE_BEFORE = regex.compile(r"(?:(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*|[-•*][ \t]*)?|[:|][ \t]*)$")
# What closes the field after the name: a dash, a bar, a bracket, a semicolon, the line's end.
_FIELD_END = regex.compile(r"[ \t]*(?:[—–|;(\n]|-[ ]|$)")
_CLINICAL_WORDS = zh_lexicon.CLINICAL_WORDS_EN | zh_lexicon.CLINICAL_VOCAB_EN
# "PETROVIC Milan", "COSTA Beatriz": ward lists and labels put the surname first, in capitals.
# Surname particles ("VAN DER BERG", "BIN SALLEH"): part of a name, evidence of none.
_PARTICLES = frozenset({"mc", "van", "der", "den", "de", "da", "das", "dos", "del", "della", "di", "du", "von", "ten", "ter",
                        "bin", "binti", "bint", "ibn", "al", "el", "la", "le", "mac", "st", "te", "ap", "abu", "ul"})
_CAPS_THEN_FIRST = regex.compile(rf"(?<![\w'’\-])(?P<last>{_CAPS_WORD})[ ](?P<first>\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*)(?![\w'’\-])")
# A surname in capitals before a romanised given name of one to three syllables, as Hong Kong,
# Singapore and Malaysian records write them: "TAN Boon Huat", "WONG Siu-ming", "LI Xiaoyan",
# "ABDULLAH Rahim bin Yusof".
_MALAY_PATRONYMIC = frozenset({"bin", "binti", "bte", "bt", "a/l", "a/p", "s/o", "d/o"})
_CAPS_LAST_ROMANISED = regex.compile(
    r"(?<![\w'’\-])(?P<last>\p{Lu}{2,})(?P<given>(?:[ ]\p{Lu}\p{Ll}+(?:-\p{Ll}+)?){1,3}"
    r"(?:[ ](?:bin|binti|bte|bt|a/l|a/p|s/o|d/o)[ ]\p{Lu}\p{Ll}+)?)(?![\w'’\-])")
_LOWER_TITLE = regex.compile(r"\b(?:dr|mr|mrs|ms|miss|prof|doctor|nurse)\.?[ ](?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?![\w'’\-])")
_CAPS2 = regex.compile(r"\p{Lu}\p{Lu}")
_CAPS_TITLE = regex.compile(rf"\b(?:DR|MR|MRS|MS|MISS|PROF)\.?[ ](?P<name>(?:\p{{Lu}}\.[ ]?){{0,2}}{_CAPS_WORD})(?![\w'’\-])")
_DEGREES = frozenset({"md", "do", "rn", "np", "pa", "mbbs", "frcp", "frcs", "phd", "dnp", "aprn", "crna", "pharmd", "mbchb",
                      "facp", "facs", "frcpc", "rgn", "lpn", "cnm", "dds", "dpm", "od"})


# "O'BRIEN", "D'Angelo", "N'Diaye", "d'souza": a one-letter particle and an apostrophe before a surname.
_ELIDED = regex.compile(r"^[odlnm]['’](?=\p{L}{3})")
# Relation words a form field may hold before the name ("Informant: son, Gerald Ashdown").
_RELATION_FIELD = frozenset({"son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "partner",
                             "spouse", "niece", "nephew", "friend", "neighbour", "neighbor", "carer", "self", "mum", "dad"})


# Verbs after "doctor"/"nurse" that some locale lists as a name ("Said").
_ROLE_VERBS = frozenset({"said", "put", "saw", "sees", "will", "may", "can", "did", "does", "has", "had", "was", "is"})


@dataclass
class NameLists:
    first: frozenset[str]
    last: frozenset[str]
    words: frozenset[str]  # ordinary English words, lower case
    blocked: Callable[[str], bool]  # lower-cased word that is never part of a name

    def __post_init__(self) -> None:
        self.any_name = self.first | self.last

    def listed(self, w: str) -> bool:
        if w in self.first or w in self.last or all(p in self.first or p in self.last for p in w.split("-") if p):
            return True
        parts = [p for p in w.split("-") if p]
        if len(parts) > 1 and parts[0] in _PARTICLES and all(p in self.first or p in self.last for p in parts[1:]):
            return True  # "al-sabah", "el-masri": a particle and a listed surname
        rest = _ELIDED.sub("", w)  # "o'brien", "d'angelo": the surname after its elided particle
        return rest != w and rest in self.last

    def unlisted_ok(self, w: str) -> bool:
        """An unlisted word that may still be a surname: not an English word, looks like a word."""
        parts = [p for p in regex.split(r"[\-'’]", _ELIDED.sub("", w)) if p]
        if len(parts) > 1 and parts[0] in _PARTICLES:
            parts = parts[1:]  # "al-sabah": the particle is no word to test
        return len(w) >= 3 and not any(is_english(p, self.words) for p in parts) and regex.search(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāēīōū]", w) is not None


def _cued_run(run: str, lists: NameLists) -> int:
    """How many leading words of a lower-case run after a cue are a name (0: none)."""
    words = run.split()
    if words and words[0].endswith(("'s", "’s")):
        words = [words[0][:-2]]  # "my husband kofi's number": the owner is the whole name
    if not words or lists.blocked(words[0]) or words[0] in _ROLE_VERBS:
        return 0  # "my mum said the …": "Said" is a listed name, but not after a relation word here
    head = words[0]
    if (not lists.listed(head) and lists.unlisted_ok(head) and len(words) > 1 and lists.listed(words[1])
            and not lists.blocked(words[1]) and (words[1] in lists.last or not is_english(words[1], lists.words))):
        return 2  # "harpreet singh", "bich ngoc": an unlisted name before a listed one
    if not (head in lists.first or (head in lists.last and head not in lists.words) or
            (lists.listed(head) and head not in lists.words)):
        return 0
    n = 1
    for w in words[1:]:
        owner = w.endswith(("'s", "’s"))
        if owner:  # "jake o'neill's Dexcom": the surname owning what follows ends the name
            w = w[:-2]
        if lists.blocked(w):
            break
        if lists.listed(w) and (w in lists.last or w not in lists.words):
            n += 1
        elif lists.unlisted_ok(w):
            n += 1
            break  # one unlisted surname ends the name
        else:
            break
        if owner:
            break
    return n


# Not "its" nor "im": "supports its songwriters," is no introduction.
_SELF_INTRO = regex.compile(r"(?i:\b(?:my\s+name\s+is|my\s+name's|name\s+is|i\s+am|i'm|this\s+is|it's|it’s|call\s+me))\s")
_WORD_THEN_STOP = regex.compile(r"\p{Ll}[\p{Ll}'’\-]*\p{Ll}\s*(?:[,.!;]|$)")


def _closes_clause(text: str, start: int) -> bool:
    return _WORD_THEN_STOP.match(text, start) is not None


# Spanish, Portuguese, Italian and French function words that name lists also hold ("con", "por"):
# not the name particles ("de", "la", "van", "dos"), which do open surnames.
_ROMANCE_FUNCTION_WORDS = frozenset({"con", "sus", "por", "para", "que", "sin", "una", "uno", "avec", "pour", "sur",
                                     "dans", "les", "com", "sem", "uma", "nel", "nella", "questo", "esta", "este"})


def _uncued_ok(words: list[str], lists: NameLists) -> bool:
    # Cheapest test first: almost every run of words in prose fails on the name lists.
    if not all(w in lists.first or w in lists.last for w in words) and not all(lists.listed(w) for w in words):
        return False
    if any(lists.blocked(w) for w in words) or any(w in _ROMANCE_FUNCTION_WORDS for w in words):
        return False  # "viene con su nieta": Spanish words, not a name
    if not any(w in lists.first for w in words) or not any(w in lists.last for w in words[1:] + words[:1]):
        return False
    return sum(is_english(w, lists.words) for w in words) <= 1 and len(words) >= 2


def find_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """(start, end, how, score) of lower-case and ALL-CAPS names in `text`."""
    out: list[tuple[int, int, str, float]] = []
    has_lower = any(ch.islower() for ch in text)
    if has_lower:
        for m in _LOWER_CUE.finditer(text, overlapped=True):  # "patient: it's ngozi eze": the second cue counts
            run_start = m.start("run")
            run = m.group("run")
            head = run.split()[0]
            if head in _KIN_WORDS and " " in run:  # "my grandma nana ruth": the second relation word is no name
                run = run.split(None, 1)[1]
                run_start = m.start("run") + m.group("run").index(run, len(head))
            n = _cued_run(run, lists)
            if not n and _SELF_INTRO.search(m.group(0)) and _closes_clause(text, run_start):
                w = run.split()[0]
                # "this is obiageli, ...": one word that is no English or clinical word, then a comma or stop
                n = int(len(w) >= 4 and not lists.blocked(w) and lists.unlisted_ok(w)
                        and not is_english(w.rstrip("s"), lists.words) and not lists.blocked(w.rstrip("s")))
            if n:
                s = run_start
                words = list(regex.finditer(r"\S+", run))
                e = s + words[n - 1].end()
                if text[e - 2 : e] in ("'s", "’s"):
                    e -= 2
                if text[e : e + 1] == ":" and n == 1 and not lists.blocked(text[s:e]) and is_english(text[s:e], lists.words):
                    continue  # "Pt nane: ROSENTHAL": an OCR'd field label with its colon, not a name
                out.append((s, e, "lower_cue", 0.7))
        # A relation word with no "my" before it: "mum salote still has", "wife mariam says".
        # Only a listed given name that is no English word follows, then the usual run.
        for m in _BARE_RELATION.finditer(text):
            if m.group("paren"):  # "pt's daughter (losa)": a word in brackets after a relation is its name
                w = m.group("paren")
                if len(w) >= 3 and not lists.blocked(w) and not is_english(w, lists.words) or w in lists.first and not lists.blocked(w):
                    out.append((*m.span("paren"), "lower_relation", 0.65))
                continue
            head = m.group("run").split()[0]
            if head not in lists.first or lists.blocked(head) or is_english(head, lists.words):
                continue
            n = max(1, _cued_run(m.group("run"), lists))
            s = m.start("run")
            words = list(regex.finditer(r"\S+", m.group("run")))
            out.append((s, s + words[n - 1].end(), "lower_relation", 0.65))
        # Runs of two or three lower-case words, one space apart, that start with a listed name.
        toks = [(m.start(), m.end(), m.group()) for m in _LOWER_TOKEN.finditer(text)]
        names = lists.any_name
        for i, (start, _, word) in enumerate(toks):
            if word not in names and not ("-" in word and lists.listed(word)):
                continue
            for k in (3, 2):  # the longest name that starts here
                if i + k > len(toks) or any(toks[j + 1][0] != toks[j][1] + 1 or text[toks[j][1]] != " "
                                            for j in range(i, i + k - 1)):
                    continue
                if _uncued_ok([t[2] for t in toks[i : i + k]], lists):
                    out.append((start, toks[i + k - 1][1], "lower_names", 0.65))
                    break
        if "\n" in text and ": " in text and len(_LINE_SPEAKER.findall(text)) >= 2:
            for m in _LOWER_SPEAKER.finditer(text):  # two or more speakers: a transcript
                w = m.group("name")
                if lists.blocked(w) or w in _ROLE_SPEAKERS or w in _NOT_SPEAKERS:
                    continue
                if w in lists.first and not is_english(w, lists.words):
                    out.append((*m.span("name"), "lower_speaker", 0.7))
                elif "[" in m.group(0) and (w in lists.first or lists.unlisted_ok(w)):
                    # a chat export's line ("[07:52] bex:", "[Teams] jess:"): every label is someone, so a
                    # name that is a word too (jess, will) or one no list holds (bex) will do
                    out.append((*m.span("name"), "export_speaker", 0.7))
        for rx in (_LOWER_VERB_OBJECT, _LOWER_SUBJECT, _LOWER_SENDER):
            for m in rx.finditer(text):
                w = m.group("name")
                if lists.blocked(w) or w in _NOT_SPEAKERS or is_english(w, lists.words) and (
                        rx is _LOWER_SENDER or w not in _english_given_names()):
                    continue
                # A sender, "X here" or "X (son)" names the word by its place: an unlisted one will do.
                strong = rx is _LOWER_SENDER or m.group(0).endswith((")", "here"))
                if w in lists.first or strong and len(w) >= 4 and (lists.listed(w) or lists.unlisted_ok(w)):
                    ns, ne = m.span("name")
                    if not any(s <= ns and ne <= e for s, e, *_ in out):  # "ask olga ivanova": the run has it
                        out.append((ns, ne, "lower_chat", 0.65))
        for m in _LOWER_TITLE.finditer(text):  # "we met dr oyelowo"
            w = m.group("name")
            if m.group(0)[:3] in ("doc", "nur") and (is_english(w, lists.words) and not lists.listed(w) or w in _ROLE_VERBS):
                continue  # "the doctor said", "nurse practitioner"
            if not lists.blocked(w) and (w in lists.last or lists.unlisted_ok(w)):
                out.append((*m.span("name"), "lower_title", 0.7))
    if _CAPS2.search(text) is None:
        return out  # every rule below needs a word in capitals
    for m in _CAPS_THEN_FIRST.finditer(text):
        last, first = m.group("last").lower(), m.group("first").lower()
        if first in lists.first and not lists.blocked(first) and not lists.blocked(last) and (
            last in lists.last or lists.unlisted_ok(last)
        ):
            out.append((m.start(), m.end(), "caps_then_first", 0.7))
    for m in _CAPS_LAST_ROMANISED.finditer(text):
        last = m.group("last").lower()
        given = [w.lower() for w in regex.findall(r"\p{L}[\p{L}\-]*", m.group("given")) if w.lower() not in _MALAY_PATRONYMIC]
        if lists.blocked(last) or any(lists.blocked(g) for g in given):
            continue
        strong = any(g in lists.first and not is_english(g, lists.words) or lists.unlisted_ok(g) or _caps_given_ok(g, lists) and "-" in g
                     for g in given)
        if last not in lists.last and not (strong and lists.unlisted_ok(last) and len(last) <= 7
                                           and all(len(p) <= 6 for g in given for p in g.split("-"))):
            continue  # "GOH Swee Lan", "CHEUNG Hoi-yan": an unlisted surname before a given name no list or dictionary holds
        if (any(g in lists.first and not is_english(g, lists.words) or lists.unlisted_ok(g) or _caps_given_ok(g, lists) and "-" in g
               for g in given) or len(given) >= 2 and all(len(g) <= 4 and regex.search(r"[aeiouy]", g) for g in given)) and all(
                lists.listed(g) or lists.unlisted_ok(g) or "-" in g or len(g) <= 4 for g in given):
            out.append((*m.span(), "caps_last_romanised", 0.7))  # "TAN Boon Huat", "WONG Siu-ming", "ABDULLAH Rahim bin Yusof"
    for m in _LAST_FIRST.finditer(text):
        lasts, first = m.group("last").lower().split(), m.group("first").lower()
        if lists.blocked(first) or any(lists.blocked(w) for w in lasts):
            # A list's or a band's own line: "4. TURNER, Faith — …", "ID band: WEST, Hunter J | …". The
            # whole line's field is the name, so listed names that are also words will do.
            if (len(lasts) == 1 and lasts[0] in lists.last and first in lists.first and _LIST_LINE_BEFORE.search(
                    text, max(0, m.start() - 40), m.start()) is not None and _FIELD_END.match(text, m.end()) is not None
                    and not any(w in _CLINICAL_WORDS for w in (lasts[0], first))):
                out.append((m.start(), m.end(), "last_first_line", 0.7))
            continue
        if not all(lists.listed(w) or w in _PARTICLES or lists.unlisted_ok(w) for w in lasts):
            # "Rx for: TE WHATA, Aroha": after a field cue, a listed given name vouches for a
            # surname the dictionary happens to hold as a rare word.
            if not (first in lists.first and not is_english(first, lists.words)
                    and _CAPS_CUE.search(text, max(0, m.start() - 30), m.start()) is not None):
                continue
        # The given name is listed, or neither part is a word: "OYELARAN, Temitope" but not "NOTE, Please";
        # a listed surname the dictionary also holds will do ("PATEL, Jayesh"), and so will a given name
        # in romanised syllables ("HSU, Ming-Chieh").
        if "-" in first and _caps_given_ok(m.group("first"), lists) and all(w in lists.last for w in lasts):
            out.append((m.start(), m.end(), "last_first", 0.75))
            continue
        if first not in lists.first and (
            is_english(first, lists.words) or any(is_english(w, lists.words) and w not in lists.last for w in lasts)
            or not lists.unlisted_ok(first) or not m.group("first")[1:].islower()
            or any(len(w) < 4 and not lists.listed(w) for w in lasts)
        ):
            continue  # ... nor "ECS, EKS": acronyms
        out.append((m.start(), m.end(), "last_first", 0.75))
    for m in _CAPS_TITLE.finditer(text):
        w = m.group("name").lower().split()[-1].split(".")[-1]
        if not lists.blocked(w) and (lists.listed(w) or lists.unlisted_ok(w)):
            out.append((*m.span("name"), "caps_title", 0.75))
    for m in _CAPS_RUN.finditer(text, overlapped=True):
        tokens = m.group(0).split()
        end = m.end()
        if len(tokens) > 2 and tokens[-1].lower().rstrip(".") in _DEGREES:  # "NAKAMURA HIROSHI MD"
            end -= len(m.group(0)) - m.group(0).rstrip().rfind(" ")
            tokens = tokens[:-1]
        words = [t.lower() for t in tokens if len(t.rstrip(".")) > 1]
        if len(words) < 2 or any(lists.blocked(w) for w in words):
            continue
        cued = _CAPS_CUE.search(text, max(0, m.start() - 30), m.start()) is not None
        if _uncued_ok(words[:3], lists):
            pass
        elif (cued or has_lower) and any(lists.listed(w) and w not in _PARTICLES for w in words) and all(
            lists.listed(w) or w in _PARTICLES or len(w) >= 4 and lists.unlisted_ok(w) for w in words
        ) and any(w in lists.first or w in lists.last and w not in lists.words for w in words):
            # One listed name and otherwise non-words: trusted after a cue, or where the rest of
            # the text is in lower case so that capitals single the words out.
            pass
        else:
            continue
        out.append((m.start(), end, "caps_name", 0.7))
    return out


# Form fields and role labels: what follows the colon is a name, whatever its case.
_FIELD_CUE = regex.compile(
    r"(?i:\b(?:surname|forename|first\s+name|last\s+name|(?-i:First|Last|FIRST|LAST|Given|GIVEN|Middle|MIDDLE)|given\s+names?|family\s+name|middle\s+name|maiden\s+name|"
    r"preferred\s+name|full\s+name|anaesthetist|anesthetist|scrub(?:\s+nurse)?|surgeon|assistant|registrar|consultant|"
    r"resident|intern|fellow|midwife|therapist|pharmacist|technician|radiographer|radiologist|pathologist|"
    r"reported\s+by|verified\s+by|approved\s+by|authori[sz]ed\s+by|witness(?:ed\s+by)?|interpreter|chaperone|carer|"
    r"parent|guardian|informant|author|clerk|ward\s+clerk|receptionist|porter|scribe|coordinator|social\s+worker|"
    r"dietitian|dietician|case\s+manager|key\s+worker|sonographer|phlebotomist|physio|caller|emergency\s+contact|"
    r"audiologist|optometrist|orthoptist|orthodontist|dentist|hygienist|podiatrist|psychologist|counsell?or|embryologist|"
    r"(?:sub-?)?investigator|(?:study|research)\s+nurse|(?-i:CRA|CRC)|"
    r"(?:local|family|home|primary)\s+contact|contact\s+person|guarantor|subscriber|policy\s*holder|account\s+holder|"
    r"claimant|beneficiary|passenger|travell?er|decedent|deceased|employee|student|pupil|client|applicant|"
    # who a safeguarding, crisis or care file names: "Reporter: Carys Pugh", "Adult at risk: …", "Crisis Supporter: Bronwyn"
    r"reporter|referrer|child|children|young\s+person|adult\s+at\s+risk|service\s+user|victim|alleged\s+perpetrator|"
    # (not "Nurse:" nor "Peer:" alone: a transcript's speakers, "Nurse: Okay Mr Brand")
    r"worker\s+name|(?:crisis\s+|peer\s+)?supporter|sponsor|tenant|screening\s+nurse|"
    # who an insurer's, a hospice's, a custody or a forces record names: "Member: Violet Oyelaran", "Veteran: …",
    # "Detainee: Ossai, Chinedu", a meeting's "Participants:" and "Apologies:"
    r"member|veteran|service\s+member|detainee|inmate|offender|prisoner|bereavement\s+worker|participants?|apologies))"
    r"\s*::?\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Mdm|Mx|Rev|Fr|SN|RN|EN)\.?\s+)?"  # (a form printed with "::" too: "Surname:: KHUMALO")
    # (or the record's LAST, First: "Client: HILL, Margaret")
    r"(?P<name>(?-i:\p{Lu}[\p{Lu}'’\-]+,[ ]\p{Lu}[\p{Ll}'’\-]+)|[\p{L}][\p{L}'’\-]*[\p{L}](?:[ ]\p{Lu}\.(?!\w)|[ ][\p{L}][\p{L}'’\-]*[\p{L}]){0,2})"
)
# Fields that take a name only in capitals: a meeting's or a register's lists also hold logins and handles.
_CAPITAL_ONLY_FIELDS = ("participant", "apologies", "member", "veteran", "service member", "detainee", "inmate", "offender",
                        "prisoner", "bereavement worker")
# Words of an insurer's, a plan's or a firm's name, which a member's or a client's field may hold instead of a person.
_ORG_NAME_WORDS = frozenset({"mutual", "plan", "insurance", "assurance", "benefits", "group", "trust", "fund", "inc", "ltd", "llc",
                             "corp", "company", "co", "healthcare", "medicaid", "medicare"})
# What a form's name field holds when it holds no name ("Caller: unknown", "Student: n/a").
_FIELD_PLACEHOLDERS = frozenset({"unknown", "unk", "none", "nil", "na", "n/a", "self", "same", "refused", "declined",
                                 "anonymous", "withheld", "pending", "tbc", "tba", "unnamed", "not"})
# "Oluwaseyi says …", "Sung-min, 7, seen for …": a lone capitalised word opening a sentence,
# followed by what only a person does or by an age in apposition.
_SUBJECT_WORD = regex.compile(
    r"(?:^|(?<=[.!?;:]\s{1,3})|(?<=\n))(?P<name>\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)?)"
    r"(?=(?P<verb>\s+(?:says|said|reports|reported|states|stated|complains|complained|denies|denied|feels|felt|thinks|"
    r"thought|wants|wanted|asked|asks|told|tells|lives|lived|works|worked|came|went|arrived|presents|presented|"
    r"attended|attends|called|rang|brought|drove|walked|cried|smokes|drinks|admits|admitted\s+to)\b)|"
    r"(?P<age>,\s*(?:aged\s+)?\d{1,3}\s*(?:,|y\b|yo\b|yrs?\b|years?\b|months?\b|m\b|f\b|M\b|F\b)|"
    r"\s+(?:is|was)\s+an?\s+\d{1,3}[\s\-]*(?:y/?o\b|yo\b|yrs?\b|years?\b|-year|months?\b|m\b|f\b)))"
)


# A closing line, then the writer's name on the next: emails, letters and SMS sign-offs in
# several languages ("Ngā mihi", "Ngiyabonga", "Shukran", "Salamat").
_SIGN_OFF = regex.compile(
    r"(?im:^[ \t]*(?:(?:kind|best|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|best|thanks|thank\s+you|cheers|"
    r"sincerely|yours\s+(?:sincerely|faithfully|truly)|take\s+care|blessings|ng[āa]\s+mihi(?:\s+nui)?|noho\s+ora\s+mai|"
    r"mauri\s+ora|ngiyabonga|enkosi|shukran|salamat|fa['’]?afetai|malo\s+aupito|vinaka(?:\s+vakalevu)?|cảm\s+ơn)[ \t]*[,.!]?[ \t]*\n[ \t]*)"
    r"(?P<name>\p{Lu}[\p{L}'’\-]+(?:[ ](?:\p{Lu}\.?|\p{Lu}[\p{L}'’\-]+)){0,2})(?=[ \t]*(?:\n|$|,))"
)


_KIN_IN_BRACKETS = (r"(?i:son|daughter|wife|husband|mother|father|mum|mom|dad|brother|sister|partner|niece|nephew|grandson|"
                    r"granddaughter|grandmother|grandfather|friend|carer|nok|next\s+of\s+kin|guardian|aunt|uncle|cousin)")
_NAME_THEN_RELATION = regex.compile(
    rf"(?<![\w'’\-])(?P<name>\p{{Lu}}[\p{{L}}'’\-]{{2,}})[ ]?\({_KIN_IN_BRACKETS}(?:,[^)]{{0,20}})?\)"
)
_LAST_FIRST_TITLED = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}[\p{L}'’\-]+,[ ]\p{Lu}\p{L}[\p{L}'’\-]*)[ ]?\((?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Mstr)\.?\)"
)


# "Dad (Tan Boon Huat)", "Mum (Kerry Thompson)": a relation word, then the relative's name in brackets.
_RELATION_THEN_NAME = regex.compile(
    rf"\b{_KIN_IN_BRACKETS}[ ]?\((?P<name>\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*(?:[ ]\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]*){{0,3}})\)"
    .replace("(?i:son|", "(?i:dad|mum|mom|mam|nan|gran|grandma|grandpa|grandad|son|")
)
# "Mom Blessing notified", "baby Maisie", "Father Nilesh collected", "night staff Precious and Lerato",
# "His ex, Amber, is": a relation or a carer's role right before a capitalised given name.
_RELATION_BEFORE_NAME = regex.compile(
    r"\b(?i:mom|mum|dad|father|mother|baby|daughter|son|wife|husband|sister|brother|dtr|sis|bro|niece|nephew|grandson|"
    r"granddaughter|aunt|auntie|uncle|cousin|neighbou?r|volunteer|carer|caregiver|staff|HCA)[ ]"
    r"(?P<name>\p{Lu}\p{Ll}{2,})(?![\w'’\-])"
    r"|\b(?i:ex|partner|wife|husband),[ ](?P<name2>\p{Lu}\p{Ll}{2,}),"
)
_NOT_AFTER_RELATION = frozenset({"christmas", "nature", "time", "superior", "earth", "teresa", "god", "mary"})
# "Hi it's Mei-Ling from Box Hill", "this is Tavita here": a caller naming herself.
_ITS_NAME = regex.compile(
    r"\b(?:[Ii]t['’]?s|[Tt]his\s+is)[ ](?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)"
    r"(?=[ ](?:from|here|again|calling|speaking)\b|\s*[,!]|\.\s)"
)
# "… after dinner, like 250s. - ravi": a lower-case given name signing off the message.
_DASH_SIGN_OFF = regex.compile(r"(?:^|\s)[-–—~][ ]?(?P<name>\p{Ll}{3,}(?:[ ]\p{Ll}{3,})?)\s*$")


def find_cued_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """(start, end, how, score) of names after form fields and role labels, and lone subjects."""
    out: list[tuple[int, int, str, float]] = []
    if ":" in text:
        for m in _FIELD_CUE.finditer(text):
            words = m.group("name").split()
            if any(w.lower().strip(",.") in _ORG_NAME_WORDS for w in words):
                continue  # "Member: Sunfield Mutual plan": an insurer or a firm in the person's field
            if words and words[0][:1].islower() and m.group(0).lower().startswith(_CAPITAL_ONLY_FIELDS):
                continue  # "participant: aroha.ngata (patient)": a login after a meeting's field, not a name
            keep = 0
            if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
                # "Member: Violet Oyelaran": a given name that is a word too, vouched for by the label and by the
                # surname after it
                first, last = words[0].lower(), words[1].lower().rstrip(".,")
                if first in lists.first and not lists.blocked(last) and (lists.listed(last) or lists.unlisted_ok(last)):
                    keep = 2
                elif words[0].endswith(",") and words[0][:-1].isupper() and last in lists.first:
                    keep = 2  # "Client: HILL, Margaret": a surname in capitals that is a word too, then the given name
            for w in words[keep:]:
                low = w.lower().rstrip(".").rstrip(",")  # (HILL, Margaret)
                if len(low) == 1 and keep:
                    keep += 1  # a trailing initial "O."
                    continue
                if keep and low in _PARTICLES and w[:1].isupper() and len(words) > keep + 1:
                    keep += 1  # "Midwife: Kiri Te Awa": a particle inside the name
                    continue
                if (lists.blocked(low) or low.rstrip(",") in _RELATION_FIELD or low.rstrip(",") in _FIELD_PLACEHOLDERS
                        or not (lists.listed(low) or lists.unlisted_ok(low))):
                    if keep and words[keep - 1].lower() in _PARTICLES:
                        keep -= 1  # a particle is no name's last word
                    break
                keep += 1
            if keep:
                s = m.start("name")
                end = s + len(" ".join(words[:keep]))
                out.append((s, end, "field_cue", 0.8))
    if "\n" in text:
        for m in _SIGN_OFF.finditer(text):  # "Ngā mihi,\nAroha", "Kind regards,\nThandeka M."
            words = m.group("name").split()
            low = words[0].lower()
            if lists.blocked(low) or not (low in lists.first or low in lists.last or lists.unlisted_ok(low)):
                continue
            if is_english(low, lists.words) and low not in lists.first:
                continue  # "Reception", "The Team"
            keep = 1
            for w in words[1:]:
                lw = w.lower().rstrip(".")
                if len(lw) == 1 or not lists.blocked(lw) and (lists.listed(lw) or lists.unlisted_ok(lw)):
                    keep += 1
                else:
                    break
            s = m.start("name")
            out.append((s, s + len(" ".join(words[:keep])), "sign_off", 0.7))
    if "(" in text:
        for m in _NAME_THEN_RELATION.finditer(text):  # "WIREMU (son), HINE (daughter)"
            low = m.group("name").lower()
            if lists.blocked(low) or is_english(low, lists.words) and low not in lists.first:
                continue
            # a listed name, or a non-word in capitals ("TUHIWAI (son)"); not "Troponin (mother) negative"
            if not (lists.listed(low) or m.group("name").isupper() and lists.unlisted_ok(low)):
                continue
            out.append((*m.span("name"), "name_relation", 0.7))
        for m in _LAST_FIRST_TITLED.finditer(text):  # "Ngata, Hēmi (Mr)"
            words = [w.lower() for w in regex.split(r"[,\s]+", m.group("name")) if w]
            if any(lists.blocked(w) for w in words):
                continue
            out.append((*m.span("name"), "last_first_titled", 0.75))
    if "(" in text:
        for m in _RELATION_THEN_NAME.finditer(text):
            words = m.group("name").lower().split()
            if any(lists.blocked(w) or is_english(w, lists.words) and w not in lists.any_name for w in words):
                continue
            if all(lists.listed(w) or lists.unlisted_ok(w) or w in _PARTICLES for w in words) and any(
                    lists.listed(w) or len(words) > 1 for w in words):
                out.append((*m.span("name"), "relation_then_name", 0.75))
    for m in _RELATION_BEFORE_NAME.finditer(text):
        word = m.group("name") or m.group("name2")
        low = word.lower()
        if low in _NOT_AFTER_RELATION:
            continue
        # a word-like given name (Blessing, Precious, Amber) from the given-name lists even where the
        # lists block it alone; another word (nurse Practitioner, son Will be) never
        if low in lists.first and low not in _ROLE_VERBS or not lists.blocked(low) and not is_english(low, lists.words) and (
                lists.listed(low) or lists.unlisted_ok(low)):
            span = m.span("name") if m.group("name") else m.span("name2")
            out.append((*span, "relation_before_name", 0.7))
    if "it" in text or "is" in text:
        for m in _ITS_NAME.finditer(text):
            low = m.group("name").lower()
            parts = low.split("-")
            if lists.blocked(low) or is_english(low, lists.words) or all(is_english(p, lists.words) for p in parts):
                continue  # "it's Mei-Ling from": one part may be a word ("ling"), not all
            if lists.listed(low) or lists.unlisted_ok(low) or len(parts) == 2 and _caps_given_ok(low, lists):
                out.append((*m.span("name"), "its_name", 0.7))
    m = _DASH_SIGN_OFF.search(text[-40:]) if len(text) > 20 else None
    if m is not None:
        words = m.group("name").split()
        if words[0] in lists.first and not lists.blocked(words[0]) and not is_english(words[0], lists.words) and all(
                not lists.blocked(w) and (lists.listed(w) or lists.unlisted_ok(w)) for w in words[1:]):
            off = len(text) - len(text[-40:])
            out.append((off + m.start("name"), off + m.end("name"), "dash_sign_off", 0.7))
    for m in _SUBJECT_WORD.finditer(text):
        word = m.group("name")
        low = word.lower()
        if lists.blocked(low) or is_english(low, lists.words) or low in _KIN_WORDS or low in _RELATION_FIELD:
            continue  # "Mom says …": the relation, not a name
        if m.group("verb") and any(is_english(p, lists.words) for p in low.split("-")):
            continue  # before a verb, "Follow-up says" must stay; an age in apposition is evidence enough
        if not (lists.listed(low) or lists.unlisted_ok(low)):
            continue
        out.append((*m.span("name"), "subject_word", 0.65))
    if "bed" in text.lower() or "bay" in text.lower():
        for m in _HANDOVER_PAIR.finditer(text):
            first, last = m.group("first").lower(), m.group("last").lower()
            if first in lists.first and last in lists.last and not (
                    first in _LAB_TERMS or last in _LAB_TERMS or first in _WARD_WORDS or last in _WARD_WORDS):
                out.append((*m.span("name"), "handover_pair", 0.7))
    for m in _CARER_NAME.finditer(text):
        w = m.group("name").lower()
        # (a capitalised "Aide" may open a title, "Aide Memoire": only a listed given name after it)
        loose = not m.group(0).startswith("Aide")
        if w in lists.first and w not in _LAB_TERMS or loose and len(w) >= 4 and lists.unlisted_ok(w) and not is_english(w, lists.words):
            out.append((*m.span("name"), "carer_name", 0.7))
    return out


# A ward handover's patient: a listed given name and a listed surname before the bed, or after the
# bed's number and a dash ("Hope Baker bed 3 —", "Bed 5 - Summer Reed,"), word-like names included.
_HANDOVER_PAIR = regex.compile(
    r"(?:(?<=(?:^|\n)[ \t]*(?i:bed|bay)[ ]?\d{1,3}[A-Za-z]?[ ]*[-–—:][ ]*)(?P<name>(?P<first>\p{Lu}\p{Ll}+)[ ](?P<last>\p{Lu}\p{Ll}+))"
    r"(?=[ ]*[,(—–\-]|[ ]*$)"
    r"|(?<![\w'’\-])(?P<name>(?P<first>\p{Lu}\p{Ll}+)[ ](?P<last>\p{Lu}\p{Ll}+))(?=[ ]\(?(?i:bed|bay)[ ]?\d))",
    regex.MULTILINE,
)
_WARD_WORDS = frozenset({"side", "room", "ward", "unit", "bay", "bed", "lounge", "area", "suite", "wing", "house", "station",
                         "day", "night", "general", "medicine", "surgery", "high", "care", "acute", "short", "stay", "step",
                         "down", "north", "south", "east", "west", "new", "old", "main", "front", "back", "window", "door"})
# A paid carer or helper named by the given name alone: "found by carer Jade", "Helper Marites attends".
_CARER_NAME = regex.compile(
    r"\b(?i:carer|caregiver|care\s+worker|support\s+worker|helper|domestic\s+helper|aide|nanny|housekeeper)[ ]"
    r"(?P<name>\p{Lu}\p{Ll}{2,})(?![\w'’\-])"
)


# ---- names in the shapes forms, faxes and sign-offs give them --------------------------------
#
# "OYELARAN,T", "Ferreira,Joaquim M": a comma with no space between two words is how ward
# lists, lab systems and wristbands join surname and given name; prose never does it.
_GLUED_LAST_FIRST = regex.compile(
    r"(?<![\w'’\-,])(?P<last>\p{Lu}[\p{L}'’\-]*\p{L}),(?P<first>\p{Lu}[\p{L}'’\-]*\p{L}|\p{Lu}\.?)"
    r"(?:[ ](?P<mid>\p{Lu})\.?)?(?![\w'’\-])"
)
# "PATEL MS ANJALI", "JONES MR DAVID": surname, title, given name, as printed on ECGs and labels.
_CAPS_LAST_TITLE_FIRST = regex.compile(
    rf"(?<![\w'’\-])(?P<last>{_CAPS_WORD})[ ](?:MR|MRS|MS|MISS|MSTR|MASTER|DR|MX)\.?[ ](?P<first>{_CAPS_WORD})(?![\w'’\-])"
)
# "A.Kapoor", "T. Nakashima", "- P. Oduya, RN": an initial and a surname.
_INITIAL_SURNAME = regex.compile(r"(?<![\w.'’\-/])(?P<name>\p{Lu}\.[ ]?(?P<last>\p{Lu}\p{Ll}[\p{L}'’\-]*\p{L}))(?![\w'’\-])")
_INITIAL_CUE = regex.compile(r"(?:^|[\n:(]|\b(?:cc|by|Dr|to|from|with)\.?|^\s*-|\n\s*-|[-–—])\s*$")
_DEGREE_AFTER = regex.compile(r"^,?\s*(?:MD|RN|DO|MBBS|MBChB|FRCP|FRCS|PhD|NP|PA|RGN|RM|CNS|APRN|DPM|PharmD)\b")
# Species epithets written after an initial ("H. Pylori", "E. Coli"): never a person.
_SPECIES = frozenset({"pylori", "coli", "aureus", "epidermidis", "pneumoniae", "difficile", "faecalis", "faecium",
                      "influenzae", "typhi", "albicans", "trachomatis", "gonorrhoeae", "vulgaris", "aeruginosa",
                      "jirovecii", "gondii", "vaginalis", "pyogenes", "agalactiae", "meningitidis", "burgdorferi",
                      "pallidum", "monocytogenes", "baumannii", "cloacae", "marcescens", "mirabilis", "cereus"})
# Theodore "Teddy" Winslow: a nickname in quotes between given name and surname.
_NICKNAME = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?P<first>\p{Lu}\p{Ll}+)[ ][\"“'‘](?P<nick>\p{Lu}\p{Ll}+)[\"”'’][ ](?P<last>\p{Lu}\p{Ll}[\p{L}'’\-]*))(?![\w\-])"
)
# "Thanks Rajesh.", "Hello Mahliyo,": one capitalised word after a greeting, ending the clause.
_SALUTATION = regex.compile(
    r"\b(?:[Tt]hanks|[Tt]hank\s+you|[Hh]i|[Hh]iya|[Hh]ello|[Hh]ey|[Dd]ear|[Mm]orning|[Gg]ood\s+(?:morning|afternoon|evening)|"
    r"[Ww]elcome(?:\s+back)?|[Bb]ye|[Tt]ake\s+care),?[ ](?P<name>\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)?)(?=\s*[,.!?:;]|\s*$)"
)
# "lily's dad", "kofi's mum": a given name typed in lower case, owning a relation.
_LOWER_POSSESSIVE = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Ll}{3,})['’]s\s+(?:dad|daddy|mum|mummy|mom|mommy|mother|father|mam|papa|husband|wife|"
    r"son|daughter|brother|sister|partner|carer|nan|nana|gran|granny|grandma|grandpa|auntie|aunt|uncle|teacher)\b"
)
_NOT_POSSESSIVE = frozenset({"patient", "son", "daughter", "baby", "child", "kid", "friend", "neighbour", "neighbor", "boy",
                             "girl", "man", "woman", "wife", "husband", "mum", "mom", "dad"})
# Given names that are also ordinary words, trusted only in this possessive-and-relation shape.
_FLOWER_NAMES = frozenset({"lily", "rose", "daisy", "poppy", "ivy", "holly", "jasmine", "violet", "iris", "hazel", "ruby",
                           "pearl", "amber", "grace", "hope", "faith", "joy", "summer", "autumn", "april", "may", "june",
                           # and other given names that are words ("ruth's carer", "mark's wife")
                           "ruth", "mark", "bill", "jack", "pat", "sue", "ray", "dawn", "rob", "frank", "grant", "gene",
                           "drew", "carol", "sandy", "bob", "max", "rex", "heather", "olive", "robin", "jay", "wade",
                           "heath", "glen", "dean", "cliff", "rod", "norm", "sterling", "pierce", "dot", "peg", "kitty"})
# A cheap stdlib pre-test for the title-in-the-middle shape. (Measured: for the other shapes a
# stdlib pre-test with Unicode letter classes costs more than the `regex` pattern itself.)
_CAPS_TITLE_HINT = re.compile(r"[A-Z] (?:MR|MRS|MS|MISS|MSTR|MASTER|DR|MX)\.? [A-Z]")
# Letter-spaced text from faxes and OCR: "W I L L I A M S ,  T R E V O R".
# A hyphenated part stays in the word: "S E O - Y E O N", "J I - H O O N".
_SPACED_WORD = r"(?:\p{L}(?:[ ]\p{L}){1,}[ ]?-[ ]?\p{L}(?:[ ]\p{L}){1,}|\p{L}(?:[ ]\p{L}){2,})"
_SPACED_RUN = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<run>{_SPACED_WORD}(?:(?:[ ]{{0,3}},[ ]{{1,3}}|[ ]{{2,4}}){_SPACED_WORD}){{0,2}})(?![\p{{L}}\d])"
)
_SPACED_SEP = regex.compile(r"[ ]{0,3},[ ]{1,3}|[ ]{2,4}")
_SPACED_CUE = regex.compile(
    r"(?i:name|surname|forename|first\s*name|last\s*name|given\s*names?|family\s*name|patient|pt|nurse(?:\s+in\s+charge)?|"
    r"doctor|dr|signed(?:\s+by)?|consultant|physician|surgeon|next\s+of\s+kin|nok|contact)\s*[:#\-]?\s*$"
)
_SPACE_RE = regex.compile(r"[ ]+")


def _collapse(spaced: str) -> str:
    """"W I L L I A M S ,  T R E V O R" -> "WILLIAMS, TREVOR" (one space between letters goes)."""
    return " ".join(part.replace(" ", "") for part in _SPACED_SEP.split(spaced.strip()))


def _name_word(w: str, lists: NameLists) -> bool:
    low = w.lower()
    return not lists.blocked(low) and (lists.listed(low) or lists.unlisted_ok(low))


def _spaced_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    out = []
    for m in _SPACED_RUN.finditer(text):
        words = [w.strip(",") for w in _collapse(m.group("run")).split() if w.strip(",")]
        if not words or any(len(w) < 3 for w in words):
            continue
        lows = [w.lower() for w in words]
        if not all(_name_word(w, lists) for w in words) or any(is_english(w, lists.words) and not lists.listed(w) for w in lows):
            continue  # "C O N S E N T   F O R M"
        before = _collapse(_SPACE_RE.sub(" ", text[max(0, m.start() - 40) : m.start()]))
        line = before.split("\n")[-1]
        cued = _SPACED_CUE.search(_SPACE_RE.sub("", line)) is not None or _SPACED_CUE.search(line) is not None
        if not cued and not any(w in lists.first or w in lists.last and not is_english(w, lists.words) for w in lows):
            continue
        out.append((m.start("run"), m.end("run"), "spaced_letters", 0.75))
    return out


# "GONZALEZ , LUIS  ALBERTO": lab printouts pad the comma and the gap before a middle name.
_SPACED_COMMA_CAPS = regex.compile(
    rf"(?<![\w'’\-])(?P<last>{_CAPS_WORD}(?:[ ]{_CAPS_WORD})?)[ ]{{1,3}},[ ]{{1,3}}(?P<first>{_CAPS_WORD})"
    rf"(?:[ ]{{1,3}}(?P<mid>{_CAPS_WORD}(?![ ]*[:#])|\p{{Lu}}\.?(?![\w])))?(?![\w'’\-])"
)
# "REQ DR  KAPOOR A", "Ordering MD  LINDQVIST E", "S/o Ramasamy K": a surname and one initial
# after a clinician or relation label, as request forms and Indian case sheets print them.
_LABEL_SURNAME_INITIAL = regex.compile(
    r"(?:\b(?:DR|MD|CONSULTANT|ATTENDING|PHYSICIAN|SURGEON|REFERRER|REFERRING|ORDERING|REQUESTED\s+BY|SIGNED|RESIDENT|"
    r"Consultant|Attending|Physician|Surgeon|Referrer|Ordering\s+(?:MD|DR|physician|clinician)|Requested\s+by|Resident|"
    # a lab report's staff: "Ordered by: BRAITHWAITE J", "Verified by: OKAFOR C"
    r"(?:Ordered|ORDERED|Reported|REPORTED|Verified|VERIFIED|Authori[sz]ed|AUTHORI[SZ]ED|Reviewed|REVIEWED)\s+(?:by|BY))\b\.?"
    r"|\b[SWDC]/[Oo])[ \t]*[:#\-]?[ \t]*"
    r"(?P<name>(?P<last>\p{Lu}[\p{L}'’\-]*\p{L})[ ](?P<init>\p{Lu})\.?)(?![\w'’\-])"
)
_INITIAL_AFTER_WORD = re.compile(r"[A-Za-z]{3} [A-Z]\.?(?![\w'’\-])")  # the stdlib pre-test of the rule above
# "pt A.B. (bed 9)", "patient R.K.": a patient named by initials only.
_PATIENT_INITIALS = regex.compile(r"\b(?:(?:[Pp]t|PT|[Pp]atient|PATIENT)\.?(?:[ ]+(?:[Ii]nitials|INITIALS))?|[Ii]nitials|INITIALS):?[ ]+(?P<name>\p{Lu}\.[ ]?\p{Lu}\.(?:[ ]?\p{Lu}\.)?)(?![\w])")
# "Fatima your prescription is ready", "Kwame, reminder: …": a text message opened with a given name.
_OPENING_NAME = regex.compile(
    r"\A\s*(?P<name>\p{Lu}\p{Ll}[\p{L}'’]+)(?=,\s|\s+(?:your|ur|you're|youre|you\s+have|you\s+are|reminder|this\s+is)\b)"
)


# "| 2024-03-01 | Okafor, Chidi | …", "Patient:  Lindqvist, Maja": a title-case "Last, First" in a table cell or after a label.
_TITLE_LAST_FIRST = regex.compile(
    # (a clinic list's time opens the line too: "09:40 d'Souza, Anthony", "10:00 Ó Briain, Cian")
    r"(?:^|(?<=[\n|\t:])|(?<=[ ]{2})|(?<=(?:^|\n)[ \t]*\d{1,3}[.)][ ])|(?<=(?:^|\n)[ \t]*[0-2]?\d[:.][0-5]\d[ ]))[ \t]*"
    r"(?P<name>(?P<last>(?:[dDlL]['’]|[ÓÒO]['’]?[ ]|Ní[ ]|Nic[ ]|Mac[ ]|Mc[ ])?\p{Lu}\p{Ll}[\p{L}'’\-]*\p{Ll}),[ ](?P<first>\p{Lu}\p{Ll}[\p{L}'’\-]*\p{Ll})"
    # a second given name after a label: "Patient: Oyelaran, Temitope Adeola"
    r"(?:(?<=[:|][ \t]{0,3}\p{Lu}[\p{L}'’\-]+,[ ]\p{Lu}[\p{L}'’\-]+)[ ](?P<second>\p{Lu}\p{Ll}[\p{L}'’\-]*\p{Ll})(?=[ \t]*(?:[|\n\t;]|[ ]{2}|$)))?)"
    r"(?=[ \t]*(?:[|\n\t;]|[ ]{2}|$|[ ]\p{Lu}\.?(?:[ ]|$))|(?P<on>,[ ](?:\p{Ll}|\d|\p{Lu}{2,}\b|\p{Lu}\p{Ll}+[ ]\d)))"  # not before ", Xx": a list of names goes on
)
# What a title-case "Last, First" with an unlisted given name must follow: a name label's colon
# ("Patient:", "re:", "Member ID holder:", "Name (Last, First):"), a table bar, or a numbered list's
# item number at a line start ("2. Ortiz, Ana").
_LAST_FIRST_LABEL = regex.compile(r"(?:\b(?i:name|patient|pt|re|member|subscriber|insured|client|resident|nok|next\s+of\s+kin|"
                                  r"deceased|decedent|child|infant|mother|father|parent|guardian|contact|donor|recipient|"
                                  r"report|registration|summary)\b[^\n:|]{0,16}:|[|]|(?:^|\n)[ \t]*\d{1,3}[.)]|(?:^|\n)[ \t]*[0-2]?\d[:.][0-5]\d)[ \t]*$")
# A name label's colon alone (not a table bar or a list's item number).
_NAME_LABEL_BEFORE = regex.compile(r"\b(?i:name|patient|pt|re|member|subscriber|insured|client|resident|nok|next\s+of\s+kin|"
                                   r"deceased|decedent|child|infant|mother|father|parent|guardian|contact|donor|recipient)\b[^\n:|]{0,16}:[ \t]*$")
# Talk of diseases, where eponyms are listed.
_DISEASE_WORDS = r"syndromes?|diseases?|disorders?|ddx|differentials?|eponyms?|causes"
_DISEASE_TALK = regex.compile(rf"\b(?i:{_DISEASE_WORDS})\b")
# Or the start of a line, for a romanised given name in syllables ("Park, Ji-hoon").
_LINE_START = regex.compile(r"(?:^|\n)[ \t]*$")


# "Patient: LEE, JI-HOON", "Specimen label: ADEBAYO, T | MRN …": an all-capitals "LAST, FIRST" (a
# hyphenated given name or one initial) after a label or a table bar, closing its field. The
# field ending is what tells it from "Dx: COPD, CHF, DM" running on as a list.
_CUED_CAPS_LAST_FIRST = regex.compile(
    rf"(?:(?<=[:|#])|(?<=^)|(?<=\n))[ \t]*(?P<name>(?P<last>{_CAPS_WORD}(?:[ ]{_CAPS_WORD})?),[ ]?"
    rf"(?P<first>{_CAPS_WORD}|\p{{Lu}}\.?))(?=[ \t]*(?:[|\n\t;(]|[ ]{{2}}|$))",
    regex.MULTILINE,
)


# "Ref Dr: Hsu, Ming-Chieh, Pasadena office", "Attending: Kim, Soo-Jin": a clinician's title-case
# "Last, Given" after a clinician's label, the given name romanised in hyphenated syllables; the
# syllables carry the name where a place or an office may follow it after another comma.
_CLINICIAN_LAST_SYLLABLES = regex.compile(
    r"\b(?:(?i:ref(?:erring|erred\s+by)?|attending|consultant|physician|surgeon|gp|pcp|provider|ordering|requesting|referrer|"
    r"signed\s+by|seen\s+by|reported\s+by|verified\s+by)(?:[ ](?i:dr|md|physician|doctor|clinician|gp))?|Dr|DR|Doctor)"
    r"\.?[ \t]*[:#]?[ \t]*(?P<name>(?P<last>\p{Lu}\p{Ll}{1,11}),[ ](?P<first>\p{Lu}\p{Ll}{1,4}-\p{L}\p{Ll}{1,4}))(?![\w'’\-])"
)


# Endings of English adjectives and nouns of state that a note may put before a comma ("Afebrile,",
# "Diabetic,", "Stable,", "Confused,"): no surname a name label vouches for ends so.
_STATE_SUFFIXES = ("ic", "ile", "ous", "al", "ed", "ing", "ive", "able", "ible", "ent", "ant", "ary", "ory", "ness", "ion",
                   "ful", "less", "ly")


# Findings of state with none of those endings: "Pt: Alert, Priya, 93 yo F", "Pt: Drowsy, Priya, …".
_STATE_WORDS = frozenset({"alert", "drowsy", "frail", "well", "unwell", "calm", "stable", "weak", "pale", "sleepy", "tired",
                          "lucid", "awake", "asleep", "quiet", "thin", "obese", "fit", "sick", "hot", "cold", "clammy",
                          "dry", "wet", "warm", "mobile", "immobile", "chatty", "teary", "weepy", "angry", "happy", "bright",
                          "flat", "low", "slow", "good", "fair", "poor", "fine", "ok", "okay"})


# "Re: Singh, Harpreet HCN …", "Pt Zhang, Xiaoling 91F", "Clinic note: Ong, Jasmine accompanied by …",
# "participant PTCP-0087 (Hsu, Ming-Chieh)": a title-case "Last, Given" straight after a patient's cue,
# whatever follows it (a bracket opens one only before a given name in romanised syllables).
_PATIENT_CUE_LAST_FIRST = regex.compile(
    r"(?:\b(?i:re|pt|patient|name|note|client|participant|resident)\b\.?[ \t]*:?|(?P<bracket>\())[ \t]*"
    r"(?P<name>(?P<last>\p{Lu}\p{Ll}+),[ ](?P<first>\p{Lu}\p{Ll}+(?P<syll>-\p{L}\p{Ll}+)?))(?![\w'’\-]|[ ]\p{Lu}\p{Ll})"
)  # (not before a title-case word: "Patient: Ogunleye, Folake Stable" is left to the rules that weigh it)
# A patient's age, sex, birth date or record number straight after the name: ", 93 yo F", " DOB …", "\nMRN …".
_DEMOGRAPHICS_AFTER = regex.compile(
    r"[,;|]?\s{0,3}(?:\d{1,3}\s?(?:yo|y/o|y\.o\.|yrs?|years?|[MF]\b)|(?i:dob|d\.o\.b\.?|born|mrn|nhs|age)\b|\(\d{1,3}\s?[MF]?\))")


def _caps_given_ok(first: str, lists: NameLists) -> bool:
    """A capitals given name: an initial, a listed name, or unlisted parts that are no English word."""
    f = first.lower().rstrip(".")
    if len(f) == 1:
        return True
    if lists.blocked(f):
        return False
    parts = [p for p in f.split("-") if p]
    # "JI-HOON", "XIAO-MEI": romanised given names in short hyphenated syllables are in no list.
    return lists.listed(f) or len(parts) >= 2 and all(
        2 <= len(p) <= 5 and not lists.blocked(p) and regex.search(r"[aeiouy]", p) for p in parts)


def _surname_ok(w: str, lists: NameLists) -> bool:
    return len(w) >= 3 and not lists.blocked(w) and not is_english(w, lists.words) and (lists.listed(w) or lists.unlisted_ok(w))


def _extra_form_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    out: list[tuple[int, int, str, float]] = []
    if "," in text:
        for m in _SPACED_COMMA_CAPS.finditer(text):
            last_words = m.group("last").lower().split()
            first = m.group("first").lower()
            if not all(_surname_ok(w, lists) or w in _PARTICLES for w in last_words) or lists.blocked(first):
                continue
            if not (first in lists.first or lists.unlisted_ok(first)) or is_english(first, lists.words) and first not in lists.first:
                continue
            before = text[max(0, m.start() - 30) : m.start()].rstrip()
            cued = before.endswith(":") or _CAPS_CUE.search(before + " ") is not None
            if cued or any(w in lists.last for w in last_words) or first in lists.first:
                out.append((m.start(), m.end(), "spaced_comma_caps", 0.75))
        for m in _CUED_CAPS_LAST_FIRST.finditer(text):
            lasts = m.group("last").lower().split()
            if all(_surname_ok(w, lists) or w in lists.last and not lists.blocked(w) or w in _PARTICLES for w in lasts) and any(
                    w in lists.last or len(w) >= 5 for w in lasts) and _caps_given_ok(m.group("first"), lists):
                out.append((*m.span("name"), "cued_caps_last_first", 0.75))
    for m in _LABEL_SURNAME_INITIAL.finditer(text) if _INITIAL_AFTER_WORD.search(text) else ():
        last = m.group("last").lower()
        if _surname_ok(last, lists) and (last in lists.last or last in lists.first or len(last) >= 5):
            out.append((*m.span("name"), "label_surname_initial", 0.7))
    if "." in text:
        for m in _PATIENT_INITIALS.finditer(text):
            out.append((*m.span("name"), "patient_initials", 0.7))
    if ", " in text:
        for m in _TITLE_LAST_FIRST.finditer(text):
            last, first = m.group("last").lower(), m.group("first").lower()
            labelled = _NAME_LABEL_BEFORE.search(text, max(0, m.start("name") - 30), m.start("name")) is not None
            if lists.blocked(first) or lists.blocked(last) and not (
                    labelled and first in lists.first and not is_english(first, lists.words)):
                continue  # a blocked surname only after a name label, before a given name: "Patient: Turner, Addison"
            second = (m.group("second") or "").lower()
            if second and (lists.blocked(second) or is_english(second, lists.words)
                           or not (lists.listed(second) or lists.unlisted_ok(second))):
                continue  # "Patient: Oyelaran, Temitope Adeola" but not "…, Temitope Stable"
            eponyms = (last in _EPONYMS or last in _EPONYMS_ALL) + (first in _EPONYMS or first in _EPONYMS_ALL)
            if m.group("on") and eponyms:
                continue  # "Summary: Crohn, Behcet, DVT": a list of eponyms runs on like a name
            if eponyms and (eponyms == 2 or first not in lists.first and _DISEASE_TALK.search(text)) and not labelled:
                continue  # "1. Conn, Bartter" in a list of syndromes: an eponym, and no given name or name label beside it
            # after a name label a listed given name that is no English word vouches for a surname the
            # dictionary happens to hold ("Pt: Begay, Lorraine, 93 yo F")
            vouched = (labelled and first in lists.first and not is_english(first, lists.words) and not lists.blocked(last)
                       and last not in _LAB_TERMS and not _clinical_prefix(last) and last not in _EPONYMS_ALL
                       and not last.endswith(_STATE_SUFFIXES)  # not "Patient: Afebrile, Priya", a finding
                       and last not in _STATE_WORDS and last not in zh_lexicon.CLINICAL_WORDS_EN  # nor "Pt: Alert, Priya"
                       and _DEMOGRAPHICS_AFTER.match(text, m.end("name")) is not None)
            if first not in lists.first or m.group("on"):
                # "Patient: Tanaka, Haruto", "re: Obi, Chukwuemeka, seen …": an unlisted given name
                # (no English word, or romanised syllables "Ji-hoon") after a name label
                if _LAST_FIRST_LABEL.search(text, max(0, m.start("name") - 30), m.start("name")) is None and not (
                        "-" in first and _caps_given_ok(first, lists) and _LINE_START.search(text, 0, m.start("name"))):
                    continue
                if not (_caps_given_ok(first, lists) or lists.unlisted_ok(first)) or is_english(first, lists.words):
                    continue
                if not (last in lists.last or _surname_ok(last, lists) or vouched):
                    continue
            if (is_english(last, lists.words) and last not in lists.last or not (lists.listed(last) or lists.unlisted_ok(last))) and not vouched:
                continue
            # (after a name label above a place the words also name: "Patient: Turner, Addison")
            out.append((*m.span("name"), "title_last_first", 0.8 if labelled else 0.7))
    if ", " in text:
        for m in _PATIENT_CUE_LAST_FIRST.finditer(text):
            last, first = m.group("last").lower(), m.group("first").lower()
            if lists.blocked(last) or last not in lists.last or last in _EPONYMS_ALL or lists.blocked(first):
                continue
            if m.group("syll"):
                ok = _caps_given_ok(m.group("first"), lists)
            else:
                ok = not m.group("bracket") and (first in lists.first or lists.unlisted_ok(first)) and (
                    not is_english(first, lists.words) and first not in _EPONYMS_ALL)
            if ok:
                out.append((*m.span("name"), "patient_cue_last_first", 0.75))
    if ", " in text and "-" in text:
        for m in _CLINICIAN_LAST_SYLLABLES.finditer(text):
            last = m.group("last").lower()
            parts = m.group("first").lower().split("-")
            if last in _EPONYMS_ALL or is_english(parts[-1], lists.words) and parts[-1] not in lists.first:
                continue  # "Dr: Guillain, Barre-Like", "Consultant: Kim, Non-Smoker": an eponym or a word, not syllables
            if _caps_given_ok(m.group("first"), lists) and (
                    last in lists.last and not lists.blocked(last) or _surname_ok(last, lists)):
                out.append((*m.span("name"), "clinician_last_syllables", 0.75))
    m = _OPENING_NAME.match(text)
    if m is not None:
        w = m.group("name").lower()
        if w in lists.first and not lists.blocked(w) and not is_english(w, lists.words):
            out.append((*m.span("name"), "opening_name", 0.7))
    return out


def find_form_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """(start, end, how, score) of names in form shapes: "LAST,First", "LAST MS FIRST",
    "A.Kapoor", nicknames in quotes, a name after a greeting, letter-spaced names."""
    out: list[tuple[int, int, str, float]] = []
    if "," in text:
        for m in _GLUED_LAST_FIRST.finditer(text):
            last, first = m.group("last").lower(), m.group("first").rstrip(".").lower()
            if len(last) < 3 or lists.blocked(last) or len(first) > 1 and lists.blocked(first):
                continue
            if not (lists.listed(last) or lists.unlisted_ok(last)):
                continue
            before = text[max(0, m.start() - 30) : m.start()].rstrip()
            cued = before.endswith(":") or _CAPS_CUE.search(before + " ") is not None
            if len(first) > 1 and not (lists.listed(first) or lists.unlisted_ok(first)):
                # "PATIENT: N'DIAYE,AWA": after a label, a surname of a particle shape carries a given name
                # that happens to be a word
                if not (cued and _ELIDED.match(last) and lists.unlisted_ok(last)):
                    continue
            if is_english(last, lists.words) and (len(first) == 1 or is_english(first, lists.words)):
                continue  # "Yes,Doctor", "Note,B"
            known = last in lists.last or first in lists.first
            if not (known or cued):
                continue
            if len(first) == 1 and not (cued or last in lists.last and not is_english(last, lists.words)):
                continue  # "ABC,D": an initial needs a field label or a listed surname
            out.append((m.start(), m.end(), "glued_last_first", 0.75))
    if _CAPS_TITLE_HINT.search(text) is not None:
        for m in _CAPS_LAST_TITLE_FIRST.finditer(text):
            last, first = m.group("last").lower(), m.group("first").lower()
            if lists.blocked(last) or lists.blocked(first):
                continue
            if (first in lists.first or last in lists.last) and _name_word(last, lists) and _name_word(first, lists):
                out.append((m.start(), m.end(), "caps_last_title_first", 0.75))
    if "." in text:
        for m in _INITIAL_SURNAME.finditer(text):
            last = m.group("last").lower()
            if lists.blocked(last) or last in _SPECIES or is_english(last, lists.words):
                continue
            glued = m.group("name")[2:3] != " "
            before = text[max(0, m.start() - 12) : m.start()]
            cued = _INITIAL_CUE.search(before) is not None or _DEGREE_AFTER.match(text, m.end()) is not None
            double = "-" in last and all(p in lists.last for p in last.split("-"))  # "R. Castellanos-Vidal"
            if last in lists.last or double or (lists.unlisted_ok(last) and (glued or cued or len(last) >= 6)):
                out.append((*m.span("name"), "initial_surname", 0.7))
    if '"' in text or "“" in text or "'" in text or "‘" in text:
        for m in _NICKNAME.finditer(text):
            first, last = m.group("first").lower(), m.group("last").lower()
            if lists.blocked(first) or lists.blocked(last):
                continue
            if first in lists.first and (lists.listed(last) or lists.unlisted_ok(last)):
                out.append((*m.span("name"), "nickname", 0.8))
    for m in _SALUTATION.finditer(text):
        w = m.group("name").lower()
        if lists.blocked(w) or any(is_english(p, lists.words) for p in w.split("-")):
            continue
        if lists.listed(w) or lists.unlisted_ok(w):
            out.append((*m.span("name"), "salutation", 0.7))
    if "'s " in text or "’s " in text:
        for m in _LOWER_POSSESSIVE.finditer(text):
            w = m.group("name")
            if w in _NOT_POSSESSIVE or lists.blocked(w) and w not in _FLOWER_NAMES:
                continue
            if w in lists.first and (not is_english(w, lists.words) or w in _FLOWER_NAMES) or lists.unlisted_ok(w):
                out.append((*m.span("name"), "lower_possessive", 0.65))
    out.extend(_spaced_names(text, lists))
    out.extend(_extra_form_names(text, lists))
    out.extend(find_shape_names(text, lists))
    return out


# ---- names in shapes of their own: Irish particles, French compound given names, Hangul and Han -----
# "Siobhán Ní Bhriain", "Cathal Ó Súilleabháin", "Gráinne Mac Giolla Phádraig": the particle (with its
# accent) is never an English word, so the shape alone is a name whatever the lists hold.
_IRISH_PARTICLE = regex.compile(
    r"(?<![\w'’\-])(?P<first>\p{Lu}[\p{L}'’\-]*\p{L})[ ](?:N[ií]|NÍ|Nic|NIC|Ó|Ua|U[ií]|UÍ|Mhic|MHIC|Bean[ ]U[ií]|"
    r"Mac[ ]Giolla|MAC[ ]GIOLLA)[ ](?P<last>\p{Lu}[\p{L}'’\-]*\p{L})(?![\w'’\-])"
)
# "Jean-François Tremblay", "Marie-Ève", "Anne-Sophie": two listed given names joined by a hyphen.
_HYPHEN_GIVEN = regex.compile(
    r"(?<![\w'’\-])(?P<given>\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+)(?:[ ](?P<last>\p{Lu}\p{Ll}[\p{L}'’\-]*\p{L}))?(?![\w'’\-])"
)
# "E. VANDERMEER, MD", "J. DE LA CRUZ, RN", "K. NAKAMURA-ELLIS": an initial and a capitals surname.
_CAPS_INITIAL_SURNAME = regex.compile(
    r"(?<![\w.'’\-])(?P<name>(?:\p{Lu}\.[ ]?){1,2}(?P<last>(?:(?:DE|DA|DI|DU|DEL|DELA|LA|LE|VAN|VON|DER|MC|MAC|ST\.?)[ ])*"
    r"\p{Lu}[\p{Lu}'’]+(?:-\p{Lu}[\p{Lu}'’]+)?))(?![\w'’\-])"
)
_CAPS_INITIAL_CUE = regex.compile(r"(?i:signed|by|pathologist|radiologist|surgeon|physician|attending|consultant|gp|"
                                  r"patient|pt|name|witness|reviewed|dictated|cc)\b\.?:?\s*$")
_NAME_DEGREE = regex.compile(r",?[ ]?(?:MD|M\.D\.|RN|DO|MBBS|MB[ ]?ChB|FRCP|FRCS|PhD|NP|PA(?:-C)?|RGN|RM|CNS|APRN|DPM|PharmD|"
                             r"DNP|CRNA|RPh|BSN|MSN|LPN|LVN|CNM|PT|OT|SLP|DDS|DMD|OD|FNP(?:-BC)?)\b")
# "Aoife McGillicuddy, RN": a capitalised pair or triple closed by a clinical degree.
_PAIR_DEGREE = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}[\p{L}'’]*\p{L}(?:[ ]\p{Lu}[\p{L}'’]*\p{L}(?:-\p{Lu}[\p{L}'’]*\p{L})?){1,2})(?=,?[ ]?"
    r"(?:MD|RN|DO|MBBS|MBChB|NP|PA-C|PA|RGN|CNS|APRN|DNP|CRNA|RPh|LPN|CNM|PharmD)\b)"
)
# "o'neill, siobhan", "mcdonagh, niamh": a lower-case "last, first"
_LOWER_LAST_FIRST = regex.compile(
    r"(?<![\w'’\-,])(?P<last>\p{Ll}[\p{Ll}'’\-]*\p{Ll}),[ ](?P<first>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?![\w'’\-])"
)
_GAELIC_SURNAME = regex.compile(r"^(?:o['’]|mc|mac|fitz|ní|ó)\p{Ll}{3,}")
_LOWER_LF_CUE = regex.compile(r"(?:^|\n|[:;(]|\b(?:pt|patient|is|re|for|name|called)\b\.?)\s*$")
# "my dad frank he's …", "my husband raj has had …": a given name, even an English word, between a
# relation word and a verb of the person.
_KIN_THEN_VERB = regex.compile(
    r"(?i:\bmy\s+(?:husband|husbnd|husb|hubbie|hubby|wife|son|daughter|dad|daddy|father|mum|mom|mother|brother|sister|partner|grandma|grandpa|"
    r"grandad|granddad|grandmother|grandfather|granny|nan|nana|aunt|auntie|aunty|uncle|(?:mother|father)[\s\-]in[\s\-]law))"
    r"\s+(?P<first>\p{Ll}[\p{Ll}'’]+\p{Ll})(?=\s*(?:,|\(|\d|(?i:he|she|he's|she's|hes|shes|has|had|is|was|keeps|kept|who|got|"
    r"gets|started|took|takes|fell|can't|cant|won't|wont|doesn't|doesnt|needs|needed|just|also)\b))"
)
_KIN_NOT_NAMES = frozenset({"is", "was", "has", "had", "also", "just", "still", "really", "always", "never", "now", "then",
                            "too", "who", "he", "she", "and", "but", "said", "says", "thinks", "will", "may", "can", "might",
                            "must", "should", "would", "could", "did", "does", "got", "gets", "keeps", "recently", "suddenly"})
# Korean names in Hangul ("박지훈"): a surname syllable and one to three more, alone in a Latin text.
_KOREAN_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용")
_HANGUL_RUN = regex.compile(r"(?<![\p{Hangul}])[\p{Hangul}]{2,4}(?![\p{Hangul}])")
# Chinese names in Han script inside an English text ("my grandma 刘凤琴 who is 96").
# The Chinese side's surname list, plus 于 and 向, which it leaves out only because they are
# function words inside Chinese prose.
_CHINESE_SURNAMES = frozenset(zh_lexicon.SURNAMES_1) | frozenset("于向")
_HAN_RUN = regex.compile(r"(?<![\p{Han}])(?P<run>[\p{Han}]{2,3})(?![\p{Han}])")


def _han_name_run(run: str) -> bool:
    """A surname opens the Han run, and it is no clinical word that opens with one (高血压, 黄连素)."""
    if run[0] not in _CHINESE_SURNAMES or run.startswith(zh_lexicon.CLINICAL_PREFIXES_ZH):
        return False
    return not any(ch in zh_lexicon.NEVER_IN_GIVEN_NAME or ch in zh_lexicon.NOT_GIVEN_NAME_CHARS for ch in run[1:])


_HAN_NAME_CUE = regex.compile(
    # with or without "my": "my grandma 刘凤琴", "Husband 张伟 visited", "Mother: 王芳"
    r"(?i:\b(?:(?:my|our|his|her)\s+)?(?:grandma|grandpa|grandmother|grandfather|granny|nan|mother|mom|mum|father|dad|"
    r"husband|wife|son|daughter|aunt|uncle|brother|sister|mother-in-law|father-in-law)\s*:?|name\s*(?:is|:)|patient:?|pt:?|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?)\s*$"
)


_DEVICE_WORD_AFTER = regex.compile(
    r"['’]?s?\s+(?:drains?|catheters?|tubes?|procedure|operation|repair|syndrome|disease|test|sign|score|scale|criteria|"
    r"classification|fracture|stain|technique|valve|shunt|splint|manoeuvre|maneuver|reflex|forceps|retractor|mask)\b"
)


# "Park Ji-woo", "Kim Min-jun", "Lee Seo-yeon": a romanised Korean name, surname first, given name hyphenated.
_KOREAN_ROMAN = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?:Kim|Lee|Yi|Park|Pak|Choi|Choe|Jung|Jeong|Chung|Kang|Cho|Jo|Yoon|Yun|Jang|Chang|Lim|Im|Han|Oh|"
    r"Seo|Suh|Shin|Sin|Kwon|Hwang|Ahn|An|Song|Yoo|Yu|Ryu|Hong|Jeon|Jun|Ko|Go|Moon|Mun|Yang|Son|Sohn|Bae|Baek|Paik|Heo|Huh|"
    r"Nam|Noh|Roh|Ha|Kwak|Sung|Cha|Joo|Ju|Woo|Koo|Min|Jin|Na|Ji|Eom|Um|Chae|Won|Bang|Gong|Hyun|Byun|Yeo|Choo|Do|So|Seok)"
    r",?[ ]\p{Lu}\p{Ll}{1,5}-\p{Ll}{2,5})(?![\w'’\-])"
)
# The same typed in lower case in a chat ("kim soo-yeon", "lee min-jun"): only surnames that are no
# English word, and a given name whose two parts are romanised Korean syllables, so that
# "son re-do" and "lee follow-up" stay text.
_KO_SYLLABLE = r"(?:[bcdghjkmnprstwy]|ch|jj|kk|pp|ss|tt)?(?:ae|eo|eu|oe|oo|ui|yae|yeo|ya|ye|yo|yu|wae|wa|we|wo|wi|[aeiou])(?:ng|[nklmpt])?"
_KOREAN_ROMAN_LOWER = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?:kim|lee|choi|choe|jung|jeong|chung|kang|yoon|jang|chang|lim|kwon|hwang|ahn|yoo|ryu|hong|"
    rf"jeon|baek|heo|kwak|shin|seo|suh|cho|bae|noh|joo|koo)[ ]{_KO_SYLLABLE}-{_KO_SYLLABLE})(?![\w'’\-])"
)


_FRENCH_ACCENT = regex.compile(r"[éèêëçàâîïôûüÉÈÊÇÀÂÎÔÛ]")
_HYPHEN_CUE = regex.compile(
    r"(?i:\b(?:wife|husband|son|daughter|mother|father|mum|mom|dad|sister|brother|partner|patient|pt|name|mr|mrs|ms|miss|dr|"
    r"nurse|friend|baby|child|niece|nephew|aunt|uncle)\b\.?:?|[:(])\s*$"
)


def _fold(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).lower()


def _given(word: str, lists: NameLists) -> bool:
    return word.lower() in lists.first or _fold(word) in lists.first


def find_shape_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """(start, end, how, score) of names whose shape alone says so (see the patterns above)."""
    out: list[tuple[int, int, str, float]] = []
    if "Ó" in text or "N" in text or "Mac" in text or "U" in text:
        for m in _IRISH_PARTICLE.finditer(text):
            first = m.group("first")
            if lists.blocked(first.lower()) and not _given(first, lists):
                continue
            s = m.start()
            if first.lower().rstrip(".") in ("dr", "mr", "mrs", "ms", "miss", "prof"):
                s = m.start("first") + len(first) + 1
            out.append((s, m.end(), "irish_particle", 0.8))
    if "-" in text:
        for m in _HYPHEN_GIVEN.finditer(text):
            a, b = m.group("given").split("-")
            if not (_given(a, lists) and _given(b, lists)) or lists.blocked(a.lower()) or lists.blocked(b.lower()):
                continue
            if _DEVICE_WORD_AFTER.match(text, m.end("given")):
                continue  # "Jackson-Pratt drain", "Guillain-Barré syndrome": an eponym pair
            e = m.end("given")
            last = m.group("last")
            if not (last or _FRENCH_ACCENT.search(m.group("given")) or _HYPHEN_CUE.search(text, max(0, m.start() - 24), m.start())):
                continue  # "Valentine-Murray invested": a firm named after two people, not a given name
            if last and not lists.blocked(last.lower()) and (last.lower() in lists.last or _fold(last) in lists.last
                                                              or lists.unlisted_ok(_fold(last))):
                e = m.end("last")
            out.append((m.start(), e, "hyphen_given", 0.75))
    if "." in text:
        for m in _CAPS_INITIAL_SURNAME.finditer(text):
            last = m.group("last").split()[-1].lower()
            degree = _NAME_DEGREE.match(text, m.end()) is not None
            cued = _CAPS_INITIAL_CUE.search(text, max(0, m.start() - 20), m.start()) is not None
            if len(last) < 3 or last in _SPECIES or lists.blocked(last.split("-")[0]):
                continue
            if degree or cued and (lists.listed(last) or lists.unlisted_ok(last)):
                out.append((*m.span("name"), "caps_initial_surname", 0.75))
    for m in _PAIR_DEGREE.finditer(text):
        words = [w for part in m.group("name").split() for w in part.split("-")]
        if any(lists.blocked(w.lower()) for w in words):
            continue
        if all(_given(w, lists) or w.lower() in lists.last or lists.unlisted_ok(_fold(w)) for w in words):
            out.append((*m.span("name"), "name_degree", 0.75))
    if "," in text:
        for m in _LOWER_LAST_FIRST.finditer(text):
            last, first = m.group("last"), m.group("first")
            if lists.blocked(last) or lists.blocked(first) or not _given(first, lists):
                continue
            if is_english(first, lists.words) and is_english(last, lists.words):
                continue
            strong = _GAELIC_SURNAME.match(last) is not None or last in lists.last and not is_english(last, lists.words)
            cued = _LOWER_LF_CUE.search(text, max(0, m.start() - 12), m.start()) is not None
            if strong and (cued or not is_english(first, lists.words)) or cued and lists.unlisted_ok(last):
                out.append((m.start(), m.end(), "lower_last_first", 0.7))
    for m in _KIN_THEN_VERB.finditer(text):
        w = m.group("first")
        if w in _KIN_NOT_NAMES or w in _ROLE_VERBS or not (_given(w, lists) or w in lists.last):
            continue  # "raj" is listed as a surname only; the relation word makes it a given name here
        if lists.blocked(w) and not (w in lists.any_name and len(w) >= 3):
            continue
        out.append((*m.span("first"), "kin_then_verb", 0.65))
    if "-" in text:
        out.extend((*m.span("name"), "korean_roman", 0.75) for m in _KOREAN_ROMAN.finditer(text))
        out.extend((*m.span("name"), "korean_roman_lower", 0.7) for m in _KOREAN_ROMAN_LOWER.finditer(text))
    for m in _HANGUL_RUN.finditer(text):
        if m.group()[0] in _KOREAN_SURNAMES:
            out.append((m.start(), m.end(), "hangul_name", 0.7))
    for m in _HAN_RUN.finditer(text):
        run = m.group("run")
        if not _han_name_run(run):
            continue
        if len(run) == 3 or _HAN_NAME_CUE.search(text, max(0, m.start() - 30), m.start()):
            out.append((m.start(), m.end(), "han_name_in_latin", 0.65))
    out.extend(find_more_names(text, lists))
    return out


# ---- chat names after greetings and reported speech; names in shapes of other traditions ---------
# "thanks priya!!", "hi bilal,", "cheers tomasz": a greeting or thanks, then one listed given name
# that is no English word, then the clause ends ("thanks mate", "hi doc" stay text: English words).
_GREETING_NAME = regex.compile(
    r"(?i:\b(?:(?:thanks|thank\s+(?:you|u)|thx|ty|tysm)(?:\s+(?:so|very)\s+much|\s+again|\s+a\s+lot|\s+heaps)?|"
    r"hi|hii+|hello|hey|heya|hiya|dear|cheers|morning|evening|bye|ok|okay|love\s+(?:you|u|ya)|miss\s+(?:you|u)))"
    r"[ ,]+(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?=\s*(?:[!,.?:;)]|$|\n|\s+(?:its|it's|this|i|im|i'm|your|u|you|again|x+|xo+)\b))"
)
# "… sorry wrong number, from funmi": a message signed with "from" and a given name at its very end.
_FROM_SIGN_OFF = regex.compile(r"\bfrom\s+(?P<name>\p{Ll}[\p{Ll}'’\-]{2,})\s*[.!~x]*\s*$")
# "pt is bilal 16yo", "next of kin tomasz", "nok agnieszka": a cue whose next word is the name.
_LOWER_ROLE_CUE = regex.compile(
    r"(?i:\b(?:pt|patient|client|resident|baby|child)\s+is|\bnext\s+of\s+kin|\bnok|\bemergency\s+contact|\bcontact\s+person)"
    r"\s*[:\-]?\s*(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?![\w'’\-])"
)
# "jess said i shld …", "so amaka told me": a lower-case given name, then a verb of reported speech.
_LOWER_SAID = regex.compile(
    r"(?:^|(?<=[.!?,;]\s{1,3})|(?<=\b(?:so|and|but|ok|okay|lol|also|then)\s))(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})"
    r"(?=\s+(?:said|says|told|tells|asked|asks|thinks|reckons|wants|texted|messaged|rang|called)\b)"
)
_NOT_SPEAKERS = frozenset({"he", "she", "they", "we", "someone", "everyone", "somebody", "nobody", "doctor", "doc", "nurse",
                           "gp", "dr", "pharmacist", "chemist", "midwife", "mum", "mom", "dad", "mam", "nan", "gran", "hubby",
                           "wife", "husband", "partner", "son", "daughter", "sister", "brother", "boss", "friend", "teacher",
                           "physio", "surgeon", "specialist", "consultant", "receptionist", "it", "that", "this", "who",
                           "which", "everybody", "bf", "gf", "bestie", "mate", "babe"})
# "mrs kowalczyk (agnieszka)", "mr obi (chidi)": the given name in brackets after a titled surname.
_TITLED_LOWER_BRACKET = regex.compile(
    r"\b(?:mr|mrs|ms|miss|mx|dr)\.?\s+\p{Ll}[\p{Ll}'’\-]*\p{Ll}\s*\((?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})\)"
)
# "its chidinma again", "hey it's obiageli here": a caller naming herself before "again"/"here".
_ITS_LOWER_AGAIN = regex.compile(
    r"\b(?:its|it's|it’s|this\s+is)\s+(?P<name>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?=\s+(?:again|here|from|calling|speaking)\b)"
)
# "NAKAMURA, HARUTO", "OKAFOR, CHIDINMA" after a field cue: a surname and a given name, both in
# capitals, that no name list need hold (the cue and the comma shape are the evidence).
_CAPS_LAST_CAPS_FIRST = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}[\p{Lu}'’\-]*\p{Lu},[ ]?\p{Lu}[\p{Lu}'’\-]*\p{Lu}(?:[ ]\p{Lu}[\p{Lu}'’\-]*\p{Lu})?)(?![\w'’\-])"
)
_CAPS_FIELD_CUE = regex.compile(
    r"(?i:\b(?:name|patient|pat[1il]ent|pt|re|member|client|resident|subscriber|insured|nok)\b)\s*[:#\-]?\s*$"
)
# OCR'd surnames in capitals, with 0 for O and 1 for I, and a detached "Mc"/"Mac": "Mc G0VERN, Ewan",
# "MAC D0NALD, Iain", "O'C0NNOR, Aoife". A listed given name after the comma vouches for it.
_OCR_LAST_FIRST = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?:(?:Ma?c|MA?C|O['’])[ ]?)?\p{Lu}[\p{Lu}01'’\-]*\p{Lu},[ ]?(?P<first>\p{Lu}\p{Ll}{2,}))(?![\w'’\-])"
)
# Scottish and Irish surnames with an inner capital after a listed given name: "Hamish MacLeod",
# "Callum McAllister", "Niamh FitzGerald", "Sean O'Donoghue".
_GAELIC_PAIR = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?P<first>\p{Lu}\p{Ll}{2,})[ ](?:Ma?c|Fitz|O['’])\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}{2,})?)(?![\w'’\-])"
)
_NOT_GAELIC = frozenset({"macbook", "macos", "macmillan", "mcdonald's", "mcdonalds"})
# Welsh patronymics: "Rhys ap Gruffydd", "Dafydd ab Owain", "Angharad ferch Rhys".
_WELSH_PATRONYMIC = regex.compile(
    r"(?<![\w'’\-])(?P<first>\p{Lu}\p{Ll}{2,})[ ](?:ap|ab|ferch|verch)[ ](?P<last>\p{Lu}\p{Ll}{2,})(?![\w'’\-])"
)
# Lakota, Cheyenne, Navajo and other Native American surnames made of a descriptor and a noun:
# "Winona Two Bears", "Joseph Two Moons", "Mary Spotted Eagle", "Tom Iron Shell". Both words are
# English, so only a listed given name before them and these closed word lists mark the name.
_NATIVE_DESCRIPTOR = (r"(?:Two|Three|Four|Five|Little|Big|Red|White|Black|Yellow|Blue|Gr[ae]y|Spotted|Running|Standing|"
                      r"Sitting|Many|Crazy|Iron|Lone|Young|Old|Brave|Tall|Swift|Kills|Walking|Flying|Chasing|Morning|"
                      r"Rising|Charging|Looking|Hollow|Bird|Eagle|Bear|Elk|Wolf|Crow|Hawk|Holy|High|Long|Fast|Good|Bull)")
_NATIVE_NOUN = (r"(?:Bears?|Eagles?|Horses?|Elk|Wol(?:f|ves)|Clouds?|Feathers?|Moons?|Stars?|Hawks?|Crows?|Bulls?|Buffalo|"
                r"Deer|Fox|Thunder|Water|Shield|Shell|Hearts?|Hands?|Arrows?|Rabbit|Owl|Sky|Tail|Robe|Lance|Dogs?|Fire|"
                r"Wind|Plume|Cow|Bird|Coyote|Otter|Turtle|Bow|Knife|Mountain|Woman|Boy|Runner|Walker|Hoop)")
_NATIVE_NAME = regex.compile(
    rf"(?<![\w'’\-])(?P<name>(?P<first>\p{{Lu}}\p{{Ll}}{{2,}})[ ]{_NATIVE_DESCRIPTOR}[ ]{_NATIVE_NOUN})(?![\w'’\-])"
)
# "Velasquez-Moreno, Ana Lucía", "García-López, María": a double surname of two listed surnames, a
# comma, and a listed given name (and a second given name), with no cue needed.
_DOUBLE_LAST_FIRST = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?P<last>\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+),[ ](?P<first>\p{Lu}\p{Ll}+)(?:[ ](?P<second>\p{Lu}\p{Ll}+))?)(?![\w'’\-])"
)
# "Ó Súilleabháin, Niamh", "Mac Giolla, Seán", "Ní Bhriain, Aoife": an Irish particle, the surname, then the given name.
_IRISH_LAST_FIRST = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?:Ó|O|Ní|Nic|Mac|Mc|Ua|Uí)[ ]\p{Lu}[\p{L}'’\-]+,[ ](?P<first>\p{Lu}\p{Ll}[\p{L}'’\-]*))(?![\w'’\-])"
)
# "Balasubramanian K.", "Ogunleye T.": a surname and one initial after a field or line start (South
# Indian and West African notes put the initial last).
_SURNAME_THEN_INITIAL = regex.compile(
    r"(?:^|(?<=[\n:;]\s{0,2}))(?P<name>(?P<last>\p{Lu}\p{Ll}{3,})[ ]\p{Lu}\.)(?=\s|$)"
)
# Speakers of a chat transcript: "Dilnoza: mum's creatinine …\nRustam: did Dr Kaur …". A word opening
# two or more lines before a colon is a speaker when it is no English, clinical or label word.
_SPEAKER = regex.compile(r"(?m)^[ \t]*" + _CHAT_LINE_PREFIX + r"(?P<name>\p{Lu}\p{Ll}{2,}(?:[ ]\p{Lu}\p{Ll}{2,})?):[ ]")
# Roles that speak in a transcript ("Caregiver:", "Doctor:", "Patient:"), not names.
_ROLE_SPEAKERS = frozenset({"caregiver", "carer", "patient", "doctor", "nurse", "parent", "guardian", "user", "assistant",
                            "bot", "agent", "clinician", "provider", "staff", "admin", "receptionist", "interpreter",
                            "pharmacist", "therapist", "counsellor", "counselor", "physician", "resident", "member",
                            "caller", "client", "customer", "operator", "moderator", "host", "me", "you", "q", "a"})
# A nickname in quotes beside the full name in brackets: '"Bubba" (Robert Lee Tillman)',
# 'Robert Tillman ("Bubba")'. The quotes and the bracketed name make the word a name.
_QUOTED_NICK_BRACKET = regex.compile(
    r"[\"“](?P<nick>\p{Lu}\p{Ll}{2,})[\"”]\s*\((?P<full>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}[\p{Ll}'’\-]+){1,3})\)"
    r"|(?P<full2>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}[\p{Ll}'’\-]+){1,3})\s*\([\"“](?P<nick2>\p{Lu}\p{Ll}{2,})[\"”]\)"
)
# A Chinese name in Han script glossing a romanised one: "Li Mei (李梅)", "wei chen 陈伟".
_HAS_HAN = regex.compile(r"\p{Han}")
_HAN_GLOSS = regex.compile(r"(?P<latin>\p{Latin}[\p{Latin}'’\-]*)\s?(?:[(（]\s?)?(?P<run>\p{Han}{2,3})(?![\p{Han}])")


def _eponym_word(word: str) -> bool:
    """A test, sign or score named after someone ("babinski", "romberg", "gleason"): a label in an exam
    list ("Romberg: negative"), a finding after "pt is", or a name field filled with one."""
    return word in _EPONYMS


_EPONYMS = frozenset(w.lower() for w in EPONYM_TESTS_EN | SCORE_EPONYMS_EN)
_EPONYMS_ALL = frozenset(w.lower() for w in zh_lexicon.EPONYMS_EN)


_VOCAB = tuple(sorted(zh_lexicon.CLINICAL_VOCAB_EN | zh_lexicon.CLINICAL_WORDS_EN | {"hospital", "respiratory",
                                                                                     "abdomen", "neurology"}))


def _clinical_prefix(word: str) -> bool:
    """A clipped clinical or ward word used as a label ("resp", "hosp", "abdo", "neuro"): the first
    sorted word at or after it starts with it."""
    if len(word) < 3:
        return False
    i = bisect.bisect_left(_VOCAB, word)
    return i < len(_VOCAB) and _VOCAB[i].startswith(word)


# A transcript's speakers as a chat app writes them: a lower-case handle ("devon.p:", "priya_k:",
# "rach:") or a kin word before the name ("Uncle Rav:", "Aunty Mele:").
_HANDLE_SPEAKER = regex.compile(r"(?m)^[ \t]*" + _CHAT_LINE_PREFIX + r"(?P<name>\p{Ll}[\p{Ll}\d]{1,14}(?:[._][\p{Ll}\d]{1,12}){0,3}"
                                r"|\p{L}[\p{L}\d]{0,14}(?:[._][\p{L}\d]{1,12}){1,3}):[ ]")  # "lucia.r.morales:", "J_Rivera_RN:"
_KIN_SPEAKER = regex.compile(
    r"(?m)^[ \t]*" + _CHAT_LINE_PREFIX + r"(?i:uncle|aunty|auntie|aunt|cousin|nana|nani|dadi|grandma|grandpa|gran|granny)[ ](?P<name>\p{Lu}\p{Ll}{1,14}):[ ]")
_ANY_SPEAKER = regex.compile(r"(?m)^[ \t]*" + _CHAT_LINE_PREFIX + r"@?[\p{L}][\p{L}\d._ ]{0,20}:[ ]")  # "@dr_lin:" speaks too


# A screen name's shape: letters joined by a dot or an underscore, or letters with a digit inside.
_HANDLE_SHAPE = regex.compile(r"\p{Ll}{2,}[._][\p{Ll}\d]{1,12}|\p{Ll}{3,}\d{2,}|\p{Ll}{2,}\d+\p{Ll}+")
# Parts that make a screen name a service's, not a person's ("clinic_bot", "ward_desk").
_SERVICE_PARTS = frozenset({"clinic", "ward", "desk", "bot", "admin", "system", "noreply", "reception", "pharmacy", "lab",
                            "team", "office", "info", "support", "staff", "hospital", "unit", "triage", "portal", "helpdesk"})
# Words joined by dots or underscores, as screen names are ("mags_rn", "bill_in_tulsa").
_JOINED_HANDLE = regex.compile(r"\p{Ll}{2,}(?:[._][\p{Ll}\d]{1,12}){1,3}")
# What follows a chat speaker: a message of words ("yeah anatoly. family is driving in"), not a value
# ("spo2: 95% on ra", "follow_up: 2 weeks").
_CHAT_MESSAGE = regex.compile(r"[ \t]*\p{L}[^\n]*?\p{L}+[ ,.!?]+\p{L}+[ ,.!?]+\p{L}+")


def _chat_message(text: str, at: int) -> bool:
    return _CHAT_MESSAGE.match(text, at) is not None


_LAB_TERMS = zh_lexicon.CLINICAL_WORDS_EN | zh_lexicon.CLINICAL_VOCAB_EN | NOT_NAME_TERMS_EN | _CLINICAL_ACRONYMS


# Words a screen name joins to a name: a title, a role or a kin word ("dr_ferguson", "physio.sarah", "grandpa_joe").
_HANDLE_ROLE_PARTS = frozenset({"dr", "doc", "doctor", "nurse", "physio", "rn", "md", "np", "gp", "hospitalist", "mr", "mrs", "ms",
                                "miss", "prof", "coach", "sis", "bro", "the", "its", "real", "official"}) | _KIN_WORDS


def _named_handle(w: str, lists: NameLists) -> bool:
    """A screen name built on a name, joined by dots or underscores: "jess_92", "kyle.b.77", "dr.omar.h",
    "J_Rivera_RN". Every part is a listed name, a title, role or kin word, a letter or two, or no English
    word, and one is a listed name; a field in snake case ("follow_up", "pain_score", "dr_note") has an
    English word in it."""
    if "." not in w and "_" not in w:
        return False
    named = False
    for p in (x for x in regex.split(r"[._\d]+", w.lower()) if x):
        if p in _LAB_TERMS:
            return False
        if p in _HANDLE_ROLE_PARTS:
            continue
        if (p in lists.first or p in lists.last) and not lists.blocked(p):
            named = True
        elif len(p) > 2 and (is_english(p, lists.words) or lists.blocked(p)):
            return False
    return named


def _handle_head_ok(w: str, lists: NameLists) -> bool:
    """Not a field name in snake case ("follow_up:", "plan_b:"): its head is no English word of four or more letters.
    Nor a lab, vaccine or disease label opening a line of chat ("hba1c: up again", "covid19: negative
    now"): the word, or its letters before the digit, a clinical term."""
    head = regex.split(r"[._\d]", w)[0]
    if w in _LAB_TERMS or head in _LAB_TERMS or _clinical_prefix(w):
        return False
    return not (len(head) >= 4 and is_english(head, lists.words)) and not lists.blocked(head)


def _speaker_word_ok(w: str, lists: NameLists) -> bool:
    return not (lists.blocked(w) or is_english(w, lists.words) or len(w) < 3 or _clinical_prefix(w) or w in _ROLE_SPEAKERS
                or _eponym_word(w) or w in _NOT_SPEAKERS or w in _RELATION_FIELD or w in _KIN_WORDS)


_FUNCTION_WORDS = frozenset({"this", "that", "these", "those", "with", "from", "into", "onto", "near", "past", "over",
                             "when", "then", "where", "there", "their", "they", "what", "will", "would", "could", "should"})


def _handle_and_kin_speakers(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """In a transcript (two or more speaker lines, one of them a handle or a kin-named speaker):
    handles with a dot or underscore ("devon.p", "priya_k") whose first part is a name or no word,
    a bare lower-case speaker that is no word ("rach"), and the name after a kin word ("Uncle Rav")."""
    if len(_ANY_SPEAKER.findall(text)) < 2:
        return []
    out: list[tuple[int, int, str, float]] = []
    handles = []
    seen = [m.group("name") for m in _HANDLE_SPEAKER.finditer(text)]
    for m in _HANDLE_SPEAKER.finditer(text):
        w = m.group("name")
        head = regex.split(r"[._]", w)[0]
        if ("." in w or "_" in w) and len(head) >= 3 and _speaker_word_ok(head, lists):
            handles.append(m)
        elif _named_handle(w, lists) and _chat_message(text, m.end()):
            handles.append(m)  # "jess_92:", "dr.omar.h:", "physio.sarah:": a name inside, whatever its English sense
        elif (_HANDLE_SHAPE.fullmatch(w) and seen.count(w) >= 2 and _chat_message(text, m.end()) and _handle_head_ok(w, lists)
              and not any(lists.blocked(p) for p in regex.split(r"[._\d]+", w) if len(p) >= 3)):
            handles.append(m)  # "lan8x:", "nat_ot:" opening two lines of chat: a screen name, whatever its parts
    if handles:
        # beside one screen name, another with a dot, an underscore or a digit inside ("physio_dee:")
        names = {h.group("name") for h in handles}
        # (its head may be a word when it opens two lines too: "mags_rn:", "bill_in_tulsa:")
        handles += [m for m in _HANDLE_SPEAKER.finditer(text) if m.group("name") not in names and _chat_message(text, m.end())
                    and (_HANDLE_SHAPE.fullmatch(m.group("name")) and _handle_head_ok(m.group("name"), lists)
                         or seen.count(m.group("name")) >= 2 and _JOINED_HANDLE.fullmatch(m.group("name"))
                         and m.group("name") not in _LAB_TERMS and not _clinical_prefix(m.group("name"))
                         and _SERVICE_PARTS.isdisjoint(regex.split(r"[._]", m.group("name"))))]
        # and a screen name once found speaks as itself on every line, whatever its message ("dr_x: 500 mg qds")
        names = {h.group("name") for h in handles}
        taken = {h.start() for h in handles}
        handles += [m for m in _HANDLE_SPEAKER.finditer(text) if m.group("name") in names and m.start() not in taken]
    kin = [m for m in _KIN_SPEAKER.finditer(text) if _speaker_word_ok(m.group("name").lower(), lists)]
    if not handles and not kin:
        return []
    for m in handles + kin:
        out.append((*m.span("name"), "handle_speaker", 0.7))
    out.extend(_handle_name_called(text, {m.group("name") for m in handles}, lists))
    for m in _HANDLE_SPEAKER.finditer(text):
        w = m.group("name")
        if "." not in w and "_" not in w and _speaker_word_ok(w, lists):
            out.append((*m.span("name"), "handle_speaker", 0.65))  # "rach:" beside "devon.p:"
    return out


_CALLED_BEFORE = regex.compile(r"(?i:\b(?:hi|hey|hiya|hello|morning|thanks|thank\s+you|thx|ty|love\s+it|love|bye|dear|sorry|ok|okay|its|it's|"
                               r"this\s+is|i'm|im)[,!]?[ ])$")
_CALLED_AFTER = regex.compile(r"[ ]?(?:[,!?.]|$|\n)")


def _handle_name_called(text: str, handles: set[str], lists: NameLists) -> list[tuple[int, int, str, float]]:
    """The given name inside a speaker's screen name, called in the chat: "hi jess," beside "jess_92:",
    "love it joe!" beside "grandpa_joe:", "sending love kev" beside "kev0_o:". Only where a greeting,
    thanks or "it's" comes before it, or a stop or the line's end after it."""
    out: list[tuple[int, int, str, float]] = []
    parts = {p for h in handles for p in regex.split(r"[._\d]+", h.lower())
             if len(p) >= 3 and p not in _HANDLE_ROLE_PARTS and not lists.blocked(p) and (p in lists.first or lists.unlisted_ok(p))}
    for p in parts:
        for m in regex.finditer(rf"(?<![\w@.\-]){regex.escape(p)}(?![\w@\-]|\.\w)", text, flags=regex.IGNORECASE):
            if _CALLED_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _CALLED_AFTER.match(text, m.end()):
                out.append((*m.span(), "handle_name_called", 0.65))
    return out


def _chat_speakers(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """Speakers of a chat transcript (`_SPEAKER`): a name opening two lines, or a listed name beside
    another speaker; once the transcript is plain, any other speaker that is no word opens a line too
    ("Rustam:" once, beside "Dilnoza:" twice)."""
    speakers = []
    for m in _SPEAKER.finditer(text):
        words = m.group("name").lower().split()
        if any(lists.blocked(w) or is_english(w, lists.words) or len(w) < 3 or _clinical_prefix(w) or w in _ROLE_SPEAKERS
               or _eponym_word(w)
               or w in _NOT_SPEAKERS or w in _RELATION_FIELD or w in _KIN_WORDS for w in words):
            continue  # "Plan:", "Reason:", "Hosp:", "Resp:" stay labels
        if all(lists.listed(w) or lists.unlisted_ok(w) for w in words):
            speakers.append(m)
    names = [m.group("name") for m in speakers]
    chat = any(names.count(n) >= 2 for n in names) or sum(
        all(lists.listed(w) for w in n.lower().split()) for n in set(names)) >= 2
    return [(*m.span("name"), "chat_speaker", 0.7) for m in speakers] if chat else []


# A chat's speaker written as a given name with a mark beside it: an initial ("Tina B:"), an emoji
# ("Jess 🌸:") or a nickname's size word before it ("Big Dave:"), the message's date and time
# between name and colon where the app prints them ("Tina B 10/3 08:12:").
_SPEAKER_DESCRIPTORS = frozenset({"big", "little", "lil", "wee", "young", "old"})
_MARKED_SPEAKER = regex.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{4,30}\][ \t]*)?(?P<name>(?:(?P<desc>\p{Lu}\p{Ll}{1,5})[ ])?(?P<given>\p{Lu}\p{Ll}{2,14})"
    r"(?:[ ](?P<mark>\p{Lu}\.?|\p{So}[\p{So}\p{Sk}\uFE0F\u200D]{0,5}))?)"
    r"(?:[ ]\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ ]\d{1,2}:\d{2}(?:[ ]?[apAP][mM])?)?:[ ]"
)


# Any line opened by a chat speaker's label: a capitalised word (an initial may follow) and a colon,
# an app's "[date, time]" stamp before it.
_ANY_SPEAKER_LINE = regex.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{4,30}\][ \t]*)?\p{Lu}\p{Ll}{1,14}(?:[ ]\p{Lu}\.?|[ ]\p{Lu}\p{Ll}{1,14})?:[ ]")


def _in_chat(text: str) -> bool:
    """Two or more lines open with the same plain speaker's label: the text is a chat, so a marked
    label seen once is a speaker too ("Big Mike:" once among "Tina:" lines)."""
    labels = [m.group().split("]")[-1].strip() for m in _ANY_SPEAKER_LINE.finditer(text)]
    return len(labels) >= 2 and len(set(labels)) < len(labels)


def _marked_speakers(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """Speakers a plain name rule leaves part of (`_MARKED_SPEAKER`): the same label opening two
    lines of chat, its given name a listed one, with an initial or an emoji beside it, or a size word
    before a given name that is no English word ("Big Dave:" but not "Big Bed:", nor "Nurse Jess:", a role)."""
    found = [m for m in _MARKED_SPEAKER.finditer(text) if (m.group("mark") or m.group("desc"))]
    out: list[tuple[int, int, str, float]] = []
    labels = [m.group("name") for m in found]
    chat = bool(found) and _in_chat(text)
    for m in found:
        given = m.group("given").lower()
        desc = (m.group("desc") or "").lower()
        if labels.count(m.group("name")) < 2 and not chat or desc and desc not in _SPEAKER_DESCRIPTORS:
            continue
        if given not in lists.first or lists.blocked(given) or given in _ROLE_SPEAKERS or given in _NOT_SPEAKERS or (
                given in _KIN_WORDS or given in _RELATION_FIELD or _clinical_prefix(given) or _eponym_word(given)):
            continue
        if is_english(given, lists.words) and not m.group("mark") and not chat:
            continue  # "Jess 🌸:", "Will B:": the mark makes a word-like given name a speaker's, not "Big Will:"
            # (unless other speakers make the text a chat: "Big Mike:" among "Tina:" lines)
        out.append((*m.span("name"), "marked_speaker", 0.7))
    return out


# A capitals word with OCR's 0 for O or 1 for I in it ("G0WAN", "0'BRIEN", "CA1TLIN").
_OCR_CAPS_WORD = regex.compile(r"(?<![\w'’])[\p{Lu}01][\p{Lu}01'’]*[\p{Lu}01](?![\w'’])")
_OCR_DIGIT_IN_CAPS = regex.compile(r"\p{Lu}[01]|[01]['’]?\p{Lu}")
# "KOWALCZYK, AGNIESZKA", "Mc GOWAN, EILIDH", "O'SULLIVAN, DECLAN": capitals on both sides of the comma.
_CAPS_COMMA_PAIR = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?:(?:MA?C|Ma?c)[ ])?(?P<last>\p{Lu}[\p{Lu}'’\-]*\p{Lu}),[ ]?"
    r"(?P<first>\p{Lu}[\p{Lu}'’\-]*\p{Lu})(?:[ ]\p{Lu}\.?(?![\w]))?)(?![\w'’\-])"
)
_CAPS_PAIR_CUE = regex.compile(r"(?i:\b(?:name|patient|pat[1il]ent|pt|re|member|client|resident|subscriber|insured|nok|"
                               r"referral|chart|admission|discharge|transfer)\b)\s*[:#\-]?\s*$")


# A capitals name after a field label, words one or two spaces apart: "Patient name  ROSALIND  WHITEHORSE".
_CUED_CAPS_RUN = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}[\p{Lu}'’\-]*\p{Lu}(?:[ ]{1,2}\p{Lu}[\p{Lu}'’\-]*\p{Lu}){1,2})(?![\w'’\-])"
)


def _ocr_caps(text: str) -> str:
    """`text` with 0 read as O and 1 as I inside capitals words (same length, so offsets hold)."""
    def fix(m: regex.Match) -> str:
        w = m.group()
        if sum(ch.isalpha() for ch in w) >= 2 and ("0" in w or "1" in w):
            return w.replace("0", "O").replace("1", "I")
        return w
    return _OCR_CAPS_WORD.sub(fix, text)


# A title-case given name with one OCR digit among its small letters ("Ch3lsea", "Jo5eph", "Mar1a"),
# and the surname after it: the digit read back as a letter must give a listed given name.
_OCR_TITLE_GIVEN = regex.compile(
    r"(?<![\w'’@.\-])(?P<first>(?=\p{L}[\p{L}013458]{3})\p{Lu}\p{Ll}*[013458]\p{Ll}+)"
    r"(?:[ ](?P<last>\p{Lu}\p{Ll}[\p{Ll}'’\-]*\p{Ll}|\p{Lu}\p{Ll}*[013458]\p{Ll}+))?(?![\w'’@\-])"
)
_HAS_OCR_DIGIT = regex.compile(r"\p{L}[013458]\p{Ll}")
_HAS_OCR_SMALL_DIGIT = regex.compile(r"\p{Ll}[015]|[015]\p{Ll}")


def _ocr_read(word: str) -> list[str]:
    """The readings of `word` with its one OCR digit taken back to each letter it stands for."""
    low = word.lower()
    digits = [i for i, ch in enumerate(low) if ch.isdigit()]
    if len(digits) != 1:
        return []
    i = digits[0]
    return [low[:i] + ch + low[i + 1:] for ch in OCR_LETTERS.get(low[i], "")]


def _ocr_title_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    out: list[tuple[int, int, str, float]] = []
    for m in _OCR_TITLE_GIVEN.finditer(text):
        given = [r for r in _ocr_read(m.group("first")) if r in lists.first and not lists.blocked(r)]
        if not given:
            continue
        end = m.end("first")
        last = m.group("last")
        if last:
            reads = _ocr_read(last) or [last.lower()]
            if any(not lists.blocked(r) and (r in lists.last or lists.unlisted_ok(r) and not is_english(r, lists.words))
                   for r in reads):
                end = m.end("last")
        # A reading that is also a word ("Mar1a", "H0pe") counts only with a surname after it.
        if end == m.end("first") and all(is_english(r, lists.words) for r in given):
            continue
        out.append((m.start("first"), end, "ocr_title_given", 0.7))
    return out


def _caps_pair_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """Capitals "LAST, FIRST" on forms and OCR'd labels. A listed given name that is no English word
    vouches for the pair alone; after a field cue an unlisted one that is no word does too. OCR's
    digits in the capitals are read as letters first."""
    out: list[tuple[int, int, str, float]] = []
    if _CAPS2.search(text) is None:
        return out
    scan = _ocr_caps(text) if _OCR_DIGIT_IN_CAPS.search(text) else text
    for m in _CAPS_COMMA_PAIR.finditer(scan) if "," in text else ():
        first = m.group("first").lower()
        last = _ELIDED.sub("", m.group("last").lower())
        gaelic = m.group("name")[:1] in "Mm" and m.group("last") != m.group("name").split(",")[0].strip()
        if any(lists.blocked(w) or len(w) < 3 for w in (first, last)) or is_english(last, lists.words) and not gaelic:
            continue
        if not (gaelic or lists.listed(last) or lists.unlisted_ok(last)):
            continue  # after a detached "Mc" the surname may be a word ("Mc GOWAN")
        cued = _CAPS_PAIR_CUE.search(scan, max(0, m.start() - 24), m.start()) is not None
        # after a field cue a listed given name that a big dictionary also holds will do ("Pt: MCKENZIE, DONNA")
        if first in lists.first and not is_english(first, lists.words) or cued and (
                lists.unlisted_ok(first) or first in lists.first and not _eponym_word(first)):
            out.append((*m.span("name"), "caps_comma_pair", 0.75))
    if scan is text:
        return out  # with no OCR digits the plain capitals runs are `find_names`'s
    for m in _CUED_CAPS_RUN.finditer(scan):
        if _CAPS_PAIR_CUE.search(scan, max(0, m.start() - 24), m.start()) is None:
            continue
        words = [_ELIDED.sub("", w) for w in m.group("name").lower().split()]
        if any(lists.blocked(w) or is_english(w, lists.words) or len(w) < 3 for w in words):
            continue
        if any(w in lists.first for w in words) and all(lists.listed(w) or lists.unlisted_ok(w) for w in words):
            out.append((*m.span("name"), "ocr_caps_run", 0.75))
    return out


# A hand-over line naming the patient in a room or bed, in lower case: "rm 15 - ahmed, cellulitis",
# "bed 4: okafor (92) …". The word must be a listed name and no English or clinical word.
_WARD_SPOT_NAME = regex.compile(
    r"\b(?i:rm|room|bed|bay|cubicle|cube|pod)[ ]?\d{1,3}[a-z]?[ ]?[-–:][ ]?(?P<name>\p{Ll}[\p{Ll}'’\-]{2,})(?=[ ]?[,(;]|[ ]\d)"
)


# A given name with its possessive typed without the apostrophe, before a relative or a reading that
# is the person's: "rohans sugar was 310", "its Dakotas dad", "my husband franks oxygen".
_BARE_POSSESSIVE = regex.compile(
    r"(?<![\w'’@./\-])(?P<name>\p{L}\p{Ll}{2,14})s[ ](?=(?:mum|mom|mam|mother|dad|father|daddy|mummy|mommy|sister|brother|"
    r"nan|nana|gran|grandma|grandpa|wife|husband|son|daughter|carer|teacher|school|nursery|sugars?|glucose|bp|temp|"
    r"temperature|fever|oxygen|inhaler|insulin|meds|medication|tablets|pills|appointment|appt|bloods|results|rash|"
    r"cough|nebuliser|nebulizer|pump|sats|weight|wound|dressing|cast|stitches)\b)"
)


def _bare_possessive_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    out: list[tuple[int, int, str, float]] = []
    for m in _BARE_POSSESSIVE.finditer(text):
        w = m.group("name").lower()
        if lists.blocked(w) or w in _NOT_SPEAKERS or w not in lists.first or w + "s" in lists.words or w in _EPONYMS_ALL:
            continue  # "lots", "others", "doctors": the plural of a word
        if is_english(w, lists.words) and w not in _english_given_names():
            continue
        out.append((*m.span("name"), "bare_possessive", 0.65))
    return out


# A surname after a title or an initial with OCR's digits among its small letters: "Dr. Ha11oran",
# "J. Pa1mer, RN". Read back (1 → l, 0 → o, 5 → s), the word must be a listed surname.
_OCR_TITLED_SURNAME = regex.compile(
    r"\b(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?[ ]|(?P<init>\p{Lu}\.[ ]))(?P<name>\p{Lu}(?=\p{L}*[015])[\p{Ll}015]{2,14})(?![\w'’\-])"
)
_OCR_SMALL = str.maketrans({"1": "l", "0": "o", "5": "s"})


def _ocr_titled_surnames(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    out: list[tuple[int, int, str, float]] = []
    for m in _OCR_TITLED_SURNAME.finditer(text):
        w = m.group("name")
        if sum(ch.isdigit() for ch in w) > 2 or not regex.search(r"\p{Ll}", w[1:]):
            continue
        read = w.lower().translate(_OCR_SMALL)
        if read in lists.last and not lists.blocked(read) and read not in _EPONYMS_ALL:
            out.append((m.start("init") if m.group("init") else m.start("name"), m.end("name"), "ocr_titled_surname", 0.7))
    return out


def find_more_names(text: str, lists: NameLists) -> list[tuple[int, int, str, float]]:
    """(start, end, how, score) of chat names after greetings and reported speech, capitals
    "LAST, FIRST" after a field, OCR'd surnames, Gaelic, Welsh and Native American name shapes,
    and Han names glossing a romanised name (see the patterns above)."""
    out: list[tuple[int, int, str, float]] = []
    if any(ch.islower() for ch in text):
        for m in _GREETING_NAME.finditer(text):
            w = m.group("name")
            if w in lists.first and not lists.blocked(w) and not is_english(w, lists.words) and w not in _NOT_SPEAKERS:
                out.append((*m.span("name"), "greeting_name", 0.7))
        for rx, how in ((_LOWER_ROLE_CUE, "lower_role_cue"), (_TITLED_LOWER_BRACKET, "titled_bracket"),
                        (_ITS_LOWER_AGAIN, "its_again")):
            for m in rx.finditer(text):
                w = m.group("name")
                if lists.blocked(w) or w in _NOT_SPEAKERS or is_english(w, lists.words) and w not in lists.first:
                    continue
                if _eponym_word(w) and w not in lists.first:
                    continue  # "pt is babinski positive": a sign, not the patient's name
                if w in lists.first or lists.unlisted_ok(w) and len(w) >= 4:
                    out.append((*m.span("name"), how, 0.7))
        m = _FROM_SIGN_OFF.search(text[-40:])
        if m is not None:
            w = m.group("name")
            if w in lists.first and not lists.blocked(w) and not is_english(w, lists.words) and w not in _NOT_SPEAKERS:
                off = len(text) - len(text[-40:])
                out.append((off + m.start("name"), off + m.end("name"), "from_sign_off", 0.65))
        for m in _LOWER_SAID.finditer(text):
            w = m.group("name")
            if w in lists.first and not lists.blocked(w) and w not in _NOT_SPEAKERS:
                out.append((*m.span("name"), "lower_said", 0.65))
    if "," in text:
        for m in _CAPS_LAST_CAPS_FIRST.finditer(text):
            if _CAPS_FIELD_CUE.search(text, max(0, m.start() - 24), m.start()) is None:
                continue
            words = [w for w in regex.split(r"[,\s]+", m.group("name").lower()) if w]
            if any(lists.blocked(w) or len(w) < 2 or _eponym_word(w) for w in words):
                continue
            if all(lists.listed(w) or lists.unlisted_ok(w) or w in _PARTICLES for w in words):
                out.append((*m.span("name"), "caps_last_caps_first", 0.75))
        for m in _OCR_LAST_FIRST.finditer(text):
            name = m.group("name")
            if not (regex.search(r"\p{Lu}[01]|[01]\p{Lu}", name) or regex.match(r"(?:Ma?c|MA?C)[ ]", name)):
                continue  # the plain shape is `find_names`'s; here only a swapped digit or a detached "Mc"
            first = m.group("first").lower()
            if first in lists.first and not lists.blocked(first):
                out.append((*m.span("name"), "ocr_last_first", 0.75))
    out.extend(_caps_pair_names(text, lists))
    if "s " in text:
        out.extend(_bare_possessive_names(text, lists))
    for m in _WARD_SPOT_NAME.finditer(text) if any(ch.isdigit() for ch in text) else ():
        w = m.group("name")
        if w in _CLINICAL_ACRONYMS:  # "bed 7 - tia, for MRI": the diagnosis, not a name
            continue
        if (w in lists.first or w in lists.last) and not lists.blocked(w) and not is_english(w, lists.words):
            out.append((*m.span("name"), "ward_spot_name", 0.7))
    if _HAS_OCR_DIGIT.search(text) is not None:
        out.extend(_ocr_title_names(text, lists))
    if _HAS_OCR_SMALL_DIGIT.search(text) is not None:
        out.extend(_ocr_titled_surnames(text, lists))
    if "Mc" in text or "Mac" in text or "Fitz" in text or "O'" in text or "O’" in text:
        for m in _GAELIC_PAIR.finditer(text):
            first = m.group("first").lower()
            last = m.group("name").split()[-1].lower()
            given = first in lists.first or lists.unlisted_ok(first)  # "Morag", "Eilidh": Gaelic names some lists lack
            if given and not lists.blocked(first) and last not in _NOT_GAELIC:
                out.append((*m.span("name"), "gaelic_pair", 0.8))
    for m in (_WELSH_PATRONYMIC.finditer(text) if " ap " in text or " ab " in text or "erch " in text else ()):
        first, last = m.group("first").lower(), m.group("last").lower()
        # The particle is never English: neither word blocked, and one a name ("Aled ap Dafydd": Aled is
        # also a dictionary stem, Dafydd no word).
        if not any(lists.blocked(w) for w in (first, last)) and any(
                w in lists.first or lists.unlisted_ok(w) for w in (first, last)):
            out.append((m.start(), m.end(), "welsh_patronymic", 0.8))  # the particle is never English
    for m in _NATIVE_NAME.finditer(text):
        first = m.group("first").lower()
        # The given name listed, or no English word ("Leotie", "Onawa": names few lists hold).
        # A listed given name that is also a word ("Ruby Two Feathers", "Pearl Little Elk") counts here:
        # the descriptor and noun after it make the shape.
        # (Not a short function word that some list holds: "The Running Bear trail".)
        if (not lists.blocked(first) and (first in lists.first or len(first) >= 4 and lists.unlisted_ok(first))
                or len(first) >= 4 and first in lists.first and first not in _FUNCTION_WORDS):
            out.append((*m.span("name"), "native_name", 0.87))
    if "-" in text and "," in text:
        for m in _DOUBLE_LAST_FIRST.finditer(text):
            parts = [_fold(p) for p in m.group("last").split("-")]
            given = [g for g in (m.group("first"), m.group("second")) if g]
            if all(p in lists.last and not lists.blocked(p) for p in parts) and _given(given[0], lists):
                e = m.end() if len(given) == 1 or _given(given[1], lists) else m.end("first")
                out.append((m.start(), e, "double_last_first", 0.75))
    if "," in text:
        for m in _IRISH_LAST_FIRST.finditer(text):
            if _given(m.group("first"), lists) and not lists.blocked(m.group("first").lower()):
                out.append((*m.span("name"), "irish_last_first", 0.8))
    for m in _SURNAME_THEN_INITIAL.finditer(text):
        last = m.group("last").lower()
        if (not lists.blocked(last) and not is_english(last, lists.words) and last not in _ROLE_WORDS
                and (last in lists.last or lists.unlisted_ok(last))):
            out.append((*m.span("name"), "surname_then_initial", 0.7))  # (not "Physio K. Abernethy": a role)
    if text.count(":") >= 2 and "\n" in text:
        out.extend(_chat_speakers(text, lists))
        out.extend(_handle_and_kin_speakers(text, lists))
        out.extend(_marked_speakers(text, lists))
    if '"' in text or "“" in text:
        for m in _QUOTED_NICK_BRACKET.finditer(text):
            nick, full = ("nick", "full") if m.group("nick") else ("nick2", "full2")
            words = m.group(full).lower().split()
            if any(w in lists.first for w in words) and not lists.blocked(m.group(nick).lower()):
                out.append((*m.span(nick), "quoted_nickname", 0.75))
    for m in (_HAN_GLOSS.finditer(text) if _HAS_HAN.search(text) else ()):
        latin = m.group("latin").lower()
        if not _han_name_run(m.group("run")):
            continue
        if lists.listed(latin) and not lists.blocked(latin):
            out.append((*m.span("run"), "han_gloss", 0.7))
    return out
