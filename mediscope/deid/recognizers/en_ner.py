"""The English NER recognizer: names, cities and some dates from spaCy, filtered for clinical text.

Names, cities and some dates come from the spaCy NER of `en_core_web_sm` (read straight from the
Doc that Presidio's NLP engine produced). The small model has known false positives on clinical
text (MRN/CT as ORG, "HR 72" as DATE, Hodgkin as PERSON), so its entities are filtered: ORG and
NORP are ignored, PERSON hits that are eponyms or drug names are dropped, and DATE hits are kept
only when they look like a calendar date. `EnglishNerRecognizer` and its helpers are one family
with no regex rules of its own, hence a module of their own.
"""

from __future__ import annotations

import functools

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import lexicon
from mediscope.deid.recognizers.en_lexicon import (
    CAR_MAKERS_EN,
    DEVICE_MAKERS_EN,
    EPONYM_TESTS_EN,
    HERBAL_REMEDIES_EN,
    NOT_NAME_TERMS_EN,
    SCORE_EPONYMS_EN,
    all_person_names,
    english_words,
    is_english,
)
from mediscope.deid.recognizers.en_names import (
    _DISEASE_TALK,
    _DISEASE_WORDS,
    _EPONYMS_ALL,
    NameLists,
    find_cued_names,
    find_form_names,
    find_names,
)
from mediscope.deid.recognizers.en_ner_filters import (
    _CLINICAL_ACRONYMS,
    _COLUMN_GAP,
    _DRUG_SUFFIX,
    _DURATION,
    _EN_NAME_CUE,
    _EN_TITLE,
    _FULL_NAME,
    _GREETINGS,
    _LAB_CASE,
    _LANGUAGE_WORDS,
    _LEADING_RELATION_RE,
    _LOOSE_CUES,
    _MEMBER_NUMBER_AFTER,
    _NATIONALITY_BEFORE,
    _NON_LATIN,
    _NOT_NAME_SINGLE,
    _NOT_NAME_WORDS,
    _PAYER_WORDS,
    _RELATION_BEFORE_RE,
    _RELATION_HEADS,
    _RELATION_WORDS,
    _SAINT_BEFORE,
    _SAINT_PLACE,
    _SECOND_EPONYM_AFTER,
    _SENTENCE_NAME,
    _SENTENCE_OPEN,
    _SINGLE_NAME,
    _SPACED_DASH,
    _SPECIMEN_WORDS,
    _STRICT_EPONYMS,
    _TITLE_GAP,
    _TITLE_OR_DEGREE,
    _TITLES_EN,
    _TRAILING_LABEL_RE,
    _WORD_SPAN,
    _caps_word_in_prose,
    _clinical_phrase,
    _has_label_tail,
    _in_state_name,
    _is_eponym,
    _label_or_analyte,
    _name_lists,
)
from mediscope.deid.recognizers.en_patterns import (
    _CLAUSE_END_RE,
    _LAST_WORD_RE,
    _LEADING_TITLE_RE,
    _MONTH_RE,
    _NEXT_WORD_RE,
    _POSSESSIVE_RE,
    _SPACE_DASH_RE,
    US_STATES,
)
from mediscope.deid.recognizers.en_places import PLAIN, WORDLIKE, city_gazetteer, country_names
from mediscope.deid.recognizers.en_shared_rules import _VEHICLE, _gazetteer_city
from mediscope.deid.recognizers.en_vocab import (
    _CARE_SETTINGS,
    _COMMON_WORDS,
    _NAME_PART_WORDS,
    _ROLE_WORDS,
    _STATES,
)
from mediscope.deid.recognizers.zh_names import _ROMAN_SYLLABLE, _ROMANISED_SURNAMES
from mediscope.deid.types import AGE, DATE_TIME, LOCATION, PERSON, ZIP_CODE

# Words on forms and cards that the model or the name lists take for names: a sex, Malay's "name",
# a hospital's abbreviation.
_FORM_WORDS = frozenset({"male", "female", "nama", "hosp", "jantina", "umur", "alamat"})
# A field's label that a name-like word opens: "Bill No: SSD/26/…", "Folio # 22".
_NUMBER_LABEL_AFTER = regex.compile(r"[ \t]+(?:No\.?|Number|#)[ \t]*[:.#]")


def _camel_compound(word: str, words: frozenset[str]) -> bool:
    """A software field name glued from English words ("StudyDate", "AccessionNumber"), no name."""
    parts = regex.findall(r"[A-Z][a-z]+", word)
    return len(parts) >= 2 and "".join(parts) == word and all(is_english(p.lower(), words) for p in parts)


