"""Chinese addresses: street addresses down to the flat, estates, villages, crossings, Hong Kong
roads and buildings, counties, districts and towns, places before an institution's name, and
postal codes.

One family of regex rules (`address_rules`, run as the ZhAddressRecognizer) with the patterns and
validators only it uses, kept apart so the address rules read as one unit. The place recognizers
(zh_places) take the province list, the place-character class and the institution checks from
here.
"""

from __future__ import annotations

import regex

from mediscope.deid import lexicon
from mediscope.deid.recognizers import zh_patterns
from mediscope.deid.recognizers.base import Rule, has_digit, ready_jieba
from mediscope.deid.recognizers.en_patterns import _seen
from mediscope.deid.recognizers.zh_patterns import CJK, CN_NUM, S, _alt, _is_clinical
from mediscope.deid.types import LOCATION, MEDICAL_RECORD_NUMBER, ZIP_CODE

# Address parts. ADMIN_CHAR excludes function/verb characters so a match never starts inside
# "我家住在..." but at the place name itself.
# 都 ("also") is excluded too, except inside the place names that end in it (成都, 江都, 宁都),
# and so is the 自 of 来自 ("comes from"; 自贡 keeps its 自). 于, 来 and 从 open a city or county
# only in the place names made of them (于都, 于田, 来凤, 来宾, 从化, 从江): see _FUNCTION_LED.
_ADMIN_CHAR = (
    r"(?:(?![我你他她家住在是的了到去从来与及于为向往有个这那就也还要请问想搬离回地址至转求送由访过])"
    r"(?!(?<![成京首江宁昌花古])都(?![区县市镇乡]))(?!(?<=[来出源])自)(?!(?<=地)点)" + CJK + ")"
)
_FUNCTION_LED = r"(?:于(?=[都田洪])|来(?=[凤宾安])|从(?=[化江]))?"
_ADDR_UNIT_START = (
    rf"(?:{_ADMIN_CHAR}{{1,8}}?(?:省|自治区|特别行政区))?"
    rf"(?:{_FUNCTION_LED}{_ADMIN_CHAR}{{1,8}}?(?:市|自治州|地区|盟))?"
    rf"(?:{_FUNCTION_LED}{_ADMIN_CHAR}{{1,8}}?(?:区|县|旗))?"
    rf"(?:{_ADMIN_CHAR}{{1,10}}?(?:街道|镇|乡))?"
)
# A long road is cut into numbered or compass segments: 人民南路四段27号, 解放路东段.
_ADDR_STREET = (
    # 道 alone ends a road only before a house number (鹭江道2号, 湖滨南道18号), not 街道/气道/通道
    # a village or hamlet that names the road after it (中关村大街, 三里屯南路) is no street's end
    rf"(?:{_ADMIN_CHAR}|\d){{1,12}}?(?:大道|大街|路|街坊|街|巷|胡同|[村屯](?![东西南北中]?(?:大街|大道|路|街))|弄|道(?=[ \u3000]?\d{{1,5}}[ \u3000]?号))"
    rf"(?:(?:[{CN_NUM}]{{1,3}}|\d{{1,2}}|[东西南北中])段)?"
    # a lane off the road (太平路义兴甲巷, 中山路仁和里弄)
    rf"(?:{_ADMIN_CHAR}{{1,5}}?(?:巷|弄|胡同)(?![口子]))?"
)
# a typed address may space the number off its 号 too (漓江路 21 号 5 栋 302 室)
_ADDR_NUM = rf"(?:{S}[甲乙丙丁]?(?:\d{{1,5}}|[{CN_NUM}]{{1,5}})(?:{S}[\-—]{S}\d{{1,5}})?(?:(?<=\d) )?(?:号院|号(?!楼)|弄|巷|组))"
_ADDR_ESTATE = (
    rf"(?:{_ADMIN_CHAR}|\d){{1,12}}?(?:小区|花园|公寓|大厦|广场|大楼|苑|家园|新村|新城|庄园|宿舍|花苑|雅苑|名苑|嘉园|公馆"
    rf"|科技园|工业园|产业园|软件园|开发区|高新区|工业区|园[一二三四五六七八九十]{{1,2}}区)(?:小区|(?<=广场|花园)(?:大厦|大楼))?"  # 紫金苑小区, 阳光花园小区, 中信广场大厦
)
_ADDR_TAIL = (
    rf"(?:{S}[A-Za-z0-9]{{1,4}}{S}(?:号楼|栋|幢|座|号院))?"
    # 3单元, 东单元 (a block's east stair), 4门 (the north-east's word for a stair: 13栋4门)
    rf"(?:{S}(?:\d{{1,3}}{S}|[东西南北中])(?:单元|(?<=\d)门(?![诊急口卫])))?"
    rf"(?:{S}\d{{1,3}}{S}(?:层|楼))?"
    rf"(?:{S}\d{{1,5}}{S}(?:室|号|房|户)|(?<=[座栋幢元层楼门]) ?\d{{3,5}}(?!\d| ?[年月日时点分])"
    # a building and its flat after the house number, dashed: 凤凰西街120号2-403
    rf"|(?<=号) ?\d{{1,3}}[\-—]\d{{2,4}}(?:{S}室)?(?![\d\-—.]| ?[年月日时点分]))?"
)
# An estate or mall without a listed suffix (华润万象城, 碧桂园凤凰城) before a building number.
_ADDR_NAMED_BUILDING = rf"(?:{_ADMIN_CHAR}{{2,10}}?(?={S}[A-Za-z0-9]{{1,4}}{S}(?:号楼|栋|幢|座)))"
ADDRESS_FULL = (
    rf"(?P<phi>{_ADDR_UNIT_START}{_ADDR_STREET}{_ADDR_NUM}{{0,3}}(?:{_ADDR_ESTATE}|{_ADDR_NAMED_BUILDING})?{_ADDR_TAIL})"
)
# An estate's name opens after a pause or a non-Han character, a verb of living or going (住, 独居, 搬去了,
# 散步), 的 or 是, or a district: not inside the words before it (长期独居秀茂坪邨, 每天傍晚散步锦绣家园3栋).
_ESTATE_START = r"(?<=^|[^\u4e00-\u9fff\U00020000-\U0002EBEF]|[住居在于到去回往至喺址近进入了的是区市县镇]|散步)"
# Words of a clause that its first character could open (患者独居…, 每天傍晚散步…) are no estate's name.
_NOT_IN_ESTATE = r"(?!独居|居住|住在|散步|患者|病人|每天|傍晚|长期)"
# An estate named with no admin unit, down to its building (汉府雅苑3栋1402, 阳光花园B座801): the
# building number after a listed estate word vouches for an address.
ADDRESS_ESTATE_BUILDING = (
    # (a Hong Kong estate's 城 too, with the floor and a lettered flat: 沙田第一城38座15樓G室)
    rf"(?P<phi>{_ESTATE_START}(?:{_NOT_IN_ESTATE}(?:{_ADMIN_CHAR}|\d)){{2,8}}?(?:小区|花园|公寓|家园|新村|新城|庄园|花苑|雅苑|名苑|嘉园|公馆|苑|(?<!县|市|省|进|回|出)城)(?:小区)?"
    rf"{S}[A-Za-z0-9]{{1,4}}{S}(?:号楼|栋|幢|座)(?:{S}\d{{1,3}}{S}单元)?(?:{S}\d{{1,3}}{S}[层楼樓](?={S}[A-Za-z0-9]))?"
    rf"(?:{S}(?:\d{{1,5}}|[A-Za-z]\d{{0,4}}(?={S}[室号房]))(?:{S}(?:室|号|房))?)?)(?![\dA-Za-z])"
)
_HK_BUILDING = r"(?:大厦|大廈|中心|花园|花園|广场|廣場|商场|商場|大楼|大樓|阁|閣|苑|邨|楼|樓|轩|軒|居|台|臺|山庄|山莊|城)"
ADDRESS_FLOOR_FLAT = (
    rf"(?P<phi>{_ADMIN_CHAR}{{2,16}}?(?:道|路|街|里|徑|径|坊)\s?\d{{1,5}}\s?(?:-\s?\d{{1,5}}\s?)?[号號]"
    rf"(?:{_ADMIN_CHAR}{{1,10}}?{_HK_BUILDING}(?:\s?[A-Za-z0-9一二三四五六七八九十]{{1,3}}\s?[座期])?)?"
    r"\s?(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})\s?(?:楼|樓|层|層)(?:\s?[A-Za-z0-9]{1,4}\s?(?:室|座|号|號)?)?)"
)
# 回 ("return") opens a town's name only right after its district and just before 街道/镇
# (渝北区回兴街道, 回龙镇); 回家乡 and 回老家 stay verbs.
_TOWN_LED = r"(?:回(?=[\u4e00-\u9fff]{1,3}?(?:街道|镇)))?"
ADDRESS_ESTATE = rf"(?P<phi>{_ADDR_UNIT_START}{_ADDR_ESTATE}{_ADDR_TAIL})"
# 苏木 the herb sits after a verb of buying or using it (本市产苏木, 加苏木), not after a township's name.
_SUMU = r"(?<![产用加味购煎服买卖的])苏木"
# A city, then a district/county, or directly a town (东莞市长安镇: some cities have no districts);
# Inner Mongolia's township is a 苏木 (锡林浩特市宝力根苏木), after a city or a banner only.
ADDRESS_ADMIN = (
    rf"(?P<phi>(?:{_ADMIN_CHAR}{{2,8}}?(?:省|自治区))?{_ADMIN_CHAR}{{1,8}}?(?:市|自治州|地区|盟)"
    rf"(?:{_FUNCTION_LED}{_ADMIN_CHAR}{{1,8}}?(?:区|县|旗)(?:{_TOWN_LED}{_ADMIN_CHAR}{{1,10}}?(?:街道|镇|乡|{_SUMU}))?"
    rf"|{_ADMIN_CHAR}{{1,6}}?(?:街道|镇|乡|{_SUMU})))"
)
# A building's floor and flat go on after its name (福海樓12樓1203室, 福海楼12层1203室).
ADDRESS_CUED = (
    rf"(?:住址|地址|家住|现住|居住地|住在|户籍地|籍贯|联系地址|家庭住址|通讯地址|现住址|家在|老家在|老家是)"
    rf"[\s:：]*(?:是|在)?(?P<phi>{CJK}(?:{CJK}|\d|[\-—#])*?(?:{_ADDR_TAIL}(?:室|号|栋|单元|楼|村|组|小区|苑|院)(?!\s?\d{{1,5}}\s?(?:室|号|房|户|楼|樓|层|層))|(?=[，。,；;\s]|$)"
    # a transcript without punctuation: the address ends where the speaker points or goes on
    # (住在南湖北路这边你看要不要去拍个胸片)
    r"|(?<=[路街道巷村区县镇乡市口处园苑])(?=这边|那边|这里|那里|这儿|那儿|附近|一带|旁边|你|我|他|她|要|想|就|离)))"
)

