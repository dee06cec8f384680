"""Word lists for the English name and place rules: given names and surnames of every Faker
locale, and the ordinary English words that must never count as either.

Why two name lists: the rules that read capitalised text ("Dr Okafor", "Name: John Smith")
work with the Latin-script locales only (see `en_ner_filters._name_lists`), and stay as tuned. Lower-case
chat text ("my dad harpreet singh") and ALL-CAPS headers ("PATIENT: NGUYEN THI LAN") carry no
capital letter to tell a name from a word, so the rules for them need every name a person
could carry, whatever the script it was listed in: Cyrillic, Greek, Georgian and Armenian
lists are transliterated to Latin letters (Faker ships the table), Japanese and Chinese come
from Faker's romanized lists. Abjads (Arabic, Hebrew, Persian) and Indic scripts are left out:
their letter-by-letter transliteration ("mHmd") is not how anyone spells the name in English;
Faker's en_IN, en_PK, en_NG, ar-adjacent Latin lists carry those names instead.

An ordinary English word ("will", "bath", "reading") must not be read as a name or a city.
The test is case-sensitive: Webster's 2nd (`english-words`, offline) lists proper nouns with a
capital, so a word it lists in lower case is an everyday word, and "Glasgow" or "Mehta" is not.
Without that package the fallback is spaCy's stop words and Faker's lorem list (fewer words,
so the rules that need it fall back to stricter cues).
"""

from __future__ import annotations

import functools
import importlib
import logging

import regex

log = logging.getLogger(__name__)

_LATIN = regex.compile(r"^[\p{Latin}'’\-]+$")
# Alphabets whose letter-by-letter transliteration is how names are spelled in English text.
_TRANSLITERATED = regex.compile(r"^[\p{Cyrillic}\p{Greek}\p{Georgian}\p{Armenian}'’\- ]+$")


def _values(provider, attr: str) -> list[str]:
    values = getattr(provider, attr, None)
    if isinstance(values, dict):
        values = list(values)
    if not isinstance(values, (list, tuple, set, frozenset)):
        return []  # some locales compute these as properties or weighted tuples of pairs
    return [v for v in values if isinstance(v, str)]


def _latin_forms(value: str) -> list[str]:
    """The name's Latin spelling(s), lower-cased; [] for scripts we do not transliterate."""
    from faker.decode import unidecode

    value = value.strip()
    if not value:
        return []
    if value.isascii():
        return [value.lower()] if _LATIN.match(value) else []
    if _LATIN.match(value):
        out = [value.lower()]
        plain = unidecode(value).lower()  # "Nguyễn" -> "nguyen"
        if _LATIN.match(plain) and plain != out[0]:
            out.append(plain)
        return out
    if _TRANSLITERATED.match(value):
        plain = unidecode(value).lower().replace("'", "")
        return [plain] if regex.match(r"^[a-z\-]{2,}$", plain) else []
    return []


# Kin words a chat, a call or a note uses in place of a name ("Mummy said", "Son: ok", "it's mom"):
# no labelled set marks them (a relative's name is). The trained tagger's filters and the spoken-name
# rule both refuse them as names.
KIN_WORDS_EN = frozenset({
    "mom", "mum", "mam", "mama", "mamma", "mummy", "mommy", "momma", "dad", "daddy", "papa", "son", "daughter",
    "amma", "appa", "nana", "nanna", "nan", "granny", "grandma", "grandpa", "gran", "grandad", "granddad",
    "auntie", "aunty", "uncle", "mater", "pater", "hubby",
})