class EnglishNerRecognizer(EntityRecognizer):
    """PERSON / LOCATION / DATE from the spaCy Doc, filtered for clinical false positives, plus
    title and cue patterns (Dr. Wong, Name: John Smith) that the small model sometimes misses."""

    LOCATION_LABELS = ("GPE", "LOC", "FAC")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[PERSON, LOCATION, DATE_TIME, AGE, ZIP_CODE], name="EnNerRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        self._first, self._last = _name_lists()
        first_all, last_all = all_person_names()
        self._case_free = NameLists(first=first_all | self._first, last=last_all | self._last, words=english_words(),
                                    blocked=_blocked_word)
        self._cities = city_gazetteer()

    def _ordinary_single_word(self, word: str) -> bool:
        """One word of ordinary English that no name list holds ("Epilepsy", "Driver", "Son")."""
        words = [w.lower().strip(".,-") for w in word.split()]
        if len(words) > 1:  # "Discharge Summary": every word ordinary, none a listed name
            return all(w and is_english(w, self._case_free.words) and w not in self._case_free.any_name for w in words)
        low = words[0] if words else ""
        # Names that are also words ("Frank", "Park") stay: they are on some locale's name list.
        return low in _RELATION_WORDS or (is_english(low, self._case_free.words) and low not in self._case_free.any_name)

    def _titled_surname(self, text: str, s: int, etext: str) -> bool:
        """A rare dictionary word right after a courtesy title is a surname: "Mr. Castellano",
        "Mrs Ahmadi's husband" (not an everyday word: "Mr Right", "Mrs Clean")."""
        low = _POSSESSIVE_RE.sub("", etext.strip()).lower()
        return (" " not in low and low.isalpha() and len(low) >= 4 and low not in _COMMON_WORDS
                and low not in _RELATION_WORDS and low not in lexicon.CLINICAL_WORDS_EN and low not in _TITLED_EVERYDAY
                and _COURTESY_TITLE_BEFORE.search(text, max(0, s - 8), s) is not None)

    def _named_despite_clinical(self, etext: str) -> bool:
        """A clinical word in a capitalised full name that is a given name there: "Ray Bunting" (x-ray),
        not "Bell Palsy" or "Rose Spots", whose other word is no name."""
        words = [w.strip(".,;:'’()") for w in etext.split()]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return False
        clinical = [w for w in words if _clinical_phrase(w)]
        return len(clinical) < len(words) and all(w.lower() in _CLINICAL_GIVEN_NAMES for w in clinical)

    def _trim_ordinary_edges(self, text: str, s: int, e: int) -> tuple[int, int]:
        """Drop a capitalised everyday word the model glued to either end of a name:
        "Subscriber TAYLOR, ROBERT J. Vehicle", "Discussed Zulu". A word on a name list stays
        ("Will Carter", "Rose Baker"), and so does a lone word (the other checks judge it)."""
        words = list(_WORD_SPAN.finditer(text, s, e))
        n = len(words)
        while len(words) > 1 and self._edge_word_ordinary(words[0].group()):
            words.pop(0)
        last = len(words)
        # At the end only where the name is in capitals and the word is not ("… ROBERT J. Vehicle"):
        # a title-case surname may be an obscure dictionary word ("Whata", "Lown").
        while (len(words) > 1 and self._edge_word_ordinary(words[-1].group())
               and any(len(w.group()) > 1 and w.group().isupper() for w in words[:-1])):
            words.pop()
        if not words:
            return s, e
        end = e if len(words) == last and n else words[-1].end()
        if end != e and text[end : end + 1] == "." and len(words[-1].group()) == 1:
            end += 1  # keep the dot of a closing initial ("ROBERT J.")
        return words[0].start(), end

    def _edge_word_ordinary(self, word: str) -> bool:
        low = word.lower()
        return (len(word) > 2 and word[:1].isupper() and word[1:].islower() and low not in self._case_free.any_name
                and is_english(low, self._case_free.words))

    def _result(self, entity: str, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=entity, start=start, end=end, score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{how}",
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        if doc is not None and hasattr(doc, "ents"):
            for ent in doc.ents:
                label = ent.label_
                s, e = ent.start_char, ent.end_char
                # The English model glues neighbouring CJK text and full-width punctuation onto
                # entities in mixed text ("Alice Wong，电话138..."): cut at the first such character.
                cut = _NON_LATIN.search(text, s, e)
                if cut:
                    e = cut.start()
                    while e > s and text[e - 1] in " ,.;:":
                        e -= 1
                if e <= s:
                    continue
                etext = text[s:e]
                relation = _LEADING_RELATION_RE.match(etext) if label in ("PERSON", *self.LOCATION_LABELS) else None
                if relation is None and label in self.LOCATION_LABELS and _RELATION_BEFORE_RE.search(text, max(0, s - 24), s):
                    label = "PERSON"  # "Daughter-in-law Marta": a relation word names a person, not a place
                if relation and etext[relation.end() :][:1].isupper():
                    # "Son Phil Winslow", "Daughter-in-law Marta" (tagged a place): the name after the relation.
                    label, s = "PERSON", s + relation.end()
                    etext = text[s:e]
                if label == "PERSON":
                    # spaCy may glue a title, a unit's letter ("mmol/L. Continue Zantac") or a history
                    # abbreviation ("Hx Hodgkin's") on the front, and trailing punctuation on; trim them.
                    m = (_LEADING_TITLE_RE.match(etext) or _LEADING_HISTORY_ABBR.match(etext) or _leading_role(etext)
                         or text[s - 1 : s] == "/" and _UNIT_LETTER_START.match(etext))
                    if m:
                        s += m.end()
                        etext = text[s:e]
                    gap = _COLUMN_GAP.search(etext) or _SPACED_DASH.search(etext) or _MEETING_ADDRESSEE.search(etext)
                    if gap:  # (nor into a meeting chat's addressee: "From Lena K. to Everyone:")  # "TAYLOR, ROBERT J.\nVehicle", "Aroha J   Dispensed": never into the next line or column,
                        # nor past a spaced dash ("Zoltán Kertész - agalsidase beta")
                        e = s + gap.start()
                        etext = text[s:e].rstrip(" \t")
                        e = s + len(etext)
                    before_trim = etext
                    s, e = self._trim_ordinary_edges(text, s, e)
                    etext = text[s:e]
                    if etext != before_trim and (_clinical_phrase(before_trim) or _is_eponym(before_trim, text[e : e + 24])):
                        continue  # "Liver Qi stagnation": the word dropped was the clinical one
                    if (etext != before_trim and " " not in etext and before_trim.split()[0].lower() in _ORDER_VERBS
                            and etext.lower() not in self._case_free.first):
                        continue  # "Continue Zantac", "Restart Eliquis": an order and a drug's brand name
                    if all(w.strip(".,").lower() in _TITLE_OR_DEGREE for w in etext.split()):
                        continue  # "supervising MD Dr Vu": spaCy took the titles and left the name
                    if etext.lower() in _LANGUAGE_WORDS:
                        continue  # "Discussed Zulu-speaking interpreter": a language, not a person
                    tail = _TRAILING_LABEL_RE.search(etext) if _has_label_tail(etext) else None
                    if tail:  # "Liam O'Sullivan Age", "Sigrún Hallgrímsdóttir / DOB", "Summary -"
                        e = s + tail.start()
                        etext = text[s:e]
                    if etext.isupper() and len(etext) <= 5 and " " not in etext and (
                            etext.lower() not in self._case_free.any_name or etext.lower() in _CLINICAL_ACRONYMS):
                        continue  # "LSIL", "HSIL", "NSTEMI", "CAP": an acronym, not a name in capitals
                    if etext.lower() in _SPECIMEN_WORDS or etext.lower() in _PAYER_WORDS or _SAINT_PLACE.match(etext):
                        continue  # "Li-Hep" tubes, "Cigna" the payer, "St. Vincent's" the hospital
                    if etext.lower() in _FORM_WORDS or _NUMBER_LABEL_AFTER.match(text, e) or _camel_compound(etext, self._case_free.words):
                        continue  # "Male", "Nama:" (Malay), "HOSP"; "Bill No: …"; "StudyDate", "AccessionNumber"
                    if not etext or self._ordinary_single_word(etext) and not self._titled_surname(text, s, etext):
                        continue  # "Epilepsy", "Driver", "Physio": one ordinary word
                    if not etext.strip() or not any(ch.isupper() for ch in etext[:1]):
                        continue
                    if _is_eponym(etext, text[e : e + 24]) or _clinical_phrase(etext) and not self._named_despite_clinical(etext):
                        continue
                    if (" " in etext and _POSSESSIVE_RE.sub("", etext.rsplit(None, 1)[-1].lower()) in _STRICT_EPONYMS
                            and not any(w.lower() in self._case_free.any_name for w in etext.split()[:-1])):
                        continue  # "Hypermobile Ehlers-Danlos": a word before an eponym that is no one's name
                    if any(ch.isdigit() for ch in etext):
                        continue  # "Started Lasix 40": a dose, not a person
                    if _label_or_analyte(etext, text, e) and etext.lower() not in self._case_free.any_name:
                        continue  # "Email: …", "Voicemail: …", "Creatinine  2.41 mg/dL"
                    if " " not in etext and (len(etext) <= 4 and _LAB_CASE.search(etext) or _caps_word_in_prose(etext, text, s, e)):
                        continue  # "HbSS"; "RICE enough or x-ray?": a capitalised word in a lower-case sentence
                    if _SECOND_EPONYM_AFTER.match(text, e):
                        continue  # "Miller Fisher syndrome": the first of two eponym names
                    if " " in etext and etext.rsplit(None, 1)[-1] in _STREET_WORDS:
                        out.append(self._result(LOCATION, s, e, 0.86, "spacy_street"))  # "Admiralty Way", "Jalan Ampang Road"
                        continue
                    if (self._cities.tier(etext) == PLAIN and etext.lower() not in self._case_free.any_name
                            and _PLACE_BEFORE.search(text, max(0, s - 12), s)
                            or " " not in etext and _LOCALITY_BEFORE.search(text, max(0, s - 24), s)):
                        out.append(self._result(LOCATION, s, e, 0.86, "spacy_city"))  # "from Sector 15, Noida"
                        continue
                    if _medicine_word(text, s, e, etext, self._case_free.any_name):
                        continue  # "Januvia taken", "try Cymbalta for": a medicine's brand name
                    out.append(self._result(PERSON, s, e, 0.85, "spacy_person"))
                elif label in self.LOCATION_LABELS:
                    if etext.lower() in lexicon.CLINICAL_WORDS_EN or not etext[:1].isupper():
                        continue
                    if " " not in etext and _SPECIALTY_WORD.search(etext.lower()) and not self._cities.tier(etext):
                        continue  # "Requesting: Dr Tran, Geriatrics": a specialty, not a place
                    if etext.lower() in _PAYER_WORDS or _SAINT_PLACE.match(etext) or etext.lower() in _CARE_SETTINGS:
                        continue  # "Cigna member …": a payer; "from St. Mary's", "from Resus": care settings, not homes
                    if etext.lower() in _LANGUAGE_WORDS:
                        continue  # "Interpreter requested: Tigrinya": a language, not a place
                    if etext.lower() in _RELATION_WORDS:
                        continue  # "Parent email …", "Guardian signature": a role on a form, not a place
                    if _CLASSIFICATION_CODE_AFTER.match(text, e) or _EPONYM_PAIR_AFTER.match(text, e):
                        continue  # "Prague C2M4": Barrett's classification; "Hoehn and Yahr 3": a staging, not places
                    if etext.rstrip(".").lower() in _TITLE_OR_DEGREE:
                        continue  # "Fatima Malik, PharmD.": a credential after a name, not a place
                    if (" " not in etext and etext.lower() in self._case_free.first and not self._cities.tier(etext)
                            and etext.lower() not in _COMMON_WORDS and not is_english(etext.lower(), self._case_free.words)
                            and etext.lower() not in _STATES and etext.lower() not in country_names()):
                        out.append(self._result(PERSON, s, e, 0.7, "spacy_given_name"))  # "Tamsin's mum": no place
                        continue
                    if etext.lower() in _STATES and not self._cities.tier(etext):
                        continue  # a state or province is allowed by Safe Harbor ("New York" the city stays)
                    if _is_eponym(etext, text[e : e + 24]) or _clinical_phrase(etext):
                        continue  # "Kawasaki disease" is not a city, "Pleural" is not a place
                    if any(ch.isdigit() for ch in etext):
                        continue  # "FEV1", "T2": measurements, not places
                    if etext.lower() in country_names() and _POSTCODE_AFTER.match(text, e):
                        continue  # "…, Singapore 640045": the country closing an address, which Safe Harbor leaves in
                    if _ROOM_WORD.fullmatch(etext) and _NUMBER_AFTER.match(text, e):
                        continue  # "Rm 412", "Bldg 3": a room of the ward, not a place
                    if len(etext) <= 3 and etext.isupper():
                        continue  # state codes (allowed by Safe Harbor) and "MD", "ER", ...
                    if " " not in etext and (_label_or_analyte(etext, text, e) or _LAB_CASE.search(etext) and len(etext) <= 6
                                             or etext.isupper() and len(etext) <= 5 and not self._cities.tier(etext)):
                        continue  # "Creatinine  2.41", "Syphilis serology", "HbSC", "ARIA": an analyte or an acronym
                    if _NATIONALITY_BEFORE.search(text, max(0, s - 30), s):
                        continue  # "Nationality: Philippines": a country, which Safe Harbor leaves in
                    if (" " not in etext and _SENTENCE_OPEN.search(text, max(0, s - 4), s) is not None
                            and is_english(etext.lower(), self._case_free.words) and not self._cities.tier(etext)
                            and etext.lower() not in self._case_free.any_name and etext.lower() not in country_names()):
                        continue  # "Melanoma, Breslow 1.8 mm", "Ventricular tachycardia": a sentence's first word, no place
                    if (" " not in etext and _PLURAL_NOUN_AFTER.match(text, e) and not self._cities.tier(etext)
                            and is_english(etext.lower(), self._case_free.words) and etext.lower() not in country_names()):
                        continue  # "2 Broadway shows": a word used before a plural noun, no town of the gazetteer
                    if _medicine_word(text, s, e, etext, self._case_free.any_name):
                        continue  # "on Spiriva and Symbicort", "Stelara is not indicated": a medicine's brand name
                    out.append(self._result(LOCATION, s, e, 0.7, "spacy_location"))
                elif label == "DATE":
                    if _MONTH_RE.search(etext) and any(ch.isdigit() for ch in etext) and not _DURATION.search(etext):
                        out.append(self._result(DATE_TIME, s, e, 0.75, "spacy_date"))
        for m in _EN_TITLE.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            if "\n" in text[m.start() : s]:
                continue  # "C. Morrow, RN\nDTaP-IPV": a credential closing its line titles nothing below it
            gap = _TITLE_GAP.search(name)
            if gap:  # "Dr Oyelowo  Pharmacy: …": never into the next column or line
                name = name[: gap.start()]
                e = s + len(name)
            if name.lower() in _TITLED_EVERYDAY:
                continue  # "Ms Fit", "Mrs. Dash": a brand's or a joke's title before an everyday word
            if not _is_eponym(name, text[e : e + 14]) and (not self._ordinary_single_word(name)
                                                          or self._titled_surname(text, s, name)):
                if name.endswith(("'s", "’s")) and " " not in name:
                    e -= 2  # "Dr. Castellano's office": the owner, not the possessive
                out.append(self._result(PERSON, s, e, 0.85, "title"))  # not "Doctor. Hello Everyone"
        for m in _FULL_NAME.finditer(text, overlapped=True):  # "Call Bogdan Petrescu": not only "Call Bogdan"
            first, last = m.group("first"), m.group("last")
            listed = first.lower() in self._first
            if "-" in first:  # "Mia-Rose Thompson": both parts of the given name are listed, the first no word
                parts = first.lower().split("-")
                listed = (all(p in self._case_free.first for p in parts) and not is_english(parts[0], self._case_free.words)
                          and last.lower() in self._last)
            if not listed or last.lower() in _NOT_NAME_WORDS or first in _TITLES_EN or last in _TITLES_EN:
                continue  # "Sister Mary Kane": the title is no given name; "Son Mr Leung": nor a surname
            if last.lower() not in self._last and first.lower() in lexicon.CLINICAL_WORDS_EN:
                continue
            s, e = m.span("name")
            if text[e : e + 1] == ":" and "  " in m.group("name"):
                continue  # "Last: Abdullahi  First: Hodan": the next column's label is no surname
            if "  " in m.group("name") and last.lower() not in self._last and is_english(last.lower(), self._case_free.words):
                continue  # "Gupta, Rohan  Policy No …": a column gap, then the next field's label
            if not _is_eponym(m.group("name"), text[e : e + 14]):
                out.append(self._result(PERSON, s, e, 0.7, "name_list"))
        for m in _SINGLE_NAME.finditer(text):
            word = m.group("name")
            if word.lower() not in self._first or word.lower() in lexicon.CLINICAL_WORDS_EN or _clinical_phrase(word):
                continue
            if m.start("name") >= 3 and _SAINT_BEFORE.search(text, max(0, m.start("name") - 7), m.start("name")):
                continue  # "St John's ED": the saint a hospital is named after
            if _in_state_name(text, m.start("name"), m.end("name")):
                continue  # "Texas", "New York": a state, not someone called Texas or York
            if word in _TITLES_EN or word.lower() in _FORM_WORDS:
                continue  # "Sister aware, Matron informed": a nurse's title alone names no one; "Male"
            s, e = m.span("name")
            nxt = _NEXT_WORD_RE.match(text, e)
            if nxt and nxt.group(1).lower() in _NOT_NAME_WORDS:
                continue  # "Oak Lane Surgery", "Grace Clinic": part of a place's name
            before = text[:s].rstrip(" \t\"'(")
            speaker = text[e : e + 1] == ":" and (not before or before.endswith("\n"))
            if speaker and is_english(word.lower(), self._case_free.words):
                continue  # a form label ("Reason:", "Plan:"), not someone speaking
            sentence_start = not before or before[-1] in ".!?\n:;"
            if (sentence_start and not speaker) or _is_eponym(word, text[e : e + 14]):
                continue
            if word.lower() in _EPONYMS_ALL and _listed_beside_eponym(text, s, e):
                continue  # "Ddx: Turner, Addison": a differential's eponyms, no given name
            out.append(self._result(PERSON, s, e, 0.6, "first_name"))
        out.extend(_list_names(self, text))
        out.extend(self._result(PERSON, s, e, score, how) for s, e, how, score in find_names(text, self._case_free))
        out.extend(self._result(PERSON, s, e, score, how) for s, e, how, score in find_cued_names(text, self._case_free))
        out.extend(self._result(PERSON, s, e, score, how) for s, e, how, score in find_form_names(text, self._case_free))
        hits = self._cities.find(text)
        out.extend(_city_results(self, text, hits))
        out.extend(_lower_city_results(self, text, hits))
        out.extend(_unknown_pairs(self, text))
        out.extend(_aged_pairs(self, text))
        out.extend(_bed_names(self, text))
        out.extend(_possessive_names(self, text))
        if (AGE in entities or not entities) and _DIGIT.search(text):
            out.extend(_named_subject_ages(self, text))
        for m in _SENTENCE_NAME.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            if name.split()[0] in _TITLES_EN or _is_eponym(name, text[e : e + 14]):
                continue
            if name.split()[-1].lower() in _NOT_NAME_WORDS or name.split()[0].lower() in lexicon.CLINICAL_WORDS_EN:
                continue
            if _clinical_phrase(name) or all(w.lower() in _COMMON_WORDS for w in name.split()):
                continue  # "Chest Pain was", "Type Two could": title-case clinical or ordinary words
            if name.lower() in country_names():
                continue  # "South Africa was super fun": a country, not a person
            ts, te = self._trim_ordinary_edges(text, s, e)
            if ts > s and text[ts:te].split()[0].lower() in self._case_free.first:
                s, e = ts, te  # "Visitor Dmitri says": a role word before a given name is no part of it
            out.append(self._result(PERSON, s, e, 0.7, "sentence_subject"))
        for m in _LONE_GIVEN_SUBJECT.finditer(text):
            name = m.group("name")
            low = name.lower()
            if (low in self._first and not is_english(low, self._case_free.words) and low not in lexicon.CLINICAL_WORDS_EN
                    and low not in _COMMON_WORDS and not _blocked_word(low) and not _is_eponym(name, text[m.end("name") : m.end("name") + 14])):
                out.append(self._result(PERSON, *m.span("name"), 0.7, "lone_given_subject"))
        for m in _EN_NAME_CUE.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            gap = _COLUMN_GAP.search(name)
            if gap:  # "Patient: John Smith   Lab No:": never into the next column or line
                name = name[: gap.start()].rstrip(" \t")
                e = s + len(name)
                if not name:
                    continue
            two = name.find("  ")
            if two > 0:
                nxt = name[two:].split()[0].lower()
                if is_english(nxt, self._case_free.words) and nxt not in self._case_free.any_name:
                    name = name[:two]  # "Surgeon: Siddharth Rao  Procedure: …": two spaces, then the next field
                    e = s + len(name)
            words = list(_WORD_SPAN.finditer(name))
            if len(words) > 3:
                w4 = words[3].group().lower()
                if (w4 in _COMMON_WORDS or is_english(w4, self._case_free.words) or w4 in lexicon.CLINICAL_WORDS_EN
                        or w4 in _NOT_NAME_WORDS or _blocked_word(w4)):
                    name = name[: words[2].end()]  # "for John Paul Jones Today": three words at most
                    e = s + len(name)
            if name.split()[0].rstrip(".") in _TITLES_EN:
                continue
            kin = _KIN_BEFORE_NAME.match(name)
            if kin and kin.end() < len(name):
                s, name = s + kin.end(), name[kin.end():]  # "with Auntie Marisol": the kin word is no part of the name
            if name.lower() in lexicon.CLINICAL_WORDS_EN or _is_eponym(name, text[e : e + 14]):
                continue
            cue_word = m.group(0)[: m.start("name") - m.start()].strip(" :-").lower()
            if cue_word in _LOOSE_CUES and " " not in name:
                # "I am Worried", "for Lyme": a single word is not trusted after a loose cue,
                # except "I'm Priya." / "this is Tom," where it ends the clause.
                closes = _CLAUSE_END_RE.match(text, e) is not None
                if not (cue_word in ("i'm", "i am", "this is") and closes and name.lower() not in _NOT_NAME_SINGLE):
                    continue
            if cue_word in _LOOSE_CUES and name.split()[-1].lower() in _NOT_NAME_WORDS:
                continue
            if " " not in name and name.lower() in _RELATION_WORDS:
                continue  # "signed by Guardian", "Next of kin: Parent": the role, not the person's name
            if name.split()[0].lower() in _NAME_PART_WORDS:
                continue  # "Name (Last, First): …": the form explaining its own field
            if (" " not in name and m.group(0)[: m.start("name") - m.start()].rstrip().endswith("(")
                    and m.group(0)[: m.start("name") - m.start()].strip(" :-(,").lower() in _RELATION_WORDS
                    and is_english(name.lower(), self._case_free.words) and name.lower() not in self._case_free.any_name):
                continue  # "mum (Anxious) at the bedside": one ordinary word no list holds as a name
            if (name.split()[-1].lower() in _DOCUMENT_NOUNS
                    and all(is_english(w.lower(), self._case_free.words) for w in name.split())):
                continue  # "Patient Information Sheet", "Patient Registration Form": the document's title
            if " " not in name and "\n" in text[m.start() : s] and name.lower() in _GREETINGS:
                continue  # "To: school nurse\nHi, this is …": a greeting opening the next line
            if " " not in name and name.lower() in _PRONOUN_WORDS:
                continue  # "about my son\nMy son …", "→ Patient\nWe resubmitted": a pronoun opening the next line
            out.append(self._result(PERSON, s, e, 0.8, "cue"))
        out.extend(_bridged_particles(self, text, out))
        if "," in text and _DEGREE_SEEN.search(text):
            # The credential itself stays outside the span: surrogates are keyed on the name, so
            # "Kerstin Holm, DO" and a later "Kerstin Holm" get the same replacement.
            out.extend(_degree_names(self, text))
        if "," in text:
            _caps_surname_before(self, text, out)
        self._given_names_before(text, out)
        if "(" in text or "," in text or " and " in text or " & " in text:
            out.extend(self._names_by_their_neighbours(text, out))
        kept = [r for r in map(self._without_relation, out, [text] * len(out)) if r is not None]
        return _without_product_names(kept, text) if kept else kept

    def _given_names_before(self, text: str, out: list[RecognizerResult]) -> None:
        """A found surname takes the given name written just before it, which the model left out as a
        word ("Caller: Amber Lindgren", "Lily-Mae Harrington"), and a double surname the model took for
        a place after a given name is a person's ("daughters June Remington-Clark")."""
        for r in out:
            if r.entity_type not in (PERSON, LOCATION):
                continue
            m = _GIVEN_BEFORE.search(text, max(0, r.start - 24), r.start)
            if m is None or m.group("given").lower() not in self._case_free.first:
                continue
            if " " in text[r.start : r.end] and (m.group("sep") != "-" or r.entity_type != PERSON):
                continue  # a full name already; only the first half of a double given name joins it
            given = m.group("given").lower()
            if given in _RELATION_WORDS or given in _ROLE_OPENERS or given in lexicon.CLINICAL_WORDS_EN:
                continue
            if r.entity_type == LOCATION:
                word = text[r.start : r.end].lower()
                if "-" not in word or self._cities.tier(text[r.start : r.end]) or not any(
                        p in self._case_free.last for p in word.split("-")):
                    continue
                r.entity_type = PERSON
            elif m.group("sep") == " " and _SENTENCE_OPEN.search(text, max(0, m.start() - 4), m.start()) and is_english(
                    given, self._case_free.words):
                continue  # "Amber discharge noted. Lindgren…": an ordinary word opening a sentence
            r.start = m.start("given")

    def _names_by_their_neighbours(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """Given names that are words ("Faith", "Jade", "Will") where the words around them say a person:
        a relation in brackets after it ("Faith (pt's sister)"), a relation and a comma before it at the
        clause's end ("his partner, Jade."), or a found full name it is paired with ("Will and Summer Brandt")."""
        found = []
        people = [(r.start, r.end) for r in out if r.entity_type == PERSON]
        for rx, how in ((_NAME_THEN_RELATION, "name_relation_bracket"), (_RELATION_COMMA_NAME, "relation_comma_name"),
                        (_NAME_AND_FULL_NAME, "name_and_full_name")):
            for m in rx.finditer(text):
                s, e = m.span("name")
                low = m.group("name").lower()
                # ("Will and Summer Brandt": a modal would make no sense before "and", so "Will" is a name there)
                opener = low in _ROLE_OPENERS and not (rx is _NAME_AND_FULL_NAME and low in _MODAL_NAMES)
                if (low not in self._case_free.first or low in _RELATION_WORDS or opener
                        or low in lexicon.CLINICAL_WORDS_EN or any(a < e and s < b for a, b in people)):
                    continue
                if rx is _NAME_AND_FULL_NAME and not any(a == m.end() for a, _ in people):
                    continue  # the pair's other half must be a name found already
                found.append(self._result(PERSON, s, e, 0.75, how))
        return found

    @staticmethod
    def _without_relation(r: RecognizerResult, text: str) -> RecognizerResult | None:
        """"Son Phil Winslow", "Daughter-in-law Marta": the relation word is not part of the name."""
        if r.entity_type != PERSON:
            return r
        cut = text.find("\n", r.start, r.end)
        if cut > r.start:  # "Name:Haugland,Ingrid K\nHypothyroidism": a name ends with its line
            r.end = cut
        if not text[r.start : r.start + 1].isupper():
            return r
        head = text[r.start : r.start + 16].split(None, 1)[0].split("-", 1)[0].rstrip(".").lower()
        if head not in _RELATION_HEADS:
            return r
        m = _LEADING_RELATION_RE.match(text[r.start : r.end])
        if m is None:
            return r
        if r.start + m.end() >= r.end or not text[r.start + m.end()].isupper():
            return None
        r.start += m.end()
        return r


# ---- product names and labels the NER model takes for people or places ---------------------------
_HERBAL_RE = regex.compile(
    r"(?<![\w'’])(?:" + "|".join(regex.escape(p).replace("\\ ", r"\s+").replace("'", "['’]?") for p in sorted(HERBAL_REMEDIES_EN, key=len, reverse=True))
    + r")(?![\w'’])", regex.IGNORECASE)
_HERBAL_WORDS = frozenset(w for p in HERBAL_REMEDIES_EN for w in regex.findall(r"[a-z]+", p) if len(w) > 1)
_SPAN_WORDS = regex.compile(r"[a-z]+")
_MAKER_RE = regex.compile(
    r"(?<![\w'’])(?:" + "|".join(regex.escape(p).replace("\\ ", r"\s+") for p in sorted(DEVICE_MAKERS_EN, key=len, reverse=True))
    + r")(?![\w'’\-])", regex.IGNORECASE)
# "Eliquis = apixaban", "Lasix/furosemide", "Keppra → levetiracetam", "apixaban (Eliquis)": a brand and its generic.
_PAIR_AFTER = regex.compile(r"\s*(?:=|/|→|->|\(|:)\s*(?P<w>\p{Ll}[\p{Ll}\-]{4,})\b")
_PAIR_INSIDE = regex.compile(r"^\p{Lu}[\p{L}\-]+\s*(?:=|/|→|->)\s*(?P<w>\p{Ll}[\p{Ll}\-]{4,})$")
_PAIR_BEFORE = regex.compile(r"\b(?P<w>\p{Ll}[\p{Ll}\-]{4,})\s*(?:=|/|→|->|\()\s*$")
_EPONYM_PAIR_WORDS = (r"(?i:tests?|signs?|manoeuvres?|maneuvers?|scores?|criteria|classifications?|syndromes?|diseases?|"
                      r"reflexes|procedures?|operations?|stages?|staging|grades?|grading|scales?|index)\b")
# ... or a grade straight after the pair: "Hunt and Hess 2", "Kellgren-Lawrence 3", "Hunt & Hess grade IV".
_EPONYM_PAIR_GRADE = r"(?:[0-5]|I{1,3}|IV|V)[a-c]?(?![\w/]|\.\d|\s+(?i:days?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|mins?|times|x)\b)"
# (or a list of them: "Conn, Bartter and Gitelman syndromes")
_EPONYM_PAIR_AFTER = regex.compile(rf"(?:['’]s)?(?:,[ ]\p{{Lu}}\p{{Ll}}+(?:['’]s)?){{0,3}},?\s+(?:and|&|/|or)\s+\p{{Lu}}\p{{Ll}}+(?:['’]s)?\s+"
                                   rf"(?:{_EPONYM_PAIR_WORDS}|{_EPONYM_PAIR_GRADE})")
# The second of the pair: "Hoehn and Yahr stage 2", "Kellgren & Lawrence grade III".
_EPONYM_PAIR_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+(?:['’]s)?\s+(?:and|&|/|or)\s+$")
_EPONYM_PAIR_TAIL = regex.compile(rf"(?:['’]s)?\s+(?:{_EPONYM_PAIR_WORDS}|{_EPONYM_PAIR_GRADE})")
# An item of a numbered or bulleted list, and what follows an eponym alone in one: the line's end or
# another capitalised word after a comma or a slash.
_LIST_ITEM_BEFORE = regex.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]*$")
_EPONYM_ITEM_AFTER = regex.compile(r"(?:['’]s)?[ \t]*(?:$|\n|[,/][ ]?\p{Lu}\p{Ll}+(?:['’]s)?[ \t]*(?:$|\n|[,/]))")
# Festivals the NER model takes for a person or a place, as times: "after Ramadan", "Diwali sweets".
_FESTIVALS = frozenset({"ramadan", "ramzan", "diwali", "deepavali", "eid", "hanukkah", "passover", "easter", "christmas",
                        "thanksgiving", "halloween", "navratri", "holi", "vesak", "lent", "purim", "onam", "pongal"})
_TIME_PREP_BEFORE = regex.compile(r"\b(?i:after|before|during|over|for|since|until|till|through|throughout|at|in|post|pre)[ ]$")
_FESTIVAL_NOUN_AFTER = regex.compile(r"[ ](?i:holidays?|break|fast(?:ing)?|festival|celebrations?|period|season|sweets|time|week|day|eve)\b")
# A medicine's cues: an order or a taking verb before it ("Rx Augmentin", "can i take Nurofen with
# Ferrograd"), or its running out or its form after it ("my Ventolin ran out", "Seretide inhaler").
_MED_VERB_BEFORE = regex.compile(r"\b(?:Rx|RX|(?i:take|takes|taking|took|prescribed|dispensed|script\s+for|refill\s+of|"
                                 r"started|starting|restarted|stopped|tried|trying))(?:[ ]\p{Lu}\p{Ll}+[ ](?:with|and|or|plus|\+))?[ ]$")
_MED_USE_AFTER = regex.compile(r"[ ](?:(?:ran|run|runs|has[ ]run|is[ ]running|running)[ ]out|inhaler|puffer|tablets|pills|script|refill)\b")
_ON_BEFORE = regex.compile(r"\b(?i:on)[ ]$")
# A screen name's marks, which no brand name has: "dr_ferguson", "lizzie_m", "kyle.b.77".
_HANDLE_MARK = regex.compile(r"\p{L}[._]\p{L}|\p{L}_?\d")
# A lower-case plural noun right after a word, which the word qualifies ("Broadway shows").
_PLURAL_NOUN_AFTER = regex.compile(r"[ ](?!(?:is|was|has|does|says|goes|gets|lives|stays|works|plus|thus|as|us|this|his|its)\b)\p{Ll}{2,}[^s\W]s\b")
_ON_DRUG_BEFORE = regex.compile(r"\b(?i:on|started|starting|start|taking|takes|switched\s+to|continue[ds]?|stopped|stop|restarted)\s+$")
# Verbs of saying and thinking that some locale lists as a given name ("Said"), after a relation word.
_KIN_REPORT_VERBS = frozenset({"said", "says", "told", "thinks", "thought", "wants", "asked", "asks", "rang", "called"})
# A meeting chat's addressee after the sender: "09:02 From Lena K. to Everyone:".
_MEETING_ADDRESSEE = regex.compile(r"[ ]to[ ](?:Everyone|everyone|Me|me|All|all)\b")
_STREET_HEADS = frozenset({"street", "road", "avenue", "drive", "crescent", "terrace", "boulevard", "parade", "rd", "st", "ave"})
_STREET_AFTER = regex.compile(r"(?:\s\p{Lu}\p{Ll}+){0,2}\s(?:Street|Road|Avenue|Drive|Crescent|Terrace|Boulevard|Parade)\b")
_AFTER_STREET = regex.compile(r"\b(?:Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Crescent|Close|Terrace|Grove|Parade|Boulevard)\.?,\s{1,2}$")
# A listed given name alone opening a sentence, the subject of what a patient does or refuses:
# "Harriet refused breakfast again", "Wilhelmina ate half her lunch". The verb list is of a
# person's acts; the name must be no English word (checked where it is used).
_LONE_GIVEN_SUBJECT = regex.compile(
    r"(?:^|(?<=[.!?]\s{1,3})|(?<=\n))(?P<name>\p{Lu}\p{Ll}{2,14})\s+(?=(?:refused|refuses|declined|declines|ate|eats|slept|sleeps|"
    r"walked|walks|mobilised|mobilized|mobilises|mobilizes|denies|denied|reports|reported|complains|"
    r"complained|states|stated|asked|asks|wants|wanted|fell|vomited|cried|screamed|pulled)\b)")
# (no "was" or "is": "Allegra was given", "Ella was started" are drugs in the passive)
# A postcode right after a country the model named: the country closes an address ("…, Singapore 640045")
# and is left in, as Safe Harbor allows.
_POSTCODE_AFTER = regex.compile(r",?[ ]{1,2}\d{4,6}(?![\d\-/.])")
# A room's or building's abbreviation the model takes for a place when a number follows it ("Rm 412").
_ROOM_WORD = regex.compile(r"(?:Rm|RM|Rms|Bldg|Bldgs|Ste|Fl|Flr)\.?")
_NUMBER_AFTER = regex.compile(r"\.?[ ]?#?[ ]?\d")
_KIN_BEFORE_NAME = regex.compile(r"(?:Uncle|Aunt|Auntie|Aunty)\s+(?=\p{Lu})")
# The last word of a document's title after "Patient": "Patient Information Sheet".
_DOCUMENT_NOUNS = frozenset({"sheet", "leaflet", "form", "forms", "summary", "report", "letter", "list", "booklet", "guide",
                             "handout", "pack", "packet", "card", "record", "portal", "questionnaire", "survey", "agreement"})
_HEADER_WORDS = frozenset({"note", "notes", "date", "tel", "section", "aadhaar", "aadhar", "pan", "physician", "surgeon",
                           "attending", "registrar", "consultant", "hospitalist", "intensivist", "pt", "re", "subject",
                           "portal", "message", "vill", "copay", "co-pay", "voicemail", "email", "e-mail", "fax"})
# Form labels and shift words the NER model reads as a one-word person: "Member: Jamal …", "Handoff: bed 12".
_ROLE_LABELS = frozenset({"member", "subscriber", "claimant", "insured", "enrollee", "beneficiary", "guarantor",
                          "handoff", "handover", "sbar", "signout", "sign-out"})
_SCORE_AFTER = regex.compile(r"(?:['’]s)?\s{1,2}(?:(?i:grade|class|stage|type|score|index|criteria|classification|level)\s{1,2})?"
                           r"(?:[0-9]{1,2}[a-cA-C]?|[IV]{1,4}[a-cA-C]?)(?![\w/])")
_GRADE_WORD = regex.compile(r"(?:[0-9]{1,2}[a-cA-C]?|[IV]{1,4}[a-cA-C]?)[.,;:]?")
_PROCEDURE_AFTER = regex.compile(r"(?:['’]s)?\s{1,2}(?i:fundoplication|gastrectomy|pancreaticoduodenectomy|anastomosis|osteotomy|"
                                 r"pouch|bunionectomy|arthroplasty|herniorrhaphy|hernia|fracture|ulcer|diverticulum|"
                                 r"procedure|operation|manoeuvre|maneuver)\b")
# Brands written as a title and a surname, dropped only beside the product's own words.
_TITLE_BRANDS = frozenset({"pepper", "dash", "clean", "muscle", "scholl's", "scholl", "brown's", "pibb", "butterworth's"})
_PRODUCT_CONTEXT = regex.compile(
    r"(?i:\b(?:sodas?|soft\s+drinks?|drinks?|colas?|pop|caffeine|caffeinated|beverages?|seasonings?|salt|salt-free|"
    r"spices?|insoles?|bottles?|cleaners?|syrup|e\.g\.|such\s+as|brand)\b)")
# A device named by its brand: "Zio XT patch", "Omnipod pump".
_DEVICE_WORDS = frozenset({"patch", "monitor", "pump", "sensor", "inhaler", "pen", "device", "implant", "stent", "catheter",
                           "icd", "pacemaker", "crt-d", "crt-p", "cgm", "communicator", "transmitter", "nebuliser", "nebulizer"})
_DEVICE_WORD_AFTER = regex.compile(r"(?:\s+[A-Z0-9]{1,4})?\s+(?:patch|monitor|pump|sensor|inhaler|pen|implant|stent|transmitter)\b")
# "zolpidem 5 mg (Ambien)": the brand in brackets after a dose.
_DOSE_PAREN_BEFORE = regex.compile(r"\d\s*(?i:mg|mcg|µg|g|ml|units?|iu)\s*\(\s*$")
# "Prolastin weekly infusions", "Humira injections": how the drug is given, straight after it.
_DOSING_AFTER = regex.compile(r"\s+(?:(?i:weekly|daily|monthly|fortnightly|nightly|biweekly|iv|sc|sq|im)\s+)?"
                              r"(?i:infusions?|injections?|inj\.?|tablets?|caps(?:ules)?|nebs?|nebulised|nebulized)\b")
_TAPER_BEFORE = regex.compile(r"\b(?i:taper|tapering|wean|weaning|titrate|uptitrate|downtitrate)\s+(?:off\s+)?$")
_DOSE_AFTER = regex.compile(r"\s+\d+(?:\.\d+)?\s*(?i:mg|mcg|µg|g|ml|mL|tabs?|tablets?|caps?|capsules?|puffs?|units?|iu|drops?)\b")
_DX_BEFORE = regex.compile(r"(?i:h/o|hx\s+of|history\s+of|known|dx:?|diagnosis:?|c/o|s/p|with|for)\s+$")
# An exam list's label and its finding: "Romberg: negative", "Babinski - downgoing", "Phalen: +ve".
_FINDING_AFTER_LABEL = regex.compile(
    r"(?:['’]s)?\s?[:\-=]\s*(?:\+|(?i:neg(?:ative)?|pos(?:itive)?|\+ve|-ve|absent|present|normal|abnormal|intact|equivocal|"
    r"down-?going|up-?going|flexor|extensor|mute|unchanged|not\s+(?:done|tested|elicited)|nad)\b)"
)
_MEASURE_AFTER = regex.compile(r"\s+(?:I{1,2}\s+)?\d+(?:\.\d+)?\s*(?:mm|s|sec|%)\b|\s+(?:s/p|on|test|I{1,2}\b)")
_SHORT_LABELS = frozenset({"addr", "adr", "lot", "batch", "exp", "ref", "req", "loc", "dept", "attn", "sig", "disp", "qty"})
_UNIT_BEFORE = regex.compile(r"(?<!:\d)\d[ ]?$")  # not across a column gap ("Bed 3  LI Xiaoyan") nor after a clock time
# Everyday words a brand or a joke puts after a title ("Mr Right", "Mrs Clean", "Ms Fit", "Mr Muscle",
# "Ms Marigold"): no surname, though a name list may hold them. ("Dash" stays a name: an Odia surname.)
_TITLED_EVERYDAY = frozenset({"right", "wrong", "clean", "fit", "happy", "muscle", "marigold", "sparkle", "tickle", "grumpy",
                              "bump", "nobody", "perfect", "motivator", "fixit", "whippy", "sunshine", "universe", "potato",
                              "blobby", "magic", "tidy", "bossy", "messy"})
# Given names that are also clinical words ("Ray" of x-ray, "Iris", "Gene"): in a capitalised full name they
# name the person (an anatomical word such as "Brain" never does).
_CLINICAL_GIVEN_NAMES = frozenset({"ray", "iris", "gene", "rose", "grace", "hope", "joy", "lance", "mark", "jack", "faith", "bell",
                                   "sage", "dawn", "ginger", "basil", "cliff", "will", "pat", "bill", "sterling", "art"})
_RELATION_WORD_RE = (r"(?:sister|brother|daughter|son|wife|husband|mother|father|mom|mum|dad|partner|friend|niece|nephew|aunt|uncle"
                     r"|cousin|granddaughter|grandson|neighbou?r|carer|caregiver|fianc[eé]e?|girlfriend|boyfriend|spouse)")
# "Faith (pt's sister)", "Jade (daughter)": a given name, then who the person is to the patient in brackets.
_NAME_THEN_RELATION = regex.compile(
    rf"(?<![\w'’\-])(?P<name>\p{{Lu}}\p{{Ll}}+)[ ]\((?:(?i:pt|patient|her|his|the patient)['’]s[ ])?(?i:{_RELATION_WORD_RE})\)")
# "in the presence of his partner, Jade.": a relation, a comma, then the name closing the clause.
_RELATION_COMMA_NAME = regex.compile(rf"(?<![\w])(?i:{_RELATION_WORD_RE}),[ ](?P<name>\p{{Lu}}\p{{Ll}}+)(?=[ ]?[.;,)]|$)")
# "Will and Summer Brandt (twins, 16)": a given name paired with a full name found after it.
_NAME_AND_FULL_NAME = regex.compile(r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}+)[ ](?:and|&)[ ](?=\p{Lu}\p{Ll}+[ ]\p{Lu}\p{Ll}+)")
_MODAL_NAMES = frozenset({"will", "may", "can"})
# A capitalised word right before a found surname, a space or a hyphen apart ("Amber Lindgren", "Lily-Mae").
_GIVEN_BEFORE = regex.compile(r"(?<![\w'’\-.])(?P<given>\p{Lu}\p{Ll}{1,})(?P<sep>[ ]|-)\Z")
# Words that open a line or an order before a name and are on some locale's list of given names.
_ROLE_OPENERS = frozenset({"will", "may", "can", "did", "does", "shall", "ask", "call", "tell", "see", "saw", "met", "thank",
                           "thanks", "dear", "hi", "hello", "per", "via", "from", "and", "the", "with", "for", "to", "cc"})
# (a doctor's or a professor's title too: "Dr Castellano" is no everyday castellano; but not a street's "Dr"
# after its name: "4820 Lakeshore Dr Pharmacy")
_COURTESY_TITLE_BEFORE = regex.compile(r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Mx|MR|MRS|MS|(?<!\p{Lu}\p{Ll}*[ ])(?:Dr|Prof|DR))\.?[ ]$")
_PERSON_TITLE_BEFORE = regex.compile(r"(?<![\w])(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor|Nurse|Sister|dr|mr|mrs|ms|miss|prof|doctor)\.?\s+$")
_VEHICLE_NEAR = regex.compile(_VEHICLE)


_DEGREES_RE = (r"(?:MD|DO|NP|RN|EN|RM|PA-C|PA|PharmD|DNP|APRN|CNM|CNS|MBBS|MBChB|FRCP|FRACP|FRCS|FRCPC|PhD|LPN|RGN|CRNA|"
               r"DPM|DDS|MSN|BSN|FNP(?:-BC)?|ANP|RPh|LCSW|MSW|OTR|DPT|CRNP|NNP|MPH)(?![\w\-])")
_DEGREE_SEEN = regex.compile(r",[ ]?" + _DEGREES_RE)
# "Kerstin Holm, DO", "Vo Thi Ngoc Anh, PharmD": two to four capitalised words and a credential.
_NAME_DEGREE = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}[\p{L}'’\-]+(?:[ ](?:\p{Lu}\.|\p{Lu}[\p{L}'’\-]+)){1,3}),[ ]?" + _DEGREES_RE
)


