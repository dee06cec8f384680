"""Chinese names found by their place in the clause, not by a cue word next to them.

Patients write "沈可欣昨天开始发烧", "卜凡的血糖空腹8.9" or "冼志豪的家属请到护士站": no 患者/医生
nearby, so the cue rules of `zh_person.ChineseNameRecognizer` stay silent. What such a name does have is
a shape: it opens a clause (text start, after punctuation, or after a kinship or request word:
我老公, 我外婆, 请, 转告) and is followed by what follows a subject (昨天, 说, 的家属, 于3月,
"，女，45岁", 你好). Between the two sits a surname and one or two characters that are plausible
given-name characters and do not form a dictionary word with their neighbours.

Three kinds of surname, three levels of proof:
- common surnames (王, 沈, 胥): a clause start, a follower and given-name characters suffice;
- two-character surnames (司空, 拓跋, 南宫): rare as words, so the same with a looser follower;
- rare or word-like ones (于, 和, 綦, 缑, 谯): only before the strongest followers ("，女，",
  主诉, 于+date, 因) or right after a kinship cue.

Also here: transliterated and minority names written with a middle dot (买买提·艾力,
约翰·史密斯) and names listed after a found one (家属：刘芳、陈刚).
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import lexicon
from mediscope.deid.normalize import normalize
from mediscope.deid.recognizers.base import ready_jieba
from mediscope.deid.types import PERSON

# The thresholds the cue rules use for rare surnames (see `zh_person.rare_surnames`): 綦/郗 (0) are
# names wherever they stand; 勾 (1,700) is a surname or "hook".
RARE_CUED_MAX_FREQ = 1000
RARE_SURNAME_MAX_FREQ = 3500
# Surnames whose character is hardly ever anything else (郗 0, 笪 54, 邹 and 聂 too): found in
# any position, as long as no dictionary word runs across the candidate.
UNMISTAKABLE_SURNAME_MAX_FREQ = 200


def _is_clinical(candidate: str, following: str = "", tags: dict[str, str] | None = None) -> bool:
    from mediscope.deid.recognizers.zh_patterns import _is_clinical as clinical

    return clinical(candidate, following, tags)

_HAN = r"\u4e00-\u9fff"
# What may stand right before a clause-opening name.
# Not "、": in consultation text it mostly separates drugs and herbs (肌苷片、甘利欣、病毒唑).
_OPENERS = "，,。.！!？?；;：:（(）)【】[]“”\"' \t\n~～…"

# Followers, strongest first. Offsets are matched at the end of the candidate.
_TITLES = "|".join(sorted(lexicon.TITLES_ZH, key=len, reverse=True))
# A record field of the person's own right after the name (黎明华身份证号码…, 吴敏住院号…).
_OWN_FIELD = "(?:身份证|证件号|手机号|联系电话|住院号|门诊号|病案号)"
_STRONG_FOLLOW = regex.compile(
    rf"\s?(?:{_TITLES}|同学|同志)"  # 笪 欣 主任, 郗海洋同学
    rf"|(?:、[{_HAN}]{{2,3}})?(?:夫妇|夫妻|父子|父女|母子|母女|兄弟|姐妹|兄妹|姐弟|两口子)"  # 邓超、孙俪夫妇
    r"|[，,、\s]*(?:男|女)(?:[，,、\s性]|\d|[零一二三四五六七八九十])"  # 綦玉兰，女，92岁
    r"|[，,]\s*\d{1,3}\s*(?:岁|周岁)"  # 文静，27岁
    r"|\s?[（(]\s*\d{1,3}\s*(?:岁|周岁|歲)"  # 雍和平（96岁）
    r"|[，,]\s*孕\s*\d"  # 花蕾，孕12周
    r"|主诉|自诉|自述|代诉|诉|因|于\s*(?:\d|[今昨前去上本]|[一二三四五六七八九十]+月)|来院|来诊|就诊|入院|出院|住院"
    r"|的(?:家属|妈妈|爸爸|母亲|父亲|爱人|丈夫|妻子|老公|老婆|儿子|女儿|孩子|家长|陪护|病历|病情|报告|检查|结果)"
    r"|家属|家长"  # 司马晓东家属：明天…
    rf"|{_OWN_FIELD}"  # 黎明华身份证号码…: the person's own record field
    rf"|(?:、[{_HAN}]{{2,3}}){{1,4}}(?:两位|二位|三位|四位|几位|等人|俩|二人|三人)"  # 段正明、常青松两位患者
    r"|[，,]\s*(?:因|于\d|主诉|诉|现病史)"
    r"|[，,]\s*(?:你好|您好)"  # 莫华，你好: a message opening with its addressee
)
_MID_FOLLOW = regex.compile(
    r"(?:说|讲|问|告诉|觉得|感觉|昨天|今天|前天|明天|后天|下周|下个月|下次|今早|昨晚|去年|今年|前年|上周|上个月|最近|近来|刚才|早上|晚上|下午|上午|凌晨"
    r"|怀孕|打完|吃了|查出|确诊|发烧|发热|咳嗽|头痛|肚子|一直|已经|经常|平时|从小|出生|今年|去世|做了|做完|生病|感冒|住在|在家"
    r"|备孕|患有|得了|得过|体检|复查|生了|有点|(?:\d{1,3}|[一二三四五六七八九十两半]{1,3})多?\s*(?:天|日|周|个月|月|年|小时|岁|了)"
    r"|这(?:两|几)?(?:天|周|段时间|阵子|个月)|前几天|近几天|每天|每次|白天|夜里|自从|突然|总是|老是|又是"
    r"|代为|代签|代替|系|[开看做打用拿买送挂测量换吃喝输抽拍][了完过]|挂[个了号]|需要|要不要|能不能|可不可以|可以|应该|怎么"
    # the topic of a consultation: a body part, a measurement or a symptom right after the name
    r"|血压|血糖|血脂|体温|心率|胃口|睡眠|失眠|腰疼|腰痛|头晕|头疼|腹痛|胸闷|胸痛|腹泻|拉肚子|便秘|过敏|湿疹"
    r"|嗓子|喉咙|眼睛|皮肤|牙齿|牙疼|膝盖|脚踝|月经|例假"
    r"|(?:他|她)(?:妈|爸|老婆|老公|爱人|家|们|说|的)"  # 刘志强他妈刚打电话
    r"|你好|您好|收|签字|同意|拒绝|到|去|来|在|是|有|和|跟|与|也|都|还|又|刚|才|就|的)"
)
# Plain punctuation after the name: enough for two-character surnames and cue-introduced names.
_PUNCT_FOLLOW = regex.compile(r"[，,、。；;！!？?\s）)（(]|$")

# Words right before a name that introduce a person (beyond the cue lists of the main recognizer).
_KIN_CUES = (
    "老公", "老婆", "爱人", "丈夫", "妻子", "媳妇", "女婿", "对象", "男朋友", "女朋友", "男友", "女友", "老伴", "外婆", "外公",
    "姥姥", "姥爷", "奶奶", "爷爷", "老妈", "老爸", "俺妈", "俺爸", "婆婆", "公公", "岳父", "岳母", "母亲", "父亲",
    # a family history's siblings (有一姐林芳、一弟林森), aunts and uncles by rank, a spouse after 的
    "一姐", "一弟", "一兄", "一妹", "小姑", "大姑", "二姑", "三姑", "大舅", "二舅", "三舅", "小舅", "大姨", "二姨", "三姨",
    "小叔", "的先生", "的太太", "前妻", "前夫",
    # Cantonese and southern family words (佢个仔何志强, 细佬阿杰, 妈咪Winnie, 囡儿小芳)
    "个仔", "大仔", "细仔", "细佬", "家姐", "囡儿", "个女", "个孙", "孙仔", "妈咪", "爹地", "阿嫲", "阿嬷", "老豆",
    "妈妈", "爸爸", "我妈", "我爸", "我哥", "我姐", "我弟", "我妹", "老伴儿", "大哥", "二哥", "三哥", "大姐", "二姐",
    "三姐", "大儿子", "小儿子", "大女儿", "小女儿", "其子", "其女", "其妻", "其夫", "其孙", "其孙女", "其母", "其父", "其母亲", "其父亲",
    "其兄", "其弟", "其姐", "其妹", "其女婿", "其儿媳", "阿爸", "阿妈", "阿爹",
    # mixed-language messages: my dad 李国华 在美国
    # labels of the one who receives or holds: 收件人和丽萍 (和 is the Naxi surname there)
    "收件人", "寄件人", "户名", "收款人", "持卡人", "开户名",
    "my dad", "my mom", "my mum", "my father", "my mother", "my wife", "my husband", "my son", "my daughter",
    "My dad", "My mom", "My mum", "My father", "My mother", "My wife", "My husband", "My son", "My daughter",
    "儿子", "女儿", "闺女", "孩子", "宝宝", "老大", "老二", "老三", "大宝", "二宝", "孙子", "孙女", "外孙", "外孙女", "侄子", "侄女", "外甥", "外甥女",
    "哥哥", "姐姐", "弟弟", "妹妹", "舅舅", "姑姑", "叔叔", "阿姨", "姨妈", "小姨", "同事", "同学", "朋友", "邻居",
    "舅妈", "姑父", "姨父", "婶婶", "嫂子", "表哥", "表姐", "表弟", "表妹", "堂哥", "堂姐", "堂弟", "堂妹", "姐夫", "妹夫",
    "哥们", "哥们儿", "姐们", "战友", "老同学", "师兄", "师姐", "师弟", "师妹", "护工", "保姆", "医助", "助理",
    "伯伯", "伯母", "大伯", "姑妈", "姨夫", "亲家", "侄媳妇", "他爸", "他妈", "她爸", "她妈", "孩子他爸", "孩子他妈",
    "孩子爸", "孩子妈", "孩子爸爸", "孩子妈妈",
    "室友", "舍友", "闺蜜", "发小", "老乡",
    "患者", "病人", "患儿", "先证者", "家属", "伤者", "个案", "案主", "证人", "目击者", "当事人", "陪同人", "陪护人", "陪诊人", "联系人", "监护人", "转告", "通知", "告诉", "提醒", "请", "让", "找",
    "叫", "我是", "他是", "她是", "给", "帮", "由", "主刀", "翻译", "车主", "业主", "户主", "机主", "我跟", "我和", "跟我", "和我", "麻醉", "护士", "医生", "医师",
    "大夫",
)
# The family members among the cues: after 我老婆 even 向/于 open a name (我老婆向红梅).
_KINSHIP = KINSHIP_WORDS = frozenset(_KIN_CUES[: _KIN_CUES.index("患者")])
_START_SCAN = regex.compile(
    "[" + regex.escape(_OPENERS) + "]|(?P<cue>"
    + "|".join(regex.escape(w) for w in sorted(_KIN_CUES, key=len, reverse=True)) + r")[\s:：]*"
)
_CUE_BEFORE = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in sorted(_KIN_CUES, key=len, reverse=True)) + r")[\s:：]*$"
)

# Time words and a few verbs before a name that opens the clause without punctuation: 昨天邵俊峰给我
# 开了药, 是唐国庆帮我换的药, 多亏周海波及时..., 听杨振宇说. A name there needs a follower that
# says a person acted (_VERB_FOLLOW), not just any word.
_VERB_LEFT = regex.compile(
    r"(?:今天早上|今天上午|今天下午|昨天晚上|昨天上午|昨天下午|前天晚上|昨天|今天|前天|上周[一二三四五六日天]?|上次|上回"
    r"|刚才|刚刚|那天|当时|后来|之前|今早|昨晚|早上|上午|下午|晚上|是|多亏|幸亏|听|问了|问过|找了|找过|结果|然后|本来|原来)")
_VERB_FOLLOW = regex.compile(
    r"(?:给我|帮我|跟我|替我|让我|叫我|告诉我|通知我|嘱咐我|给他|给她|帮他|帮她|给孩子|给宝宝|给我爸|给我妈|给老人|给病人"
    r"|说|讲|来查房|查房|打电话|打来电话|来电话|建议|开的|开了|做的|做了|看的|看了|看过|及时|亲自|主刀|接诊|会诊|值班|收治)")
_ASKED = frozenset({"问了", "问过", "找了", "找过", "多亏", "幸亏"})
# Nickname cues whose value is the nickname whatever its shape (小名军仔, 外号：大头).
_NICK_NAMED = regex.compile(
    r"(?:小名|乳名|昵称|外号|绰号)(?:儿)?(?:叫|是)?[\s:：]*(?P<nick>[\u4e00-\u9fff]{2,3}?)(?=[，,。.；;！!？?）)、\s]|$)")
# A nickname in brackets right after a family word: 我舅妈（阿梅）, 阿姨(阿华).
_BRACKET_NICK = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in sorted(
        ("老公", "老婆", "爱人", "丈夫", "妻子", "媳妇", "女婿", "对象", "男朋友", "女朋友", "老伴", "外婆", "外公", "姥姥",
         "姥爷", "奶奶", "爷爷", "妈妈", "爸爸", "我妈", "我爸", "婆婆", "公公", "儿子", "女儿", "闺女", "孩子", "宝宝", "孙子",
         "孙女", "外孙", "外孙女", "侄子", "侄女", "外甥", "外甥女", "哥哥", "姐姐", "弟弟", "妹妹", "舅舅", "舅妈", "姑姑",
         "叔叔", "阿姨", "姨妈", "小姨", "婶婶", "嫂子", "表哥", "表姐", "表弟", "表妹", "堂哥", "堂姐", "堂弟", "堂妹",
         "同事", "同学", "朋友", "邻居", "室友", "闺蜜", "大哥", "大姐", "二姐", "二哥"), key=len, reverse=True))
    + r")\s?[（(]\s?(?P<nick>[阿小][\u4e00-\u9fff]|(?P<d>[\u4e00-\u9fff])(?P=d)|[\u4e00-\u9fff]仔)\s?[）)]"
    r"|(?<=[\u4e00-\u9fff])[（(]\s?(?P<nick>[阿小][\u4e00-\u9fff])\s?[）)]")  # 我大姨（阿芬）: that shape anywhere
# What may follow a cued run of name characters to vouch for it: sex, ethnicity or age (患者那顺乌日图，
# 男，蒙古族 / 患者玉香，傣族，90岁).
_PERSON_FACTS = regex.compile(
    r"[，,、]\s*(?:男|女|[\u4e00-\u9fff]{1,3}族|\d{1,3}\s*(?:岁|周岁)|[一二三四五六七八九十百]{1,4}岁)")
# The same facts, or an age in brackets or a pregnancy, vouching for a name that is a word (see `_accept`).
_WORD_NAME_FACTS = regex.compile(
    r"[，,、]\s*(?:男|女)[，,、\s]|[，,、]\s*\d{1,3}\s*(?:岁|周岁)|\s?[（(]\s*\d{1,3}\s*(?:岁|周岁)|[，,]\s*孕\s*\d")
# A bed number's start: no digit or letter before it, unless an intensive care unit's letters
# (ICU4床, CCU 2床, NICU12床: its bed, not a code's digits).
BED_NUM_START = r"(?<!\d)(?:(?<![A-Za-z])|(?<=(?<![A-Za-z])(?:[NPERSMC]?ICU|CCU) ?))"
_BED_CUE = regex.compile(BED_NUM_START + r"\d{1,3}\s?床(?:号)?[\s:：]*")
_RUN_END = regex.compile(r"[，,。；;（(）)\s]|$")
# Verbs, prepositions and findings' first characters: a run after a cue that opens with one is a
# clause (叫嘟嘟, 诉头痛, 无发热), not a name (那顺乌日图 opens with 那, a Mongolian name's part).
_RUN_NOT_FIRST = frozenset("叫名称为是有在和与及给让被把对从向到去来说问找请看要想需住做吃用服查测诉现伴突无既已于因自今昨明前近每各其这也")
_FOREIGN_RE = regex.compile("(?:" + "|".join(sorted(lexicon.FOREIGN_NAMES_ZH, key=len, reverse=True)) + ")+")
_HAN_RUN = regex.compile(r"[\u4e00-\u9fff]{2,5}")

# Characters too common as words to open a clause as a surname without strong proof.
# 祝 opens blessings (祝安康, 祝好运), 于/和/向 are prepositions.
# 黄, 高, 白, 江, 林 are common surnames whose words (黄疸, 高血压) the dictionary checks catch.
_WEAK_SURNAMES = frozenset("于和向时常文花全万方安成明强关包宁单余叶连路车项谷祝田")

# NEVER_IN_GIVEN_NAME lists function words' characters (可以, 如果, 正在, 虽然) to veto jieba's
# inventions; these four are also frequent in given names (可欣, 如意, 正阳, 欣然).
_GIVEN_DESPITE_NEVER = frozenset("可如正然")
_NEVER_GIVEN = frozenset(lexicon.NEVER_IN_GIVEN_NAME) - _GIVEN_DESPITE_NEVER
# How to reach someone, right after the name a family word introduced (母亲向红梅电话138…).
_CONTACT_AFTER_NAME = ("微信", "电话", "手机", "联系电话", "联系方式", "QQ")

# (葛 秀\n英 女: the last character may have wrapped onto the next line, standing alone there)
# A form's next label, after a field's spaced value: 甄　|取镜日期：
_OPENS_A_LABEL = regex.compile(r"[\u4e00-\u9fff]{2,6}[：:]")
_SPACED = regex.compile(rf"(?<![{_HAN}] )[{_HAN}](?: [{_HAN}]|\n[{_HAN}](?![{_HAN}])){{1,3}}(?! [{_HAN}])")
# A form field: "患者：满天星  检查部位：胸部". Only the value's shape (a short run closed by a
# wide gap or by the next label) tells a name from a dialogue line ("患者：我头疼三天").
_FORM_LABELS = sorted({
    "患者", "病人", "患儿", "先证者", "家属", "受检者", "检查者", "检验者", "操作者", "报告者", "审核者", "送检者", "申请者", "检验人",
    "医生", "医师", "护士", "技师", "药师", "签名", "签字", "家属签名", "患者签名", "医生签名", "姓名", "联系人", "监护人",
    "记录人", "审核人", "报告人", "上报人", "填报人", "复核人", "收件人", "车主", "户主", "手术者", "术者", "助手", "一助", "二助", "主刀",
    "麻醉师", "器械护士", "巡回护士", "经管医生", "管床医生", "主管医生", "责任护士",
}, key=len, reverse=True)
_FORM_FIELD = regex.compile(
    "(?:" + "|".join(_FORM_LABELS) + r")\s?[：:]\s*"
    # spaced all through (张 伟) or not at all (张伟): 闭海燕 送检日期 is a name, then the next label
    rf"(?P<name>[{_HAN}](?:[{_HAN}]{{1,3}}| [{_HAN}](?: [{_HAN}]){{0,2}})?)(?=\s{{2,}}|\s*[{_HAN}]{{2,6}}\s?[：:]|\s*$)"
)

# Middle-dot names: 买买提·艾力, 约翰·史密斯, 阿卜杜拉·买买提·艾山, 包·额尔敦 (after a cue).
# The first part may be glued to a cue word (病人阿卜杜拉·买买提), which is cut off afterwards.
# The last part ends before a non-Han character, a function word or a title (由, 的, 先生).
_DOT_NAME = regex.compile(
    rf"(?<![{_HAN}·•‧・])(?P<name>[{_HAN}]{{1,10}}(?:[·•‧・][{_HAN}]{{1,6}}){{0,2}}[·•‧・][{_HAN}]{{1,6}}?)"
    rf"(?![{_HAN}](?<![由在的是说和与及于因到去来从被把对给跟也都就还陪先女小医大教主博护老同今昨前已曾之有协帮签送带诉患现需要想入住经自])|$)"
)
_CUE_PREFIX = regex.compile(
    "^(?:" + "|".join(regex.escape(w) for w in sorted(
        {*_KIN_CUES, *lexicon.NAME_CUES_ZH_STRONG, *lexicon.NAME_CUES_ZH_WEAK, "我叫", "名叫"}, key=len, reverse=True)) + ")+"
)
_CUE_AT = regex.compile(_CUE_PREFIX.pattern[1:])  # the same, at any position (^ holds only at 0)
# Rare surnames that mostly appear in transliterations and brands (沃尔玛, 沃丽汀, 蔚来).
_BRAND_CHARS = frozenset("沃蔚弘亢")  # and 亢 of 亢进, 甲亢, 脾亢
# Characters that end transliterated drug names (沃丽汀, 美托洛尔, 阿莫西林): a "name" glued to one
# of them is the start of a drug.
_DRUG_SYLLABLES = frozenset("汀丁酮唑胺素霉嗪啶醇酯酸钠钾尔林宁平泮坦普洛沙星肽")
# Characters a name may be glued to on its left without a cue: 12床郗海洋, 为郗海洋做了, @郗海洋.
_GLUE_BEFORE = frozenset("床为和与跟给对让替帮由及@号室、")
_AFTER_DRUG = regex.compile(r"(?:胶囊|片|颗粒|丸|液|散|膏|剂|素|霉|星|林|酮|唑|汀|平|尔|宁|灵)\s*[,，、;；]\s*$")
# Place suffixes and eponym endings never end a given name: 元谋县, 墨菲征, 唐氏.
_NOT_LAST = lexicon.NOT_LAST_IN_NAME_ZH
# Pills, powders and decoctions are named like people (左归丸, 桂枝汤): a name never ends so.
_DRUG_FORM = frozenset("丸散膏汤饮片剂液")
# Listed names: 刘芳、陈刚, 申晓、甘露露.
_DOTS_RE = regex.compile("[·•‧・]")
_LIST_RE = regex.compile("[、和及与]")
_LIST_PREV = regex.compile(rf"(?P<name>[{_HAN}]{{2,4}})[、和及与]$")
# (the found name may carry a bracket before the list goes on, and so may the next one: 余钰（女婿）、莫彬,
# 江建国（复旦大学附属中山医院 放疗科）、操洁（姑息医学科）)
_LIST_NEXT = regex.compile(
    rf"(?:[ \t]?[（(][^（）()\n]{{1,24}}[）)])?[、和及与](?P<name>[{_HAN}]{{2,4}}?)(?=[、，,。；;\s（(]|两位|二位|三位|等|都|也|均|父|母|兄|姐|夫|俩|二人|三人|一家|$)"
)


# Any person cue right before a position: kinship, the name cues of the main recognizer, form labels.
_ANY_CUE_BEFORE = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in sorted(
        {*_KIN_CUES, *lexicon.NAME_CUES_ZH_STRONG, *lexicon.NAME_CUES_ZH_WEAK, *_FORM_LABELS, "本人", "系", "由", "其"},
        key=len, reverse=True)) + r")[\s:：|｜]*$"  # a table's cell border too: |姓名|那木汗|
)
# Words that introduce a nickname of their own (小名叫乐乐, 乳名：囡囡).
_NICK_CUE = re.compile(r"(?:(?:小名|乳名|昵称|外号)(?:叫|是)?|(?:孩子|宝宝|儿子|女儿|孙子|孙女|闺女|外孙|外孙女|名字)叫|叫(?:她|他)(?=[\u4e00-\u9fff]{2}[，,。；;！!]|[\u4e00-\u9fff]{2}$)|(?:我们|我|咱|俺)家)[\s:：]*")
# Cues before a minority name made of parts missing from the lexicon (姓名：阿娜尔罕).
_TRANSLIT_CUE = re.compile(r"(?:姓名|本人|签字人|就诊人|受检者)[\s:：]*")
# A time word right after a nickname: the nickname is the subject of the clause.
_NICK_TIME_NEXT = regex.compile(
    r"(?:从(?:昨天|今天|前天|上周|上个月|去年|小)|最近|近来|这(?:两|几)?(?:天|周|段时间|阵子)|今天|昨天|前天|前几天|一直|总是|老是|经常|今年|上周|刚才|突然)")
# Nicknames after a family word (我闺女妞妞, 我女儿小丽, 我儿子阿强): a doubled character, or
# 小/阿 before a given-name character. jieba tags the doubled adverbs (天天, 乖乖, 常常) d or t.
# The kin words after which a given name alone is likely: relatives, not 宝宝/孩子/同事, whose next two
# characters are as often the topic (宝宝月龄, 孩子体重, 同事小组).
_KIN_GIVEN_NOT_AFTER = regex.compile(r"(?:宝宝|孩子|大宝|二宝|同事|同学|朋友|室友|舍友|老乡|战友|护工|保姆|助理|医助)$")
_ADVERB_CHARS = frozenset("挺很太最都也还就才又更没不真好特")
# Everyday words of two given-name characters that jieba's dictionary predates (父亲微信 shenjun_1978).
_KIN_GIVEN_NOT_NAMES = frozenset({"微信", "手机", "电话", "家里", "身体", "血压", "血糖", "心脏", "体检", "年纪", "工作",
                                  "单位", "家人", "老家", "平时", "最近", "现在", "以前", "今年", "去年"})
# Given names of a generation that are also words (建国, 卫国, 红梅): right after a family word they
# are the relative's name, however common the word is.
_ERA_GIVEN_NAMES = frozenset({"建国", "建军", "卫国", "红梅", "建华", "跃进", "振华", "建平", "新民", "立新", "海燕"})
_NICK_SHAPE = regex.compile(rf"(?P<nick>([{_HAN}])\2|[小阿老][{_HAN}])")
_NICK_BAD_TAGS = ("d", "t", "m", "r", "p", "c", "u", "v", "f")
# 阿姨, 阿婆, 小手, 小嘴: forms of address and body parts, not nicknames (jieba tags 阿姨 nr).
_NICK_NOT_SECOND = frozenset("姨婆公伯嬷舅姑嫂婶娘爹孩儿娃宝嘴手脸脚头身屁肚腿")
# Latin-script names in Chinese text: "Michael Brown先生", "外籍患者Sarah Johnson，", "我是Kevin".
_UPPER_LOWER = regex.compile(r"\p{Lu}\p{Ll}")
_LATIN_NAME = r"\p{Lu}\p{Ll}+(?:[ \-·•]\p{Lu}\p{Ll}+){0,2}"
_LATIN_TITLE = regex.compile(
    rf"(?<![\p{{Latin}}\d])(?P<name>{_LATIN_NAME})\s?(?:先生|女士|小姐|医生|大夫|教授|主任|博士|护士|老师|同学|太太|夫人)"
    # a speaker label (Dialogue 医生：) is a name's only when it reads as a romanised Chinese name
    # (Li Xiaoming 医生：出来了): checked where the matches are read
    r"(?P<label>(?=\s*[:：]))?")
_LATIN_CUED = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in sorted(
        {*_KIN_CUES, "翻译", "我叫", "名叫", "叫做", "姓名", "收件人", "就诊人", "他叫", "她叫", "孩子叫", "外籍患者",
         "病人姓名", "患者姓名"},
        key=len, reverse=True)) + rf")[\s:：]*(?P<name>{_LATIN_NAME})(?![\p{{Latin}}\d])"
)
# 我叫Tom, 姓名：Ivy: the cue says that a name follows, whatever the word is.
_LATIN_NAMED = regex.compile(
    rf"(?:我叫|名叫|叫做|姓名|他叫|她叫|孩子叫|英文名(?:叫|是)?|名字(?:叫|是))[\s:：]*(?P<name>{_LATIN_NAME})(?![\p{{Latin}}\d])")
# "Lisa你好", "谢谢Kevin": a greeting or thanks next to the name.
_LATIN_GREETED = regex.compile(
    rf"(?:(?<![\p{{Latin}}])(?P<name>{_LATIN_NAME})[\s,，]?(?:你好|您好)|(?:你好|您好|谢谢|感谢)[\s,，]?(?P<name>{_LATIN_NAME}))"
    r"(?![\p{Latin}\d])")
# "Priya的同事", "我是Daniel的妈妈": a Latin name owning a relative or a colleague.
_LATIN_OWNER = regex.compile(
    rf"(?<![\p{{Latin}}])(?P<name>{_LATIN_NAME})\s?(?:的(?:妈妈|爸爸|母亲|父亲|家属|家长|爱人|丈夫|妻子|老公|老婆|儿子|女儿|孩子"
    r"|哥哥|姐姐|弟弟|妹妹|同事|同学|朋友|室友|舍友|邻居|翻译|监护人)"
    # a child's parent named without 的 (Kevin 妈妈手机, Emma爸爸说)
    r"|(?:妈妈|爸爸|家长|奶奶|爷爷|外婆|外公)(?![\u4e00-\u9fff]?[：:]))")
# A Latin given name, then the same person's Chinese name in brackets, one the dictionary knows
# (Kevin (李凯文), Amy（王佳怡）); zh_person's latin_then_han takes full names before rarer ones.
_LATIN_BEFORE_HAN = regex.compile(
    r"(?<![\p{Latin}][ ]?)(?P<name>\p{Lu}\p{Ll}+)\s?[（(]\s?(?P<han>[\u4e00-\u9fff]{2,3})\s?[）)]")
# Greetings and interjections in title case open many mixed-language messages (Hi 医生, Hello 您好).
_LATIN_NOT_NAMES = frozenset({"hi", "hello", "hey", "dear", "thanks", "thank", "sorry", "ok", "okay", "please", "yes",
                              "no", "bye", "wow", "oh", "morning", "evening", "doctor", "doc", "dr", "sir", "madam",
                              # a bilingual form's English field names (姓名 Name:, 年龄 Age:)
                              "name", "age", "sex", "gender", "date", "tel", "address", "ward", "bed", "dept"})
# A name in lower-case pinyin after a cue: 我老婆ning hui, 我是zhang wei的家属, 我叫liu yang. A
# common surname's syllable, then one or two syllables shaped like pinyin, spaced or not.
_PY_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)")
_PY_SURNAMES = (
    "zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han "
    "feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren yao shen zhong cui tan "
    "fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin xue yan duan lei long tao gu mao hao gong shao "
    "wan qian kang niu ning qi qiao mo lan nong qu ou ouyang situ shangguan zhuge murong")
# Surnames as Hong Kong and Macau papers romanise them (Cantonese, Wade-Giles): Chan Tai Man,
# Leung Siu Fung, Cheung Ka Yan. Their first word on a cued Latin name vouches for it.
_HK_SURNAMES = frozenset("""
chan wong leung cheung lau lee li ho ng tsang chow chau yeung lam tam kwok mak fung yip lai cheng choi tang law siu kwan
hui tse chu lo poon ko tong au yuen szeto fong kong shum sin suen to tsui wan yau yiu yu chung chiu hung kam kan lui
man mok pang sze tai tsoi wai wu yim ip kwong luk lui ching chong hon koo lok ngai pun sit tin tung woo yung""".split())
# and as Taiwan papers write them (Wade-Giles): Hsu Chia-Hui, Tsai Ming-Chang, Hsieh Yi-Ting.
_TW_SURNAMES = frozenset("""
hsu chang chen lin huang tsai cheng kuo chou chiang yeh hsieh tseng kao chien peng tu ke hung liao chiu chuang chao tsao
shih hsiao hou ting yen sung teng hsueh chin tsou yang wang liu wu lu su""".split())
# Singapore and Malaysia spell Hokkien, Teochew and Hakka surnames their own way (LIM Bee Choo, GOH Swee
# Lan, QUEK Ah Huat); the short ones that are English words (Low, Ee, Aw, Soon) are left out.
_SG_MY_SURNAMES = frozenset(
    "lim goh ong teo koh tay chua yeo quek khoo seah toh neo loh heng kang tham pang chee ang boey chia chng "
    "hoon liew lok mok oei ooi phua poh sia soh tee tio wee yap yeoh chong choo chew leong loke ngiam tok".split())
_ROMANISED_SURNAMES = _HK_SURNAMES | _TW_SURNAMES | _SG_MY_SURNAMES | frozenset(_PY_SURNAMES.split())
# The same without pinyin's, for English text (where MA, HE, AN, YU are words more often than names).
_CAPS_NAME_SURNAMES_NOT_PINYIN = _HK_SURNAMES | _TW_SURNAMES | _SG_MY_SURNAMES
# An identity paper's form of a Chinese name in Latin letters: the surname in capitals, then the
# given name's syllables capitalised, spaced or hyphenated (CHAN Tai Man, WONG Siu-ling, HSU, Chia-Hui),
# or the surname alone in capitals after a Latin honorific (Miss YIP, Dr. LEUNG Ka Fai).
_CAPS_SURNAME_NAME = regex.compile(
    r"(?<![\p{Latin}\d])(?P<name>(?P<sur>[A-Z]{2,7}),?[ ]{1,2}[A-Z][a-z]{1,5}(?:(?:[ ]{1,2}|-)[A-Za-z][a-z]{1,5}){0,2})"
    r"(?![\p{Latin}\d])")
# A foreign given name, then the surname in capitals as a passport prints it (Maria SANTOS, Anna KOWALSKA).
_GIVEN_CAPS_SURNAME = regex.compile(r"(?<![\p{Latin}\d])(?P<name>(?P<given>[A-Z][a-z]{2,12})[ ]{1,2}(?P<sur>[A-Z]{3,15}))(?![\p{Latin}\d])")
_HAN_BESIDE_LATIN = regex.compile(r"[ ]{1,2}[（(]?(?P<han>[\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])")
_CAPS_SURNAME_HONORIFIC = regex.compile(r"(?<![\p{Latin}])(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s?(?P<name>[A-Z]{2,7})(?![\p{Latin}\d])")
# One syllable of Cantonese, Wade-Giles or pinyin romanisation: consonants, vowels, a nasal or stop.
# Its onset is one a romanisation writes (ch, hs, ts, kw, ng...), not an English cluster (Stain, Blood).
_ROMAN_SYLLABLE = regex.compile(  # (Hokkien's Swee and its closing w: Kow, Chow)
    r"(?:tsz|chh|sz|ts|tz|hs|ch|sh|zh|ng|kw|gw|kh|ph|th|sw|[bcdfghjklmnpqrstwxyz])?[aeiouy]{1,3}(?:ng|n|m|k|p|t|h|w)?")
# The same name all in capitals right after a name field (病人姓名：TAN AH KOW, Patient: LIM BEE CHOO).
_CAPS_NAME_CUED = regex.compile(
    r"(?:姓名|病人姓名|患者姓名|英文姓名|英文名|(?<![\p{Latin}])(?i:patient(?: name)?|name|pt))[ \t]*[:：][ \t]*"
    r"(?P<name>(?P<sur>[A-Z]{2,7}),?[ ]{1,2}[A-Z]{1,6}(?:[ -][A-Z]{1,6}){0,2})(?![\p{Latin}\d])")  # (a form's gap ends it)

# With no field before it, a name in capitals of three words, as a Hong Kong, Singapore or Malaysian
# paper prints it (MAK SIU FONG 閣下, 名字 LEE AH MOI, 資料係 CHAN KWOK WING): a listed surname and two
# syllables (an English run of capitals is rarely three syllables after a surname: NG TUBE, TO BE DONE).
_CAPS_THREE_WORD_NAME = regex.compile(
    r"(?<![\p{Latin}\d])(?P<name>(?P<sur>[A-Z]{2,7})[ ]{1,2}[A-Z]{2,6}(?:[ ]{1,2}|-)[A-Z]{2,6})(?![\p{Latin}\d])")
# The pinyin of a Chinese name in capitals right after it, in brackets or after a slash
# (芮 东 升（RUI DONGSHENG）, 查 俊 熙 / ZHA JUNXI): one syllable, then the given name's one to three.
_PINYIN_CAPS_AFTER_HAN = regex.compile(
    r"(?<=\p{Han}[ \t]?(?:[（(]|/)[ \t]?)(?P<name>[A-Z]{1,6}[ ][A-Z]{2,14})(?=[ \t]?(?:[）)|,，/]|$))", regex.M)
_PINYIN_CAPS_GATE = regex.compile(r"[（(/][ \t]?[A-Z]{1,6} [A-Z]{2}")
_PINYIN_SYLLABLES_RE = regex.compile(rf"(?:{_PY_SYLLABLE}){{1,3}}")
_PINYIN_ONE_RE = regex.compile(_PY_SYLLABLE)
_CAPS_THREE_WORD_GATE = regex.compile(r"[A-Z]{2,7} {1,2}[A-Z]{2,6}[ \-][A-Z]{2}")
# Two-letter English words that a Cantonese syllable may spell too, but seldom in a name.
_NOT_GIVEN_SYLLABLES = frozenset("to in at is it an no go do so up we he me be my by of or as if on".split())


def _caps_three_word_name_ok(name: str, surname: str) -> bool:
    """`_caps_surname_name_ok`, and no given syllable a two-letter English word: with no field before
    it, "NG TUBE TO BE DONE" must not pass as a surname and syllables."""
    given = [w.lower() for w in regex.split(r"[ \-]+", name)[1:] if w]
    return _caps_surname_name_ok(name, surname) and not any(w in _NOT_GIVEN_SYLLABLES for w in given)


def _caps_surname_name_ok(name: str, surname: str) -> bool:
    """CHAN Tai Man: a listed romanised surname and given syllables that are syllables (Tai, Siu-ling),
    not English words (MA Pain reads as syllables too; NG Tube, LI Test do not) nor clinical ones."""
    if surname.lower() not in _ROMANISED_SURNAMES:
        return False
    given = [w.lower() for w in regex.split(r"[ ,\-]+", name)[1:] if w]
    return all(_ROMAN_SYLLABLE.fullmatch(w) for w in given) and not any(
        w in lexicon.CLINICAL_WORDS_EN or w in lexicon.CLINICAL_VOCAB_EN for w in given)
_PINYIN_CUED = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in sorted(
        {*_KIN_CUES, "我叫", "名叫", "叫做", "他叫", "她叫", "姓名", "我是", "家属", "患者"}, key=len, reverse=True))
    + r")[\s:：]*(?P<name>(?i:(?:" + "|".join(sorted(_PY_SURNAMES.split(), key=len, reverse=True))
    + rf")(?:\s?{_PY_SYLLABLE}){{1,2}}))(?![A-Za-z])")  # LU XIAOMEI on a form, too
_PINYIN_GATE = regex.compile(r"[\u4e00-\u9fff][\s:：]*[A-Za-z]{2}")

# Dr. Wang, Mr Smith, Prof. Chen inside Chinese text.
_LATIN_HONORIFIC = regex.compile(
    rf"(?<![\p{{Latin}}])(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s?(?P<name>{_LATIN_NAME})(?![\p{{Latin}}\d])")

# 约翰·史密斯（John Smith）: a transliterated name followed by the original in brackets.
_LATIN_AFTER_DOT_NAME = regex.compile(
    rf"[·•‧・][{_HAN}]{{1,6}}\s?[（(]\s?(?P<name>\p{{Lu}}\p{{Ll}}+(?:[ \-]\p{{Lu}}\p{{Ll}}+){{1,2}})\s?[）)]")


def _latin_name_ok(name: str) -> bool:
    """Not a drug, test, eponym or anatomy word in title case (Foley, Holter, Braden)."""
    words = [w.lower() for w in regex.split(r"[ \-·•]", name)]
    if any(w in lexicon.CLINICAL_WORDS_EN or w in lexicon.CLINICAL_VOCAB_EN for w in words):
        return False
    # Eponyms are surnames too (Sarah Johnson): only a name made of eponyms alone is one (Bence Jones).
    return not all(w in lexicon.EPONYMS_EN for w in words)


def _romanised_chinese_name(name: str) -> bool:
    """Chan Tai Man, Leung Siu Fung, Zhang Xiaoyu: a romanised Chinese surname, then one or two
    syllables of a given name (three words at most, each a short syllable)."""
    words = [w.lower() for w in regex.split(r"[ \-]", name) if w]
    return 2 <= len(words) <= 3 and words[0] in _ROMANISED_SURNAMES and all(len(w) <= 6 for w in words)


def _pinyin_full_name(name: str) -> bool:
    """Li Xiaoming, Zhang Wei: a romanised Chinese surname, then a given name of one or two pinyin
    syllables written as one word."""
    words = [w.lower() for w in name.split(" ") if w]
    return (len(words) == 2 and words[0] in _ROMANISED_SURNAMES
            and regex.fullmatch(rf"(?:{_PY_SYLLABLE}){{1,2}}", words[1]) is not None)


def _person_names() -> tuple[frozenset[str], frozenset[str]]:
    from mediscope.deid.recognizers.en_lexicon import all_person_names

    return all_person_names()


def _known_latin_name(name: str) -> bool:
    """Some word of `name` is a given name or surname of a Faker locale (Kevin, Johnson)."""
    from mediscope.deid.recognizers.en_lexicon import is_english

    first, last = _person_names()
    words = [w.lower() for w in regex.split(r"[ \-·•]", name)]
    if len(words) == 1 and is_english(words[0]):
        return False  # 谢谢Doctor, 提醒：Dialogue: one ordinary English word
    return any(w in first or w in last for w in words)


def given_name_chars() -> frozenset[str]:
    """Characters seen in given names: Faker's zh_CN/zh_TW first names and the given parts of
    jieba's person-tagged three-character words (noisy, so only frequent characters count)."""
    chars: set[str] = set()
    try:
        from faker.providers.person.zh_CN import Provider as CN
        from faker.providers.person.zh_TW import Provider as TW

        for name in [*CN.first_names, *TW.first_names]:
            chars.update(normalize(name))
    except Exception:  # noqa: BLE001 - faker is a deid dependency; the jieba part still works
        pass
    return frozenset(ch for ch in chars if "\u4e00" <= ch <= "\u9fff")