# An address typed with a space between its parts (延吉市 河南街, 呼和浩特市赛罕区 大学东街 乌兰小区
# 3-2-101, 武汉市洪山区光谷大道 保利清能西海岸 5栋 2单元 1803): an admin unit, then spaced roads,
# estates or a named estate before its building, then the building, unit and flat numbers.
_SP_ADMIN = rf"(?:{_ADMIN_CHAR}{{1,8}}?(?:省|自治区|市|自治州|州|地区|盟|区|县|旗|街道|镇|乡)){{1,4}}"
_SP_ROAD = rf"(?:{_ADDR_STREET}{_ADDR_NUM}{{0,3}})"
_SP_NUMBERS = (
    r"(?:[A-Za-z0-9]{1,4}(?:号楼|栋|幢|座)(?:\d{1,3}单元)?(?:\d{1,5}(?:室|号)?)?|\d{1,3}单元(?:\d{1,5}室?)?"
    r"|\d{1,4}(?:-\d{1,4}){1,2}(?:室|号)?|\d{1,5}(?:室|号)?)(?![\d\w])"
)
_SP_NAMED = rf"(?:{_ADMIN_CHAR}{{2,8}}?(?= {{1,2}}[A-Za-z0-9]{{1,4}}(?:号楼|栋|幢|座)))"
ADDRESS_SPACED = (
    rf"(?P<phi>{_SP_ADMIN}{_SP_ROAD}?(?: {{1,2}}(?:{_SP_ADMIN}{_SP_ROAD}?|{_SP_ROAD}|{_ADDR_ESTATE}|{_SP_NAMED})){{1,3}}"
    rf"(?: {{1,2}}{_SP_NUMBERS}){{0,3}})"
)
_SPACED_ADDR_GATE = regex.compile(r"[市区县州旗道镇乡路街] {1,2}[\u4e00-\u9fff]")


_SPACED_NOT_PLACE_ENDS = ("科", "诊区", "病区", "院区", "校区", "景区", "营区", "厂区", "服务区", "生活区", "办公区",
                          "住院区", "候诊区", "功能区", "无菌区", "污染区", "隔离区")


def _spaced_address_ok(value: str) -> bool:
    """A road or an estate among the parts, and no part is a ward, campus or other area (外科 病区)."""
    parts = value.split()
    if any("医院" in p or p.endswith(_SPACED_NOT_PLACE_ENDS) for p in parts):
        return False
    return any(regex.search(r"[\u4e00-\u9fff]{2}(?:大道|大街|路|街|巷|胡同|小区|花园|公寓|大厦|苑|家园|新村)$", p)
               or regex.match(r"[A-Za-z0-9]{1,4}(?:号楼|栋|幢|座)", p) for p in parts[1:])


# A crossing of two roads is one place: 郑州市金水区花园路与农业路交叉口, 民族大道和竹溪大道路口,
# 麓谷大道与桐梓坡路口 (the second road's 路 is the 路 of 路口).
_CROSS_NAME = rf"(?:{_ADMIN_CHAR}|\d){{2,10}}?"
_ROAD_END = r"(?:大道|大街|路|街|巷|道)"
ADDRESS_CROSSING = (
    rf"(?P<phi>{_ADDR_UNIT_START}{_CROSS_NAME}{_ROAD_END}(?:[东西南北中]段)?(?:与|和|跟|同|、){_CROSS_NAME}{_ROAD_END}?"
    r"(?:交叉口|交叉路口|十字路口|丁字路口|路口|交汇处|交界处|交口))"
)
_CROSSING_GATE = ("路口", "交叉", "交汇", "交界", "交口")
# Words that end in 路/街/道 but name no road (马路, 走路, 通道, 气道...).
_NOT_ROAD_STARTS = ("马路", "走路", "过马路", "公路", "道路", "通道", "气道", "食道", "尿道", "肠道", "街道", "大街", "小路",
                    "一路", "这条", "那条")


def _crossing_ok(value: str) -> bool:
    roads = regex.split(r"与|和|跟|同|、", value, maxsplit=1)
    if len(roads) != 2:
        return False
    first = regex.sub(r"^.*(?:省|自治区|市|自治州|地区|盟|区|县|旗|街道|镇|乡)", "", roads[0])
    return len(first) >= 3 and not first.startswith(_NOT_ROAD_STARTS) and not roads[1].startswith(_NOT_ROAD_STARTS)


# Villages: a county or town, then the village and its hamlet or group (靖西市岳圩镇那布村弄平屯,
# 合浦县常乐镇石湾村委会三组23号, 昭觉县解放乡火普村). Zhuang and Dai place names often open with
# 那 ("rice field": 那坡, 那满), which elsewhere is "that", so inside such a chain 那 counts as a
# place character unless it reads as a demonstrative (那个, 那里, 那边).
_V_CHAR = rf"(?:{_ADMIN_CHAR}|那(?![个些里儿边样么天时次位种就是年段家]))"
# A place character that is no label or link word (接种单位西江镇, 医院或者市): for spans found by
# what stands around them rather than by a full admin chain.
_I_CHAR = rf"(?:(?!单位|医院|机构|地点|名称|来源|街道|[由经赴入为的是或与及]){_V_CHAR})"
ADDRESS_VILLAGE = (
    rf"(?P<phi>(?:{_ADMIN_CHAR}{{1,8}}?(?:省|自治区))?"
    rf"(?:{_FUNCTION_LED}{_V_CHAR}{{1,8}}?(?:市|自治州|州|地区|盟))?"
    rf"(?:{_FUNCTION_LED}{_V_CHAR}{{1,8}}?(?:区|县|旗))?"
    rf"(?:{_V_CHAR}{{1,10}}?(?:街道|镇|乡|苏木))?"
    rf"{_V_CHAR}{{1,8}}?(?:村民委员会|村委会|村委|村|嘎查)"
    rf"(?:{_V_CHAR}{{1,6}}?(?:自然村|屯|寨|坡|庄|组|社|队))?"
    rf"(?:第?(?:\d{{1,3}}|[{CN_NUM}]{{1,3}})(?:村民小组|小组|组|社|队))?"
    rf"(?:{S}\d{{1,5}}{S}号)?)"
)
# A county, banner or town alone after a word of coming, going or living (从平果县来的, 回田东县,
# 老家在巴马县): below state level, so an identifier, also when it names the hospital or school
# there (在田东县人民医院: where someone was treated locates them). Not a kind of county (贫困县,
# 邻县, 本县), nor a county's town, office or rank (县城, 县里, 县委, 县级).
ADDRESS_SINGLE_UNIT = (
    rf"(?:从|来自|回到|回|老家|住|在|去|到)(?P<phi>{_V_CHAR}{{2,4}}?(?:县|旗|镇|乡))"
    r"(?!城|里|上(?!班|学|课)|长|委|级|区|静|痛|咳|吐|定)"
)
# A district or a city alone after such a word (在浦东新区上学, 来自龙井市): a district only when
# jieba knows it as a place (not 在无菌区, 在候诊区: areas of a ward), a city not as a kind of
# city (在大城市, 县级市) nor a market (在农贸市场).
ADDRESS_SINGLE_DISTRICT_CITY = (
    rf"(?:从|来自|回到|回|老家|住|在|去|到)(?P<phi>(?:{_I_CHAR}{{2,8}}?(?:自治州|地区|盟))?{_I_CHAR}{{2,5}}?(?:区|市|自治州))"
    r"(?!场|民|长|委|级|内|域|别|分|间|块|里|区)"
)
# A county, banner or prefecture, then the town under it, with no city first: 凉山州昭觉县竹核乡,
# 勐海县勐遮镇, 琼中县红毛镇. Two levels named in a row are a place whatever the words around them.
ADDRESS_COUNTY_TOWN = (
    rf"(?P<phi>(?:{_V_CHAR}{{1,8}}?(?:自治州|州|地区|盟))?{_FUNCTION_LED}{_V_CHAR}{{1,6}}?(?:县|旗)"
    rf"{_V_CHAR}{{1,6}}?(?:镇|乡|苏木))(?![镇乡村])"
)
# Districts and neighbourhoods of Hong Kong after the city's name (香港沙田, 香港荃灣): the city is
# state level, the district is not.
HK_DISTRICTS = ("中西区", "中西區", "湾仔", "灣仔", "油尖旺", "深水埗", "九龙城", "九龍城", "黄大仙", "黃大仙", "观塘", "觀塘",
                "荃湾", "荃灣", "屯门", "屯門", "元朗", "大埔", "西贡", "西貢", "沙田", "葵青", "离岛", "離島", "旺角",
                "铜锣湾", "銅鑼灣", "尖沙咀", "将军澳", "將軍澳", "天水围", "天水圍", "上水", "粉岭", "粉嶺", "红磡", "紅磡",
                "北角", "柴湾", "柴灣", "香港仔", "东涌", "東涌", "马鞍山", "馬鞍山", "葵涌", "青衣", "大角咀", "太子", "跑马地",
                "跑馬地", "鰂鱼涌", "鰂魚涌", "薄扶林", "西环", "西環", "中环", "中環", "上环", "上環", "何文田", "土瓜湾", "土瓜灣")