_PARTICLE_GAP = regex.compile(r"[ ]+(?:(?i:van|von|der|den|de|del|della|da|di|du|la|le|bin|binti|bint|al|el|ibn|ter|ten|te|dos|das)[ ]+)+")


def _bridged_particles(self: EnglishNerRecognizer, text: str, spans: list[RecognizerResult]) -> list[RecognizerResult]:
    """"J.P. van" + "Merwe": two pieces of one name with only surname particles between them."""
    persons = sorted((r for r in spans if r.entity_type == PERSON), key=lambda r: r.start)
    out = []
    for a, b in zip(persons, persons[1:], strict=False):
        if a.end < b.start and _PARTICLE_GAP.fullmatch(text, a.end, b.start):
            out.append(self._result(PERSON, a.start, b.end, 0.75, "particle_bridge"))
    return out


def _degree_names(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """A person named by the credential after the name; every word an everyday one ("Internal
    Medicine, MD") or a clinical phrase is no name."""
    out = []
    lists = self._case_free
    for m in _NAME_DEGREE.finditer(text):
        name = m.group("name")
        lows = [w.lower().rstrip(".") for w in name.split()]
        start = m.start("name")
        if lows[0] in ("dr", "mr", "mrs", "ms", "prof", "doctor", "nurse", "sister"):
            lows = lows[1:]
        elif lows[0] in _ROLE_WORDS and len(lows) > 1:
            lows = lows[1:]  # "Prescriber L. Moretti, NP": the role before the name is no part of it
            start = m.start("name") + len(name.split()[0]) + 1
            while text[start] == " ":
                start += 1
        if not lows or any(len(w) > 1 and lists.blocked(w) for w in lows) or _clinical_phrase(name):
            continue
        if all(len(w) <= 1 or (is_english(w, lists.words) and w not in lists.any_name) for w in lows):
            continue
        out.append(self._result(PERSON, start, m.end("name"), 0.8, "name_degree"))
    return out


def _generic_drug(word: str) -> bool:
    w = word.lower()
    return w in lexicon.CLINICAL_WORDS_EN or bool(_DRUG_SUFFIX.search(w)) or not is_english(w, english_words())


def _after_maker(text: str, start: int) -> bool:
    """The span follows a device maker's name: "Medtronic Evera", "ICD Biotronik Ilivia"."""
    words = text[max(0, start - 24) : start].lower().split()
    return any(" ".join(words[-n:]) in DEVICE_MAKERS_EN for n in (1, 2) if len(words) >= n)


_EPONYM_HEADS = (r"diseases?|syndromes?|sarcomas?|tumou?rs?|malformations?|cysts?|palsy|palsies|signs?|reflex(?:es)?|"
                 r"lymphomas?|anomal(?:y|ies)|fractures?|ulcers?|nodes?|phenomen(?:on|a)|procedures?|tests?|"
                 r"manoeuvres?|maneuvers?|classifications?|scores?|scales?|contractures?|aneurysms?|neuromas?|"
                 r"carcinomas?|(?:muscular\s+)?dystroph(?:y|ies)|ataxia|encephalopathy|triad|criteria|staging|hernias?|nodules?|spots?|"
                 r"lesions?|breathing|respirations?|tendons?|tendin(?:opathy|itis|osis)|tendonitis|tendonopathy")
# A person's own things ("Jane's test", "Smith's score") read like eponyms; after a possessive
# only heads that are a named condition count.
_EPONYM_VERB_HEADS = frozenset({"sign", "signs", "test", "tests", "score", "scores", "scale", "scales", "procedure",
                                "procedures", "staging", "spot", "spots", "node", "nodes"})
_EPONYM_HEAD_AFTER = regex.compile(
    rf"(?P<chain>(?:[\-\s]\p{{Lu}}\p{{Ll}}+){{0,2}})(?P<poss>['’]s?)?\s+(?P<head>(?i:{_EPONYM_HEADS}))(?![\w\-])")
_EPONYM_IN_TEXT = regex.compile(
    rf"(?<![\w'’\-])(?P<w>\p{{Lu}}\p{{Ll}}+)(?:['’]s?)?\s+(?i:{_EPONYM_HEADS})(?![\w\-])")
_KNOWN_EPONYM_WORDS = frozenset(_EPONYMS_ALL | _STRICT_EPONYMS | {w.lower() for w in EPONYM_TESTS_EN | SCORE_EPONYMS_EN})


_PROVINCE_PLAN_AFTER = regex.compile(r"\s+(?:Health(?:\s+(?:Card|Insurance|Plan|Number))?|Medicaid|Medical\s+(?:Card|Plan)|OHIP)\b")
_SERVICE_LABELS = frozenset({"geri", "geris", "gen", "paeds", "peds", "onc", "cards", "neuro", "psych", "ortho", "derm",
                             "gastro", "resp", "rheum", "haem", "heme", "endo", "uro", "obs", "gyn", "gynae", "ent",
                             "neph", "renal", "vasc", "plastics", "ophtho", "rehab", "palliative", "pall"})


_TRAILING_KIN = regex.compile(
    r"\s+(?:(?:la|el|the|su|mi|my|his|her)\s+)?(?:mama|mamá|mami|papa|papá|papi|madre|padre|hija|hijo|esposa|esposo|"
    r"abuela|abuelo|tía|tia|tío|tio|mom|mum|dad|mother|father|wife|husband|son|daughter)$")


def _eponym_before_head(text: str, s: int, e: int) -> bool:
    """The span is the name in an eponym: a capitalised name (a hyphenated pair, a possessive)
    right before a disease or anatomy head noun: "Ewing sarcoma", "Pancoast tumor", "Baker's
    cyst", "Lou Gehrig's disease", "Arnold-Chiari malformation". A title or a relation before it
    ("Mrs Baker's", "my son Ewing") makes it a person, and so does a head that is also a verb
    or a person's own after a given name or a possessive ("have Maria sign", "Jane's test"),
    or the same name standing alone elsewhere in the text ("Maria … Maria's fracture"); a chain
    of names ("Jane Smith's disease") is an eponym only when its last name is a known eponym."""
    value = text[s:e]
    m = _EPONYM_HEAD_AFTER.match(text, e)  # the cheap test first: most spans have no head noun after them
    if not m or not value[:1].isupper() or _PERSON_TITLE_BEFORE.search(text, max(0, s - 12), s) or _RELATION_BEFORE_RE.search(
            text, max(0, s - 24), s):
        return False
    chain = [w for w in _SPACE_DASH_RE.split(m.group("chain")) if w]
    words = [_POSSESSIVE_RE.sub("", w).lower() for w in _SPACE_DASH_RE.split(value.strip()) if w]
    if not words:
        return False
    last = chain[-1].lower() if chain else words[-1]
    head = m.group("head").lower()
    if last in _KNOWN_EPONYM_WORDS:
        return True
    if chain or " " in value.strip():
        return False  # "Jane Smith's disease": a person's name and her disease
    if head in _EPONYM_VERB_HEADS and (m.group("poss") or _POSSESSIVE_RE.search(value)
                                       or any(w in _all_given_names() for w in words)):
        return False
    # "Maria … Maria's fracture": a name the text also uses on its own is the person's.
    bare = _POSSESSIVE_RE.sub("", value.strip())
    for o in regex.finditer(rf"(?<![\w\-]){regex.escape(bare)}(?![\w\-])", text):
        if o.start() != s and not _EPONYM_HEAD_AFTER.match(text, o.end()):
            return False
    return True


def _eponyms_in_text(text: str) -> frozenset[str]:
    """Names the text itself uses as an eponym ("Chiari malformation"), so a hyphenated pair
    holding one ("Arnold-Chiari") elsewhere in the same text is the eponym too."""
    out = set()
    for m in _EPONYM_IN_TEXT.finditer(text):
        if not _PERSON_TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            out.add(m.group("w").lower())
    return frozenset(out)


# Infections named after a place: the place before the pathogen word is no address.
# (not "fever" alone: "Maria Lopez fever since Monday" is a note about a person)
_PLACE_FEATURES = frozenset({"nile", "river", "valley", "forest", "mountain", "mountains", "lake", "creek", "canyon", "bay"})
# ("Rocky" of "Rocky Mountain spotted fever": the place's feature word may stand between)
_INFECTION_AFTER = regex.compile(r"(?:\s+(?i:nile|river|valley|forest|mountains?|lake|creek|canyon|bay))?"
                                 r"\s+(?i:virus|spotted\s+fever|encephalitis|ha?emorrhagic\s+fever)\b")


def _without_product_names(spans: list[RecognizerResult], text: str) -> list[RecognizerResult]:
    """Drop names and places that are a remedy, a device maker's product, a brand beside its
    generic, an eponym test pair, a short form label or a unit after a number."""
    herbs = ([m.span() for m in _HERBAL_RE.finditer(text)]
             if any(r.entity_type in (PERSON, LOCATION) and not _HERBAL_WORDS.isdisjoint(_SPAN_WORDS.findall(text[r.start : r.end].lower()))
                    for r in spans) else [])
    eponyms: frozenset[str] | None = None
    out = []
    for r in spans:
        if r.entity_type not in (PERSON, LOCATION):
            out.append(r)
            continue
        s, e = r.start, r.end
        value = text[s:e].rstrip(" =:/")
        if (r.entity_type == PERSON and value.lower() in _TITLE_BRANDS and _PERSON_TITLE_BEFORE.search(text, max(0, s - 12), s)
                and _PRODUCT_CONTEXT.search(text, max(0, s - 60), min(len(text), e + 40))):
            continue  # "sodas such as Dr Pepper", "seasoning (e.g., Mrs. Dash)": a brand, not a titled person
        if r.entity_type == PERSON and _PERSON_TITLE_BEFORE.search(text, max(0, s - 12), s):
            out.append(r)  # "Dr. Edwards", "Mr Baxter": a maker's or a remedy's name is a surname after a title
            continue
        if any(hs < e and s < he for hs, he in herbs):
            continue  # "St John's wort", "Dong quai", "Chai hu"
        if r.entity_type == PERSON and " " in value:
            kin = _TRAILING_KIN.search(value)
            if kin and kin.start() > 0:
                r.end = s + kin.start()  # "soy Rosa la mama de …": the mother's name, not her role
                e = r.end
                value = text[s:e]
        if r.entity_type == LOCATION and value.lower() in _STATES and _PROVINCE_PLAN_AFTER.match(text, e):
            continue  # "Ontario Health Card", "Texas Medicaid": the province's plan, not an address
        if (r.entity_type == PERSON and value.lower() in _SERVICE_LABELS and text[e : e + 1] == ":"
                and (s == 0 or text[s - 1] == "\n")):
            continue  # "Geri: Lewy body dementia …": a service heading, not a person
        if _eponym_before_head(text, s, e):
            continue  # "Ewing sarcoma", "Pancoast tumor", "Baker's cyst", "Lou Gehrig's disease"
        inf = _INFECTION_AFTER.match(text, e)
        if inf and not _RELATION_BEFORE_RE.search(text, max(0, s - 24), s) and (
                r.entity_type == LOCATION or inf.group().strip().lower() != "virus"
                or value.split()[-1].lower() in _PLACE_FEATURES):  # "Maria Lopez virus swab" stays a name
            continue  # "West Nile virus", "Rocky Mountain spotted fever", "Murray Valley encephalitis"
        if r.entity_type == LOCATION and " " in value and any(
                len(w) >= 8 and _DRUG_SUFFIX.search(w.lower()) and w.lower() not in _all_given_names() for w in value.split()):
            continue  # "IV flucloxacillin": a route and a drug, no place
        if " " in value and "," not in value and _DISEASE_WORD.search(value.lower()):
            # (not "Okonjo, Ifeoma": a surname, a comma and a given name that only ends like a disease)
            continue  # "Hashimoto thyroiditis": the model read the eponym and its disease as a name
        if "-" in value and " " not in value.strip():
            if eponyms is None:
                eponyms = _eponyms_in_text(text)
            parts = [p.lower() for p in value.split("-") if p]
            if len(parts) == 2 and any(p in eponyms for p in parts) and all(p in _KNOWN_EPONYM_WORDS for p in parts):
                continue  # "Chiari malformation …; Arnold-Chiari older term": the same eponym again
        words = value.split()
        if _MAKER_RE.match(value) or _after_maker(text, s):
            continue  # "Boston Scientific Accolade", "Medtronic Evera"
        if len(words) > 1:
            inner_maker = next((w for w in _WORD_SPAN.finditer(text, s, e) if w.start() > s
                                and (mk := _MAKER_RE.match(text, w.start())) and mk.end() > e), None)
            if inner_maker is not None:
                head = text[s : inner_maker.start()].rstrip(" ,")
                if " " not in head and (head.isupper() and len(head) <= 5 or head.lower() in _DEVICE_WORDS):
                    continue  # "ICD Boston" of "ICD Boston Scientific": a device and its maker's first word
        if r.entity_type == PERSON and (words[-1] in _DEVICE_WORDS or (len(words) == 1 or words[-1].isupper() and len(words[-1]) <= 4)
                                        and _DEVICE_WORD_AFTER.match(text, e)):
            continue  # "Zio XT patch", "Freestyle Libre sensor": a device's brand, not a person
        if r.entity_type == PERSON and len(words) == 1 and _DOSE_PAREN_BEFORE.search(text, max(0, s - 24), s):
            continue  # "zolpidem 5 mg (Ambien)": a brand after the generic's dose
        if len(words) == 1 and _DOSING_AFTER.match(text, e):
            continue  # "Prolastin weekly infusions", "Humira injections": a drug brand and how it is given
        if (r.entity_type == PERSON and len(words) == 1 and _TAPER_BEFORE.search(text, max(0, s - 12), s)
                and value.lower() not in _all_given_names() and not _PERSON_TITLE_BEFORE.search(text, max(0, s - 12), s)):
            continue  # "taper Ativan", "wean Klonopin": a drug being tapered, no one's name
        maker = _MAKER_RE.match(text, s)
        if maker and maker.end() >= e:
            continue  # "Boston" of "Boston Scientific"
        if r.entity_type == PERSON and any(w.strip(".:-").lower() in _HEADER_WORDS for w in words):
            continue  # "ED NOTE - pt", "Date", "Tel", "Section B", "Attending Physician": labels and roles
        if len(words) == 1 and value.lower().rstrip(".:") in NOT_NAME_TERMS_EN:
            continue  # "Hemoglobin", "DTaP", "Doc": a lab analyte, a vaccine, a form word at a line's start
        if len(words) == 1 and (
            r.entity_type == PERSON and value.lower() in SCORE_EPONYMS_EN and _SCORE_AFTER.match(text, e)
            or _PROCEDURE_AFTER.match(text, e) and value[:1].isupper()
            and not _PERSON_TITLE_BEFORE.search(text, max(0, s - 10), s)
        ):
            continue  # "Harvey-Bradshaw 9", "Marsh 3b", "Wagner grade 2", "Nissen fundoplication"
        if r.entity_type == PERSON and len(words) == 2 and words[0].lower() in SCORE_EPONYMS_EN and _GRADE_WORD.fullmatch(words[1]):
            continue  # "Clark IV": the grade inside the span
        if r.entity_type == PERSON and len(words) == 1 and value.lower().rstrip(".:") in _ROLE_LABELS:
            continue  # "Member", "Handoff": a form label alone, never the name beside it
        if r.entity_type == PERSON and len(words) > 1 and words[-1].lower().rstrip(".:") in _ROLE_LABELS:
            gap = regex.search(r"[ \t]{2,}\S+$", value)
            if gap:  # "Jamal Abdul-Rahman   Member ID": the next field's label after a form gap
                r.end = s + gap.start()
                e = r.end
                words = text[s:e].split()
        if len(words) == 1 and _DOSE_AFTER.match(text, e):
            continue  # "Biktarvy 1 tab daily", "Ozempic 0.5 mg": a drug brand before its dose
        if (len(words) == 1 and value[:1].isupper() and value.lower() not in _all_names()
                and not (_gazetteer_city(value) or value.lower() in country_names())
                and (_MED_VERB_BEFORE.search(text, max(0, s - 40), s) or _MED_USE_AFTER.match(text, e)
                     or r.entity_type == PERSON and _ON_BEFORE.search(text, max(0, s - 4), s))):
            continue  # "Rx Januvia", "take Panadol", "Nurofen with Ferrograd", "my Ventolin ran out": a brand, no name
        if r.entity_type == LOCATION and len(words) == 1 and _ON_DRUG_BEFORE.search(text, max(0, s - 24), s) and not (
            _gazetteer_city(value) or value.lower() in country_names()
        ):
            continue  # "HIV on Biktarvy, CD4 612": a regimen, not a place
        if r.entity_type == PERSON and (any(w.strip(",.").lower() in _STREET_HEADS for w in words[1:])
                                        or _STREET_AFTER.match(text, e)):
            continue  # "Lea Bridge Road, Leyton": the NER model's person is a street
        if r.entity_type == PERSON and len(words) == 1 and _AFTER_STREET.search(text, max(0, s - 16), s):
            r.entity_type = LOCATION  # "… Road, Leyton": the suburb after a street
        if len(words) == 1 and _POSSESSIVE_RE.sub("", value.lower()) in EPONYM_TESTS_EN and (
            (r.entity_type == PERSON or not _gazetteer_city(value)) and (
                _DX_BEFORE.search(text, max(0, s - 14), s) or _MEASURE_AFTER.match(text, e) or _FINDING_AFTER_LABEL.match(text, e))
            or r.entity_type in (PERSON, LOCATION) and _clinical_follower(text[e : e + 24])
        ):
            continue  # "h/o Graves s/p RAI", "Schirmer 3 mm", "for Conn?", "Addison causes hyperkalaemia": the disease or test
        if (r.entity_type in (PERSON, LOCATION) and len(words) == 1 and _POSSESSIVE_RE.sub("", value.lower()) in _KNOWN_EPONYM_WORDS
                and _LIST_ITEM_BEFORE.search(text, max(0, s - 8), s) and _EPONYM_ITEM_AFTER.match(text, e)
                and _DISEASE_TALK.search(text)):
            continue  # "differential:\n1. Conn, Bartter", "Ddx:\n- Addison": an eponym alone in an item of a list of diseases
        if (len(words) == 1 and value.lower() in _FESTIVALS and not _PERSON_TITLE_BEFORE.search(text, max(0, s - 12), s)
                and (_TIME_PREP_BEFORE.search(text, max(0, s - 12), s) or _FESTIVAL_NOUN_AFTER.match(text, e))):
            continue  # "rebook after Ramadan", "before Diwali", "Eid holidays": a festival, no person or place
        inner = _PAIR_INSIDE.match(value)
        if inner and _generic_drug(inner.group("w")):
            continue  # the NER model's "Eliquis = apixaban" in one span
        if len(words) == 1:
            after = _PAIR_AFTER.match(text, s + len(value))
            before = _PAIR_BEFORE.search(text, max(0, s - 30), s)
            if before and _PERSON_TITLE_BEFORE.search(text, max(0, before.start("w") - 10), before.start("w")):
                before = None  # "mrs kowalczyk (agnieszka)": a titled surname, then the given name
            if (after and _generic_drug(after.group("w")) or before and _generic_drug(before.group("w"))) and not _HANDLE_MARK.search(value):
                continue  # "Eliquis = apixaban", "apixaban (Eliquis)"; not the screen name "dr_ferguson: penicillin V"
            if _EPONYM_PAIR_AFTER.match(text, e) or (_EPONYM_PAIR_TAIL.match(text, e)
                                                     and _EPONYM_PAIR_BEFORE.search(text, max(0, s - 30), s)):
                continue  # "Hawkins and Neer tests", "Hoehn and Yahr stage 2": an eponym pair, either member
            if value.lower().rstrip(".") in _SHORT_LABELS and regex.match(r"\s*[:#]", text[e : e + 3]):
                continue  # "Addr:", "Lot :"
            if value.lower() in CAR_MAKERS_EN and _VEHICLE_NEAR.search(text[max(0, s - 30) : e + 30]):
                continue  # "grey Toyota, plate …"
        if len(words[0].rstrip(".")) <= 2 and _UNIT_BEFORE.search(text, max(0, s - 4), s):
            continue  # "1.6 L. Rm temp": a unit after a number
        out.append(r)
    return out


_ROLE_COMPOUNDS = frozenset({"line", "station", "visit", "visits", "call", "calls", "led", "practitioner", "specialist",
                             "manager", "review", "clinic", "team", "lead", "educator", "appointment", "note", "notes",
                             "rounds", "desk", "phone", "helpline", "triage", "advice", "office", "bay", "bank", "cover"})
_LOWER_NAME = regex.compile(
    r"(?<![\w'@./\-])(?P<name>(?P<first>\p{Ll}[\p{Ll}'\-]{1,})(?:\s+(?P<mid>\p{Ll})\.?)?\s+(?P<last>\p{Ll}[\p{Ll}'\-]{2,}))(?![\w@\-])"
)
_TITLE_LOWER = regex.compile(r"(?i:\b(?:dr|mr|mrs|ms|miss|prof|doctor|nurse)\.?)\s+(?P<name>\p{Ll}[\p{Ll}'\-]{2,})(?![\w\-])")
_KIN_LOWER = regex.compile(
    r"(?i:\b(?:husband|wife|son|daughter|mother|father|brother|sister|partner|friend|niece|nephew|grandson|"
    r"granddaughter|carer|caregiver|cousin|aunt|uncle|fianc[eé]e?|patient|pt))(?:,?\s+|\s*\(\s*)"
    r"(?P<first>\p{Ll}[\p{Ll}'\-]{2,})(?:\s+(?P<last>\p{Ll}[\p{Ll}'\-]{2,}))?(?![\w@\-])"
)
_INITIAL_NAME = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?P<first>\p{Lu}\p{Ll}{2,})[ ]{1,2}\p{Lu}\.?[ ]{1,2}(?P<last>\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?))(?![\w\-])"
)
_CAP_WORD = regex.compile(r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}[\p{Ll}'\-]{1,})(?![\w\-])")


def _blocked_word(word: str) -> bool:
    """Never part of a case-free name: stop/prose words, clinical words, drug-like words."""
    w = word.lower().strip("'’-")
    return (w in _COMMON_WORDS or w in lexicon.CLINICAL_WORDS_EN or w in lexicon.CLINICAL_VOCAB_EN
            or w.rstrip("s") in lexicon.CLINICAL_VOCAB_EN or len(w) < 2
            # Drug stems are long ("metformin", "ramipril"); "Olamide" only looks like one.
            or len(w) >= 8 and bool(_DRUG_SUFFIX.search(w)) and w not in _all_given_names())


@functools.cache
def _all_names() -> frozenset[str]:
    """Given names and surnames of every locale."""
    first, last = all_person_names()
    return first | last


def _all_given_names() -> frozenset[str]:
    """Given names of every locale: "Losaline", "Rosaline" end like a drug stem and are still names."""
    return all_person_names()[0]


_NEXT_WORD = regex.compile(r"^[\s'’s]*(\p{L}+)")


def _clinical_follower(following: str) -> bool:
    m = _NEXT_WORD.match(following)
    if not m:
        return False
    nxt = m.group(1).lower()
    if nxt in _CAUSE_VERBS:  # "Addison causes hyperkalaemia": the disease doing what diseases do
        return _clinical_follower(following[m.end() :])
    return (nxt.startswith(lexicon.EPONYM_FOLLOWERS_EN) or nxt in lexicon.CLINICAL_VOCAB_EN or nxt in ("coma", "criteria")
            or _DISEASE_WORD.search(nxt) is not None)


_CAUSE_VERBS = frozenset({"causes", "cause", "caused", "mimics", "mimic", "presents", "presenting"})


# "Hashimoto thyroiditis", "Wegener granulomatosis", "Graves ophthalmopathy": a disease word by its ending.
_DISEASE_WORD = regex.compile(r"(?:itis|osis|oma|pathy|plasia|emia|aemia|uria|algia|ectomy|otomy|oscopy|gram)$")


_DIGIT = regex.compile(r"\d")
_NAMED_AGE = regex.compile(
    r"\b(?P<subj>\p{Lu}\p{Ll}+)\s+(?:is|was|turned|turns|will\s+be|just\s+turned)\s+(?P<age>9\d|1[01]\d)"
    r"(?![\d.,/:]\d|\s*(?:%|mg|kg|lbs?|cm|mm|ml|bpm|beats|degrees|°|/|percent|pounds|minutes|mins|hours|times|units|mmhg))(?!\d)"
)


# Ward shorthand, a full name then the age and a clinical clause: "Gwenllian Pritchard 93 with
# Paget's", "re Elin Morgan 94, CKD", "Teodoro Marquez 92." The given name is checked in code.
_FULL_NAME_AGE = regex.compile(
    r"\b(?P<first>\p{Lu}\p{Ll}{2,})\s(?P<last>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?)\s(?P<age>9\d|1[01]\d)"
    r"(?=,\s|\.(?:\s|$)|;|\s(?:with|who|from|has|presents|presenting|admitted|lives|F|M|female|male|woman|man)\b)"
)


def _named_subject_ages(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """"Raj is 92 and keeps falling": an age over 89 stated of a named person.

    The subject must be a name, not a word: "Pulse was 96", "Weight is 95" stay numbers.
    """
    out = []
    for m in _NAMED_AGE.finditer(text):
        subj = m.group("subj").lower()
        if _blocked_word(subj) or is_english(subj, self._case_free.words) and subj not in self._case_free.any_name:
            continue
        out.append(self._result(AGE, *m.span("age"), 0.75, "named_age"))
    for m in _FULL_NAME_AGE.finditer(text):
        # Both words names, neither a word: "Gwenllian" is on no list but is no word, "Pritchard" is listed.
        lists = self._case_free
        first, last = m.group("first").lower(), m.group("last").lower()
        if _blocked_word(first) or _blocked_word(last):
            continue
        given = first in lists.first and not is_english(first, lists.words) or lists.unlisted_ok(first)
        if given and (last in lists.last or lists.unlisted_ok(last)):
            out.append(self._result(AGE, *m.span("age"), 0.7, "full_name_age"))
    return out


_TITLE_PAIR = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?P<a>\p{Lu}\p{Ll}{2,}[\p{Ll}'’\-]*)[ ](?P<b>\p{Lu}\p{Ll}{2,}[\p{Ll}\-]*))(?:'s|’s)?(?![\w\-])"
)


_ORG_WORDS = frozenset({"inc", "ltd", "llc", "corp", "plc", "gmbh", "str", "ave", "blvd", "co", "bv", "srl", "spa", "oy", "ab",
                        "kft", "sro", "doo", "ag"})


# Given names that are English words, common in southern and West African families.
_VIRTUE_NAMES = frozenset({"precious", "blessing", "patience", "faith", "hope", "grace", "joy", "mercy", "gift", "charity",
                           "prudence", "comfort", "memory", "beauty", "innocent", "justice", "loveness", "trust", "wisdom",
                           "happiness", "goodness", "favour", "favor", "praise", "glory", "peace", "unity", "liberty"})


_POSSESSIVE_NAME = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+)?)['’]s\s+(?:MRI|CT|scan|x-?ray|appointment|appt|bloods?|results?|"
    r"surgery|operation|vaccines?|vaccinations?|jabs?|temperature|temp|fever|rash|cough|medications?|meds|prescription|referral|"
    r"mum|mom|mummy|mommy|dad|daddy|mother|father|parents|school|teacher|nursery|birthday|inhaler|insulin|asthma|eczema|"
    r"seizures?|nappy|diaper|weight|height|growth|hearing|eyes?|ears?|tonsils)\b"
)


