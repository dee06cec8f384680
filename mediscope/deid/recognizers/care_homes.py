"""Where a resident lives: a care home's name, a neighbourhood community, a room, in Chinese records.

A care home is its residents' home address: a nursing home's handover (颐康护理院·二病区), an
admission form (老年人入住登记表（瑞安市塘下镇颐养中心）) or a family's letter (我是305房老人…的
女儿) places the person as closely as a street address does, and a hospital's name, which the
address rules leave alone, does not. The same holds for the neighbourhood community a health
booklet files a mother or a child under (所属社区：沙坡尾社区) and for the room a resident sleeps in
(207房, 7号房, 房号：东楼216).

The generic words stay: 养老院 and 护理院 with nothing before them, 本/该/一家 … 养老院, a care
setting's services (社区卫生服务中心, 社区获得性肺炎, 社区护理站), and rooms of a flat (三室两房) or
a room's rent (房费). A name must start where a phrase starts (after a punctuation mark, a label's
colon or a verb of going or living: 去南湖社区义诊, 住在松鹤养老院), so that 送到了一家私立养老院 is
no name.
"""

from __future__ import annotations

import regex

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.types import LOCATION

# Where a care home's or a community's name may start inside a sentence: after a verb of going, living or
# moving (去南湖社区, 住在松鹤养老院, 转入福寿康护理院) or a list's comma.
_LEAD = "去到在住于从回往入至、"
_START = rf"(?:(?<!\p{{Han}})|(?<=[{_LEAD}]))"
# Characters a name of a place never holds but a phrase before a generic care home does (一家私立养老院,
# 这个养老院, 他们的敬老院).
_NAME_CHAR = r"(?:(?![了的是在和与及或这那个家些们我你他她它去到来要想看说就还也都吧吗呢啊入住送回转该本每各])\p{Han})"
_CARE_HOME = (r"(?:护理院|养老院|养老公寓|老年公寓|敬老院|颐养中心|颐养院|福利院|养护院|康养中心|托老所|安养院|长者之家"
              r"|日间照料中心)")
# Openings that make the phrase a kind of care home, not one of them: 公办养老院, 乡镇敬老院, 社区养老院.
_NOT_A_NAME = (r"(?!于|公办|民办|私立|公立|私人|高端|普通|正规|当地|附近|周边|本地|外地|城市|农村|乡镇|社区|街道|县|市|区|镇|乡|村"
               r"|养老|护理|医养|老人|老年|失能|失智|一般)")
# After a community's name: a service or a clinic of the community, a disease caught in the community
# (社区获得性肺炎), or a word that makes it a kind of community (社区里, 社区的).
_NOT_AFTER_COMMUNITY = r"(?!卫生|医院|服务|居委|工作|康复|医生|干部|民警|网格|获得|护理站|喘息|家庭|养老|志愿|的|里|中)"


# A kind of care home or a sentence's words, not a name, before the home's kind: 目前乡镇敬老院, 建议考虑公办养老院.
_NOT_A_BRAND_END = ("康复", "专业", "社会", "大型", "小型", "公办", "民办", "私立", "公立", "私人", "高端", "普通", "正规", "当地", "附近", "本地", "外地", "乡镇", "社区",
                    "街道", "农村", "城市", "医养", "失能", "失智", "老人", "老年")
# A sentence's words that never stand in a community's name: 患者参加社区义诊, 目前转社区.
_NOT_IN_COMMUNITY = ("患者", "家属", "参加", "建议", "推荐", "前往", "深入", "走进", "进入", "面向", "覆盖", "开展", "依托", "服务",
                     "转", "回", "所在", "所属", "辖区", "当地", "目前", "已经", "需要", "可以", "网上", "网络", "线上", "在线", "虚拟")


def _care_home_ok(value: str) -> bool:
    brand = regex.sub(rf"{_CARE_HOME}$", "", value)
    return not brand.endswith(_NOT_A_BRAND_END)


def _community_ok(value: str) -> bool:
    return not any(w in value for w in _NOT_IN_COMMUNITY)


def care_home_rules() -> list[Rule]:
    return [
        # a care home named with what stands before its kind: 颐康护理院, 万佳养老公寓, 瑞安市塘下镇颐养中心,
        # 白云区嘉禾望岗颐年护理院
        Rule("care_home_named", LOCATION,
             rf"{_START}(?P<phi>{_NOT_A_NAME}{_NAME_CHAR}{{2,12}}?{_CARE_HOME})", 0.75, validator=_care_home_ok,
             needs=contains_any("护理院", "养老", "老年公寓", "敬老院", "颐养", "福利院", "养护院", "康养中心", "托老所",
                                "安养院", "长者之家", "日间照料中心"), flags=0),
        # a neighbourhood community by name: 所属社区：沙坡尾社区, 去南湖社区义诊, 海甸岛社区接种门诊 (not 本社区,
        # 所在社区, 社区获得性肺炎, 建议社区家庭医生随访)
        Rule("community_named", LOCATION,
             rf"{_START}(?P<phi>(?!本|该|各|全|所在|所属|辖区|当地|附近|周边|农村|城市|城乡|老旧|其他|其它|多个|试点|示范|同一"
             rf"|我们|你们|他们|推荐|建议|转诊|转回|参加|深入|走进|进入|面向|覆盖|开展|依托|服务|转|回|到|去|在|住){_NAME_CHAR}{{2,4}}?社区){_NOT_AFTER_COMMUNITY}", 0.7, validator=_community_ok,
             needs=contains_any("社区"), flags=0),
        # a resident's room by its number: 207房, 305房老人, C201房 (not 房间, 房费, 房租 …) and 7号房
        Rule("resident_room", LOCATION,
             r"(?<![\dA-Za-z\-])(?P<phi>(?:[A-Z]?\d{3,4}|\d{1,2}号)房)(?!间|费|租|贷|价|产|屋|子|型|源|东|主|客|颤|室|扑|早|速|性|缺|缺损)", 0.7,
             needs=contains_any("房"), flags=0),
        # a room after its label: 房号：东楼216, 房号 A-305
        Rule("room_after_label", LOCATION,
             r"房号[ \t]?[:：]?[ \t]?(?P<phi>\p{Han}{0,3}[A-Z]?-?\d{2,5}[A-Za-z]?)(?![\d\-])", 0.75,
             needs=contains_any("房号"), flags=0),
    ]