# The districts whose names are no everyday words (not 上水, 太子, 青衣, 中环): also without 香港
# before them, when a word of living or going leads or an institution or estate follows
# (入住将军澳医院, 沙田威尔斯亲王医院, 住在荃湾).
HK_DISTRICTS_BARE = ("将军澳", "將軍澳", "沙田", "荃湾", "荃灣", "屯门", "屯門", "深水埗", "铜锣湾", "銅鑼灣", "尖沙咀", "观塘", "觀塘",
                     "葵涌", "天水围", "天水圍", "旺角", "油麻地", "红磡", "紅磡", "柴湾", "柴灣", "湾仔", "灣仔", "西贡", "西貢",
                     "粉岭", "粉嶺", "马鞍山", "馬鞍山", "东涌", "東涌", "跑马地", "跑馬地", "薄扶林", "鰂鱼涌", "鰂魚涌", "土瓜湾",
                     "土瓜灣", "何文田", "黄大仙", "黃大仙", "元朗", "香港仔")
_NOT_A_PLACE_START = ("贫困", "偏远", "山区", "沿海", "邻近", "附近", "周边", "隔壁", "本地", "外地", "全国", "各", "全", "本", "该",
                      "某", "外", "邻", "小", "大", "农村", "一个", "几个", "哪个", "哪", "使用", "需要", "给予", "予以")


_HK_FIRST = frozenset(d[0] for d in HK_DISTRICTS_BARE)
_HK_BARE_RE = regex.compile(_alt(HK_DISTRICTS_BARE))
ADDRESS_HK_ROAD = (
    rf"(?P<phi>(?:(?:香港|九龙|新界|港岛|澳门|氹仔|路环)\s?(?:{_alt(HK_DISTRICTS)})?|{_alt(HK_DISTRICTS)})"
    rf"{_ADMIN_CHAR}{{1,12}}?(?:道|路|街|里|径|坊|围|村)(?:[东西南北中]|{_ADMIN_CHAR}{{1,4}}?段)?\s?\d{{1,5}}\s?(?:-\s?\d{{1,5}}\s?)?号"
    rf"(?:{_ADMIN_CHAR}{{1,10}}?{_HK_BUILDING})?)"
)


# A Hong Kong housing estate down to the flat: an estate (邨, 苑, 花园), its block (秀明楼, 华安阁, C座), the
# floor and the flat (九龙观塘秀茂坪邨秀明楼1215室, 沙田愉翠苑C座1208室), or a mall or tower a district
# names (铜锣湾时代广场). 邨 is Hong Kong's word for an estate; anything else needs the district first.
_HK_REGION = r"(?:香港|九龙|新界|港岛)"
# Hong Kong's own characters lie outside the basic block (禾輋邨: 𪨶 in the extensions).
_HK_CHAR = rf"(?:{_ADMIN_CHAR}|[\U00020000-\U0002EBEF])"
ADDRESS_HK_ESTATE = (
    rf"(?P<phi>{_ESTATE_START}(?:{_HK_REGION}\s?)?(?P<district>(?:{_alt(HK_DISTRICTS)}|{_alt(HK_DISTRICTS_BARE)})\s?)?"
    rf"{_HK_CHAR}{{1,6}}?(?P<estate>邨|苑|花园|广场|中心|大厦|商场)"
    rf"(?:{_HK_CHAR}{{1,4}}?(?:楼|阁)|\s?[A-Za-z0-9]{{1,3}}\s?座)?"
    r"(?:\s?\d{1,3}\s?(?:楼|层)(?!\d))?(?:\s?[A-Za-z]?\d{1,5}\s?室)?)"
)


def _hk_estate_ok(value: str) -> bool:
    """The estate's 邨, or a district first and more than the district's own building (沙田医院 is the
    hospital rule's; 沙田中心 alone is no flat but is the district's place)."""
    return "邨" in value or regex.match(rf"{_HK_REGION}?\s?(?:{_alt(HK_DISTRICTS)}|{_alt(HK_DISTRICTS_BARE)})", value) is not None


def _single_unit_ok(value: str) -> bool:
    return not value.startswith(_NOT_A_PLACE_START)


_JIEBA_TAGS: dict[str, str] | None = None
_BARE_COUNTIES: frozenset[str] | None = None


# Counties whose bare names are words of another kind in a patient's mouth (打太极, 惠民政策, 同仁医院).
_BARE_COUNTY_WORDS = frozenset({"太极", "无极", "惠民", "同仁", "弥勒", "大关", "安国", "永福", "兴隆", "大通", "建设", "新生",
                                "和顺", "永和", "长子", "正安", "安定", "宁安", "平顺", "大方", "方正", "集安", "乐业"})


def _bare_county_ok(value: str) -> bool:
    """A county named without its 县 (我们是巴马的, 在靖西那边): jieba's place-tagged "XX县" and "XX旗"
    give the names; those whose bare form is an everyday word (平安, 太阳, 南部, 自治) or a
    province or city (handled elsewhere) are left out."""
    global _BARE_COUNTIES
    if _BARE_COUNTIES is None:
        jieba = ready_jieba()
        tags, freq = jieba.posseg.dt.word_tag_tab, jieba.dt.FREQ
        names = set()
        for word, tag in tags.items():
            if tag == "ns" and len(word) == 3 and word[-1] in "县旗":
                bare = word[:2]
                if freq.get(bare, 0) < 300 and tags.get(bare, "ns") in ("ns", "nr", "nz", "t") and not _is_clinical(bare):
                    names.add(bare)
        _BARE_COUNTIES = frozenset(names - lexicon.PLACES_NOT_ALONE_ZH - _provinces() - _BARE_COUNTY_WORDS)
    return value in _BARE_COUNTIES


# Words that end in 市 and are markets, not cities.
_MARKET_CITY_WORDS = ("超市", "菜市", "夜市", "早市", "集市", "门市", "街市", "股市", "黑市", "花市", "鱼市", "墟市")


def _single_district_city_ok(value: str) -> bool:
    global _JIEBA_TAGS
    if not _institution_place_ok(value) or value.startswith(_NOT_A_PLACE_START) and not value.startswith(("大连", "大庆", "大理", "大同")):
        return False
    if value.endswith(_MARKET_CITY_WORDS):
        return False  # 楼下超市, 街口菜市, 早市: a market, no city
    if value.endswith("区"):
        if _JIEBA_TAGS is None:
            _JIEBA_TAGS = ready_jieba().posseg.dt.word_tag_tab
        return _JIEBA_TAGS.get(value) == "ns" or _JIEBA_TAGS.get(value[:-1]) == "ns" or (
            value.endswith("新区") and _JIEBA_TAGS.get(value[:-2]) == "ns")
    return True


_VILLAGE_UNIT = regex.compile(r"(?:县|旗|镇|乡|苏木|街道|市|州)")


def _village_ok(value: str) -> bool:
    """A village needs the county or town above it (石井村 alone may be a hospital's name)."""
    cut = value.find("村") if "村" in value else len(value)
    return len(value) >= 5 and _VILLAGE_UNIT.search(value, 0, cut) is not None