@functools.lru_cache(maxsize=1)
def all_person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of every Faker locale with a person provider, lower-cased Latin.

    Multi-word list entries ("van der berg", "thi lan") are split, so each part is a token.
    """
    try:
        from faker.config import AVAILABLE_LOCALES
    except Exception:  # noqa: BLE001 - faker is a deid dependency
        return frozenset(), frozenset()
    first: set[str] = set()
    last: set[str] = set()
    for loc in sorted(AVAILABLE_LOCALES):
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except Exception:  # noqa: BLE001 - a locale without a person provider
            continue
        for attr in dir(provider):
            if attr.startswith("_") or "kana" in attr or "pairs" in attr:
                continue
            if "first_name" in attr or "middle_name" in attr or "romanized" in attr and "first" in attr:
                target = first
            elif "last_name" in attr or "romanized" in attr and "last" in attr:
                target = last
            else:
                continue
            for value in _values(provider, attr):
                for form in _latin_forms(value):
                    target.update(p for p in form.split() if len(p) >= 2)
    return frozenset(first | EXTRA_GIVEN_NAMES), frozenset(last | EXTRA_SURNAMES)


# Names common in English-language clinics that no Faker locale lists in Latin letters: Faker's
# hi_IN, ta_IN, bn_BD lists are in Indic scripts (left out above), and en_IN/en_PK/en_NG hold a
# few hundred names each. Chat from patients of South Asian, West African, Vietnamese or Chinese
# families names relatives in lower case ("husband rajesh"), where only a list can tell a name.
# The last lines: Russian and Ukrainian given names in the -y/-iy romanisation US and Canadian
# records use ("Anatoly", "Dmitry", "Yevgeny"), where the lists hold only the -i/-ei spellings.
EXTRA_GIVEN_NAMES = frozenset("""
aarti abhishek ajay akshay alok amitabh anand anil anirudh anita anjali ankit anupam aparna archana arvind ashok ashwin
balaji bhavna bhavya chandra chetan deepa deepak deepika devendra dhruv dinesh divya gaurav geeta girish gita gopal
govind harish hemant indira jagdish jaya jayant jyoti kalpana kamala kamla karan karthik kavita kavitha kiran kishore
krishnan kumar lalitha lata madhu mahesh manisha manoj meenakshi mohan mukesh murali nalini naresh neelam nikhil nirmala
padma pankaj parvati pradeep prakash pramod prasad praveen preeti prem priyanka pushpa radhika raghav rajendra rajesh
rakesh ramesh rani ravi rekha revathi rohit sachin sangeeta sanjay santosh saroj savita senthil shanti shashi sheela
shweta shyam sita smita sudha sumit sunil sunita suresh sushila swati uma umesh usha vandana varun venkat venkatesh
vidya vijay vikas vikram vinay vinod vishal yogesh saraswati lakshman murugan selvam selvi kannan bala ganesan
harpreet gurpreet manpreet jaspreet baljit balwinder sukhwinder ravinder parminder kuldeep gurdeep harjit jasbir
mandeep navdeep rajinder amarjit inderjit satnam
nasreen shabana rukhsana farida rehana shazia tahira yasmin naseem shahid tariq waqar zubair asif sajid javed
chioma chiamaka chidi chinwe ebere ifeanyi kelechi nkechi obiageli uchechi oluwaseun oluwadamilare adebayo adewale
ayodele babatunde bukola folake funmilayo kehinde olumide segun taiwo temitope yewande abiodun femi dapo kwabena
kwaku efua esi adwoa yaa afua kojo
thuy hoa hanh huong nga phuong trang tuyet thanh hung khanh quang duc tuan
jianguo jianhua jianjun xiaoming xiaohong xiaoli xiaoyan guoqiang weimin lihua yumei hui xin lei jie tao qiang yong
meiling meilin xiuying guiying yuying xiuzhen
aroha mere tamati hemi rawiri wiremu hone tane nikau manaia ngaire moana kahu huia anahera awhina hinemoa kiri mihi
rangi tama tipene marama ngaio hana pita mikaere whetu hohepa ihaia matiu paora piripi tamihana wikitoria
sione tevita losaline mele salote siosaia viliami semisi lavinia iosefa sefo malia folau taniela sitani lupe ofa
mosese sitiveni ioane tavita sefa leota mereani jone litia seru apisai viliame salanieta losana akanesi ana
themba sipho thabo lerato bongani nosipho zanele lindiwe andile ayanda bheki busisiwe dumisani jabulani khanyisile
lwazi mandla mbali mpho naledi nkosinathi nokuthula nomsa nonhlanhla palesa phumzile sizwe siyabonga thulani thandeka
thuli vusi xolani zodwa zinhle kagiso tshepo karabo kabelo katlego refilwe tumelo dineo boitumelo nthabiseng
lungile sibongile nompumelelo nandi unathi siphesihle mthunzi
mariam maryam yousef youssef abdulrahman abdulaziz abdullah khalid hamad saeed sultan rashid fahad faisal nasser
mansour layla noura reem hessa aisha fatma amal
kimi aiyana winona kaya nizhoni tallulah chenoa dakota
quoc bao thang thao hieu huy dung phuc tam vy yen nhung loan diep khoa trung vinh
anatoly anatoliy dmitry dmitriy gennady gennadiy arkady arkadiy vasily vasiliy yevgeny evgeny yevgeniy vyacheslav
lyudmila valeriy grigory georgy timofey matvey aleksey alexey nikolay yuriy vitaliy yelena lyubov mykola volodymyr
""".split())
_COMPOUND_WORDS = frozenset("""
blackbird bluebird redbird whitebird yellowbird blackfoot crowfoot redfoot whitefoot swiftfoot bearfoot blackheart
whiteheart goodheart blacktail whitetail redtail longtail yellowtail blackwater whitewater highwater longbow longhair
longhand longhorn redeyes blackeyes redshirt blackhawk redhair longknife ironhand goodwind highwind
""".split())
EXTRA_SURNAMES = frozenset("""
mehta jadhav pawar rathore raghunathan bhattacharya bhattacharjee subramanian subramaniam venkataraman ramaswamy
krishnamurthy chandrasekhar padmanabhan sundaram swaminathan natarajan rajan raman menon kurup nambiar panicker
pillai naidu reddy rao shetty hegde kamath bhat acharya kulkarni deshmukh gokhale joshi apte sawant shinde gaikwad
chavan bhosale kadam thakur chauhan rajput solanki parmar vaghela chaudhary choudhary tiwari dwivedi tripathi
shukla srivastava saxena bhatnagar khurana khanna malhotra kapoor arora ahuja bajaj chadha sethi sodhi bedi
dhillon sandhu sidhu grewal gill brar bajwa cheema virk bhullar aulakh mukherjee chatterjee banerjee ganguly sengupta
dasgupta chakraborty chakrabarti mitra bose ghosh guha sarkar majumdar biswas roy haldar mondal
siddiqui qureshi ansari khan chaudhry malik mirza hashmi naqvi rizvi zaidi abbasi
oyelaran okafor okonkwo nwosu nwachukwu eze obi okeke adeyemi adeleke ogunleye oladipo olawale babatunde
ngo ly vo dinh truong luong trinh yoon jang
ngata whaanga paewai horomona rangihuna tuhiwai whatuira parata tawhiri pomare ruatapu waititi rewiti herangi
hohaia kereama manihera ngatai rapana tautahi wihongi haronga hetaraka katene kingi mahuta maniapoto poutama rauhihi
tamatea taumata tawhai turei waaka tomoana tuhoe
havili fifita tupou taufa fonua vaipulu latu moala mahe kioa lolohea palu taione vake faleafa sapolu tuimavave
faleolo sopoaga soliai tuilagi aumua fuimaono pauga seiuli talataina fonoti vunipola nadolo koroi tabua qarase
bainimarama vosanibola rabuka nailatikau waqa tuilau ravulo havea fusitu'a kupu taumalolo
mokoena ngcobo khumalo mthembu shabalala buthelezi cele dube gumede hadebe khoza kubheka madlala magubane majola
makhanya mabaso mbatha mhlongo mkhize msimang mtshali myeni ndaba ngubane ntuli nxumalo sithole zungu molefe moloi
mofokeng motaung nkosi radebe sibiya tshabalala masondo baloyi maluleke mathebula chauke mabunda ngwenya mazibuko
mlambo mthethwa xaba zwane maseko modise masilela vilakazi mabena dlamini ndlovu mahlangu nkabinde mokgadi sekgota
pillay naidoo govender moodley chetty reddy padayachee
farsi hashimi masri idrissi qahtani mansouri nuaimi rashid sayed saeed zahrani ghamdi otaibi harbi shehri dosari
mutairi shammari amri hussaini jabari khatib khouri najjar tamimi sharif fayed shafei attar bakri hariri jaziri
kuwari maktoum nahyan thani sabah azhari falasi suwaidi ketbi mazrouei muhairi shamsi hammadi zaabi dhaheri
marzooqi qasimi awadi khoury haddad tawil obeidi daoud hamdan ghazali balushi hinai busaidi rawahi
""".split()) | frozenset(
    # Compound surnames of Native American families ("Redcloud", "Yellowhorse", "Two Bulls" written
    # as one word): a colour or quality joined to an animal or sky word, minus the everyday words
    # among them ("blackbird", "whitewater"), which `is_english` removes where a rule needs it.
    a + b
    for a in ("red", "white", "black", "yellow", "little", "tall", "running", "two", "spotted", "lone", "sitting",
              "standing", "high", "iron", "swift", "crazy", "brave", "gray", "grey", "blue", "eagle", "bear", "crow",
              "kills", "many", "young", "old", "long", "good", "morning", "walking", "flying", "singing")
    for b in ("bear", "horse", "cloud", "water", "feather", "eagle", "elk", "wolf", "hawk", "deer", "bull", "bulls",
              "crow", "thunder", "hair", "shirt", "horn", "bird", "fox", "star", "sky", "tail", "heart", "hand", "foot",
              "horses", "eyes", "wind", "owl", "buffalo", "shield", "arrow", "bow", "lance", "knife")
    if a != b and a + b not in _COMPOUND_WORDS
)


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case ordinary English words (see the module docstring for the test used)."""
    from faker.providers.lorem.en_US import Provider as Lorem
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower() for w in STOP_WORDS} | {w.lower() for w in Lorem.word_list}
    try:
        from english_words import get_english_words_set
    except ImportError:
        log.warning("english-words is not installed: ordinary-word checks use a short list only")
        return frozenset(words)
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    words |= {w for w in web2 if w.islower()}
    return frozenset(words)


