"""English word lists that the identifier, shared-rule and NER modules all consult.

US state names, the common-word set that blocks one-word names, care settings and name-part labels:
kept in a leaf module so the rule modules can use them without importing the NER module (no cycles).
"""

from __future__ import annotations

# Where care happens, which the NER model tags as a place when capitalised: "retrieved from Resus".
_CARE_SETTINGS = frozenset({"hospital", "resus", "resuscitation", "theatre", "theater", "theatres", "recovery", "home", "ward",
                            "icu", "hdu", "ccu", "pacu", "ed", "er", "clinic", "rehab", "maternity", "radiology", "pharmacy",
                            "outpatients", "casualty", "triage", "nicu", "picu", "cath lab", "endoscopy", "dialysis"})
# A care role written before a name: "Prescriber L. Moretti", "Pharmacist Ines Varga", "Physio K. Abernethy".
_ROLE_WORDS = frozenset({
    "prescriber", "prescribing", "pharmacist", "attending", "resident", "registrar", "consultant", "surgeon", "physician",
    "therapist", "physio", "physiotherapist", "midwife", "dietitian", "dietician", "counsellor", "counselor", "chaplain",
    "paramedic", "clinician", "provider", "coach", "caseworker", "interpreter", "technician", "radiographer",
    "sonographer", "podiatrist", "optometrist", "dentist", "psychologist", "psychiatrist", "hygienist", "phlebotomist",
    "anaesthetist", "anesthetist", "intern", "fellow", "scribe", "doula", "orderly", "porter"})
_NAME_PART_WORDS = frozenset({"last", "first", "middle", "given", "family", "full", "surname", "forename", "maiden"})
_STATES = frozenset(s.lower() for s in (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec", "Alberta",
    "British Columbia", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick", "Newfoundland",
    "Prince Edward Island", "New South Wales", "Queensland", "Victoria", "Tasmania", "Western Australia",
    "South Australia", "Northern Territory", "Bavaria", "Scotland", "Wales", "England", "Northern Ireland"))


def _common_words() -> frozenset[str]:
    """English words that are also someone's name in some locale's list ("Will", "Hall", "Case").

    A bare match on them would mark ordinary prose, so they never count as a name by list alone.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(_LIST_STOP | _PROSE_WORDS | {w.lower() for w in STOP_WORDS})


# Dropped from the name lists themselves: English words first, names second.
_LIST_STOP = frozenset({"will", "may", "june", "april", "august", "grant", "mark", "hope", "faith", "joy", "rose", "page",
             "bill", "case", "major", "young", "long", "brown", "white", "green", "black", "gray", "grey", "king",
             "love", "price", "rich", "sharp", "small", "strong", "wise", "best", "day", "early", "fair", "frank",
             "free", "gay", "glass", "golden", "good", "hall", "hill", "holiday", "just", "land", "little", "mann",
             "march", "miles", "moon", "more", "new", "park", "pierce", "post", "power", "read", "rock", "sage",
             "short", "snow", "stone", "summer", "sun", "swift", "wall", "ward", "west", "wood", "north", "south"})
# Never a name on their own in prose, though someone somewhere carries them as a name.
_PROSE_WORDS = frozenset({"east", "bay", "lake", "church", "bank", "banks", "rivers", "river", "field", "fields", "street",
             "road", "doctor", "nurse", "patient", "mobile", "general", "chance", "sergeant", "bishop", "judge",
             "marshall", "cook", "baker", "carter", "porter", "turner", "walker", "hunter", "fisher", "mason",
             "paris", "london", "china", "india", "jordan", "georgia", "virginia", "carolina", "florence",
             "victoria", "austin", "dallas", "phoenix", "sydney", "orlando", "memphis", "lincoln", "cliff", "dale",
             "glen", "ray", "sky", "star", "storm", "dawn", "eve", "sunny", "honey", "candy", "ginger", "pepper",
             "sugar", "amber", "crystal", "pearl", "ruby", "jade", "iris", "lily", "daisy", "violet", "heather",
             "holly", "ivy", "autumn", "winter", "spring", "christian", "angel", "blessing", "precious", "unity",
             "liberty", "justice", "royal", "prince", "duke", "earl", "baron", "noble", "sterling", "diamond",
             "gold", "silver", "steel", "iron", "fox", "wolf", "bear", "bird", "crane", "drake", "finch", "hawk",
             "lamb", "swan", "parrot", "salmon", "house", "home", "head", "hand", "foot", "heart", "back", "blood",
             "bone", "brain", "chest", "liver", "kidney", "lung", "skin", "care", "cancer", "fever", "pain",
             "sign", "signs", "test", "tests", "normal", "office", "ward", "room", "bed", "unit", "floor",
             "today", "tomorrow", "yesterday", "morning", "evening", "night", "week", "month", "year", "hour",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "october", "november", "december", "baby", "age", "aged", "law", "princess", "queen", "shepherd", "english", "french", "german", "dutch", "spanish", "italian", "polish", "irish", "welsh"})



_COMMON_WORDS = _common_words()