# The place in an institution's name (宜昌市中心人民医院, 昭觉县人民医院, 凯里市三棵树镇卫生院,
# 阿勒泰地区人民医院, 谷城县第一中学): the hospital or school someone attended locates them, and
# Safe Harbor counts every subdivision below a state. Only the place part is PHI: a province alone
# (湖南省第二人民医院) stays, and so do the generic words (县医院, 乡卫生院, 社区医院, 本院). In
# running text there is no word boundary, so the place must open the text, a field or a clause, or
# follow a word of going, staying or naming (在, 于, 转至, 来自, 就诊医院, 接种单位).
_INSTITUTION_WORD = (
    r"(?:医院|卫生院|保健院|保健所|卫生所|卫生室|卫生服务中心|卫生服务站|诊所|门诊部|中心|[一二三四五六七八九]院|附院|"
    r"医学院|医科大学|大学|学院|学校|中学|小学|幼儿园|卫校|职校|疾控|防疫站|血站|急救站)"
)
_INSTITUTION_MIDDLE = r"(?:(?![您你我他她们去到来要想看在是了的说就还也都吧吗呢啊和与及或、])[\u4e00-\u9fff\d]){0,10}?"
_INSTITUTION_CUE = (
    r"(?<=^|[^\u4e00-\u9fff]|[在于到至去从由经转送回赴往及和与或自入住是为的过了]|单位|医院|机构|地点|名称|来源)"
    r"(?![由经赴入自为的是或与及过]|和(?![田平龙静顺政硕林])|单位|医院|机构|地点|名称|来源)"
)
ADDRESS_INSTITUTION = (
    rf"{_INSTITUTION_CUE}(?P<phi>(?:{_I_CHAR}{{2,8}}?(?:省|自治区))?"
    rf"(?:{_I_CHAR}{{2,6}}?(?:市(?!场)|自治州|州|地区|盟)(?:{_I_CHAR}{{2,6}}?(?:区(?!域)|县|旗))?(?:{_I_CHAR}{{2,6}}?(?:镇|乡|街道|苏木))?"
    rf"|{_I_CHAR}{{2,6}}?(?:区(?!域)|县|旗)(?:{_I_CHAR}{{2,6}}?(?:镇|乡|街道|苏木))?"
    rf"|{_I_CHAR}{{2,6}}?(?:镇|乡|街道|苏木)))"
    rf"(?={_INSTITUTION_MIDDLE}{_INSTITUTION_WORD})"
)
# Prefectures (地区) are few; elsewhere X地区 is a kind of area (边远地区, 西部地区, 流行地区).
_PREFECTURES_ZH = frozenset({"阿克苏", "喀什", "和田", "塔城", "阿勒泰", "阿里", "大兴安岭", "吐鲁番", "哈密", "日喀则", "昌都",
                             "林芝", "山南", "那曲", "铜仁", "毕节", "海东", "伊犁", "锡林郭勒", "兴安", "阿拉善"})
_NOT_INSTITUTION_PLACE_START = ("当地", "一般", "普通", "正规", "大型", "小型", "私立", "公立", "综合", "专科", "民营", "部队",
                                "好的", "最好", "我", "咱", "你们", "他们", "贵市", "贵县", "贵区", "此", "特区", "本地", "外地", "上级", "下级", "同级", "各级", "基层", "附近", "周边", "隔壁", "邻近", "所在",
                                "其他", "其它", "一个", "一家", "这个", "那个", "哪个", "某", "该", "本", "全", "各", "外", "邻",
                                "贫困", "偏远", "山区", "沿海", "农村", "城镇", "城乡", "大城", "小城", "中小", "大中", "县级",
                                "地级", "省级", "市级", "区级", "乡级", "镇级", "三级", "二级", "一级", "自治", "民族", "少数")
_AREA_ENDINGS = ("诊区", "病区", "院区", "园区", "校区", "城区", "市区", "郊区", "景区", "社区", "小区", "山区", "辖区", "片区",
                 "街区", "营区", "厂区", "矿区", "灾区", "牧区", "林区", "特区", "边区", "库区", "疫区", "老区", "专区", "服务区",
                 "生活区", "办公区", "住院区", "候诊区", "居民区", "商业区", "功能区", "示范区", "保护区",
                 "城市", "级市", "级县", "级区", "自治区", "行政区")
_GENERIC_UNITS = frozenset({"自治州", "自治县", "自治旗", "民族自治州", "民族自治县"})


def _institution_place_ok(value: str) -> bool:
    if value.startswith(_NOT_INSTITUTION_PLACE_START) or value.endswith(_AREA_ENDINGS) or value in _GENERIC_UNITS:
        return False
    if any(w in value for w in ("乡镇", "县乡", "县镇", "城乡", "州县", "市县", "县市", "省市", "县区", "区县")):
        return False
    provinces = _provinces()
    rest = value
    for prov in sorted((p for p in provinces if value.startswith(p)), key=len, reverse=True)[:1]:
        rest = value[len(prov):]
    if not rest or rest in provinces or rest[:-1] in provinces:
        return False  # 北京市第六医院, 广西壮族自治区人民医院: state level
    if rest.endswith("地区") and regex.sub(r"^.*?[市州盟]", "", rest[:-2]) not in _PREFECTURES_ZH:
        return False
    return True


def _institution_hint(text: str) -> bool:
    return ("院" in text or "中心" in text or "学" in text or "所" in text or "室" in text or "站" in text or "疾控" in text
            or "诊所" in text or "幼儿园" in text or "卫校" in text)


# An admin unit's last character, then an institution word within reach: a cheap exact gate for
# the institution rule (whose lookbehind would otherwise be tried at every position).
_UNIT_THEN_INSTITUTION = regex.compile(rf"[县区旗镇乡市州盟治苏道](?={_INSTITUTION_MIDDLE}{_INSTITUTION_WORD})")


_ADDR_NUMBERED = regex.compile(rf"(?:\d|[{CN_NUM}])\s*(?:号|弄|栋|室|单元|组)")
_ADDR_ADMIN = regex.compile(r"(?:省|市|区|县|镇|乡)")


def _address_ok(value: str) -> bool:
    """A street alone (入路, 肠道...) is not an address: it needs a house number or an admin unit."""
    return len(value) >= 4 and bool(_ADDR_NUMBERED.search(value) or _ADDR_ADMIN.search(value[:-1]))


# 住在你们医院骨科, 住在医院里: after 住在 the hospital or a pronoun's place, no address.
_NOT_AN_ADDRESS_START = ("你们", "我们", "他们", "她们", "咱们", "您们", "这里", "那里", "这边", "那边", "这儿", "那儿",
                         "医院", "病房", "本院", "贵院", "我院", "贵科", "科室", "监护室", "重症", "家里", "家中", "老家",
                         "哪", "农村", "城里", "乡下", "外地", "本地", "附近", "山区", "城市", "县城", "镇上", "市里", "这", "那里",
                         "那边", "楼上", "楼下", "一楼", "二楼", "三楼", "高层")


def _cued_address_ok(value: str) -> bool:
    return 2 <= len(value) <= 40 and not value.startswith(_NOT_AN_ADDRESS_START) and value not in _provinces()


_PROVINCES: frozenset[str] | None = None


def province_names() -> frozenset[str]:
    """Province-level names, full and short (public: the trained tagger's filters use them too)."""
    return _provinces()


def _provinces() -> frozenset[str]:
    """Province-level names, full and short (广东省, 广东, 广西壮族自治区, 广西): 住在广东 names a
    state-level area, which Safe Harbor lets stay."""
    global _PROVINCES
    if _PROVINCES is None:
        try:
            from faker.providers.address.zh_CN import Provider
        except Exception:  # noqa: BLE001 - faker is a deid dependency
            return frozenset()
        names = set(Provider.provinces) | set(lexicon.PROVINCE_LEVEL_ZH)
        for prov in Provider.provinces:
            names.add(regex.sub(r"(?:壮族|回族|维吾尔|特别行政)?(?:自治区|行政区|省|市)$", "", prov))
        _PROVINCES = frozenset(names)
    return _PROVINCES


_ADDRESS_HINT = frozenset("省市区县旗镇乡路街巷村屯弄苑园寓厦楼栋室址住")


def _address_hint(text: str) -> bool:
    return not _ADDRESS_HINT.isdisjoint(text)


# A neighbourhood someone lives in, named with no unit (我们住回龙观，; 家住望京那边): after 住 a run no
# dictionary knows as a word, closed by a pause or a word of nearness. 住院, 住得近, 住一起 are no place.
_LIVE_IN_PLACE = (r"(?:我们|我|他们|她们|他|她|俺|家|一家|咱们|现|暂)住(?:在)?+(?P<phi>(?![院得着过惯了不一这那])[\u4e00-\u9fff]{2,4}?)"
                  r"(?=[，,。！!；;]|那边|这边|附近|一带|那儿|这儿|那块|离|[A-Z]{2,})")  # 暂住望京SOHO附近
_NOT_LIVE_IN_CHARS = frozenset("院得着过惯了不很挺比较多少近远个的家里外上下边楼屋房间宿舍医病科")


def _live_in_place_ok(value: str) -> bool:
    """No everyday word (楼上, 宾馆) and no character of a room, a ward or a degree."""
    return zh_patterns._JIEBA_FREQ.get(value, 0) < 50 and _NOT_LIVE_IN_CHARS.isdisjoint(value)


# An estate someone lives in, named with its estate word and nothing else (她说住锦绣花园那边，): after
# 住 of living (not 居住/入住 of a stay, not 记住/止住), closed by a pause or a word of nearness.
_LIVE_IN_ESTATE = (
    r"(?<![居入留记保抓挡忍止站顶卡压包盖围憋稳困])住(?:在)?+"  # (possessive: 在 never opens the estate)
    r"(?P<phi>(?![院得着过惯了不一这那])[\u4e00-\u9fff]{2,5}?(?:小区|花园|家园|新村|花苑|雅苑|名苑|嘉园|山庄|苑))"
    r"(?=[，,。！!；;]|那边|这边|附近|一带|那儿|这儿|里|离)"
)