_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
             ("ly", ""), ("er", ""), ("ers", ""), ("est", ""), ("'s", ""), ("’s", ""))


def is_english(word: str, words: frozenset[str] | None = None) -> bool:
    """`word` (lower case) or its stem is an ordinary English word ("keeps", "stung", "brought").

    The dictionary lists base forms, so a few regular endings are taken off before looking up;
    a doubled final consonant ("stopped") is undone too.
    """
    words = english_words() if words is None else words
    if word in words:
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if stem in words or len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words:
                return True
    return False


def has_dictionary() -> bool:
    """Whether the full word list is available (some rules are only safe with it)."""
    try:
        import english_words  # noqa: F401
    except ImportError:
        return False
    return True


# Remedies, herbs and devices whose names look like people or places to the NER model ("St John's
# wort", "Dong quai", "Medtronic Evera"): a span inside one of these phrases is no PHI.
HERBAL_REMEDIES_EN = (
    "st john's wort", "st. john's wort", "st johns wort", "st. johns wort", "saint john's wort", "ginkgo biloba", "ginkgo",
    "dong quai", "dang gui", "danggui", "black cohosh", "blue cohosh", "saw palmetto", "milk thistle", "devil's claw",
    "ashwagandha", "echinacea", "goldenseal", "feverfew", "valerian", "kava", "kava kava", "evening primrose",
    "red clover", "horny goat weed", "yohimbe", "ginseng", "korean ginseng", "siberian ginseng", "american ginseng",
    "panax ginseng", "tongkat ali", "maca", "turmeric", "curcumin", "boswellia", "fenugreek", "bitter melon",
    "gymnema", "berberine", "licorice root", "liquorice", "chasteberry", "vitex", "dandelion", "nettle", "hawthorn",
    "cat's claw", "senna", "cascara", "aloe vera", "garcinia", "hoodia", "green tea extract", "bilberry", "cranberry",
    "triphala", "guggul", "shatavari", "brahmi", "tulsi", "moringa", "neem", "giloy", "arjuna", "chyawanprash",
    "huang qi", "huangqi", "dang shen", "dangshen", "bai zhu", "baizhu", "chai hu", "chaihu", "gan cao", "gancao",
    "ren shen", "renshen", "fu ling", "fuling", "bai shao", "baishao", "chuan xiong", "shu di huang", "shudihuang",
    "huang qin", "huangqin", "huang lian", "huanglian", "jin yin hua", "lian qiao", "ban lan gen", "banlangen",
    "ma huang", "mahuang", "gou qi zi", "gou qi", "goji", "he shou wu", "heshouwu", "fo ti", "dan shen", "danshen",
    "san qi", "sanqi", "tian qi", "yun nan bai yao", "yunnan baiyao", "ling zhi", "lingzhi", "reishi", "cordyceps",
    "dong chong xia cao", "wu wei zi", "shan yao", "ban xia", "chen pi", "zhi shi", "mai dong", "tian ma", "ge gen",
    "jiao gu lan", "xi yang shen", "bai guo", "bai he", "sheng di huang", "e jiao", "lianhua qingwen", "liu wei di huang",
    "xiao yao san", "xiaoyao san", "gui pi tang", "bu zhong yi qi", "si wu tang", "ba zhen", "tong ren tang",
    "pien tze huang", "an gong niu huang", "angong niuhuang", "qing kai ling", "shuang huang lian", "jin gui shen qi",
)
DEVICE_MAKERS_EN = frozenset({
    "medtronic", "abbott", "biotronik", "boston scientific", "st jude", "st. jude", "dexcom", "omnipod", "insulet",
    "tandem", "minimed", "freestyle", "libre", "accu-chek", "contour", "onetouch", "resmed", "philips", "respironics",
    "zoll", "stryker", "zimmer", "biomet", "smith & nephew", "depuy", "synthes", "edwards", "baxter", "fresenius",
    "abiomed", "impella", "livanova", "sorin", "microport", "terumo", "masimo", "cochlear", "advanced bionics",
    "med-el", "oticon", "phonak", "inspire", "nevro", "axonics", "hologic", "olympus", "karl storz", "teleflex",
    "becton dickinson", "bd", "hill-rom", "welch allyn", "nihon kohden", "mindray", "ge healthcare", "siemens",
    "roche", "novo nordisk", "lilly", "sanofi", "pfizer", "moderna", "astrazeneca", "janssen", "novartis", "bayer",
    "merck", "gsk", "glaxosmithkline", "takeda", "amgen", "gilead", "biogen", "teva", "sandoz", "mylan", "viatris",
})
CAR_MAKERS_EN = frozenset({"toyota", "honda", "nissan", "mazda", "subaru", "suzuki", "hyundai", "kia", "ford", "chevrolet",
                           "chevy", "dodge", "jeep", "tesla", "volkswagen", "vw", "audi", "bmw", "mercedes", "volvo",
                           "lexus", "acura", "infiniti", "buick", "cadillac", "lincoln", "chrysler", "peugeot", "renault",
                           "skoda", "seat", "fiat", "citroen", "mitsubishi", "holden", "vauxhall", "opel", "porsche"})