class ChineseClauseNameRecognizer(EntityRecognizer):
    """Names that open a clause and are followed by what follows a subject (see module doc)."""

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(supported_entities=[PERSON], name="ZhClauseNameRecognizer", supported_language=supported_language)

    @property
    def given(self) -> frozenset[str] | set[str]:
        """The characters a given name is made of (the Faker lists', jieba's names', the extras)."""
        return self._given

    def load(self) -> None:
        import collections

        jieba = ready_jieba()
        self._jieba = jieba
        self._freq = jieba.dt.FREQ
        self._tags = jieba.posseg.dt.word_tag_tab
        self._posseg = jieba.posseg.dt
        counts: collections.Counter[str] = collections.Counter()
        for word, tag in self._tags.items():
            if tag == "nr" and len(word) == 3 and word[0] in lexicon.SURNAMES_1:
                counts.update(word[1:])
        self._given = given_name_chars() | {ch for ch, n in counts.items() if n >= 5} | lexicon.GIVEN_NAME_CHARS_EXTRA
        self._given -= _NEVER_GIVEN
        self._compound = tuple(sorted({*lexicon.SURNAMES_2, *lexicon.BAIJIAXING_2}, key=len, reverse=True))
        self._de_compound_re = regex.compile("的(?=" + "|".join(self._compound) + ")")
        # 有, 于, 和 are on the 百家姓 list too: only characters rare on their own count.
        listed = frozenset(lexicon.BAIJIAXING) - lexicon.SURNAMES_1
        self._rare = frozenset(ch for ch in listed if self._freq.get(ch, 0) < RARE_SURNAME_MAX_FREQ)
        self._wordlike = listed - self._rare  # treated like the weak surnames
        self._unmistakable_chars = frozenset(
            ch for ch in {*lexicon.BAIJIAXING, *lexicon.SURNAMES_1, *lexicon.RARE_SURNAMES_EXTRA}
            if self._freq.get(ch, 0) < UNMISTAKABLE_SURNAME_MAX_FREQ and ch not in lexicon.NOT_GIVEN_NAME_CHARS
            and ch not in _BRAND_CHARS
        )
        self._rare |= frozenset(lexicon.RARE_SURNAMES_EXTRA) | lexicon.SURNAMES_REGIONAL
        # First characters of a two-character name: any surname, and the 岩 (men) and 玉 (women) that
        # open Dai names (岩温, 玉罕), 依/咪 of Dai and Hani women's names.
        self._surname_like = frozenset(
            {*lexicon.SURNAMES_1, *lexicon.BAIJIAXING, *lexicon.RARE_SURNAMES_EXTRA, *lexicon.SURNAMES_REGIONAL, *"岩玉依咪召刀"})
        self._unmistakable_re = regex.compile("[" + "".join(sorted(self._unmistakable_chars)) + "]")
        minority = lexicon.MINORITY_NAME_PARTS
        parts = "|".join(sorted(minority, key=len, reverse=True))
        suffix = "".join(sorted(lexicon.MINORITY_NAME_SUFFIXES))
        # 阿依古丽·吐尔逊: dotted parts are one name.
        self._minority_re = regex.compile(
            f"(?:(?P<part>{parts}))+(?:[·•‧・](?:(?P<part>{parts}))+)*(?P<suffix>[{suffix}])?")
        # Characters of those names; a run of three or more of them after a cue may be a name whose
        # parts the lexicon lacks (阿娜尔罕, 托乎提买买提).
        self._translit_chars = frozenset("".join(minority)) - frozenset("的了是在有和与及我你他她它们吗呢吧啊呀也都就还")
        self._translit_gate = re.compile("[" + "".join(sorted(self._translit_chars)) + "]{3}")
        self._translit_run = re.compile("[" + "".join(sorted(self._translit_chars)) + "]{3,7}")
        # Gate: most texts hold no two-character opening of any part (one `re` scan, cheap).
        self._minority_gate = re.compile("|".join(sorted({p[:2] for p in minority})))
        singles = "".join(sorted(lexicon.SURNAMES_1 | listed | lexicon.SURNAMES_TITLE_ONLY))
        self._start_chars = frozenset(singles) | {c[0] for c in self._compound}
        self._start_re = regex.compile("(?:" + "|".join(self._compound) + "|[" + singles + "])")

    # ---- helpers ------------------------------------------------------------------------------

    def _word_freq(self, word: str) -> int:
        """Dictionary count of `word`, or 0 for the rare names in jieba's dictionary.

        jieba tags many ordinary words as names (祝福 327, 麻木 430, 杜仲 370 are all `nr`);
        the real names in it are rare (王英 76, 张建华 2), hence the low cap.
        """
        freq = self._freq.get(word, 0)
        if freq < 100 and self._tags.get(word, "").startswith("nr"):
            return 0
        return freq

    def _clean_boundaries(self, text: str, s: int, e: int) -> bool:
        """No dictionary word runs across either end of the candidate (高血压 / 张口说 / 时候)."""
        a = max(0, s - 4)
        b = min(len(text), e + 4)
        bounds, pos = {a}, a
        for tok in self._jieba.lcut(text[a:b], HMM=False):
            pos += len(tok)
            bounds.add(pos)
        # 甜甜的 is a dictionary word: a particle glued to the name's end does not count.
        return s in bounds and (e in bounds or (e < len(text) and text[e] in "的了地得" and e + 1 in bounds))

    def _left_ok(self, text: str, s: int) -> str | None:
        if s == 0 or text[s - 1] in _OPENERS:
            return "start"
        if _CUE_BEFORE.search(text, max(0, s - 6), s):
            return "cue"
        return None

    def _follow(self, text: str, e: int) -> str | None:
        if _STRONG_FOLLOW.match(text, e):
            return "strong"
        if _PUNCT_FOLLOW.match(text, e):
            return "punct"
        if _MID_FOLLOW.match(text, e):
            return "mid"
        return None

    def _topic_name(self, text: str, s: int, e: int, sur: str) -> bool:
        """帅一航手足口病, 郜天翔胸片提示: a name right before the topic word, no particle between.

        Without a follower only jieba's reading decides: the whole candidate one person token,
        a dictionary word of two or more characters right after it, and no word across it.
        """
        if sur in _WEAK_SURNAMES or sur in lexicon.SURNAMES_TITLE_ONLY or self._word_freq(text[s:e]) >= 20:
            return False
        if not (s == 0 or _CUE_BEFORE.search(text, max(0, s - 6), s)):
            return False  # only a text's first words or a cued name (尤卡丹小儿扑热息痛 is a brand)
        if text[e - 1] in _NOT_LAST or self._freq.get(text[s + len(sur) : e], 0) >= 100:
            return False  # 元谋县, 墨菲征; 温开水 (开水 is a word)
        nxt = self._jieba.lcut(text[e : e + 6], HMM=False)
        if not nxt or len(nxt[0]) < 2 or self._freq.get(nxt[0], 0) < 100:
            return False
        return self._clean_boundaries(text, s, e) and self._jieba_says_name(text, s, e) and not _is_clinical(
            text[s:e], text[e : e + 3])

    def _jieba_says_name(self, text: str, s: int, e: int) -> bool:
        """jieba's HMM cuts the candidate as one token tagged as a person (贝晓丹/nr, 缑春燕/nr)."""
        for pair in self._posseg.cut(text[s : min(len(text), e + 4)]):
            return pair.word == text[s:e] and pair.flag.startswith("nr")
        return False

    def _compound_given_ok(self, text: str, g0: int, given: str, left: str) -> bool:
        """After a two-character surname and a cue or before "，女，" any given name will do
        (夏侯惇义, 长孙无双) as long as it does not start the next word (东方，请...)."""
        # 东方 明 (a form's gap after the surname) but not 东方明，男: the comma is no given name
        if any(ch in "的了吗呢吧啊呀我你他她您们是在有和说" or not ("\u4e00" <= ch <= "\u9fff" or ch == " " and i == 0)
               for i, ch in enumerate(given)):
            return False
        if _STRONG_FOLLOW.match(text, g0 + len(given)):
            return True
        return left in ("cue", "kin") and not any(ch in lexicon.NOT_GIVEN_NAME_CHARS for ch in given)

    def _given_ok(self, given: str) -> bool:
        lead_ok = len(given) == 2 and given[0] in "一小长"  # 一鸣, 一诺, 小雨, 长林
        if not given or any(ch in _NEVER_GIVEN or ch in lexicon.NOT_GIVEN_NAME_CHARS for ch in given[lead_ok:]):
            return False
        if given[0] == "一" and len(given) == 2 and given[1] in "一二三四五六七八九十个些次天周月年点":
            return False
        return all(ch in self._given for ch in given)

    def _accept(self, text: str, s: int, sur: str, given: str, left: str, follow: str) -> bool:
        cand = sur + given
        e = s + len(cand)
        if cand[-1] in _DRUG_FORM:
            return False
        raw = self._freq.get(cand, 0)
        tag = self._tags.get(cand, "")
        famous = tag == "nr" and raw < 500 and sur in lexicon.SURNAMES_1 and sur not in _WEAK_SURNAMES and (
            follow == "strong" or text.startswith(("你好", "您好", "说", "问"), e))
        # 值班医生：满江。 a cue and a clause end vouch for a rare dictionary name, but not for a
        # two-character word after a title-only surname (王主任医师查房).
        introduced = left in ("cue", "kin") and follow in ("strong", "punct") and sur not in lexicon.SURNAMES_TITLE_ONLY and (
            tag.startswith("nr") or len(cand) >= 3 or raw < 5)
        listed_name = introduced and tag.startswith("nr") and raw < 500 and len(cand) >= 3  # my dad 李国华 在美国
        # 花蕾，孕12周 / 白雪，女，82岁 / 雍和平（96岁）: the sex, the age or a pregnancy right after
        # the word vouch for it as a name, if it is no verb, adjective or adverb; after a cue
        # (患者夏天，女，19岁 / 患者平安，男，75岁) a season or a wish (t, a) is a name as well
        vouched = left in ("start", "cue", "kin") and _WORD_NAME_FACTS.match(text, e) is not None and (
            tag[:1] not in ("v", "a", "d", "m", "t", "f", "r", "p", "c")
            or left in ("cue", "kin") and tag[:1] in ("t", "a") and len(cand) == 2)
        # 高兴主诉头痛三天: a word opening a record's line right before 主诉 is the patient who complains
        vouched = vouched or (left == "start" and len(cand) == 2 and text.startswith(("主诉", "自诉"), e) and (
            s == 0 or text[s - 1] == "\n") and tag[:1] not in ("v", "d", "m", "t", "f", "r", "p", "c"))
        # 我是方正，: introducing oneself with a word jieba knows as a name (方正, 黎明 are nr)
        self_named = text[max(0, s - 2) : s] in ("我是", "我叫", "名叫") and tag.startswith("nr") and raw < 1000 and (
            follow in ("strong", "punct"))
        if raw and not famous and not listed_name and not vouched and not self_named and (
                raw >= 20 or ((not tag.startswith("nr") or len(cand) == 2) and not introduced)):
            return False  # 高山, 白雪, 杜仲, 黄精: a word whatever the context says (李娜 438 is a name)
        # A character this rare (郗 0, 笪 54) is a surname whenever it opens a clause; for the rest
        # a very common word after it is more likely a phrase (陈旧的) than a given name.
        very_rare = len(sur) == 1 and self._freq.get(sur, 0) < RARE_CUED_MAX_FREQ
        if len(given) == 2 and not very_rare and not vouched and self._word_freq(given) >= 2000 and not self._tags.get(
                given, "").startswith("nr"):
            return False
        if len(sur) == 1 and len(given) == 2 and self._freq.get(cand[:2], 0) >= 30 and left not in ("cue", "kin") and (
            follow != "strong" or not self._tags.get(cand[:2], "").startswith("nr")
        ) and not (raw == 0 and _PERSON_FACTS.match(text, e)):  # 文静怡，27岁: sex or age after it vouch for the name
            return False  # 桂圆干 (桂圆 40, tagged nr!), 羊角风, 高度重视: surname + next character is a word
        if left == "start" and _AFTER_DRUG.search(text, max(0, s - 6), s):
            return False  # 清肝利胆胶囊,甘利欣,肝炎灵: an item in a list of drugs
        # The context decides first; jieba (the costly part) only confirms what it let through.
        verdict = self._context_verdict(text, s, sur, given, left, follow)
        tags = self._tags if left in ("cue", "kin") else None  # 母亲殷红霞签字: an everyday word opens the name
        # 患者黎明，男，66岁: with the sex or the age right after it an everyday two-character word
        # (黎明, 夏天, 甘露 open phrases elsewhere: 黎明现象, 夏天易中暑) is no clinical phrase
        # 患者黎明华身份证号…: after a cue, a three-character non-word before the person's own record
        # field is a name, though its first two characters (黎明) open a clinical phrase elsewhere
        own_field = left in ("cue", "kin") and len(cand) == 3 and raw == 0 and regex.match(_OWN_FIELD, text[e:]) is not None
        clinical = _is_clinical(cand, text[e : e + 3], tags) and not (vouched and len(cand) == 2) and not own_field
        if not verdict or clinical or not self._clean_boundaries(text, s, e):
            return False
        return verdict is True or self._jieba_says_name(text, s, e)

    def _context_verdict(self, text: str, s: int, sur: str, given: str, left: str, follow: str) -> bool | str:
        """True, False, or "jieba" when only jieba's reading of the candidate can decide."""
        compound = len(sur) == 2
        weak = sur in _WEAK_SURNAMES or sur in lexicon.SURNAMES_TITLE_ONLY or sur in self._wordlike
        rare = not compound and sur in self._rare and not weak
        if compound:
            # 司空见惯, 百里挑一, 第五次: the compound must not be a word with what follows
            return follow in ("strong", "punct", "mid") and self._freq.get(text[s : s + 4], 0) == 0
        if sur in lexicon.SURNAMES_TITLE_ONLY and len(given) == 2 and self._word_freq(given) >= 100:
            return False  # 家属应留意, 患者全麻醉: a title-only surname before a word is the verb's or the adverb's
        if follow == "strong" or (left in ("cue", "kin") and follow == "punct"):
            return True
        if rare and follow == "mid" and len(given) == 2 and self._freq.get(sur, 0) < RARE_SURNAME_MAX_FREQ:
            return True  # 郗海洋昨天发烧, 勾天宇今天复查: a rare surname opening a clause
        if weak or rare:
            # 我老婆向红梅怀孕 / 贝晓丹怀孕 / 和志强的颈椎: a kinship cue, or jieba, too, reads one
            # person-name token; never a common word as the given name (双子宫 is 双 + 子宫)
            if follow != "mid" or len(given) != 2 or self._word_freq(given) >= 500:
                return False
            if sur in self._wordlike and self._word_freq(given) and left != "kin":
                return False  # 患者有益处: 有 is a verb before a word far more often than a surname
            return True if left in ("cue", "kin") else "jieba"
        return follow in ("strong", "mid", "punct") and (follow != "punct" or left in ("cue", "kin") or len(given) == 2)

    # ---- analysis -----------------------------------------------------------------------------

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and PERSON not in entities:
            return []
        norm = normalize(text)
        out: list[tuple[int, int, float, str]] = []
        # Only clause starts can open a name here: find them first (text start, after an
        # opener, after a cue) instead of testing every surname character of the text.
        starts = {0: "start"}
        for m in _START_SCAN.finditer(norm):  # openers and cues in one pass
            cue = m.group("cue")
            if cue is None:
                starts[m.end()] = "start"
            else:
                starts.setdefault(m.end(), "kin" if cue in _KINSHIP else "cue")
        if "的" in norm:  # 上周做胃镜的万俟雪梅: a two-character surname is rare enough to open a name after 的
            for m in self._de_compound_re.finditer(norm):
                starts.setdefault(m.end(), "start")
        for m in _VERB_LEFT.finditer(norm):  # 昨天邵俊峰给我开了: a time word, then the actor
            starts.setdefault(m.end(), "verb_asked" if m.group(0) in _ASKED else "verb")
        first = self._start_chars
        for s in sorted(starts):
            if norm[s : s + 1] not in first:
                continue
            m = self._start_re.match(norm, s)
            if m is None:
                continue
            sur, left = m.group(0), starts[s]
            g0 = m.end()
            for n_given in (2, 1):
                given = norm[g0 : g0 + n_given]
                if len(given) < n_given:
                    continue
                if not self._given_ok(given) and not (len(sur) == 2 and self._compound_given_ok(norm, g0, given, left)):
                    continue
                e = g0 + n_given
                if left in ("verb", "verb_asked"):
                    # after a time word only a verb of acting (给我开了, 说, 帮我) vouches for a name;
                    # after 问了/多亏 (a person is asked or thanked) a clause end does too
                    if not (_VERB_FOLLOW.match(norm, e) or _STRONG_FOLLOW.match(norm, e) or (
                            left == "verb_asked" and n_given == 2 and _PUNCT_FOLLOW.match(norm, e))):
                        continue
                    if self._accept(norm, s, sur, given, "start", "mid"):
                        out.append((s, e, 0.7, "clause_verb"))
                        break
                    continue
                follow = self._follow(norm, e)
                if (follow is None and left == "kin" and n_given == 2 and (len(sur) == 2 or (
                        sur in lexicon.SURNAMES_1 and sur not in _WEAK_SURNAMES)) and norm[e : e + 1] not in _DRUG_SYLLABLES):
                    follow = "mid"  # 我哥李建军肝功能异常: after a family word the name needs no follower
                elif follow is None and left == "kin" and n_given == 2 and norm.startswith(_CONTACT_AFTER_NAME, e):
                    follow = "mid"  # 父亲向建军微信：…: a family word, a name, then how to reach the person
                elif (follow is None and left == "cue" and n_given == 2 and sur in lexicon.SURNAMES_1
                      and sur not in _WEAK_SURNAMES and norm[e : e + 1] not in _DRUG_SYLLABLES
                      and self._word_next(norm, e)):
                    follow = "mid"  # 给陈丽芳安排床位: after 给 a name, then a word
                elif (follow is None and len(sur) == 2 and self._given_ok(given) and norm[e : e + 1] not in _DRUG_SYLLABLES
                      and (norm[e : e + 1] in "：:" or self._word_next(norm, e))):
                    follow = "mid"  # 令狐雅琴：您的检查…, 公冶长青进食后: a two-character surname is rare as a word
                if follow and self._accept(norm, s, sur, given, left, follow):
                    out.append((s, e, 0.7, "clause"))
                    break
                if follow is None and n_given == 2 and self._topic_name(norm, s, e, sur):
                    out.append((s, e, 0.65, "clause_topic"))
                    break
        out += self._unlisted_surnames(norm, sorted(set(starts) - {s for s, *_ in out}))
        cue_ends = [p for p, how in starts.items() if how in ("cue", "kin")]
        out += self._cued_unlisted(norm, cue_ends, {s for s, *_ in out})
        bed_ends = [m.end() for m in _BED_CUE.finditer(norm)] if "床" in norm else []
        out += self._cued_runs(norm, cue_ends + bed_ends, {s for s, *_ in out})
        # The rules below are cheap to skip: each needs a character most texts lack.
        if self._unmistakable_re.search(norm):
            out += self._unmistakable(norm, {s for s, *_ in out})
        if " " in norm:
            out += self._spaced(norm)
        if self._minority_gate.search(norm):
            out += self._minority(norm)
        kin_ends = [p for p, how in starts.items() if how == "kin" or (how == "cue" and norm[max(0, p - 3) : p].endswith("患儿"))]
        if "名" in norm or "叫" in norm or "家" in norm or "昵" in norm or "外号" in norm:
            kin_ends += [m.end() for m in _NICK_CUE.finditer(norm)]
        if self._translit_gate.search(norm):
            translit_ends = cue_ends + [m.end() for m in _TRANSLIT_CUE.finditer(norm)]
            # a longer transliteration wins over an "unmistakable" surname's two characters (敖日其楞)
            out += self._cued_translit(norm, translit_ends, {s for s, _, _, how in out if how != "unmistakable"})
        if kin_ends:
            out += self._nicknames(norm, kin_ends)
            out += self._kin_given_names(norm, [p for p, how in starts.items() if how == "kin"], {s for s, *_ in out})
        if "阿" in norm or "小" in norm or "老" in norm:
            out += self._a_nicknames(norm, sorted(starts))
        if "（" in norm or "(" in norm:
            out += [(*m.span("nick"), 0.65, "nickname") for m in _BRACKET_NICK.finditer(norm) if self._nick_ok(m.group("nick"))]
        if "名" in norm or "号" in norm or "昵称" in norm:
            for m in _NICK_NAMED.finditer(norm):
                nick = m.group("nick")
                if self._word_freq(nick) < 100 and not any(ch in _NEVER_GIVEN for ch in nick) and not _is_clinical(nick):
                    out.append((*m.span("nick"), 0.65, "nickname"))
        if _UPPER_LOWER.search(norm):
            out += self._latin_names(norm)
        if "：" in norm or ":" in norm:
            out += [(*m.span("name"), 0.75, "caps_name_cued") for m in _CAPS_NAME_CUED.finditer(norm)
                    if _caps_surname_name_ok(m.group("name"), m.group("sur"))]
        if _PINYIN_CAPS_GATE.search(norm):
            for m in _PINYIN_CAPS_AFTER_HAN.finditer(norm):
                sur, given = m.group("name").lower().split(" ")
                if _PINYIN_ONE_RE.fullmatch(sur) and _PINYIN_SYLLABLES_RE.fullmatch(given):
                    out.append((*m.span("name"), 0.75, "pinyin_caps_after_han"))
        if _CAPS_THREE_WORD_GATE.search(norm):
            out += [(*m.span("name"), 0.7, "caps_three_words") for m in _CAPS_THREE_WORD_NAME.finditer(norm)
                    if _caps_three_word_name_ok(m.group("name"), m.group("sur"))]
        if _PINYIN_GATE.search(norm):
            out += [(*m.span("name"), 0.65, "pinyin") for m in _PINYIN_CUED.finditer(norm)
                    if m.group("name").lower() not in _LATIN_NOT_NAMES]
        if ":" in norm or "：" in norm:
            out += self._form_fields(norm)
        for m in _DOT_NAME.finditer(norm) if _DOTS_RE.search(norm) else ():
            s, e = m.span("name")
            cue = _CUE_PREFIX.match(norm, s, e)
            if not cue:
                # 外籍患者安德烈·伊万诺夫: a cue inside the run before the first dot
                dot = _DOTS_RE.search(norm, s, e).start()
                # (the run may open with the cue itself: ，先证者依斯马伊力·艾则孜, where ^ cannot hold)
                cue = next((c for k in range(s, dot - 1) if (c := _CUE_AT.match(norm, k, dot))), None)
            if cue and norm[cue.end()] not in "·•‧・":
                s = cue.end()
            if norm.index("·" if "·" in norm[s:e] else norm[s:e][-1], s) - s > 6 and not cue:
                continue  # a long run before the dot is a phrase, not a first name
            if "《" in norm[max(0, s - 20) : s] and "》" in norm[e : e + 20]:
                continue  # a title: 《红楼梦·序》
            opened = norm.rfind("【", 0, s)
            if opened != -1 and "\n" not in norm[opened:s] and "】" not in norm[opened:s] and norm.startswith(("】", "（", "("), e):
                continue  # a heading's kind and its form: 【电话核对身份·转写】, 【随访电话·语音转写（未校对）】
            if norm[s + 1 : s + 2] in "·•‧・" and not (
                    self._cue_before(norm, s) or (norm[s] in lexicon.SURNAMES_1 and (s == 0 or norm[s - 1] == "\n"))):
                continue  # one character before the dot (包·额尔敦) is a name's after a person cue, or a surname opening a line
            out.append((s, e, 0.75, "dot_name"))
        if out and _LIST_RE.search(norm):
            out += [(a, b, 0.65, "listed") for a, b in self.listed(norm, [(a, b) for a, b, *_ in out])]
        return [
            RecognizerResult(PERSON, s, e, score, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{how}",
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
            for s, e, score, how in out
        ]

    def _kin_given_names(self, text: str, kin_ends: list[int], taken: set[int]) -> list[tuple[int, int, float, str]]:
        """我爸建国，一直…, 小姑秀琴周末…, 女儿淑芬说…: a given name alone right after a family word.

        Families call each other by the given name; in a family history or a diary it follows the
        relation with no surname. Both characters are given-name characters, the pair is no
        dictionary word (建议, 回来), no word runs across its ends, and a clause goes on after it.
        """
        out = []
        for p in kin_ends:
            if p in taken or p + 2 > len(text) or _KIN_GIVEN_NOT_AFTER.search(text, max(0, p - 4), p):
                continue
            given = text[p : p + 2]
            if not all(ch in self._given for ch in given) or any(ch in lexicon.NOT_GIVEN_NAME_CHARS for ch in given):
                continue
            if given[0] in _ADVERB_CHARS or given in _KIN_GIVEN_NOT_NAMES:
                continue  # 姑父挺胖, 父亲微信
            if given not in _ERA_GIVEN_NAMES and (
                    self._word_freq(given) >= 20 or self._tags.get(given, "").startswith(_NICK_BAD_TAGS)):
                continue
            if given[0] in lexicon.SURNAMES_1 and text[p + 2 : p + 3] in self._given:
                continue  # 女儿林芳芳: a full name, the clause rules' job
            e = p + 2
            if not self._clean_boundaries(text, p, e) or _is_clinical(given, text[e : e + 3]):
                continue
            if self._follow(text, e) is None and not self._word_next(text, e):
                continue
            out.append((p, e, 0.65, "kin_given"))
        return out

    def _word_next(self, text: str, e: int) -> bool:
        """A dictionary word of two or more characters starts at `e` (一起, 喝酒), or a character
        and such a word (一|起来)."""
        nxt = self._jieba.lcut(text[e : e + 6], HMM=False)
        if nxt and len(nxt) > 1 and nxt[0] in ("不", "没", "很", "也", "都", "还", "又", "就"):
            return True  # 妞妞不爱吃饭, 小明很乖: an adverb opens the predicate
        return bool(nxt) and (len(nxt[0]) >= 2 or (len(nxt) > 1 and len(nxt[1]) >= 2 and nxt[0] not in "，,。；;、"))

    def _cue_before(self, text: str, s: int) -> bool:
        return s > 0 and _ANY_CUE_BEFORE.search(text, max(0, s - 8), s) is not None

    def _minority(self, text: str) -> list[tuple[int, int, float, str]]:
        """Tibetan, Uyghur, Kazakh, Mongolian and Yi names: no Han surname, made of known parts.

        Two parts or more (斯琴高娃, 阿不都沙拉木, 吉克阿依) make a name wherever they stand as a
        word of their own; one long part (热合曼, 其其格) needs a cue before it or a clause start and
        a subject's follower; one short part (次旦, 德吉, 图雅) needs a cue or the strongest follower.
        """
        out = []
        for m in self._minority_re.finditer(text):
            s, e = m.span()
            n_parts = len(m.captures("part"))  # 娜仁花: the suffix lengthens, it is no part
            # 仓央 措姆, 那顺 乌日图: a form may put a space between the parts; the next part, up to
            # the end of the run, belongs to the name.
            if text[e : e + 1] == " " and (nxt := self._minority_re.match(text, e + 1)) and (
                    nxt.end() == len(text) or not "\u4e00" <= text[nxt.end()] <= "\u9fff"):
                e, n_parts = nxt.end(), n_parts + len(nxt.captures("part"))
            # 迪丽热巴的, 宝音图，男: a known part, then name characters the lexicon lacks, up to a
            # subject's follower on a word boundary.
            run = self._translit_run.match(text, s)
            if run and run.end() > e:
                for e2 in range(min(run.end(), e + 2), e, -1):
                    if (self._follow(text, e2) or (self._cue_before(text, s) and self._word_next(text, e2))) and (
                            self._clean_boundaries(text, s, e2)):
                        e = e2
                        break
            cand = text[s:e]
            if e < len(text) and text[e] in _DRUG_SYLLABLES:
                continue
            follow = self._follow(text, e)
            cued = self._cue_before(text, s)
            if self._word_freq(cand) >= 20 and not (cued and follow == "strong") and not (
                    cued and n_parts >= 2 and (self._freq.get(cand, 0) == 0 or self._tags.get(cand, "")[:2] in ("nr", "ns", "nz"))):
                continue  # 乌云 is "dark clouds" unless a cue and "，女，47岁" say otherwise (妻子乌云其木格签字: two parts)
            if _is_clinical(cand, text[e : e + 3]) or not self._clean_boundaries(text, s, e):
                continue
            if not follow and cued and self._word_next(text, e):
                follow = "word"  # 我和热依拉一起来的: a cue, then a word after the name
            if n_parts >= 2 or (len(cand) >= 4 and follow):
                ok = True  # 阿依努尔说: four characters of known parts are a name wherever they stand
            elif len(cand) >= 3:
                ok = cued or follow == "strong" or (self._left_ok(text, s) == "start" and follow is not None)
            else:
                ok = (cued and follow is not None) or follow == "strong"
            if ok:
                out.append((s, e, 0.7, "minority"))
        return out

    def _nick_ok(self, nick: str) -> bool:
        """阿梅, 小军, 军仔, 豆豆: a pet-name shape whose characters could be a given name's."""
        if self._freq.get(nick, 0) >= 50 and not self._tags.get(nick, "").startswith("nr"):
            return False  # 小孩, 阿姨, 宝宝: words
        core = nick[0] if nick.endswith("仔") else nick[1]
        return core not in _NICK_NOT_SECOND and core not in _NEVER_GIVEN and core not in lexicon.NOT_GIVEN_NAME_CHARS

    def _cued_runs(self, text: str, cue_ends: list[int], taken: set[int]) -> list[tuple[int, int, float, str]]:
        """患者沙马拉且，/ 11床那顺乌日图，男 / 外籍患者安娜（: after a person cue, the whole run of
        Chinese characters up to punctuation is the name when it opens with a part of a minority
        name (沙马, 包+额尔敦), is a transliterated foreign name, or is vouched for by the sex,
        ethnicity or age right after it. No dictionary word, clinical word or function word."""
        out = []
        for p in cue_ends:
            if p in taken:
                continue
            foreign = _FOREIGN_RE.match(text, p)
            if foreign and (not _RUN_END.match(text, foreign.end()) and self._follow(text, foreign.end()) is None
                            and not self._word_next(text, foreign.end())):
                foreign = None
            if foreign:
                out.append((p, foreign.end(), 0.65, "cued_foreign"))  # 翻译玛丽亚陪同, 外籍患者安娜（
                continue
            m = _HAN_RUN.match(text, p)
            if m is None or not _RUN_END.match(text, m.end()):
                continue
            e = m.end()
            cand = text[p:e]
            if any(ch in "的了吗呢吧啊呀我你他她您们是在有和说很不没也都就还" for ch in cand) or _is_clinical(cand, text[e : e + 3]):
                continue
            if cand[0] in _RUN_NOT_FIRST:
                continue  # 孩子叫嘟嘟: the run opens with a verb, the name comes later
            if self._word_freq(cand) >= 20 or text[e - 1] in _DRUG_SYLLABLES:
                continue
            part = self._minority_re.match(text, p)
            if part is None and len(cand) >= 3 and text[p] in lexicon.SURNAMES_1:
                part = self._minority_re.match(text, p + 1)  # 包额尔敦, 白乌力吉: a Han surname first
            if part is not None and part.end() - part.start() >= 2 and len(cand) >= 3:
                out.append((p, e, 0.65, "cued_minority"))
                continue
            if not _PERSON_FACTS.match(text, e):
                continue
            # vouched for by 男/女/X族/N岁: no word at either end (神志清楚，男 is a finding)
            if self._freq.get(cand[:2], 0) >= 300 or self._freq.get(cand[-2:], 0) >= 300:
                continue
            if len(cand) <= 3 and any(ch in _NEVER_GIVEN for ch in cand[1:]):
                continue
            if len(cand) == 2 and cand[0] not in self._surname_like:
                continue  # 顺产，女婴: two characters are a name only after a surname (or 岩/玉 of Dai names)
            out.append((p, e, 0.65, "cued_run"))
        return out

    def _cued_translit(self, text: str, cue_ends: list[int], taken: set[int]) -> list[tuple[int, int, float, str]]:
        """患者阿娜尔罕，女 / 姓名：托乎提买买提: after a person cue, three to seven characters that
        all occur in minority names, closed by a subject's follower, no dictionary word."""
        out = []
        for p in cue_ends:
            m = self._translit_run.match(text, p)
            if m is None or p in taken:
                continue
            for e in range(m.end(), p + 2, -1):
                cand = text[p:e]
                if self._follow(text, e) is None or self._word_freq(cand) >= 20 or self._freq.get(cand[:2], 0) >= 500:
                    continue
                if e < len(text) and text[e] in _DRUG_SYLLABLES:
                    continue
                if _is_clinical(cand, text[e : e + 3]) or not self._clean_boundaries(text, p, e):
                    continue
                out.append((p, e, 0.65, "cued_translit"))
                break
        return out

    def _a_nicknames(self, text: str, starts: list[int]) -> list[tuple[int, int, float, str]]:
        """阿华最近总说心口疼, 小宇这两天拉肚子: 阿 or 小 + a given-name character opening the text
        or a clause, before a time word. The pair is no dictionary word (阿胶, 阿姨, 小孩, 小腹)."""
        out = []
        for p in starts:
            if text[p : p + 1] not in ("阿", "小", "老") or p + 2 > len(text):
                continue
            ch = text[p + 1]
            if text[p] in "小老":
                # 老陈头晕好几天了, 小李帮我挂的号: 老/小 + a common surname, then a subject's follower
                nick = text[p : p + 2]
                # 小魏你下午去看看, 小冯，3床…: the one spoken to, at a clause start
                called = text[p + 2 : p + 3] in ("你", "您") or (
                    text[p + 2 : p + 3] in "，," and (p == 0 or text[p - 1] in "。！!？?\n"))
                if ch in lexicon.SURNAMES_1 and ch not in _WEAK_SURNAMES and self._freq.get(nick, 0) < 1000 and (
                        not self._tags.get(nick, "").startswith(_NICK_BAD_TAGS)) and (
                        self._follow(text, p + 2) in ("strong", "mid") or _VERB_FOLLOW.match(text, p + 2) or called) and (
                        self._clean_boundaries(text, p, p + 2)) and not _is_clinical(nick, text[p + 2 : p + 5]):
                    out.append((p, p + 2, 0.65, "nickname"))
                    continue
                if text[p] == "老":
                    continue
            if ch not in self._given or ch in lexicon.NOT_GIVEN_NAME_CHARS or ch in _NICK_NOT_SECOND:
                continue
            if self._freq.get(text[p : p + 2], 0) > 0 or not _NICK_TIME_NEXT.match(text, p + 2):
                continue
            out.append((p, p + 2, 0.65, "nickname"))
        return out

    def _nicknames(self, text: str, kin_ends: list[int]) -> list[tuple[int, int, float, str]]:
        """我闺女妞妞三岁, 我女儿小丽昨天, 我儿子阿强打篮球: a nickname right after a family word.

        The nickname is not a dictionary word of its own (小时, 小学, 阿姨) nor an adverb
        (天天, 乖乖), no word runs across its end (小龙虾), and a subject's follower comes next.
        """
        out = []
        for p in kin_ends:
            if 0 < p < len(text) and text[p] == text[p - 1]:
                p += 1  # the cue scan stops at 我姐 in 我姐姐小芳
            m = _NICK_SHAPE.match(text, p)
            if m is None:
                continue
            nick = m.group("nick")
            e = p + 2
            ch = nick[1]
            freq, tag = self._freq.get(nick, 0), self._tags.get(nick, "")
            if ch in lexicon.NOT_GIVEN_NAME_CHARS or ch in _NICK_NOT_SECOND or ch in "们些样":
                continue
            # 果果, 糖糖: a doubled noun or unknown pair is a pet name even of a character that never
            # ends a given name (果 of 如果); 小/阿 need a given-name character.
            doubled_noun = nick[0] == nick[1] and tag in ("", "n", "nr", "nz")
            # 闺女叫可可 3岁: after 叫 a doubled pair closed by punctuation is the pet name, word or not
            called = nick[0] == nick[1] and text[p - 1 : p] == "叫" and _PUNCT_FOLLOW.match(text, e) is not None
            if ch in _NEVER_GIVEN and not doubled_noun and not called:
                continue
            if nick[0] == "老" and ch not in lexicon.SURNAMES_1:
                continue  # 我老伴老李: 老 before a surname only (老是, 老毛病 are words)
            if nick[0] in "小阿" and ch not in self._given:
                continue
            surname_nick = nick[0] == "老" and tag in ("", "n", "nr")  # 老李 298, 老张 256: names in use
            if (tag.startswith(_NICK_BAD_TAGS) or freq >= 100) and not surname_nick and not called:
                continue
            if nick[0] in "小阿" and freq >= 50 and not tag.startswith("nr") and not (
                    freq < 100 and tag == "n" and _NICK_TIME_NEXT.match(text, e)):
                continue  # 小气 84 is a word; 小军 11 and 小强 (nr) are names; 我闺女小雪从昨天 is one too
            if not self._clean_boundaries(text, p, e):
                continue
            if self._follow(text, e) is None and not self._word_next(text, e):
                continue  # 我弟弟小军喝酒, 咱家妞妞不爱吃: a word (not a stray character) comes next
            if _is_clinical(nick, text[e : e + 3]):
                continue
            out.append((p, e, 0.65, "nickname"))
        # 患儿朵拉，2岁: after a cue, two characters that are no word before "，2岁" or "，男".
        taken = {a for a, *_ in out}
        for p in kin_ends:
            cand = text[p : p + 2]
            if p in taken or len(cand) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in cand):
                continue
            if not _STRONG_FOLLOW.match(text, p + 2) or text[p + 2 : p + 3] not in "，, ":
                continue
            if self._word_freq(cand) >= 20 or any(c in lexicon.NOT_GIVEN_NAME_CHARS for c in cand):
                continue
            if _is_clinical(cand, text[p + 2 : p + 5]) or not self._clean_boundaries(text, p, p + 2):
                continue
            out.append((p, p + 2, 0.65, "nickname"))
        return out

    def _han_name_in_brackets(self, han: str) -> bool:
        """The Chinese beside a Latin name is a person's (Kevin（李凯文）): a surname opens it and the
        dictionary has it as no place (悉尼, 伦敦) and no other word."""
        return ((han[0] in lexicon.SURNAMES_1 or han[:2] in lexicon.SURNAMES_2)
                and self._tags.get(han, "nr").startswith("nr"))

    def _latin_names(self, text: str) -> list[tuple[int, int, float, str]]:
        """Latin-script names inside Chinese text, by a Chinese title after or a cue before."""
        out = []
        for rx in (_LATIN_TITLE, _LATIN_NAMED, _LATIN_CUED, _LATIN_AFTER_DOT_NAME, _LATIN_HONORIFIC, _LATIN_GREETED,
                   _LATIN_OWNER, _LATIN_BEFORE_HAN):
            for m in rx.finditer(text):
                name = m.group("name")
                if not _latin_name_ok(name) or name.lower() in _LATIN_NOT_NAMES:
                    continue
                if rx is _LATIN_TITLE and m.group("label") is not None and not (
                        _romanised_chinese_name(name) or _pinyin_full_name(name)):
                    continue  # Dialogue 医生：, Patient Record 医生：: a heading before a speaker's label
                if rx in (_LATIN_CUED, _LATIN_GREETED, _LATIN_OWNER, _LATIN_BEFORE_HAN) and not (
                        _known_latin_name(name) or _romanised_chinese_name(name)):
                    continue  # 提醒：Dialogue: a cue word alone does not make any capitalised word a name
                if rx is _LATIN_BEFORE_HAN and not self._han_name_in_brackets(m.group("han")):
                    continue  # Sydney（悉尼）: the bracket gives a place, not the person's Chinese name
                out.append((*m.span("name"), 0.7, "latin"))
        for m in _CAPS_SURNAME_NAME.finditer(text):
            if _caps_surname_name_ok(m.group("name"), m.group("sur")):
                out.append((*m.span("name"), 0.75, "caps_surname"))
                # the Chinese name the paper prints beside it (CHAN Tai Man 陈大文, CHOW Ka Ho 周家豪)
                han = _HAN_BESIDE_LATIN.match(text, m.end())
                if (han and han.group("han")[0] in lexicon.SURNAMES_1 and not han.group("han").endswith(lexicon.TITLES_ZH)
                        and not _is_clinical(han.group("han"))):
                    out.append((*han.span("han"), 0.75, "caps_surname"))
        for m in _GIVEN_CAPS_SURNAME.finditer(text):
            given, sur = m.group("given").lower(), m.group("sur").lower()
            first, last = _person_names()
            if given in first and sur in last and _latin_name_ok(m.group("name")):
                out.append((*m.span("name"), 0.75, "caps_surname"))
        for m in _CAPS_SURNAME_HONORIFIC.finditer(text):
            if m.group("name").lower() in _ROMANISED_SURNAMES:
                out.append((*m.span("name"), 0.75, "caps_surname"))
        return out

    def _unlisted_surnames(self, text: str, starts: list[int]) -> list[tuple[int, int, float, str]]:
        """綦玉兰，女，92岁 / 患者郗海洋于2023年: a character on no surname list, rare on its own
        (jieba count below `RARE_CUED_MAX_FREQ`), opening a clause or after a cue, before the
        strongest followers only."""
        out = []
        for s in starts:
            ch = text[s : s + 1]
            if not ch or not "\u4e00" <= ch <= "\u9fff" or self._freq.get(ch, 0) >= RARE_CUED_MAX_FREQ:
                continue
            if ch in lexicon.NOT_GIVEN_NAME_CHARS:
                continue
            for n_given in (2, 1):
                given = text[s + 1 : s + 1 + n_given]
                e = s + 1 + n_given
                if len(given) == n_given and self._given_ok(given) and _STRONG_FOLLOW.match(text, e) and not (
                    self._freq.get(ch + given, 0) or self._freq.get(text[s : s + 2], 0) or _is_clinical(ch + given)
                ):
                    out.append((s, e, 0.65, "rare_clause"))
                    break
        return out

    def _cued_unlisted(self, text: str, cue_ends: list[int], taken: set[int]) -> list[tuple[int, int, float, str]]:
        """患者靖国栋，: after a person cue, three characters closed by punctuation make a name
        even when the surname is on no list, if the given name is made of given-name characters
        and no part of it is a dictionary word."""
        out = []
        for s in cue_ends:
            cand = text[s : s + 3]
            if s in taken or len(cand) < 3 or not _PUNCT_FOLLOW.match(text, s + 3):
                continue
            if not all("\u4e00" <= ch <= "\u9fff" for ch in cand) or cand[0] in lexicon.NOT_GIVEN_NAME_CHARS:
                continue
            if not lexicon.CHEMISTRY_CHARS.isdisjoint(cand):
                continue  # 患者呋塞米 20mg: a drug
            if self._freq.get(cand[0], 0) >= RARE_CUED_MAX_FREQ or not self._given_ok(cand[1:]):
                continue  # 补身体, 尿红黄: characters that common are words, not surnames
            if self._freq.get(cand, 0) or self._freq.get(cand[:2], 0) >= 20 or _is_clinical(cand, text[s + 3 : s + 6]):
                continue
            out.append((s, s + 3, 0.65, "cued_unlisted"))
        return out

    def _unmistakable(self, text: str, taken: set[int]) -> list[tuple[int, int, float, str]]:
        """12床郗海洋，为笪欣做了胃镜, 郗海洋家属: a surname character that is almost never
        anything else needs no cue and no follower, only given-name characters after it."""
        out = []
        for m in self._unmistakable_re.finditer(text):
            s, ch = m.start(), m.group(0)
            if s in taken:
                continue
            for n_given in (2, 1):
                given = text[s + 1 : s + 1 + n_given]
                e = s + 1 + n_given
                cand = ch + given
                if len(given) < n_given or not self._given_ok(given) or self._freq.get(cand, 0) or self._freq.get(cand[:2], 0):
                    continue
                if n_given == 2 and self._freq.get(text[s + 2 : s + 4], 0) >= 100 and not self._follow(text, e):
                    continue  # 郗海 + 洋葱? the last character starts a word: take the shorter name
                if e < len(text) and text[e] in _DRUG_SYLLABLES:
                    continue  # 沃丽汀, 芮达宁: a transliterated brand name goes on
                if not (s == 0 or text[s - 1] in _OPENERS or text[s - 1] in _GLUE_BEFORE or self._follow(text, e)
                        or _CUE_BEFORE.search(text, max(0, s - 6), s)):
                    continue  # 颗粒抗覃逸精祛痰: glued into a phrase on both sides
                if self._clean_boundaries(text, s, e) and not _is_clinical(cand, text[e : e + 3]):
                    out.append((s, e, 0.65, "unmistakable"))
                    break
        return out

    def _spaced(self, text: str) -> list[tuple[int, int, float, str]]:
        """OCR puts a space between every character of a short field: 笪 欣，女 / 患者綦 玉 兰。

        The run may go on into the next word (笪 欣 主任), so shorter prefixes are tried too.
        """
        out = []
        for m in _SPACED.finditer(text):
            s = m.start()
            left = "any" if text[s] in self._unmistakable_chars else self._left_ok(text, s)
            if left is None:
                continue
            for e in range(m.end(), s + 2, -2):
                if self._spaced_name(text, s, e, left):
                    out.append((s, e, 0.65, "spaced"))
                    break
        return out

    def _spaced_name(self, text: str, s: int, e: int, left: str) -> bool:
        joined = text[s:e].replace(" ", "")
        follow = self._follow(text, e)
        if left != "any" and (follow is None or (left == "start" and follow == "mid")):
            return False
        sur = joined[:2] if joined[:2] in self._compound else joined[0]
        given = joined[len(sur) :]
        known = len(sur) == 2 or sur in lexicon.SURNAMES_1 or sur in self._rare
        if not given or not (known or self._freq.get(sur, 0) < RARE_CUED_MAX_FREQ):
            return False
        if any(ch in _NEVER_GIVEN or ch in lexicon.NOT_GIVEN_NAME_CHARS for ch in given):
            return False
        if e < len(text) and "\u4e00" <= text[e] <= "\u9fff" and (
                self._freq.get(text[e - 1 : e + 1], 0) or _is_clinical(text[e - 1 : e + 3])):
            return False  # 随访医生贲 心电图正常, 护士冼 交班: the "given name" opens the next word
        if _OPENS_A_LABEL.match(text, e - 1):
            return False  # 验光师：甄　取镜日期：: the "given name" opens the form's next label
        # 头 晕 / 发 烧: a spaced-out word, not a name
        return not (self._freq.get(joined, 0) or (len(joined) == 3 and self._freq.get(joined[:2], 0) >= 100))

    def _form_fields(self, text: str) -> list[tuple[int, int, float, str]]:
        out = []
        for m in _FORM_FIELD.finditer(text):
            name = m.group("name").replace(" ", "")
            if len(name) == 1:
                # 审核者：訾  报告时间: a surname alone fills the field; only a rare one (a common
                # character there is more often a one-word answer: 签名：无)
                if name in self._rare and name not in lexicon.NOT_GIVEN_NAME_CHARS and self._freq.get(name, 0) < RARE_CUED_MAX_FREQ:
                    out.append((*m.span("name"), 0.7, "form_field"))
                continue
            sur = name[:2] if name[:2] in self._compound else name[0]
            if not (sur in lexicon.SURNAMES_1 or sur in self._rare or sur in self._wordlike or len(sur) == 2
                    or self._freq.get(sur, 0) < RARE_CUED_MAX_FREQ):
                continue
            if any(ch in _NEVER_GIVEN for ch in name[len(sur) :]) or _is_clinical(name) or self._word_freq(name) >= 100:
                continue
            out.append((*m.span("name"), 0.7, "form_field"))
        return out

    def listed(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names listed next to a found one: 家属：刘芳、陈刚 / 申晓、甘露露两位护士.

        `found` may come from any name rule; a neighbour across 、/和 needs only the shape of a
        name (a surname, given-name characters, no dictionary word).
        """
        out: list[tuple[int, int]] = []
        queue, seen = list(found), set(found)
        while queue:  # a list grows one neighbour at a time: 王丽、甘露露、周敏
            s, e = queue.pop()
            cands = []
            m = _LIST_NEXT.match(text, e)
            if m:
                cands.append(m.span("name"))
            m = _LIST_PREV.search(text, max(0, s - 6), s)
            if m and (m.start("name") == 0 or text[m.start("name") - 1] in _OPENERS
                      or _CUE_BEFORE.search(text, max(0, m.start("name") - 6), m.start("name"))):
                cands.append(m.span("name"))
            for a, b in cands:
                cand = text[a:b]
                sur = self._start_re.match(cand)
                given = cand[sur.end() :] if sur else ""
                # a rare character (孙俪) is as good a given name as a listed one
                rare_given = bool(given) and all(self._freq.get(ch, 0) < RARE_CUED_MAX_FREQ and ch not in _NEVER_GIVEN
                                                 for ch in given)
                if (a, b) not in seen and given and self._word_freq(cand) < 20 and (self._given_ok(given) or rare_given):
                    seen.add((a, b))
                    out.append((a, b))
                    queue.append((a, b))
        return out