def _live_in_estate_ok(value: str) -> bool:
    """No everyday word and nothing of a hospital or a ward (an apartment, 人才公寓, is no estate's name)."""
    return zh_patterns._JIEBA_FREQ.get(value, 0) < 50 and not any(ch in value for ch in "院医病科室")


# A road where something happened or someone is, named with no admin unit (工地在前海桂湾三路。, 在仁和路菜市场
# 门口走失): after 在/住在 a road no dictionary knows, closed by a pause or a place by it.
_AT_ROAD = (
    r"(?<=(?<![存现实正好自内外所健实])在)(?P<phi>(?![这那哪家路街])[\u4e00-\u9fff]{2,6}?(?:[一二三四五六七八九十]|[东西南北中])?(?:路|街|大道|大街)"
    r"(?:菜市场|农贸市场|市场|超市|公园|小学|中学|车站)?)"
    r"(?=[，,。；;！!]|$|门口|附近|那边|这边|一带|路口|边上|旁边|上班|打工|摔|被|走失|晕倒)"
)


# Roads a trace went by, one or a list (骑车经红星路、人民南路回家, 沿滨江大道往东): after 经/沿 and before the
# next road, a pause or where the way went.
_VIA_ROAD = (
    r"(?<=(?:经|途经|经过|沿|沿着)(?:[\u4e00-\u9fff]{2,6}?(?:路|街|大道|大街)、)*)"
    r"(?P<phi>(?![这那哪家马公铁道])[\u4e00-\u9fff]{2,6}?(?:[一二三四五六七八九十]|[东西南北中])?(?:路|街|大道|大街))"
    r"(?=[、，,。；;]|回|到|至|往|向|去|进入|$)"
)


# A surgeon's way in is no road (经鼻入路, 经腹径路, 经桡动脉途径).
_SURGICAL_ROUTES = ("入路", "径路", "通路", "旁路")


def _at_road_ok(value: str) -> bool:
    """No everyday road word (马路, 公路, 高速公路) and no way somewhere (回家路, 上班的路)."""
    road = regex.match(r".*?(?:[一二三四五六七八九十东西南北中])?(?:大道|大街|路|街)", value).group(0)
    stem = regex.sub(r"(?:[一二三四五六七八九十东西南北中])?(?:大道|大街|路|街)$", "", road)
    known = zh_patterns._JIEBA_FREQ.get(road, 0)
    if known >= 20 and not (len(road) >= 3 and ready_jieba().posseg.dt.word_tag_tab.get(road, "") in ("ns", "nz")):
        return False  # 小路, 步行街 are words; 中山路 (ns), 解放路 (nz) are roads jieba knows
    return (not any(ch in stem for ch in "的了着过条回去来上下班家")
            and not any(w in road for w in ("马路", "公路", "铁路", "道路", "网路", "线路", "思路", "出路", "走路", "半路", "街道",
                                            # pathways of the body and of a life (视觉通路, 侧支旁路, 康复之路)
                                            "通路", "旁路", "回路", "环路", "之路")))


# A district or a neighbourhood jieba knows as a place, alone after 在/去/到 and before a word of
# nearness (在福田那边, 去罗湖附近): a rare place word (福田 108), not a region (南方) or a city's
# common name.
# (喺 is Cantonese 在; a turn may open with the place: 患者：东城那边; 在滨海那个医院 points at it too)
_AT_PLACE_NEAR = r"(?:(?<=[在去到喺])|(?<=[：:]))(?P<phi>(?:(?![在去到喺])[\u4e00-\u9fff]){2,4}?)(?=那边|这边|附近|一带|那个|这个|嗰)"
# A mall or a plaza by its brand (万达广场, 万象城), where one says one is or goes: a name no dictionary knows.
_MALL_END = ("广场", "城", "商场", "购物中心", "天地")


# Kinds of place jieba tags as places (在城中村那边, 去市区那边): no place's name.
_GENERIC_PLACES_NEAR = frozenset({"城中村", "市区", "郊区", "乡下", "城区", "城里", "农村", "山区", "老城", "新区", "县城", "镇上",
                                  "村里", "城郊", "市中心", "老家"})


# What a market of one trade sells (美食城, 电脑城, 家具城): a kind of place, no name.
_MARKET_GOODS = frozenset({"美食", "小吃", "电脑", "数码", "电器", "家电", "汽车", "家具", "建材", "服装", "鞋", "灯饰", "五金",
                           "茶叶", "花鸟", "钟表", "眼镜", "手机", "批发", "小商品", "玩具", "书", "图书", "婚纱", "装饰"})


def _at_place_near_ok(value: str) -> bool:
    """A rare word jieba tags as a place (福田 108), not a region (南方), a kind of place (城中村) nor
    a clinical word."""
    jieba = ready_jieba()
    freq = zh_patterns._JIEBA_FREQ.get(value, 0)
    if value.endswith(_MALL_END) and len(value) >= 3 and freq == 0 and not _HOSPITAL_PART_RE.search(value):
        return True  # 在万达广场那边
    if value.endswith("城") and value[:-1] in _MARKET_GOODS:
        return False  # 美食城, 电脑城, 汽车城: a kind of market, not a mall's brand (万达城) nor a district (大学城)
    return (jieba.posseg.dt.word_tag_tab.get(value, "") == "ns" and freq < 1000
            and value not in _GENERIC_PLACES_NEAR and not _is_clinical(value))


# A hospital's or a campus's own buildings (门诊大厦, 住院部大楼, 医技楼): no mall.
_HOSPITAL_PART_RE = regex.compile(r"医|院|门诊|急诊|病房|科|行政|教学|综合|实验|图书|体育|学生|职工|员工")
# A mall before the floor where the shop or the clinic is (万象城三楼, 万象城B1层).
_MALL_FLOOR = (rf"(?:(?<=[在去到喺])|(?<=[：:]))(?P<phi>[\u4e00-\u9fff]{{2,5}}(?:{_alt(_MALL_END)}))"
               r"(?=[A-Za-z]?[0-9一二三四五六七八九负]{1,2}[楼层樓])")


# A metro or bus stop named after a street, a square or a gate, where one gets off or lives by it
# (坐地铁到和平里北街站下, 我家就在五一广场站旁边); a ward's or a clinic's station (护士站, 卫生服务站) is none.
# (an epidemiological trace names the stops of a ride: 从省体育馆站至春熙路站, 自南京南站至合肥南站)
_STATION = (r"(?<=[到在去从至经自])(?P<phi>(?:(?![到在去从至经自])[\u4e00-\u9fff]){1,6}(?:路|街|广场|门|桥|公园|大道|村|口|湖|园|城|坊|庄|湾"
            r"|馆|场|[东西南北])(?:地铁)?站)(?=下车|下(?![来去])|旁边|出口|[A-Za-z]\d?出口|附近|那边|这边|至|到|[，,。；、\s]|$)")


def _station_ok(value: str) -> bool:
    place = regex.sub(r"(?:地铁)?站$", "", value)
    if zh_patterns._JIEBA_FREQ.get(place, 0) >= 50:
        return False  # 到村口站下, 在门口站着: an everyday spot and the verb 站
    if "地铁" not in value and place.endswith("门口"):
        return False  # 在小区门口站，: a spot by a gate and the verb 站 (沙河口站, 中山路口站 are stops)
    return not _HOSPITAL_PART_RE.search(value) and not any(w in value for w in ("护士", "卫生", "服务", "工作", "急救", "血站"))


# A venue by its own name where someone was, as an epidemiological trace lists them (在千灯湖公园散步,
# 在老码头火锅聚餐, 到洛龙区关林市场买菜, 在大张超市（通衢店）购物): a name before the kind of venue, then
# what was done there or a pause. The kind alone (在农贸市场, 去超市) or a common one (人民公园 stays only
# with a name after it) is no one's trace.
_VENUE_KINDS = ("农贸市场", "菜市场", "市场", "超市", "公园", "餐馆", "餐厅", "饭店", "酒店", "宾馆", "酒楼", "海鲜楼", "火锅店", "火锅",
                "茶社", "茶楼", "商场", "网吧", "KTV", "歌厅", "舞厅", "棋牌室", "麻将馆", "药店", "药房", "面馆", "饭馆", "夜市", "菜场",
                "浴室", "洗浴中心", "健身房", "小学", "中学",
                # where someone walks, waits, works or was found (翠湖公园走走, 红山公园等我, 千台山公墓祭扫, 姐告口岸朋友家)
                "公墓", "陵园", "大桥", "口岸", "批发市场", "大巴扎", "数码城", "古城", "软件园", "工业园", "产业园", "步行街", "码头")
_AT_VENUE = (rf"(?<=[在到去至经回从跑]|前往|到达|抵达|返回|楼下)(?P<phi>(?:(?![在到去至经回从的某这那一])[\u4e00-\u9fff]){{2,10}}?"
             rf"(?:{_alt(_VENUE_KINDS)})(?:[（(][\u4e00-\u9fff]{{1,6}}店[）)])?)"
             r"(?=[，,。；;、）)]|$|就餐|吃饭|聚餐|散步|购物|买菜|上班|工作|务工|送货|喝茶|饮酒|停留|活动|卖|打牌|唱歌|游玩|参加|门口|内|店内"
             r"|逛|用餐|买药|配药|取药|附近|走走|等|听|边|旁|遛|钓鱼|祭扫|堵车|那边|看房|上课|读书|住|朋友|跳)")