def _possessive_names(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """"Chidera's MRI", "Oluwadamilare's bloods": an unlisted capitalised word owning a test or a parent."""
    out = []
    for m in _POSSESSIVE_NAME.finditer(text) if "'s " in text or "’s " in text else ():
        word = m.group("name")
        low = word.lower()
        if _blocked_word(low) or is_english(low, self._case_free.words) or low in _STRICT_EPONYMS or low in _TITLES_EN:
            continue
        if low in lexicon.EPONYMS_EN or _is_eponym(word, text[m.end("name") : m.end("name") + 24]) or self._cities.tier(word):
            continue
        out.append(self._result(PERSON, *m.span("name"), 0.65, "possessive_name"))
    return out


_AGED_PAIR = regex.compile(
    r"(?<![\w'’\-])(?P<name>(?P<a>\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?)[ ](?P<b>\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:-\p{Lu}\p{Ll}+)?))"
    r"(?=,?[ ]\(?(?:aged[ ])?\d{1,3}(?:[ ]?-?[ ]?years?-old|[ ]?-?[ ]?y(?:ea)?rs?\b(?:[ ]old)?|[ ]?y/?o\b|[ ]?[MF]\b|,[ ](?:male|female|man|woman)\b))"
)


def _aged_pairs(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """"Eilidh Grant 90 yo", "Jarrah Walker, 19M", "Hyacinth Braithwaite, 96-year-old": two
    capitalised words followed by an age or an age-and-sex are a person, even when one of them
    is also an English word ("Grant", "Walker", "Hyacinth") or on no list; not when both are
    ordinary words ("Ward Round 93") or either is a clinical word, an eponym or a place."""
    out = []
    if not any(ch.isdigit() for ch in text):
        return out
    words = self._case_free.words
    for m in _AGED_PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        la, lb = a.lower(), b.lower()
        surname_b = (lb in self._case_free.last and lb not in lexicon.CLINICAL_WORDS_EN
                     and lb not in lexicon.CLINICAL_VOCAB_EN and lb not in _STRICT_EPONYMS)
        if _blocked_word(la) or _blocked_word(lb) and not surname_b or la in _TITLES_EN or la in _HEADER_WORDS or lb in _HEADER_WORDS:
            continue
        if la in _KNOWN_EPONYM_WORDS or lb in _KNOWN_EPONYM_WORDS and lb not in self._case_free.last:
            continue
        tier_b = self._cities.tier(b)
        if self._cities.tier(a) or tier_b and not (surname_b and tier_b == WORDLIKE) or self._cities.tier(m.group("name")):
            continue  # "Walker" (Minnesota) is a word-like town name, and a surname first
        if la in _STATES or lb in _STATES or la in country_names() or lb in country_names():
            continue
        if _clinical_phrase(m.group("name")):
            continue
        if not surname_b and is_english(lb, words):
            continue  # "Bay Six 4F", "Lewy Body 80": the second word is an ordinary word, no surname
        out.append(self._result(PERSON, *m.span("name"), 0.65, "aged_pair"))
    return out


_PT_MARKED = regex.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}[\p{L}'’\-]*\p{Ll}(?:[ ]\p{Lu}[\p{L}'’\-]*\p{Ll})?)[ ]?\((?:pt|patient|the\s+patient)\)")
_ORDER_VERBS = frozenset({"continue", "start", "stop", "hold", "restart", "commence", "increase", "decrease", "wean",
                          "withhold", "give", "cease", "switch", "titrate", "resume", "omit", "add"})