# Eponyms written alone for the disease or the test they name ("h/o Graves s/p RAI", "Schirmer 3 mm OU"),
# which the NER model takes for people; dropped only beside a diagnosis cue, a measurement or a clinical word.
EPONYM_TESTS_EN = frozenset({
    "graves", "schirmer", "hashimoto", "addison", "cushing", "crohn", "hodgkin", "wilson", "paget", "bell", "conn",
    "raynaud", "sjogren", "sjögren", "kawasaki", "still", "behcet", "behçet", "whipple", "romberg", "phalen", "tinel",
    "lachman", "mcmurray", "allen", "rinne", "weber", "dix-hallpike", "hallpike", "murphy", "rovsing", "trousseau",
    "chvostek", "babinski", "kernig", "brudzinski", "finkelstein", "spurling", "hoffman", "hoffmann", "apley", "thompson",
    "homan", "homans", "epley", "barlow", "ortolani", "tanner", "apgar", "glasgow", "wells", "ranson", "child-pugh",
})

# Scores, indices and classifications named after people, written with their grade or value
# ("Harvey-Bradshaw 9", "Marsh 3b", "Wagner grade 2", "Gleason 7"): not a person before a number or grade.
SCORE_EPONYMS_EN = frozenset({
    "harvey-bradshaw", "marsh", "wagner", "gleason", "breslow", "clark", "killip", "mallampati", "forrest", "savary",
    "hinchey", "gustilo", "salter-harris", "garden", "neer", "hunt", "hess", "hunt-hess", "fisher", "spetzler",
    "spetzler-martin", "bosniak", "tanner", "norton", "braden", "waterlow", "centor", "mcisaac", "bishop", "ranson",
    "dukes", "child-pugh", "mayo", "truelove", "montreal", "rutherford", "fontaine", "kellgren-lawrence", "outerbridge",
    "cobb", "fitzpatrick", "hurley", "hoehn", "yahr", "rankin", "karnofsky", "lugano", "binet", "rai", "durie-salmon",
    "masaoka", "ishak", "metavir", "brunt", "kleiner", "siewert", "boston", "prague", "lauren", "borrmann", "paris",
    "weber", "schatzker", "lauge-hansen", "frankel", "asia", "enneking", "lenke", "meyerding", "modic", "pfirrmann",
    "tegner", "lysholm", "oxford", "constant", "quinn", "sydney", "wexner", "bristol", "rockall", "blatchford",
    "glasgow-blatchford", "baveno", "milan", "barcelona", "okuda", "nottingham", "elston", "ellis", "scarff-bloom-richardson",
})