_VENUE_NOT_STEMS = ("附近", "楼下", "小区", "门口", "村里", "学校", "当地", "镇上", "本地", "家里", "社区", "医院", "周边", "对面", "旁边",
                    "大型", "路边", "街边", "城里", "县里", "乡下", "单位", "公司")


_VENUE_KINDS_LONGEST_FIRST = sorted(_VENUE_KINDS, key=len, reverse=True)  # 农贸市场 before 市场


def _venue_ok(value: str) -> bool:
    """A venue's own name: its words before the kind are no everyday word and no spot near home."""
    whole = value.split("（")[0].split("(")[0]  # without its branch: 大张超市（通衢店）
    kind = next(k for k in _VENUE_KINDS_LONGEST_FIRST if whole.endswith(k))
    stem = whole[: -len(kind)]
    if len(stem) < 2 or any(w in stem for w in _VENUE_NOT_STEMS) or any(ch in stem for ch in "我你他她们家"):
        return False
    return (zh_patterns._JIEBA_FREQ.get(whole, 0) < 20 and zh_patterns._JIEBA_FREQ.get(stem, 0) < 3000
            and not _HOSPITAL_PART_RE.search(stem) and not _is_clinical(stem))


def _mall_floor_ok(value: str) -> bool:
    return zh_patterns._JIEBA_FREQ.get(value, 0) == 0 and not _HOSPITAL_PART_RE.search(value) and not _is_clinical(value)


# A block, a building and a room with no road before them, as care homes, dormitories, works hostels and
# neighbourhood registers write them (宿舍C栋314, 枫园3舍4单元507, 农光里105楼3门402, 赭麓小区9-1-601, 2楼208房,
# 房间：B栋208): the estate's or the campus's own name, then the numbers down to the room. The room is required,
# so a floor (3楼) or a building alone stays text.
_BLOCK_NAME = r"(?:(?![我你他她家在是的了到去从来回住和与及或患因于被把就也都还等每约共第])[\u4e00-\u9fff]){2,8}?"
_BLOCK_ROOM = (
    rf"(?<![\u4e00-\u9fff\d])(?P<phi>(?:{_BLOCK_NAME}(?=[A-Z\d]))?[A-Z]?\d{{0,3}}(?<=[A-Z\d])(?:号楼|栋|幢|座|舍|楼)[ ]?"
    r"(?:\d{1,2}(?:单元|门)[ ]?)?\d{3,4}(?:室|房|号房|床)?"
    rf"|{_BLOCK_NAME}(?:小区|花园|苑|园|里|村|公寓|家园|新村|大院)\d{{1,3}}-\d{{1,2}}-\d{{3,4}})(?![\d\-.])"
)


# A district or a county, then its town or street office, with a village or a group after it if any, and no city
# before them (在大丰区草堰镇种地, 娘家（盐都区龙冈镇）, 住杨家湾镇罗家寨组): the town locates a person as surely
# as a street, and writers label the whole. The district opens the text, a field or a clause, or follows a word of
# being, living or going.
_DT_HAN = r"(?:(?![我你他她家在是的了到去从来回住和与及或患因被把就也还等每约共第本该全各某这那哪])[\u4e00-\u9fff])"
_DISTRICT_TOWN = (
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[在住去回从到至于往赴离]))"
    rf"(?P<phi>{_DT_HAN}{{2,4}}?(?:区|县|旗)(?:{_DT_HAN}{{2,5}}?(?:镇|乡|街道))"
    rf"(?:{_DT_HAN}{{1,6}}?(?:村|屯|社区))?(?:{_DT_HAN}{{1,4}}?组)?)"
)


def _district_town_ok(value: str) -> bool:
    """Not an area's word before the town (病区, 城区, 社区 …) nor a province or a generic unit alone."""
    district = regex.match(r".+?(?:区|县|旗)", value).group()
    return not district.endswith(_AREA_ENDINGS) and not district.startswith(_NOT_INSTITUTION_PLACE_START)


def _block_room_ok(value: str) -> bool:
    """A room under a named block, or one written with its room word (2楼208房): not a bare floor and count."""
    if "楼" in value and not regex.search(r"(?:号楼|楼\d{1,2}(?:单元|门))", value):
        return value.endswith(("室", "房", "床")) or value[0].isalpha() or not value[0].isdigit()
    return True


# A school by its name, where a child's class follows it or a form's label names it: （南城阳光实验小学五年级2班,
# 學校：九龍城區聖若翰小學 (the child's school locates the child as its home does; not 本校, 该小学, 一所中学)
_SCHOOL_NAME = (r"(?!一所|所在|当地|附近|普通|重点|公立|私立|民办|寄宿)(?:(?![在是的了读讀去到和与及或我你他她们這这那该本其所孩子兹有患为系现住某])\p{Han}){2,12}?"
                r"(?:小学|小學|中学|中學|学校|學校|幼儿园|幼稚園)")
_SCHOOL_WITH_CLASS = (rf"(?:(?<!\p{{Han}})|(?<=[在读讀去到、]))(?P<phi>{_SCHOOL_NAME})"
                      r"(?=[一二三四五六七八九初高]{1,2}年?[級级]|[一二三四五六]年|\d{1,2}年?[级級]|[（(]\d{1,2}[）)]班|\d{1,2}班"
                      r"|小[一二三四五六]|中[一二三四五六]|初[一二三]|高[一二三]|[大中小]班)")
_SCHOOL_AFTER_LABEL = rf"(?:学校|學校|就读学校|就讀學校|所在学校)[ \t]?[:：][ \t]?(?P<phi>{_SCHOOL_NAME})"