_UNIT_LETTER_START = regex.compile(r"^\p{L}\.?\s+")
# A care role glued onto the name after it: "Prescriber L. Moretti", "Pharmacist Ines Varga".
_LEADING_ROLE_RE = regex.compile(r"^(?P<role>\p{Lu}\p{Ll}+)\s+(?=\p{Lu})")


def _leading_role(etext: str) -> regex.Match[str] | None:
    m = _LEADING_ROLE_RE.match(etext)
    return m if m and m.group("role").lower() in _ROLE_WORDS else None


# A history or diagnosis abbreviation the model glues before an eponym: "Hx Hodgkin's", "Dx Crohn's".
_LEADING_HISTORY_ABBR = regex.compile(r"^(?:Hx|PMHx|FHx|SHx|PMH|PSH|Dx|DDx|Ddx|Sx|Tx|Rx|Imp)\.?:?\s+(?=\p{Lu})")
_SPECIALTY_WORD = regex.compile(r"(?:olog(?:y|ie)|iatrics?|iatry)$")
# Letters OCR confuses: "Patlent Narne" is "Patient Name".
_OCR_SWAPS = (("rn", "m"), ("l", "i"), ("1", "l"), ("0", "o"), ("vv", "w"), ("cl", "d"), ("ii", "u"))