# Single words the NER model reads as a person or a place that are a lab analyte, a vaccine,
# a billing term or a clinical short form ("| Hemoglobin | 9.8 g/dL", "DTaP, IPV given", "Copay for MRI").
NOT_NAME_TERMS_EN = frozenset({
    "hemoglobin", "haemoglobin", "ferritin", "albumin", "creatinine", "bilirubin", "platelets", "glucose", "sodium",
    "potassium", "troponin", "lactate", "hematocrit", "haematocrit", "transferrin", "magnesium", "phosphate", "calcium",
    "urea", "lipase", "amylase", "procalcitonin", "fibrinogen", "d-dimer", "cortisol", "prolactin", "testosterone",
    "estradiol", "oestradiol", "insulin", "c-peptide", "homocysteine", "folate", "cobalamin", "globulin", "neutrophils",
    "lymphocytes", "monocytes", "eosinophils", "basophils", "reticulocytes",
    "dtap", "tdap", "ipv", "opv", "mmr", "mmrv", "hib", "bcg", "hpv", "pcv13", "pcv20", "ppsv23", "menacwy", "menb",
    "copay", "co-pay", "deductible", "coinsurance", "doc", "neuro", "obs", "vill",
    # shorthand of notes, labels and forms: "Tx note", "TAKE 1 TAB", "Addr. …"
    "tx", "tab", "tabs", "addr",
})