def address_rules() -> list[Rule]:
    return [
        Rule("school_with_class", LOCATION, _SCHOOL_WITH_CLASS, 0.75,
             needs=lambda t: any(w in t for w in ("小学", "小學", "中学", "中學", "学校", "學校", "幼儿园", "幼稚園"))),
        Rule("school_after_label", LOCATION, _SCHOOL_AFTER_LABEL, 0.75, needs=lambda t: "学校" in t or "學校" in t),
        Rule("address_live_in", LOCATION, _LIVE_IN_PLACE, 0.7, validator=_live_in_place_ok, needs=lambda t: "住" in t),
        Rule("address_station", LOCATION, _STATION, 0.7, validator=_station_ok, needs=lambda t: "站" in t),
        Rule("address_mall_floor", LOCATION, _MALL_FLOOR, 0.7, validator=_mall_floor_ok,
             needs=lambda t: ("楼" in t or "层" in t or "樓" in t) and any(w in t for w in _MALL_END)),
        Rule("address_at_place_near", LOCATION, _AT_PLACE_NEAR, 0.65, validator=_at_place_near_ok,
             needs=lambda t: any(w in t for w in ("那边", "这边", "附近", "一带", "那个", "这个", "嗰"))),
        Rule("district_town", LOCATION, _DISTRICT_TOWN, 0.75, validator=_district_town_ok,
             needs=lambda t: ("镇" in t or "乡" in t or "街道" in t) and ("区" in t or "县" in t or "旗" in t)),
        Rule("block_room", LOCATION, _BLOCK_ROOM, 0.7, validator=_block_room_ok,
             needs=_seen(r"[A-Z\d](?:号楼|栋|幢|座|舍|楼)|\d-\d{1,2}-\d{3}")),
        Rule("address_at_venue", LOCATION, _AT_VENUE, 0.65, validator=_venue_ok, needs=_seen(_alt(_VENUE_KINDS))),
        Rule("address_via_road", LOCATION, _VIA_ROAD, 0.65, validator=lambda v: _at_road_ok(v) and not v.endswith(_SURGICAL_ROUTES),
             needs=lambda t: ("经" in t or "沿" in t) and ("路" in t or "街" in t or "大道" in t)),
        Rule("address_at_road", LOCATION, _AT_ROAD, 0.7, validator=_at_road_ok,
             needs=lambda t: "在" in t and ("路" in t or "街" in t or "大道" in t)),
        Rule("address_live_in_estate", LOCATION, _LIVE_IN_ESTATE, 0.7, validator=_live_in_estate_ok,
             needs=lambda t: "住" in t and any(w in t for w in ("小区", "花园", "家园", "新村", "苑", "山庄"))),
        Rule("address_full", LOCATION, ADDRESS_FULL, 0.85, validator=_address_ok, needs=_address_hint),
        Rule("address_crossing", LOCATION, ADDRESS_CROSSING, 0.85, validator=_crossing_ok,
             needs=lambda t: any(w in t for w in _CROSSING_GATE)),
        Rule("address_estate_building", LOCATION, ADDRESS_ESTATE_BUILDING, 0.8,
             needs=lambda t: any(w in t for w in ("栋", "幢", "座", "号楼"))),
        Rule("address_estate", LOCATION, ADDRESS_ESTATE, 0.8, needs=_address_hint,
             validator=lambda v: len(v) >= 5 and any(u in v for u in ("市", "区", "县", "省", "镇"))),
        # not 玉林市第一人民医院东院区: a hospital's campus (院区) is no district
        Rule("address_admin", LOCATION, ADDRESS_ADMIN, 0.7, needs=_address_hint,
             validator=lambda v: not any(w in v for w in ("医院", "院区", "校区", "卫生院", "学校", "大学"))),
        # OCR spaces every character of a form (地 址 ：南 宁 市 青 秀 区 民 族 大 道 １６６ 号): after an
        # address label, the spaced run is the address when it names an admin unit, a road or a number.
        Rule("address_cued_spaced", LOCATION,
             r"(?:住(?:[ \u3000]{1,2}|\s)?址|地(?:[ \u3000]{1,2}|\s)?址)\s?[：:]\s*(?P<phi>[\u4e00-\u9fff](?: (?:[\u4e00-\u9fff]|[0-9０-９]{1,5})){3,40})(?= {2,}|\s*[|｜\n]|\s*$)",
             0.8, validator=lambda v: sum(u in v for u in "省市区县镇乡村路街道号栋室") >= 2,
             needs=lambda t: "址" in t),
        Rule("address_single_unit", LOCATION, ADDRESS_SINGLE_UNIT, 0.7, validator=_single_unit_ok,
             needs=lambda t: "县" in t or "旗" in t or "镇" in t or "乡" in t),
        Rule("address_institution", LOCATION, ADDRESS_INSTITUTION, 0.75, validator=_institution_place_ok,
             needs=lambda t: _institution_hint(t) and _UNIT_THEN_INSTITUTION.search(t) is not None),
        Rule("address_single_district_city", LOCATION, ADDRESS_SINGLE_DISTRICT_CITY, 0.7, validator=_single_district_city_ok,
             needs=lambda t: "区" in t or "市" in t or "州" in t),
        # A village's clinic names the village (在曼景保村卫生室看过): not 农村, 本村, 该村.
        Rule("address_village_clinic", LOCATION,
             rf"{_INSTITUTION_CUE}(?P<phi>{_I_CHAR}{{2,5}}?村)(?=卫生室|卫生所|卫生站|医务室|诊所)", 0.75,
             validator=lambda v: not v.startswith(_NOT_A_PLACE_START) and not v.endswith(("农村", "山村", "乡村", "新村", "渔村")),
             needs=lambda t: "村" in t),
        Rule("address_bare_county", LOCATION,
             r"(?:在|住在|住|是|从|来自|老家|老家是|老家在|回|回到|到|去)(?P<phi>[\u4e00-\u9fff]{2})"
             r"(?=的|那边|这边|那里|这里|人|一带|附近|[，。、,；;\s]|$|打工|上班|工作|读书|上学|做生意|生活|定居|过来|来的|县城)",
             0.65, validator=_bare_county_ok, needs=lambda t: "在" in t or "住" in t or "是" in t or "从" in t or "来自" in t
             or "老家" in t or "回" in t or "到" in t or "去" in t),
        Rule("address_county_town", LOCATION, ADDRESS_COUNTY_TOWN, 0.8,
             validator=lambda v: _single_unit_ok(v) and not any(w in v for w in ("乡镇", "县乡", "县镇", "州县"))
             and ("县城" not in v or regex.search(r"县城[东西南北关郊中]", v) is not None),  # 城北乡, 城关镇
             needs=lambda t: ("县" in t or "旗" in t) and ("镇" in t or "乡" in t or "苏木" in t)),
        # A prefecture, then its county with no town after it (临夏州东乡县, 黔东南州雷山县, 阿拉善盟额济纳旗):
        # two levels named in a row. Not the county's town, office or rank (县城, 县委, 县级).
        Rule("address_prefecture_county", LOCATION,
             rf"(?P<phi>{_V_CHAR}{{1,6}}?(?:自治州|州|地区|盟){_FUNCTION_LED}{_V_CHAR}{{1,6}}?(?:自治县|县|旗))(?![城里委级长区])",
             0.8, validator=lambda v: _single_unit_ok(v) and not any(w in v for w in ("州县", "各州", "本州")),
             needs=lambda t: ("州" in t or "盟" in t or "地区" in t) and ("县" in t or "旗" in t)),
        Rule("address_hk_district", LOCATION,
             rf"(?:香港|香港特区|港岛|港島|九龙|九龍|新界)\s?(?P<phi>{_alt(HK_DISTRICTS)})", 0.8,
             needs=lambda t: "香港" in t or "港" in t or "九龙" in t or "九龍" in t or "新界" in t),
        Rule("address_hk_district_bare", LOCATION,
             rf"(?:(?<=住|在|去|到|于|返|回|自|喺|嚟|^|[^\u4e00-\u9fff])(?P<phi>{_alt(HK_DISTRICTS_BARE)})"
             rf"(?=[\u4e00-\u9fff]{{0,8}}?(?:医院|診所|诊所|中心|邨|苑|花园|花園|广场|廣場|大厦|大廈|商场|街|道|站)|[，。,、\s的]|$"
             # (喺深水埗接阿媽, 死亡地點：元朗家中: a pick-up there, a home there)
             r"|家中|家裡|家里|屋企|接|嗰|那边|這邊|那邊|附近|一帶|一带)"
             rf"|(?P<phi>{_alt(HK_DISTRICTS_BARE)})(?=[\u4e00-\u9fff]{{0,8}}?(?:医院|醫院|邨)))", 0.75,
             needs=lambda t: not _HK_FIRST.isdisjoint(t) and _HK_BARE_RE.search(t) is not None),
        # A bank branch is named after where it stands, near the account holder: 工商银行苏州工业园区支行,
        # 建设银行南宁民族大道支行 (the part between the bank and 支行/分行 is the place).
        # A Hong Kong or Macau address, simplified or traditional: a road and its number, the building,
        # then the floor and the flat (九龍旺角彌敦道688號12樓B室, 港島北角英皇道250號城市花園3座15楼C室).
        # The floor (楼/樓) after a house number is what no clinical text has.
        Rule("address_floor_flat", LOCATION, ADDRESS_FLOOR_FLAT, 0.85,
             needs=lambda t: "楼" in t or "樓" in t),
        # A Hong Kong or Macau road and number after the territory or a district (九龍城太子道西190號,
        # 新界元朗青山公路元朗段1號): roads there end in 道 more than anywhere else.
        Rule("address_hk_estate", LOCATION, ADDRESS_HK_ESTATE, 0.8, validator=_hk_estate_ok,
             needs=lambda t: "邨" in t or (not _HK_FIRST.isdisjoint(t) and _HK_BARE_RE.search(t) is not None)
             or "香港" in t or "九龙" in t or "新界" in t),
        Rule("address_hk_road", LOCATION, ADDRESS_HK_ROAD, 0.8,
             needs=lambda t: ("号" in t or "號" in t) and (not _HK_FIRST.isdisjoint(t) or "香港" in t or "九龙" in t or "九龍" in t
                                                         or "新界" in t or "澳门" in t or "澳門" in t or "港岛" in t or "港島" in t)),
        Rule("address_bank_branch", LOCATION,
             r"(?:银行|农商行|农信社|信用社|邮储)(?:股份有限公司|有限公司|有限责任公司)?"
             r"(?P<phi>(?:(?![支分营储])[\u4e00-\u9fff\d]){2,10}?)(?:支行|分行|营业部|分理处|储蓄所)", 0.75,
             needs=lambda t: "行" in t or "社" in t or "所" in t),
        Rule("address_village", LOCATION, ADDRESS_VILLAGE, 0.8, validator=_village_ok,
             needs=lambda t: "村" in t or "嘎查" in t),
        Rule("address_cued", LOCATION, ADDRESS_CUED, 0.85, validator=_cued_address_ok, needs=_address_hint),
        Rule("address_spaced", LOCATION, ADDRESS_SPACED, 0.8, validator=_spaced_address_ok,
             needs=lambda t: " " in t and _SPACED_ADDR_GATE.search(t) is not None),
        # A national, provincial or county road numbered after the town it runs through
        # (福永街道107国道, 城关镇G312国道): the stretch where someone lives or had the accident.
        Rule("address_numbered_highway", LOCATION,
             r"(?<=[区县旗镇乡道])(?P<phi>[GSXgsx]?\d{2,3}\s?(?:国道|省道|县道))", 0.8,
             needs=lambda t: "国道" in t or "省道" in t or "县道" in t),
        # A Singapore public-housing flat in a Chinese note: the block, the street and its number, the
        # floor and unit after # (Blk 123 Ang Mo Kio Ave 3 #08-456), with the country and postcode when
        # they follow. The # unit closes it, so a block of a study (Block 2 of …) stays text.
        Rule("address_sg_block", LOCATION,
             r"(?<![A-Za-z])(?P<phi>(?:Blk|BLK|Block)\.? ?\d{1,4}[A-Z]? (?:[A-Z][a-z]{1,12} ){1,4}?"
             r"(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Cres|Crescent|Lorong|Central|Close|Walk|Link|Way|View)"
             r"(?: \d{1,3}[A-Z]?)?,? ?#\d{1,3}-\d{1,5}[A-Z]?(?:,? ?(?:Singapore \d{6}(?!\d)|S ?\(\d{6}\)|S\d{6}(?!\d)))?)(?![\w\-])", 0.85,
             needs=lambda t: "#" in t and ("Blk" in t or "BLK" in t or "Block" in t), flags=0),
        Rule("postcode", ZIP_CODE, r"(?:邮编|邮政编码)[\s:：|｜]*(?P<phi>\d{6})(?!\d)", 0.95, needs=has_digit),
        # Taiwan's postal code (郵遞區號：220, 邮递区号 10617: three, five or six digits) and Singapore's
        # after the country's name (新加坡560123, Singapore 560123).
        Rule("postcode_taiwan", ZIP_CODE, r"(?:郵遞區號|邮递区号|郵政編碼|郵編)[\s:：|｜]*(?P<phi>\d{3}(?:\d{2,3})?)(?!\d)", 0.9,
             needs=has_digit),
        Rule("postcode_singapore", ZIP_CODE, r"(?:新加坡|Singapore)[ \u3000]?(?P<phi>\d{6})(?![\d\-])", 0.85, needs=has_digit),
        # A postcode written after the address's last unit with a space (呼和浩特市赛罕区 010020); not
        # after 号, which ends cue words too (批号 202311A08).
        Rule("postcode_after_unit", ZIP_CODE, r"(?<=[省市区县旗镇乡路街道])[ \u3000]{1,2}(?P<phi>\d{6})(?![\d.\-A-Za-z])(?!\s?[号室栋楼])", 0.8,
             needs=has_digit),
        # A postcode after a numbered address's last unit and a comma (…958弄12号601室，201100。): six
        # digits standing alone in the clause, right after a house or room number of a street.
        Rule("postcode_after_number", ZIP_CODE,
             r"(?<=[路街巷弄道村镇乡区里][^，,。；;\n]{0,20}\d\s?(?:号|室|号楼|弄|组|社|栋|幢))[，,]\s?(?P<phi>[0-8]\d{5})(?=\s*(?:[，,。；;]|\n|$))", 0.8,
             needs=lambda t: "，" in t or "," in t),
        # A postcode in brackets right after an address's last part: 帅府园1号(100730), 东城区（100010）.
        Rule("postcode_bracketed", ZIP_CODE, r"(?<=[号路街道巷区县市镇乡村室楼栋弄园苑])\s?[（(](?P<phi>\d{6})[）)]", 0.85,
             needs=lambda t: "(" in t or "（" in t),
        # A flat by its building, stairway and number, with no estate named: 住3号楼1单元602 (a hospital's
        # buildings have no 单元, so this is someone's home).
        Rule("building_unit_flat", LOCATION, r"(?<![\d\-])(?P<phi>\d{1,3}(?:号楼|號樓|栋|棟|幢|座)\d{1,2}(?:单元|單元)\d{3,4}(?:室|号|號)?)(?!\d)",
             0.8, needs=lambda t: "单元" in t or "單元" in t),
        # A resident's room in a care home, after the word for the room, the visit or the resident: 房间：松鹤楼3层312室A床,
        # 地点：颐和居B区207室, 探望405室庹老太.
        Rule("care_home_room", LOCATION,
             # (a bare room only after a visit or a resident's word: a ward's 302室 is no one's home)
             r"(?:房间|房間|地点|地點|住户|住戶|探望)[ \t:：]*(?P<phi>[\u4e00-\u9fff]{2,4}(?:楼|樓|居|苑|园|園|阁|閣|轩|軒|斋|堂)"
             r"(?:[A-Z东西南北]区)?(?:\d{1,2}(?:层|層|楼|樓))?\d{2,4}(?:室|房)(?:[A-Z\d]床)?)"
             r"|(?:住户|住戶|探望)[ \t:：]*(?P<phi>\d{3,4}室)", 0.75,
             needs=lambda t: "室" in t or "房" in t),
        # A record opened in a system log or a note names its number right after 病历 (查看病历00738812,
        # 调阅病历 ZY2026...): six digits or more, so 病历2份 and 病历1本 stay text.
        Rule("mrn_after_record", MEDICAL_RECORD_NUMBER,
             r"(?:调阅|查看|查阅|打开|调取|修改|浏览|导出|打印|复印)病历(?:资料)?\s?(?P<phi>[A-Za-z]{0,3}\d{6,14})(?![\dA-Za-z])", 0.9,
             needs=lambda t: "病历" in t),
    ]