def _ocr_word(word: str, words) -> bool:
    """An English word misread by OCR: one or two kinds of look-alike letters swapped back give a word."""
    low = word.lower()
    if is_english(low, words):
        return False
    kinds = [k for k in _OCR_SWAPS if k[0] in low]
    for i, (a, b) in enumerate(kinds):
        one = low.replace(a, b)
        if is_english(one, words):
            return True
        for c, d in kinds[i + 1 :]:
            if c in one and is_english(one.replace(c, d), words):
                return True
    return False


_CAPS_SURNAME_COMMA = regex.compile(r"(?<![\w'’\-])(?P<sur>\p{Lu}{2,12}),[ ]{1,2}(?P<syll>(?:\p{Lu}\p{Ll}{1,5}[ \-]){0,3})$")


def _caps_surname_before(self: EnglishNerRecognizer, text: str, spans: list[RecognizerResult]) -> None:
    """"Name: CHOW, Wing Yan Vivian": a given name found, and before it a surname in capitals and a
    comma (a passport's or a certificate's order); the surname joins the span. The surname must be a
    listed one and no English word (not "NOTE, Grace"), or a romanised Chinese surname."""
    lists = self._case_free
    for r in spans:
        if r.entity_type != PERSON:
            continue
        m = _CAPS_SURNAME_COMMA.search(text, max(0, r.start - 40), r.start)
        if m is None or not all(_ROMAN_SYLLABLE.fullmatch(w) for w in regex.split(r"[ \-]", m.group("syll").lower()) if w):
            continue  # (between them only the syllables of a Chinese given name: "LAM, Hoi Ching Natalie")
        sur = m.group("sur").lower()
        if (sur in lists.last and not is_english(sur, lists.words) or sur in _ROMANISED_SURNAMES) and not lists.blocked(sur):
            r.start = m.start()  # (a Chinese surname romanised, CHOW, LAM, HO, even where it is a word too)