# ---- an address's tail past where its rule stopped -------------------------------------------------

# The address rules end at the last unit they know; a village's hamlet (那坡镇|那怀屯), a tribe's
# settlement (光復鄉|太巴塱部落), a farm (同安区|竹坝华侨农场南区5号), a lane (祖庙路|东华里11号), a second
# building (宋玉生廣場258號|建興龍廣場12樓F) or a block-unit-flat run (光明社区|12-3-501) after it are the
# same address, and a surrogate that replaced only the first part would leave the home behind.
_TAIL_HAN = r"(?:(?![我你他她家在是的了到去从来回住和与及或患因于被把就也都还])[\u4e00-\u9fff])"
_TAIL_SETTLEMENT = rf"{_TAIL_HAN}{{1,6}}?(?:屯|村|组|部落|农场|農場|牧场|林场)"
_TAIL_BUILDING = (rf"{_TAIL_HAN}{{1,6}}?(?:里|邨|大廈|大厦|廣場|广场|花园|花園|小区|社区|新村)(?=(?:[东西南北中]区)?\s?\d)"
                  # (or an estate by its name alone, then its block: 1388号|华鑫名都|19幢902)
                  # (its name may hold 都 or 家, as 名都 and 家园 do, though no other tail's may)
                  rf"|{_TAIL_HAN}[\u4e00-\u9fff]{{1,5}}?(?=\d{{1,3}}\s?(?:幢|栋|棟|座|号楼|號樓))")
# (an annex and a stairway's door before the flat, as Beijing and Tianjin write them: 32号增2号楼3门401)
_TAIL_NUMBER = (
    r"(?:[东西南北中]区)?\s?(?:增?\d{1,5}\s?(?:号楼|號樓|号院|号|號|室|樓|楼|层|層|栋|棟|幢|座|弄|门(?=\d)|单元|單元)"
    r"(?:\s?增?\d{1,4}\s?(?:号楼|樓|楼|层|層|室|门|單元|单元))*(?:\d{2,4}(?:室)?(?![\d号號]))?"
    r"|\d{1,3}(?:[\-—]\d{1,4}){1,3}(?:\s?(?:号|號|室|樓|楼|层|層))?)(?:\s?[A-Za-z](?![A-Za-z]))?(?![\d\-—年月日天周岁次个])"
)
# a hamlet's or a lane's short name with its number after a village (朴里村|后坑38号)
_TAIL_HAMLET = rf"{_TAIL_HAN}{{1,4}}?(?=\d{{1,4}}\s?(?:号|號))"
_ADDRESS_TAIL_RE = regex.compile(rf"(?:{_TAIL_SETTLEMENT}|{_TAIL_BUILDING})?(?:{_TAIL_NUMBER})?")
_VILLAGE_TAIL_RE = regex.compile(rf"{_TAIL_HAMLET}(?:{_TAIL_NUMBER})")
# a compound's block-unit-flat after its 院 (宁大北门家属院|6-2-301): only the numbers, as 医院 ends many a phrase
_COMPOUND_NUMBER_RE = regex.compile(r"(?:[\u4e00-\u9fff]{1,4}?院)?\d{1,3}(?:[\-—]\d{1,4}){2,3}(?![\d\-—])")  # (农科院|家属院3-1-502)
_TAIL_AFTER = frozenset("区區县縣市镇鎮乡鄉道路街号號廈厦场場里村屯邨苑园園旗社楼樓")


# A school or a community named after the place found (大理市下关镇|阳光幼儿园, 潍坊|一中, 邵东市|第三中学,
# 赭山街道|绿影社区): the child's school or the neighbourhood committee locates a person closer than the town,
# and writers label the whole name. Not its pupils (中学生) nor the community's clinic (社区卫生服务中心).
_TAIL_SCHOOL_OR_COMMUNITY_RE = regex.compile(
    rf"{_TAIL_HAN}{{0,8}}?(?:中心小学|中心学校|小学|小學|初级中学|高级中学|中学|中學|[一二三四五六七八九十]{{1,2}}中(?![学心医])|附中|实验学校|学校|學校"
    rf"|幼儿园|幼稚園|托育园|托儿所)"
    rf"(?![生部])|{_TAIL_HAN}{{1,6}}?社区(?!卫生|医院|服务|居委|工作|康复|医生|干部|民警|网格|$)")


def address_tail_end(text: str, end: int) -> int:
    """Where the address that a rule ended at `end` really ends (`end` if nothing follows it)."""
    if end <= 0:
        return end
    if text[end - 1] == "院" and (m := _COMPOUND_NUMBER_RE.match(text, end)) is not None:
        return m.end()
    if text[end - 1] in _TAIL_AFTER:
        m = _ADDRESS_TAIL_RE.match(text, end)
        if (m is None or m.end() == end) and text[end - 1] in "村屯":
            m = _VILLAGE_TAIL_RE.match(text, end)
        if m and m.end() > end and text[m.end() - 1] != " ":
            return m.end()
    m = _TAIL_SCHOOL_OR_COMMUNITY_RE.match(text, end)
    return m.end() if m else end