# A bed, room or bay number, or a table's room cell, that a ward list writes the patient after: "Rm 26
# Quon, Edwin", "| 401 | Abernathy, J. |", "Bed 1 Frank: post-op ileus", "bed 11 gerald wandering".
_BED_CUE = regex.compile(r"(?:\b(?i:bed|rm|room|bay|cubicle|cub|bd)\.?[ ]?#?\d{1,4}[A-Za-z]?|(?m:^)[ \t]*\|[ ]*\d{1,4}[A-Z]?[ ]*\|)"
                         r"[ \t]*[:\-–|]?[ \t]*")
_BED_LAST_FIRST = regex.compile(r"(?P<name>(?P<last>\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?),[ ]?(?P<first>\p{Lu}\.|\p{Lu}\p{Ll}+))(?![\w'’\-])")
_BED_ONE_NAME = regex.compile(r"(?P<name>\p{L}[\p{Ll}'’]+)(?=[ ]?[:(]|[ ]+\p{Ll})")


def _bed_names(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """The patient named right after a bed or room number in a ward list or handover.

    "LAST, FIRST" or "LAST, F." there needs no listed surname (the bed is the cue, and the comma
    shape the evidence): a surname that is no English word will do, and one that is ("Smith") only
    beside a given name or a hyphened part that is none ("Smith, Wanjiru", "Smith-Oduya, T."; not
    "Fall, R."). One word alone must be a listed given name, and one that is also a word ("Frank")
    only capitalised before a colon.
    """
    lists = self._case_free
    out: list[RecognizerResult] = []
    for cue in _BED_CUE.finditer(text):
        m = _BED_LAST_FIRST.match(text, cue.end())
        if m is not None:
            last, first = m.group("last").lower(), m.group("first").lower().rstrip(".")
            parts = last.split("-")
            # a surname that is also a word ("Fall, R.") only with a given name that is none ("Smith, Wanjiru")
            # or beside a part that is none ("Smith-Oduya, T.")
            worded = all(is_english(p, lists.words) for p in parts)
            given_ok = (first in lists.first or lists.unlisted_ok(first)) and not lists.blocked(first)
            if (all(not lists.blocked(p) and (p in lists.last or not is_english(p, lists.words)) for p in parts)
                    and (given_ok and not (worded and is_english(first, lists.words)) if len(first) > 1 else not worded)
                    and not _clinical_phrase(m.group("name"))):
                out.append(self._result(PERSON, *m.span("name"), 0.75, "bed_last_first"))
            continue
        m = _BED_ONE_NAME.match(text, cue.end())
        if m is None:
            continue
        word = m.group("name")
        w = word.lower()
        if w not in lists.first or lists.blocked(w) or w in lexicon.CLINICAL_WORDS_EN:
            continue
        if is_english(w, lists.words) and not (word[0].isupper() and text.startswith(":", m.end())):
            continue
        out.append(self._result(PERSON, *m.span("name"), 0.7, "bed_name"))
    return out


def _unknown_pairs(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """"Irenke Sörös", "Djevad Šušulić": two capitalised words, neither a word of English.

    Names from outside every list still have a shape: a given name and a surname, both
    capitalised, neither an English word, a clinical term, an eponym, a drug or a city.
    """
    out = []
    words = self._case_free.words
    for m in _TITLE_PAIR.finditer(text, overlapped=True):
        a, b = m.group("a"), m.group("b")
        la, lb = a.lower(), b.lower()
        if ((la in _VIRTUE_NAMES or la in self._case_free.first and la not in _COMMON_WORDS) and lb in self._case_free.last and not is_english(lb, words)
                and not _blocked_word(lb) and not self._cities.tier(b) and not _clinical_phrase(m.group("name"))
                and (is_english(la, words) or _blocked_word(la)) and la not in lexicon.CLINICAL_WORDS_EN):
            # "Precious Ndlovu", "Grace Okafor": a given name that is also a word, before a listed surname
            out.append(self._result(PERSON, *m.span("name"), 0.6, "word_given_pair"))
            continue
        if is_english(la, words) or is_english(lb, words) or _blocked_word(la) or _blocked_word(lb):
            continue
        if lb in _ORG_WORDS:
            continue  # "Kitware Inc", "Pentelis Str": a company or a street, not a person
        if self._cities.tier(a) or self._cities.tier(b) or self._cities.tier(m.group("name")):
            continue
        following = text[m.end() : m.end() + 14]
        if _clinical_phrase(m.group("name")) or _is_eponym(m.group("name"), following) or _clinical_follower(following):
            continue  # "Creutzfeldt Jakob disease"
        if _DRUG_SUFFIX.search(la) or _DRUG_SUFFIX.search(lb):
            continue
        if _ocr_word(a, words) and _ocr_word(b, words):
            continue  # "Patlent Narne:": an OCR'd form label, not a name
        out.append(self._result(PERSON, *m.span("name"), 0.6, "unknown_pair"))
    return out


# A pronoun or determiner is never a name, whatever cue stands before it.
_PRONOUN_WORDS = frozenset({
    "i", "we", "my", "our", "ours", "you", "your", "he", "she", "his", "her", "hers", "they", "their", "them", "it", "its",
    "this", "that", "these", "those", "the", "us", "me", "him",
})


def _city_results(self: EnglishNerRecognizer, text: str, hits: list) -> list[RecognizerResult]:
    """Gazetteer cities (see `en_places`), minus eponyms, drugs and clinical or prose words."""
    out = []
    for hit in hits:
        name = text[hit.start : hit.end]
        low = name.lower()
        if low in _COMMON_WORDS or low in lexicon.CLINICAL_WORDS_EN or _clinical_phrase(name):
            continue
        following = text[hit.end : hit.end + 24]
        if low in _PAYER_WORDS and _MEMBER_NUMBER_AFTER.match(following):
            continue  # "Daman 1-0392-84471-01": the insurer before its member number, not the town
        if _CLASSIFICATION_CODE_AFTER.match(following):
            continue  # "Prague C2M4", "Los Angeles grade B": a classification named after a city
        if low in _SCORE_CITIES and _SCORE_AFTER.match(following) and not _DURATION_AFTER.match(following):
            continue  # "Bristol 6" (stool chart), "Glasgow 15" (coma scale); "Glasgow 15 years ago" stays a city
        if _POSSESSIVE_RE.search(name) or _is_eponym(name, following) and (
            low not in _STRICT_EPONYMS or _clinical_follower(following)
        ):
            continue  # "Addison's disease", "Glasgow coma scale"; "in Glasgow;" is a city
        if _medicine_word(text, hit.start, hit.end, name, self._case_free.any_name):
            continue  # "takes Seroquel and Norco": a medicine named like a town
        if low in _EPONYMS_ALL and _listed_beside_eponym(text, hit.start, hit.end):
            continue  # "Ddx: 1. Turner, Addison 2. Cushing": a differential's eponyms, not a town
        out.append(self._result(LOCATION, hit.start, hit.end, 0.7 if hit.tier == WORDLIKE else 0.75, f"city_{hit.tier}"))
        code = _CODE_AFTER_CITY.match(text, hit.end)
        if code:  # "Muscat 112.", "Lyon 69002": a postcode written after the city
            out.append(self._result(ZIP_CODE, *code.span("code"), 0.7, "code_after_city"))
    return out


# A medicine's brand name by what is done with it: taken, tried, added or held before it ("takes
# Seroquel and Norco", "add Jardiance or Victoza", "try Cymbalta for"), or its form, dose or start
# after it ("Movicol sachet", "Januvia taken", "Entresto started Feb 27", "Stelara is not indicated").
_MED_BEFORE = regex.compile(
    r"\b(?i:on|takes?|taking|took|try|trying|tried|add|added|adding|prescribed|prescribe|restart(?:ed)?|"
    r"switch(?:ed)?\s+to|ran\s+out\s+of|refill(?:\s+of)?)\s+(?:\p{Lu}\p{Ll}+\s*(?:,|\band|\bor)\s+)?$")
_MED_AFTER = regex.compile(
    r"\s+(?i:sachets?|tablets?|tabs?|capsules?|caps|inhaler|injections?|pens?|patch(?:es)?|taken|held|weekly|nightly|"
    r"is\s+not\s+indicated|(?:started|stopped)(?=\s+(?:on|in|at|yesterday|today|last)\b|\s+\d|\s+\p{Lu}\p{Ll}{2}\s\d|\s*[.;,]|\s*$)|"
    r"\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)\b)")


_NEXT_CAP_WORD = regex.compile(r"[ ]+(\p{Lu}\p{Ll}*)\.?")


def _medicine_word(text: str, s: int, e: int, etext: str, names) -> bool:
    """One capitalised word no name list holds, taken or dosed as a medicine is (`_MED_BEFORE`, `_MED_AFTER`)."""
    if " " in etext or etext.lower() in names:
        return False
    nxt = _NEXT_CAP_WORD.match(text, e)
    if nxt and nxt.group(1) in _STREET_WORDS:
        return False  # "on Sherbrooke St": a street
    return _MED_BEFORE.search(text, max(0, s - 40), s) is not None or _MED_AFTER.match(text, e) is not None


# The item before or after a place name in a comma list: "Turner, Addison", "Addison, Cushing's".
_ITEM_BEFORE = regex.compile(r"(?P<w>\p{L}+)(?:['’]s?)?,[ ]?$")
_ITEM_AFTER = regex.compile(r"(?:['’]s?)?,[ ]?(?P<w>\p{L}+)")
# Talk of diseases, where eponyms are listed.
_DISEASE_LIST_TALK = regex.compile(rf"\b(?i:{_DISEASE_WORDS}|dx|consider)\b")


def _listed_beside_eponym(text: str, start: int, end: int) -> bool:
    """An eponym-city in a comma list beside another eponym, where the text talks of diseases."""
    before = _ITEM_BEFORE.search(text, max(0, start - 24), start)
    after = _ITEM_AFTER.match(text, end)
    if not any(m is not None and m.group("w").lower() in _EPONYMS_ALL for m in (before, after)):
        return False
    return _DISEASE_LIST_TALK.search(text) is not None


# Endoscopic and staging classifications named after the city they were agreed in: "Prague C2M4"
# (Barrett's), "Los Angeles grade B" / "LA C" (oesophagitis), "Paris 0-IIa" (polyps), "Vienna 4.1".
_CLASSIFICATION_CODE_AFTER = regex.compile(
    r"\s{1,2}(?:C\d{1,2}\s?M\d{1,2}\b|(?i:grade|class(?:ification)?|type|criteria|stage)\s+[A-D0-4IV]{1,3}\b|0-I{1,3}[a-c]?\b|\d\.\d\b)"
)
# Scores and charts named after a city, which a bare number follows: "Bristol 6", "Glasgow 14".
_SCORE_CITIES = frozenset({"bristol", "glasgow", "mayo", "vienna", "prague", "paris", "milan", "boston", "baveno", "lugano",
                           "montreal", "geneva", "ottawa", "wells", "nottingham"}) & frozenset(
    w.lower() for w in EPONYM_TESTS_EN | SCORE_EPONYMS_EN)
_DURATION_AFTER = regex.compile(r"\s{1,2}\d{1,3}\s+(?i:years?|yrs?|months?|weeks?|days?|hours?|mins?|miles?|km|minutes?)\b")
_CODE_AFTER_CITY = regex.compile(r",?[ ](?P<code>\d{3,6}|\d{3}-\d{4}|\d{5}-\d{3})(?=\s*(?:[,.;:)\n—–]|$)|[ ]-[ ])")
_STREET_WORDS = frozenset({"Way", "Street", "Road", "Avenue", "Lane", "Close", "Crescent", "Drive", "Boulevard", "Terrace", "Parade",
                           "Highway", "Square", "Gardens", "Mews", "Court", "Place", "Rd", "St", "Ave", "Blvd"})
_PLACE_BEFORE = regex.compile(r"(?:\b(?i:in|from|at|near|to|of)|,)\s*$")
_LOCALITY_BEFORE = regex.compile(r"\b(?:Nagar|Layout|Colony|Vihar|Enclave|District|East|West|North|South|Sector\s\d+|\d(?:st|nd|rd|th)\s+(?:Cross|Main)),\s*$")
# "living Salt Lake, Kolkata", "we at Andheri East, Mumbai", "in Gandhi Nagar, Jaipur": a
# neighbourhood written before the gazetteer city it lies in, after a place word.
_DISTRICT_BEFORE_CITY = regex.compile(
    r"\b(?i:in|at|from|near|live|lives|living|stay|staying|stays|resides?|residing|reside\s+at|address|hospital|clinic)\s+"
    # "Salt Lake Sector V, Kolkata", "Dwarka Sector 12, Delhi": a sector or phase numbered in digits or Roman numerals
    r"(?P<phi>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2}(?:\s+(?:Sector|Phase|Block|Stage)\s+(?:\d{1,3}|[IVX]{1,4}|[A-Z]))?)\s*,\s*$"
)
# A residence cue and a city typed in lower case: "we live in garden grove, ca", "moved to chula vista".
_LOWER_CITY_CUE = regex.compile(
    r"(?:\b(?i:live[sd]?|living|reside[sd]?|residing|based|born|raised|moved|moving|move|relocated|staying|stay|stays|"
    r"we're|were|we\s+are|i'm|im|i\s+am|us|home|originally|back)\s+(?:(?i:here|back|over|out|up|down|now|currently)\s+)?"
    r"(?i:in|to|from|near|at|outside)\s+"
    # Spanish in a US chat: "vivimos en hialeah", "estamos en el paso", "soy de pharr"
    r"|\b(?i:vivimos|vivo|vive|viven|estamos|estoy|somos|soy)\s+(?i:en|de)\s+)"
    r"(?P<place>\p{Ll}[\p{Ll}'’\-]+(?:[ ]\p{Ll}[\p{Ll}'’\-]+){0,2})"
)
# Bare "in"/"from"/"near" before a lower-case gazetteer city: "named dorothy from fresno", "her daughter in mississauga".
_LOWER_CITY_PREP = regex.compile(
    # ("driving in from duluth": the place after the second preposition; "on rt 9 in millbrook": after a number too)
    r"(?<=[\p{Ll}\d][ ])(?:in|from|near)[ ](?!(?:from|near)[ ])(?P<place>\p{Ll}[\p{Ll}'’\-]{3,}(?:[ ]\p{Ll}[\p{Ll}'’\-]+){0,2})"
)
_LOWER_STATE_AFTER = regex.compile(rf"\s*,\s*(?i:{US_STATES}|nsw|vic|qld|ontario|on|bc|texas|california|florida)\b")



def _lower_city_results(self: EnglishNerRecognizer, text: str, hits: list) -> list[RecognizerResult]:
    """Cities typed in lower case after a residence cue, and districts written before a city."""
    out = []
    for m in _LOWER_CITY_CUE.finditer(text):
        words = list(regex.finditer(r"\S+", m.group("place")))
        base = m.start("place")
        for k in range(len(words), 0, -1):
            s, e = base + words[0].start(), base + words[k - 1].end()
            e -= len(text[s:e]) - len(text[s:e].rstrip(".,;:!?'’"))
            name = " ".join(w.capitalize() for w in text[s:e].split())
            tier = self._cities.tier(name)
            if tier == PLAIN or tier == WORDLIKE and (k > 1 or _LOWER_STATE_AFTER.match(text, e)):
                if not all(_blocked_word(w) for w in name.lower().split()) or _LOWER_STATE_AFTER.match(text, e):
                    out.append(self._result(LOCATION, s, e, 0.75, "lower_city"))
                break
    seen = {r.start for r in out}
    for m in _LOWER_CITY_PREP.finditer(text) if " in " in text or " from " in text or " near " in text else ():
        if m.start("place") in seen:
            continue
        words = list(regex.finditer(r"\S+", m.group("place")))
        base = m.start("place")
        for k in range(len(words), 0, -1):
            s, e = base + words[0].start(), base + words[k - 1].end()
            e -= len(text[s:e]) - len(text[s:e].rstrip(".,;:!?'’"))
            low = text[s:e].lower()
            name = " ".join(w.capitalize() for w in low.split())
            if self._cities.tier(name) != PLAIN:
                continue
            if any(_blocked_word(w) for w in low.split()) or low in self._case_free.first or len(low) < 5:
                break
            out.append(self._result(LOCATION, s, e, 0.7, "lower_city_prep"))
            break
    for hit in hits:
        if text[max(0, hit.start - 2) : hit.start] != ", ":
            continue  # the district rule below needs "District, City"
        m = _DISTRICT_BEFORE_CITY.search(text, max(0, hit.start - 60), hit.start)
        if m is None:
            continue
        words = m.group("phi").split()
        if words[0] in _TITLES_EN or any(w.lower() in lexicon.CLINICAL_WORDS_EN for w in words) or _clinical_phrase(m.group("phi")):
            continue
        if all(w.lower() in _COMMON_WORDS or _MONTH_RE.fullmatch(w) for w in words):
            continue
        if len(words) == 1 and words[0].lower() in self._case_free.any_name:
            continue  # "at Jones, Mitchell and Williams": a name in a list of names, not a district
        out.append(self._result(LOCATION, *m.span("phi"), 0.75, "district_before_city"))
    return out


def _list_names(self: EnglishNerRecognizer, text: str) -> list[RecognizerResult]:
    """Names the model misses: lower-case "first last", "mr smith", and lone listed surnames.

    Chat text is often typed in lower case ("follow up with patricia desrosiers") and the small
    model only tags capitalised names. Both parts must be on the name lists and neither may be
    an ordinary English or clinical word. A capitalised listed surname in mid-sentence
    ("founders: Becker and Vasquez") is a name unless it is a common word.
    """
    out: list[RecognizerResult] = []
    if any(ch.islower() for ch in text):
        for m in _LOWER_NAME.finditer(text):  # pairs it steps over ("is carlos gutierrez"): en_names.find_names
            first, last = m.group("first"), m.group("last")
            if first in _COMMON_WORDS or last in _COMMON_WORDS or first not in self._first:
                continue
            if m.group("mid") == "i":
                continue  # "said i shld", "omar i think": the pronoun, not a middle initial
            if is_english(first, self._case_free.words) and is_english(last, self._case_free.words):
                continue  # "man pages", "rose hill": two ordinary words
            if last not in self._last and not m.group("mid"):
                continue
            if _clinical_phrase(f"{first} {last}") or first in lexicon.CLINICAL_WORDS_EN:
                continue
            s, e = m.span("name")
            out.append(self._result(PERSON, s, e, 0.65, "lower_name"))
        for m in _KIN_LOWER.finditer(text):
            # "her son tomasz", "husband rafael": a listed given name typed in lower case right
            # after a relation word; a listed surname after it joins the span.
            first, last = m.group("first"), m.group("last")
            parts = first.split("-")
            # "mei-ling", "jean-luc": hyphenated given names are rarely on the lists but a
            # hyphenated pair of ordinary words right after a relation word is rarer still.
            hyphen_name = len(parts) == 2 and all(len(p) >= 2 and p not in _COMMON_WORDS for p in parts)
            if not (first in self._first or hyphen_name) or first in _COMMON_WORDS or first in lexicon.CLINICAL_WORDS_EN:
                continue
            if first in _KIN_REPORT_VERBS:
                continue  # "my husband said i should write": the verb, though some list holds "Said"
            if _clinical_phrase(first):
                continue
            s, e = m.span("first")
            if last and last in self._last and last not in _COMMON_WORDS and not _clinical_phrase(last):
                e = m.end("last")
            out.append(self._result(PERSON, s, e, 0.65, "kin_lower"))
        for m in _TITLE_LOWER.finditer(text):
            word = m.group("name")
            if m.group(0)[:3].lower() in ("doc", "nur") and (word in ("said", "put", "saw") or is_english(word, self._case_free.words)
                                                            and not self._case_free.listed(word)):
                continue  # "the doctor said", "nurse practitioner": the word after the role is no name
            if m.group(0)[:3].lower() in ("doc", "nur") and word.lower() in _ROLE_COMPOUNDS:
                continue  # "the IBD nurse line", "doctor visit": a compound noun, though "Line" is a name
            if (word in self._last or word in self._first) and word not in _COMMON_WORDS:
                s, e = m.span("name")
                out.append(self._result(PERSON, s, e, 0.7, "title_lower"))
    for m in _INITIAL_NAME.finditer(text):
        # "Faina D. Yefremova", "Ravil G Yefimov": a middle initial makes the shape a name even
        # when neither part is on a list, unless a part is an ordinary or clinical word
        # ("Vitamin D Deficiency", "Hepatitis B Virus").
        words = (m.group("first"), m.group("last"))
        if any(w.lower() in _COMMON_WORDS or w.lower() in lexicon.CLINICAL_WORDS_EN for w in words):
            continue
        if _clinical_phrase(m.group("name")) or _is_eponym(m.group("name"), text[m.end() : m.end() + 14]):
            continue
        if words[0].lower() in _ROLE_WORDS:
            continue  # "Prescriber L. Moretti": a role and an initialled surname (the surname rule takes that)
        out.append(self._result(PERSON, *m.span("name"), 0.7, "initial_name"))
    for m in _PT_MARKED.finditer(text):
        # "0400: Pádraig (pt) restless", "Ewa Nowak (patient) and her son": the bracket says who
        words = m.group("name").split()
        if any(is_english(w.lower(), self._case_free.words) and w.lower() not in self._case_free.any_name
               or w.lower() in lexicon.CLINICAL_WORDS_EN or w in _TITLES_EN for w in words):
            continue
        if _clinical_phrase(m.group("name")) or _is_eponym(m.group("name"), text[m.end() : m.end() + 14]):
            continue
        if any(w.lower() in _RELATION_WORDS for w in words) or not any(w.lower() in self._case_free.any_name or not w.isascii() for w in words):
            continue  # "Son (pt)", "Haloperidol (pt)": a role or a drug, on no name list and with no accent
        out.append(self._result(PERSON, *m.span("name"), 0.75, "pt_marked"))
    for m in _CAP_WORD.finditer(text):
        word = m.group("name")
        low = word.lower()
        if low not in self._last or low in _COMMON_WORDS or low in lexicon.CLINICAL_WORDS_EN or _clinical_phrase(word):
            continue
        if low in country_names():
            continue  # "originally from Poland": a country, not a surname
        s, e = m.span("name")
        before = text[:s].rstrip(" \t\"'(")
        if not before or before[-1] in ".!?\n:;" or _is_eponym(word, text[e : e + 14]):
            continue  # sentence start: capitalised anyway
        prev = _LAST_WORD_RE.search(before)
        nxt = _NEXT_WORD_RE.match(text, e)
        if (prev and prev.group(1)[:1].isupper()) or (nxt and nxt.group(1)[:1].isupper()):
            continue  # part of a longer capitalised phrase: an organisation, a title, a full name
        out.append(self._result(PERSON, s, e, 0.55, "surname"))
    return out
