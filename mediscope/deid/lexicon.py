"""Word lists the recognizers share: surnames, titles, context cues, clinical words to keep.

Chinese person names cannot be found by patterns alone, and jieba's `nr` tag is both incomplete
and noisy on medical text (it tags 帕金森病 as a name). The lists below turn weak signals into
reliable ones: a name candidate must start with a common surname AND sit next to a title or a cue
word, or be tagged `nr` and not be a clinical word.
"""

from __future__ import annotations

# ~300 common single-character surnames. Characters that are mostly function words in running
# text (和, 由, 于, 向, 全, 来 ...) are deliberately left out: they would fire on "和医生",
# "由医生" and the like far more often than they are someone's surname.
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟"
    "臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘迟邝封谈匡鞠荆冀郁胥栗燕楚鄢谌奚粟冼"
    "蔺楼阚帅朴禹祖漆巴卿狄晁芮扈阙浦戈鹿邸雍辜裘亓邰赫杭逯茹慕亢嵇湛戎茅揭尉檀昝衡尧"
    "萧赖洪丰劳廉厉伊郜仝幸闻信商官惠屠茆厍"
)
# Surnames that are also everyday characters: trusted only right before a title (时医生, 司主任),
# and only when they do not end a dictionary word (平时医生, 公司医生).
SURNAMES_TITLE_ONLY = set("尚司全应师商明查花权强")
SURNAMES_2 = (
    "欧阳", "司马", "诸葛", "上官", "东方", "慕容", "皇甫", "令狐", "司徒", "夏侯", "公孙",
    "尉迟", "长孙", "宇文", "轩辕", "端木", "澹台", "呼延", "独孤", "南宫", "西门", "万俟",
)

# Titles that follow a (sur)name: 王医生, 李女士, 张主任, 刘教授.
TITLES_ZH = (
    "主任医师", "副主任医师", "主治医师", "医生", "大夫", "医师", "主任", "教授", "护士长", "护士",
    "院长", "老师", "女士", "先生", "小姐", "同志", "阿姨", "叔叔", "大爷", "大妈", "奶奶", "爷爷",
    "老先生", "老太太", "老太", "老伯", "师傅", "博士", "药师", "技师", "阿訇",
    # the southern and the familiar elders' forms (林阿公, 覃阿婆, 谢老爷子): the surname names the person
    "老爷子", "阿公", "阿婆", "阿伯", "阿嬷", "阿叔", "婆婆",
    # the police and the law who took a report (民警邹警官, 李律师): the surname names the person
    "警官", "律师",
    # who runs a shop, a firm, a village or a team in a trace or a statement (何店长, 母老板, 梁村长)
    "店长", "老板", "老板娘", "经理", "厂长", "村长", "队长", "组长", "科长", "校长", "书记",
    # a neighbour's or a villager's familiar forms (柯大姐, 晋大伯)
    "大伯", "大姐", "大哥", "大婶", "大叔", "大娘", "大嫂",
)

# Roles of a form, a note or a family that stand right before a person's full name, whatever the
# surname (皮, 尚, 干 are words too) and even when the given name is a word (大海, 天佑) or the whole
# starts like a city (桂林生): 大名皮一鸣, 麻醉：桂林生, 劳动者尚大海, 家属儿子韦大勇.
ROLE_NAME_CUES_ZH = (
    "大名", "学名", "术者", "主刀", "一助", "二助", "助手", "第一助手", "第二助手", "麻醉", "麻醉医师", "药师", "审方药师", "调配药师", "核对药师",
    "患者签字", "家属签字", "代理人签字", "签字人", "辖区居民", "劳动者", "职工", "老人家", "家属儿子", "家属女儿",
    "家属孙子", "家属孙女", "家属丈夫", "家属妻子", "家属父亲", "家属母亲",
    # who fetched, brought or carried something for the patient: 取药人, 送检人, 代办人
    "取药人", "领药人", "代办人", "代领人", "送检人", "采样人", "陪检人", "陪诊人", "护送人", "转运人", "受托人",
    # who filled in, entered or handled a form: 填表人包乌云, 经办人 覃丽
    "填表人", "填报人", "录入人", "登记人", "经办人", "制表人", "申请人",
    # who runs, monitors or interviews for a study or an investigation: 访员：娜仁, 监查员谯梦琪, CRC 荆雪
    "访员", "调查员", "流调员", "监查员", "协调员", "研究协调员", "研究护士", "主要研究者", "研究者", "质控员", "CRC", "CRA",
    # who looks after a patient outside the ward: 转介社工蒋悦, 村医岩罕
    "社工", "村医", "乡医", "家庭医生", "个案管理师",
    # who checked, graded, exported, bled, visited or handed over, as a lab docket, a screening roster, an image
    # archive or a shift note prints them: 质检：谭, 验光师：柯, 导出人：滕, 采血人：盖丽, 交班：庄敏  接班：钟 (the
    # shift words and the docket's only with their colon: 交班时, 技工费 are no cue)
    "验光师", "视光师", "导出人", "审核者", "登记员", "采血人", "访视人", "晨检人", "筛查人员", "发药人", "配药人",
    *(f"{cue}{colon}" for cue in ("交班", "接班", "质检", "技工", "护士长", "值班护士", "责任护士") for colon in "：:"),
    # a relative named by kind in brackets: 家属（女儿）：覃丽萍, 联系人(丈夫) 吴老二
    *(f"{cue}{o}{rel}{c}" for cue in ("家属", "联系人", "监护人", "紧急联系人") for o, c in ("（）", "()")
      for rel in ("儿子", "女儿", "丈夫", "妻子", "父亲", "母亲", "孙子", "孙女", "哥哥", "姐姐", "弟弟", "妹妹", "子", "女",
                  "夫", "妻", "父", "母", "儿媳", "女婿", "外孙", "侄子")),
)

# Cue words that introduce a name: 患者张伟, 姓名：李娜, 家属王芳.
NAME_CUES_ZH_STRONG = (
    "姓名", "患者姓名", "病人姓名", "我叫", "名叫", "叫做", "签名", "联系人", "监护人", "记录人",
    "记录者", "审核人", "报告人", "报告医师", "审核医师", "经治医师", "主治医生", "主治医师",
    "主管医师", "接诊医生", "接诊医师", "申请医生", "送检医生", "检查医师", "诊断医师", "家属",
    "就诊人", "申请人", "委托人", "投保人", "被保险人", "持卡人", "户主", "主治", "经治", "主管",
    "审核", "复核", "陪同人", "代述人", "签字人", "收件人", "寄件人", "紧急联系人", "参保人", "参合人", "持证人", "被保险人姓名",
    # who holds or receives an account or a payment: 户名刘华清, 开户名：…, 收款人
    "户名", "开户名", "开户人", "账户名", "收款人", "付款人", "报警人", "报案人",
    # who filed a report (an adverse event, a fall): 上报人：储小琴, 填报人
    "上报人", "填报人", "呈报人",
    # who took part: 参加会诊：刘强、马丽 (the list after the first name is collected too)
    "参加会诊", "会诊人员", "参加人员", "参会人员", "出席人员", "在场人员", "抢救人员", "见证人",
    "名字叫", "名字是", "孩子叫", "宝宝叫", "儿子叫", "女儿叫", "孙子叫", "孙女叫", "他叫", "她叫",
    "闺女叫", "外孙叫", "外孙女叫", "老公叫", "老婆叫", "爱人叫", "丈夫叫", "妻子叫", "我爸叫", "我妈叫", "爸爸叫", "妈妈叫",
    "父亲叫", "母亲叫", "病人叫", "患者叫", "老人叫", "奶奶叫", "爷爷叫", "外婆叫", "外公叫", "好像叫",
    # roles that only ever stand before a person: 大名皮一鸣, 家属签字：蓝天佑, 辖区居民戴海潮,
    # 劳动者尚大海, 家属儿子韦大勇 (a given name that is also a word: 天佑, 大海, 大勇)
    "大名", "学名", "患者签字", "家属签字", "代理人签字", "辖区居民", "劳动者", "家属儿子", "家属女儿", "家属孙子",
    "家属孙女", "家属丈夫", "家属妻子", "家属父亲", "家属母亲",
)
NAME_CUES_ZH_WEAK = (
    "患者", "病人", "病员", "患儿", "本人", "丈夫", "妻子", "老公", "老婆", "爱人", "母亲", "父亲",
    "妈妈", "爸爸", "儿子", "女儿", "孙子", "孙女", "哥哥", "姐姐", "弟弟", "妹妹", "同事", "朋友",
    "医生", "医师", "护士", "陪同人", "转给", "交给", "找", "谢谢", "感谢", "麻烦", "你好", "您好", "我是", "先证者",
    "之子", "之女", "之妻", "之夫", "之父", "之母", "病友", "患友", "伤者", "伤员",
    # roles in police, transport and system records: 司机庞志勇, 用户钟离若兰, 操作员闻人慧
    "司机", "驾驶员", "驾驶人", "用户", "操作员", "操作人", "陪同人员", "护送人", "护送人员", "经办人", "登记人",
    "负责人", "值班人", "室友", "舍友", "闺蜜", "发小", "老乡",
    "收款员", "收费员", "挂号员", "发药员",
    # people a record is about: death certificates, maternity, vaccination, claims
    "死者", "逝者", "产妇", "孕妇", "新生儿", "婴儿", "受种者", "接种者", "受检人", "就诊者", "受益人", "被保人", "伤员",
    # who wears, uses or carries a device or a card: 佩戴者黎可欣, 植入者, 持卡者
    "佩戴者", "佩戴人", "植入者", "使用者", "持卡者",
    # a spouse in a personal history: 配偶司马光荣体健
    "配偶",
    # roles of a form or a note that name a person next: 药师宫田田, 老人家仇桂兰
    "术者", "麻醉", "麻醉医师", "药师", "签字", "居民", "职工", "老人家",
    # who tested, checked, carried out or handed over, on a lab slip or a shift note: 检验者:晁, 交班人：罗
    "检验者", "检验人", "检验员", "检验医师", "检验技师", "采样者", "核对者", "核对人", "执行者", "执行人",
    "交班者", "接班者", "交班人", "接班人",
    # a partner and a vaccinee: 与女友小雪分手, 接种人金宝
    "女友", "男友", "女朋友", "男朋友", "接种人", "受种人",
    # kin by birth order and by marriage, as family meetings and claims list them: 长子闻人志刚, 儿媳褚淑芬
    "长子", "次子", "三子", "幼子", "长女", "次女", "三女", "幼女", "大儿子", "小儿子", "大女儿", "小女儿", "二儿子", "二女儿",
    "儿媳", "儿媳妇", "女婿", "孙媳", "孙女婿", "长孙", "次孙", "长孙女", "外孙", "外孙女", "曾孙", "曾孙女", "重孙", "重孙女",
    "侄子", "侄女", "外甥", "外甥女", "舅舅", "姑姑", "叔叔", "伯伯", "姨妈", "姑妈", "舅妈", "婶婶", "嫂子", "弟媳",
    "姐夫", "妹夫", "岳父", "岳母", "公公", "婆婆", "继父", "继母", "养父", "养母", "祖父", "祖母", "外公", "外婆",
    "爷爷", "奶奶", "亡妻", "亡夫", "前妻", "前夫", "未婚妻", "未婚夫", "堂兄", "堂弟", "堂姐", "堂妹", "表哥", "表弟",
    "表姐", "表妹", "监护人",
    # parties and people of a legal, a claim's or an emergency's record: 原告单于燕, 被告钱鹏, 犬主漆永福,
    # 来电人于海英, 站务员储佳琪
    "原告", "被告", "上诉人", "被上诉人", "被申请人", "第三人", "当事人", "委托人", "受托人", "被鉴定人", "鉴定人",
    "投保人", "被保险人", "报案人", "来电人", "来电者", "呼救人", "求助人", "见证人", "证人", "代理人", "审判长",
    "审判员", "书记员", "调解员", "调查员", "查勘员", "理赔员", "理赔专员", "业务员", "犬主", "车主", "店主", "房东",
    "雇主", "站务员", "保安", "民警", "志愿者", "护工", "保姆", "邻居", "询问人", "被询问人", "记录人", "接案人", "受理人",
    "受理", "经手", "村医", "乡医", "乡村医生", "家庭医生", "签约医生", "评估员",
)
# Staff of a school, a pharmacy, a works clinic, a community team, a court or a counselling service, who sign
# with the surname alone as often as in full (校医 樊, 核对发药：蒙, 厂医：冯, 精防医生邹, 包保民警：牟, 评估师：吉（…）):
# weak cues of their own, kept apart so that only texts holding one of them are scanned for them (a list this
# long in NAME_CUES_ZH_WEAK's alternation would cost every Chinese text ~15% more time).
STAFF_CUES_ZH = (
    "班主任", "辅导员", "任课教师", "校医", "保健医", "保健老师", "心理老师", "德育主任", "儿童主任", "儿童督导员", "厂医", "急救员",
    "调配", "发药", "核对发药", "审方", "开方医生", "开方医师", "接种医生", "主检医生", "主检医师", "操作医师", "科主任",
    "调查人", "检查人", "回访人", "接听人", "咨询师", "心理咨询师", "治疗师", "评估师", "督导", "检察官", "法官", "辅警",
    "包保民警", "专干", "禁毒专干", "民政专干", "残联专干", "网格员", "网格长", "精防医生", "村支书", "支书", "村主任",
    "包村干部", "站长", "老板", "村民",
    # a call centre's, a home-care agency's and a family rota's roles: 受理坐席：勾晨曦, 质检员：秦国庆, 照护者：蒯秋菊, 夜班：侯白云
    "受理坐席", "坐席", "质检员", "护理员", "照护者", "投诉人", "申诉人", "客户", "白班", "夜班", "早班", "晚班", "中班",
    # who signs, registers or checks a slip, a screening or a detention record: 签发：苏, 登记：宫浩然, 主检：钟秀云
    "签发", "登记", "主检", "分析人", "接收人", "接种人员", "评估医生", "检查技师", "康复医师", "假肢师", "专家组",
    # the armed forces', prisons' and mines' roles: 复查军医：海来, 见证民警：李四海, 工友黎大宝, 队员高原
    "军医", "卫生员", "接兵干部", "民警", "带队民警", "押解民警", "见证民警", "管教", "狱医", "战士", "工友", "队员",
    "小队长", "中队长", "班长", "拉长",
    # a record's writer and reporter as a form prints them, with the colon (记录：王有才, 报告：颜雪; not 记录了, 报告显示)
    "记录：", "报告：", "填报：", "记录:", "报告:", "填报:",
)

# Person cues near a jieba out-of-vocabulary token that make it a name rather than a new word.
PERSON_CONTEXT_ZH = (
    "患者", "病人", "患儿", "医生", "大夫", "主任", "教授", "护士", "医师", "先生", "女士", "小姐", "家属",
    "签名", "签字", "姓名", "我叫", "我是", "名字", "电话", "手机", "联系", "男，", "女，", "男,", "女,", "岁",
    "老公", "老婆", "丈夫", "妻子", "儿子", "女儿", "爸爸", "妈妈", "父亲", "母亲", "同学", "同事", "朋友",
    "开具", "记录", "审核", "陪同", "主诉", "自诉", "住院号", "身份证", "出生",
)

# Words right after a name that mark it as the actor of a clinical record: 张伟开具, 李娜签字.
NAME_FOLLOWERS_ZH = ("开具", "开的", "签字", "签名", "主刀", "执笔", "记录", "复核", "审核", "查房", "会诊",
                     "接诊", "出诊", "值班", "处方", "医嘱", "陪同", "代诉", "代述", "之子", "之女", "之妻",
                     "之夫", "之父", "之母", "负责", "宝宝家长", "家长", "小朋友")

# The classic list of Chinese surnames (百家姓). Most are rare and several are ordinary words
# (有, 和, 于), so the surnames missing from SURNAMES_1 only count next to a person cue, and only
# those that are rare as a character on their own (see recognizers.zh_person.rare_surnames).
BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
    "和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭"
    "梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双"
    "闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容"
    "向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空"
    "曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公仉督岳帅缑亢况郈有琴商牟佘佴伯赏墨哈谯笪年爱阳佟"
    "言福晋楚闫法汝鄢涂钦归海"
)
# Characters of today's given names that Faker's short lists and jieba's (mostly historical)
# person entries lack: 嫣, 萱, 梓, 睿 ... Used only as given-name evidence, never alone.
GIVEN_NAME_CHARS_EXTRA = frozenset(
    "嫣萱涵琪瑶璐婧妍彤昕玥怡婕琳菲薇璇蕾倩茜钰瑾曦皓轩睿宸煜铭泽浩宇辰逸晨昊昱霖烨炜梓楷翔奕骁珂绮婉翊彧"
    "筱悦沐熙瑞语诺航懿歆馨雯雅静婷娜娟莉萍燕霞丹丹颖蓉芸芷茹蔓岚澜汐洁淇滢潇湘琦珊瑜璟琛珏翰墨哲朗峻"
    "嵩崇岳晟昭晗暄旻桐楠森杉柏栋梁铮锦钧鑫铄淼焱垚磊壮彬斌杰豪博然凯文武甜萌糖果朵"
)
# Tibetan personal names have no surname: two of these parts make a name (桑吉卓玛, 扎西次仁,
# 格桑央金). One part alone is too often a word or slang (尼玛), so only pairs count.
TIBETAN_NAME_PARTS = frozenset("""
扎西 卓玛 次仁 多吉 多杰 格桑 央金 拉姆 达瓦 尼玛 旺堆 桑吉 桑杰 平措 白玛 德吉 普布 顿珠 曲珍 巴桑 罗布 旦增 丹增
洛桑 边巴 索朗 次旦 仁青 梅朵 桑珠 占堆 巴珠 达娃 边珍 尼珍 琼宗 次吉 仓决 卓嘎 永珍 朗杰 旺久 多布杰 晋美 拉宗 强巴 群培 益西 贡嘎 仁增 措姆 卓嘎 拉巴 米玛 琼达 加措 嘉措 坚赞 才让 才旦 拉珍 旺姆 阿旺
晋美 次珍 玉珍 德庆 曲尼 扎巴 泽仁 泽旺 拉毛 卓措 更登 贡布 仓决 旺杰 次央 德央 央宗 斯朗 吉巴 平措 嘎玛
尕藏 措 才措 拉措 吉措 完玛 三木 仁措 更藏 公保 索南 东智 多杰措
 泽郎 土登 昂旺
仓央 嘉央 措吉 旺拉 次拉 巴珍 卓央 格列""".split())
# Parts of Uyghur, Kazakh, Mongolian and Yi personal names as they are written in Chinese. Like
# Tibetan names these have no Han surname (巴特尔, 努尔兰, 帕提古丽, 吉克阿依), so the surname rules
# never see them. A name is two or more parts (斯琴+高娃, 吉克+阿依, 阿不都+沙拉木), or one long
# part (热合曼, 其其格) next to a person cue or a subject's follower; short parts alone are words
# too often (乌兰, 哈斯, 巴特). Collected from common names of each people; not exhaustive.
TURKIC_NAME_PARTS = frozenset("""
阿布都 阿不都 阿卜杜 阿布杜 阿卜都 阿布力孜 阿不力孜 阿布来提 阿迪力 阿力木 阿西木 阿曼 阿孜 阿瓦 阿依 阿依努尔 阿米娜
阿斯哈尔 阿合 阿克 阿里木 阿吉 艾力 艾买提 艾合买提 艾尼瓦尔 艾尔肯 艾则孜 艾山 艾克拜尔 艾尔 艾斯卡尔 买买提 麦麦提
买合木提 买提 麦尔 吐尔逊 吐尔洪 吐尔地 吐逊 图尔荪 托合提 托乎提 努尔 努尔兰 努尔江 努尔古丽 努尔波拉提 玉素甫 玉苏甫
亚森 肉孜 克里木 沙拉木 塔依尔 尼亚孜 卡德尔 伊力 哈力 木拉提 波拉提 别克 叶尔 叶尔兰 吾斯曼 排尔 祖丽 米娜 居麦
司马义 依明 吾买尔 古丽 古力 帕提 米拉 迪丽 娜尔 巴哈尔 热娜 帕丽 旦木 热依 热依汗 热合曼 热合木 热西提 热比亚 再努尔
再娜甫 加娜尔 达娜 哈力木拉提 赛力克 巴合提 巴依 胡尔曼 夏依 铁木尔 哈丽 米尔 库尔班 萨迪克 布麦尔 凯丽 马力克 苏力坦
乌斯曼 加米拉 古丽米拉 阿依古丽 阿尔曼 叶尔江 叶尔肯 哈那提 努尔兰 江波拉提 沙依拉 阿丽亚 吐拉 木沙 依力 阿卜力克木
阿娜尔 古丽罕 阿依罕 帕夏 玛依拉 沙吾列 萨吾提 巴克 热孜 阿衣 加依娜 祖力 皮尔 吾拉音
帕尔哈提 木合塔尔 艾克热木 买尔旦 阿尔斯兰 伊力哈木 麦合木提 阿布都拉 阿卜杜拉 买买提江 努尔买买提 阿不来提 热依汗古丽
米热古丽 阿依江 哈里旦 迪力拜尔 阿迪拉 古再丽努尔 祖丽胡玛尔 帕丽达 再依努尔 玛依努尔 努尔比亚 阿依加马丽 热孜亚 阿孜古丽
吾尔开希 吐逊江 依力哈木 夏木西 开赛尔 肉孜古丽 克然木 艾合买提江 阿力甫 依明江 伊斯拉木 买合苏提 麦麦提明 喀斯木
卡斯木 卡哈尔 阿合买提 阿力木江 阿卜来提 艾海提 吾买尔江 图尔贡 阿里甫 努尔夏提 叶尔波拉提 加娜古丽 巴合达尔
 热孜万 热孜宛 孜万古丽 克木 阿不力克木 迪丽 帕提 米日 祖丽 海力且木 热依拉 哈斯也提 斯拉木 居来提 茹克亚""".split())
MONGOLIAN_NAME_PARTS = frozenset("""
巴特尔 巴特 额尔敦 苏日娜 娜仁 其其格 琪琪格 斯琴 高娃 图雅 乌兰 宝音 朝鲁 哈斯 格日勒 萨仁 孟和 那日苏 巴雅尔 阿拉坦
毕力格 巴图 敖特根 乌日娜 额尔德尼 吉日嘎拉 满都拉 赛音 特木尔 巴根 呼和 其木格 塔娜 托娅 萨其拉 乌云 德力格尔 图门
布和 阿木古楞 乌力吉 朝格图 道尔吉 苏和 额日和 吉雅 那仁 布仁 嘎拉 娜布其 陶格斯 乌日汗 萨日娜 宝力德 阿古拉 白音
斯日古楞 青格勒 格根 通拉嘎 阿荣 伊日贵 乌恩 查干 敖日格勒 达来 图布信 巴雅斯古楞 额尔很 其其 乌兰托娅 德力格
宝力高 吉日木图 格日乐图 额日登 额尔登 朝克图 达古拉 萨茹拉 乌仁 吉日格勒 满都呼 那日松 敖敦 乌日根 格日勒图 斯琴图
巴雅尔图 阿拉坦仓 哈斯朝鲁 额尔德木图 那顺 乌日图 其楞 敖日其楞 阿拉腾 呼斯楞 孟和巴雅尔 图门巴雅尔 白音仓
 苏日格 敖登 包力高
那木汗 那木吉拉 朝伦 苏布达 乌日罕 敖其尔 孟根 阿日斯楞 斯钦 巴音 特古斯 道日娜 其木德 阿拉木斯 朝勒孟 呼日勒
乌云其其格 吉仁 恩和 宝鲁尔 额布勒
诺敏 阿茹娜 奥云 苏德 乌力罕 诺日布""".split())
YI_NAME_PARTS = frozenset("""
吉克 阿苏 沙马 俄底 吉伍 曲比 阿牛 马海 勒格 吉木 海来 阿尔 木呷 拉则 拉毅 伍呷 日呷 阿果 莫色 吉史 瓦其 俄木 果基
尔古 拉哈 阿约 阿衣 阿呷 曲布 阿各 依伙 阿史 苏呷 尔布 约达 阿西 伍各 木乃 日火 俄其 吉吉 拉布 比布 阿什
金花 拉且 尔作 阿芝 拉博 日哈 伍合 阿枝 日则 石者 约布 木果 俄地 瓦扎 史伍 曲木 吉尔 马黑 勒尔
阿洛 阿依莫 伍沙 吉布 吉列 洛古 俄比 尔哈 吉斯 瓦其 阿苦
 依火 瓦渣 阿都 比惹
沙玛 吉格 加拉 阿达 马布 吉乃 吉拉 俄狄 阿木""".split())
# All parts of minority names, one table for the name finders (zh_names) and the bed rosters (zh_person).
MINORITY_NAME_PARTS = frozenset({*TIBETAN_NAME_PARTS, *TURKIC_NAME_PARTS, *MONGOLIAN_NAME_PARTS, *YI_NAME_PARTS})
# Endings of Mongolian women's names written as a separate character (娜仁花, 萨仁花, 斯琴高娃).
MINORITY_NAME_SUFFIXES = frozenset("花")

# Transliterated foreign given names and surnames as Chinese text writes them without a middle dot
# (外籍患者安娜, 翻译玛丽亚): after a person cue they are names, though some are dictionary words.
# Left out: one-character ones (让 "Jean" is "let") and words (摩尔 mole, 布朗 Brownian, 路易 Lewy).
FOREIGN_NAMES_ZH = frozenset("""
安娜 玛丽 玛丽亚 玛利亚 约翰 彼得 汤姆 杰克 大卫 迈克 迈克尔 伊万 娜塔莎 奥尔加 谢尔盖 亚历山大 卡特琳娜 伊丽莎白 露西 艾米丽
艾米 索菲亚 索菲娅 丹尼尔 詹姆斯 保罗 乔治 威廉 托马斯 查尔斯 理查德 罗伯特 爱丽丝 海伦 莉莉 琳达 苏珊 凯瑟琳 维克多 安德烈
弗拉基米尔 德米特里 尤里 塔季扬娜 叶莲娜 斯维特兰娜 阿列克谢 伊琳娜 玛莎 萨沙 阿卜杜勒 穆罕默德 艾哈迈德 法蒂玛 哈桑
侯赛因 优素福 拉希德 汉斯 克劳斯 弗朗索瓦 皮埃尔 卡洛斯 何塞 胡安 玛尔塔 露易丝
史密斯 约翰逊 威廉姆斯 琼斯 米勒 戴维斯 威尔逊 安德森 泰勒 杰克逊 哈里斯 马丁 汤普森 加西亚
罗德里格斯 伊万诺夫 彼得罗夫 彼得罗娃 伊万诺娃 斯米尔诺夫 库兹涅佐夫 波波夫 索科洛夫 诺维科娃 沃尔科夫 帕夫洛夫
""".split())

# Real surnames missing from the 百家姓 text above (綦, 禚, 爨, 嬴, 庹 ...).
RARE_SURNAMES_EXTRA = frozenset("綦禚爨嬴庹覃佘冼邝揭谯禤眭郇鄞郄邗撖佀姒芈妫苌菅缐麴鬲郅凃蹇")
# Regional surnames (Zhuang, Hakka, Cantonese) that are everyday characters too (练 "practise",
# 闭 "close"): names only right after a person cue or a form label, like the rare ones.
# (and surnames of the southwest's and the northwest's peoples and towns that are words too: 犹, 拓, 线, 妥, 陇,
# 盘 (Yao), 奉, 撒 (Hui); and the south's 招 (Cantonese), 操 and 旷 (Hunan), words too: "recruit", "drill", "vast")
SURNAMES_REGIONAL = frozenset("练闭母犹拓线妥陇盘奉撒玄招操旷")
BAIJIAXING_2 = ("万俟", "闻人", "赫连", "公羊", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙",
                "钟离", "鲜于", "闾丘", "司空", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正",
                "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭", "南门", "羊舌", "微生",
                "梁丘", "左丘", "东门", "第五",
                # outside the classic text: Xianbei, Jurchen, Khitan and Manchu clan names still in use
                "贺兰", "太史", "完颜", "纳兰", "耶律", "拓拔", "公伯", "归海", "达奚", "褚师", "叶赫", "富察", "佟佳")
# City names that are far more often ordinary words in consultation text: 大都 (mostly), 中和
# (neutralise), 汉堡 (hamburger), 龙井 (tea), 安宁 (calm), 朝阳 (morning sun) ...
PLACES_NOT_ALONE_ZH = frozenset({
    "大都", "南海", "江山", "中和", "朝阳", "永安", "安宁", "北海", "沙河", "大城", "长乐", "龙井", "汉堡",
    "开平", "宜都", "安陆", "北安", "长寿", "太和", "平安", "和平", "东方", "新民", "普宁", "宜城", "沙市",
    "北流", "京山", "剑桥", "长安", "永康", "福安", "吉安", "泰和", "安康", "大安", "兴安", "宁安", "海安",
    "武安", "长春西", "东兴", "龙口", "金昌", "白山", "凤凰",
})
# Prefecture-level cities and well-known county-level cities that neither Faker's list nor jieba's
# "XX市" entries supply. Left out on purpose: names that are mostly ordinary words in medical
# text (开封 "opened", 日照 "sunlight", 三明 as in 三明治, 大理石, 天门冬, 乳山, 安宁, 白银).
# Towns and districts of Hong Kong, Taiwan, Malaysia and Singapore, and cities abroad where families
# live, as Chinese text names them (simplified: detection reads traditional text simplified). Names
# that are everyday words (中环, 北角, 信义, 大安, 太平, 中和, 淡水, 新店, 树林, 芙蓉) are left out.
OVERSEAS_PLACES_ZH = tuple("""
荃湾 大埔 观塘 沙田 屯门 元朗 葵涌 将军澳 粉岭 深水埗 旺角 油麻地 尖沙咀 红磡 九龙城 黄大仙 荔枝角 长沙湾 柴湾 筲箕湾
铜锣湾 鸭脷洲 天水围 马鞍山 东涌 秀茂坪 土瓜湾 何文田 慈云山 牛头角 坚尼地城 薄扶林
台中 台南 高雄 新竹 基隆 嘉义 彰化 屏东 宜兰 花莲 台东 苗栗 南投 云林 板桥 新庄 士林 北投 中坜 凤山
汐止 土城 芦洲 林口
怡保 槟城 吉隆坡 新山 马六甲 古晋 诗巫 亚庇 巴生 士古来 关丹 哥打巴鲁 居銮 麻坡 峇株巴辖
兀兰 裕廊 淡滨尼 宏茂桥 碧山 蔡厝港 后港 义顺 盛港 榜鹅 勿洛 金文泰 武吉知马 大巴窑
温哥华 多伦多 悉尼 墨尔本 布里斯班 奥克兰 洛杉矶 旧金山 西雅图 波士顿 芝加哥 伦敦 曼彻斯特 釜山 首尔 大阪 名古屋
""".split())
PREFECTURE_CITIES_ZH = tuple("""
秦皇岛 张家口 承德 阳泉 运城 吕梁 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 本溪 营口 盘锦 铁岭 伊春 南通 连云港
宿迁 嘉兴 龙岩 景德镇 新余 东营 烟台 焦作 许昌 商丘 信阳 周口 黄石 十堰 宜昌 襄阳 荆州 孝感 仙桃 恩施 邵阳
常德 张家界 怀化 娄底 河源 桂林 玉林 百色 崇左 自贡 广元 资阳 遵义 安顺 毕节 铜仁 曲靖 玉溪 昭通 昌都 林芝
那曲 宝鸡 商洛 金昌 武威 天水 酒泉 陇南 吴忠 克拉玛依 伊犁 昌吉 楚雄 德宏 迪庆 西双版纳 甘孜 阿坝 凉山 怒江
湘西 延边 黔东南 黔南 黔西南 甘南 阿勒泰 博尔塔拉 巴音郭楞 克孜勒苏 锡林郭勒 阿拉善 大兴安岭 义乌 余姚 如皋
兰溪 寿光 诸城 巩义 林州 禹州 凯里 蒙自 景洪 芒市 宣威 石河子 侯马 福清 乐清 仪征 句容 廉江 陆丰 乐昌 崇州
简阳 江油 仁怀 普宁
锡林浩特 二连浩特 乌兰浩特 巴彦浩特 格尔木 德令哈 霍林郭勒 牙克石 额尔古纳 图们 漠河 抚远 五大连池 库尔勒
阿图什 博乐 香格里拉 腾冲 瑞丽 康定 马尔康 延吉 加格达奇 哈密 和田 果洛 黄南 黔江 万州
""".split())
# Cities whose names are ordinary words too (大理石, 开封后, 日照时间, 安宁): a place only right
# after a province name (云南大理, 河南开封, 山东日照), never on their own.
CITIES_AFTER_PROVINCE_ZH = tuple("""
大理 开封 日照 三明 白银 安宁 江山 龙泉 阳春 天门 孝感 保定 大同 长治 包头 来宾 平凉 清远 茂名 玉树 普洱 攀枝花
遵化 开平 兴义 文山 红河 通化 金华 朝阳 北海 白山 吉安 永康 黄山 丽江 三亚 安康 中山 佛山 江门 东营
""".split())
# Institutions named after a person, not after the city of the same name (中山 is Sun Yat-sen):
# 中山大学附属第一医院, 复旦大学附属中山医院.
PERSON_NAMED_INSTITUTIONS_ZH = ("中山大学", "中山医院", "中山医科大学", "中山眼科", "中山肿瘤", "中山纪念", "中山一院", "中山二院",
                                "中山三院", "中山六院")
# Special administrative regions are province-level (state-level under Safe Harbor): 香港居民.
PROVINCE_LEVEL_ZH = frozenset({"香港", "澳门", "台湾"})
# Words right after a city name that make it a product, a dish or a dialect, not where someone
# lives: 镇江香醋, 柳州螺蛳粉, 北京烤鸭, 金华火腿, 上海话.
PLACE_PRODUCTS_ZH = ("香醋", "陈醋", "老醋", "烤鸭", "板鸭", "盐水鸭", "米粉", "螺蛳粉", "米线", "拉面", "热干面", "火腿", "腊肠",
                     "黄酒", "白酒", "老窖", "大曲", "龙井", "毛尖", "红茶", "绿茶", "白茶", "凉茶", "臭豆腐", "豆腐", "鸭脖",
                     "啤酒", "香梨", "特产", "口音", "方言", "话", "菜", "小吃", "牌")
# Drugs whose names start with a city: 长春新碱 (vincristine), 长春西丁 (vinpocetine).
PLACE_LED_DRUGS_ZH = ("长春新碱", "长春西丁", "长春瑞滨", "长春碱", "长春地辛", "长春胺")

# A name-like token right before these is a disease eponym: 马凡综合征, 川崎病, 唐氏筛查.
EPONYM_FOLLOWERS_ZH = ("综合征", "综合症", "病", "症", "氏", "征", "试验", "评分", "分级", "定律", "现象")

# Endings of transliterated drug names: a "name" right before one is the start of a drug
# (巴利昔|单抗, 伊马|替尼, 阿莫|西林, 左氧氟|沙星).
DRUG_ENDINGS_ZH = ("单抗", "替尼", "西林", "霉素", "沙星", "洛尔", "地平", "他汀", "普利", "沙坦", "拉唑", "格列",
                   "西汀", "帕明", "环素", "磺胺", "替丁", "唑仑", "韦林", "利韦", "昔布", "芬净", "康唑", "普坦",
                   # a product's kind after its opening word: 甘精|胰岛素, 门冬|胰岛素, 百白破|疫苗
                   "胰岛素", "疫苗", "注射液", "胶囊")

# Characters that never end a person's name: a place suffix (王府井镇), a sign or symptom
# (分叶征, 库欣症) or an eponym's 氏 (库欣氏).
NOT_LAST_IN_NAME_ZH = frozenset("省市县区镇乡村州征症病氏")

# Characters that cannot be part of a given name right after the surname: they start the next
# word ("张伟主诉", "李娜因发热", "王芳，女"). Used to decide between 2- and 3-character names.
NOT_GIVEN_NAME_CHARS = set(
    "主因于今自诉来在是的了和与及或被等患病发伴突现去前昨近既已无有说咨问经术男女年岁出入"
    "到从向把对跟给让叫请看找为以由反晚早夜上下左右每一二三四五六七八九十两半各其这那也"
    "都还就又再才便将会能要想需应该服用吃做查测复住诊科院室部门区床号医护生师士姐哥弟妹爷奶"
    "叔姨妈爸儿孙先总长大夫老小代"
    # joints and organs that open the next word (左膝, 右踝, 万俟清|乳腺癌) and name nobody
    "膝肘腕踝髋乳"
)

# Characters that never occur in a given name. Used to veto jieba's out-of-vocabulary "names"
# in running text (祝您, 谢谢您, 易消化, 白蛋白, 左叶).
# Hong Kong's forms of address after a surname: 陈太 (Mrs Chan), 陈生 (Mr Chan), 曾伯, 李婆, 黄叔, 何嫂;
# the surname alone names the person.
CANTONESE_ADDRESS = frozenset("伯太婆叔嫂生")
NEVER_IN_GIVEN_NAME = set(
    "您你我他她它们的了吗呢吧啊呀哦嘛么和与及或在是有无不没很太更最都也还就又再才只这那哪谁什"
    "化蛋质叶侧部位症病痛炎瘤肿癌药片剂粒液针血尿便脉管腔胃肠肝胆肾肺脑骨肌肤眼耳鼻喉舌牙齿"
    "颈胸腹腰背臂腿脚指甲热咳嗽痰吐泻疼酸胀麻痒晕悸喘检查测验治疗术诊断院科室床次每周岁秒克"
    "毫升支瓶袋盒吃喝睡拉做看说问答给让被把对从向到去来过着得地个些点下上里外前后左右内中间"
    "后期时候样种类型度量率值性能感觉觉得应该需要可以能够如果因为所以但是而且虽然已经正在"
    "缺酯伤烧烫损裂折断夫大盐糖脂钠钾钙铁锌碘氧人谢息"
    "膝肘腕踝髋乳"
)
# Characters coined for chemistry (羟氯喹, 嘧啶, 呋塞米, 噻嗪): they spell drugs, never a person's
# surname or given name, so a rare-looking "surname" made of them is a drug after 患者.
CHEMISTRY_CHARS = frozenset("羟喹嘧噻呋吡肟肼脲胍烷炔醛酚氯苯唑嗪啶胺")
NEVER_IN_GIVEN_NAME |= CHEMISTRY_CHARS

# Clinical words that jieba (or the surname+cue rule) may take for names. Checked as prefixes of
# a candidate: 高热, 白细胞, 黄疸, 左侧, 房颤, 甘油三酯, 谷丙转氨酶 ...
CLINICAL_PREFIXES_ZH = (
    # words newer than jieba's dictionary: 新冠，你要注意 is no one addressed by name
    "新冠", "甲流", "乙流", "二阳", "阳康", "支原体",
    "高达", "高热", "高烧", "高血", "高压", "高脂", "高糖", "高尿", "高钾", "高钠", "高钙", "高危", "高龄",
    "白细", "白带", "白斑", "白血", "白内", "白天", "白癜", "黄疸", "黄体", "黄斑", "黄褐", "黄色",
    "左侧", "左下", "左上", "左心", "左室", "左房", "左肺", "左肾", "左手", "左腿", "左眼", "左耳",
    "房颤", "房室", "房早", "甘油", "谷丙", "谷草", "谷氨", "金黄", "石膏", "钱币", "周期", "周围",
    "周身", "常规", "常见", "方案", "方法", "史密", "康复", "温度", "毛发", "毛囊", "包块", "包皮",
    "宁神", "舒张", "舒适", "严重", "关节", "焦虑", "梅毒", "苗条", "曲线", "蓝色", "牛奶", "牛皮",
    "马上", "安静", "安眠", "安全", "文化", "华法", "林可", "江湖", "艾滋", "艾灸", "尤其", "季节",
    "霍乱", "易感", "易怒", "齐全", "冷汗", "冷敷", "卫生", "米饭", "柏油", "桂枝", "单纯", "单侧",
    "成人", "成年", "程度", "任何", "叶酸", "余下", "杜仲", "苏醒", "龙胆", "雷尼", "陆续", "范围",
    "贾第", "夏季", "付费", "燕麦", "路过", "游离", "蒙脱", "巴豆", "车前", "连续", "路易", "景天",
    "党参", "宫颈", "宫腔", "宫外", "宫缩", "费用", "冷冻", "席汉", "卞氏", "桑叶", "沙丁", "荆芥",
    "郁金", "蒲公", "麦冬", "童年", "凌晨", "纪录", "章节", "鲁米", "岳母", "申请", "欧洲", "兰索",
    "焦虑", "左旋", "柳氮", "祝贺", "尚可", "符合", "阮病", "柯萨", "毕业", "涂抹", "盛夏", "翁氏",
    "蓝光", "辛伐", "管理", "柴胡", "鲍曼", "喻义", "祁门", "房间", "滕氏", "屈光", "屈曲", "饶舌",
    "解热", "解痉", "解毒", "解除", "艾司", "艾普", "阳性", "阳光", "阳痿", "穆斯", "卓越", "古方",
    "吉非", "缪勒", "简单", "车祸", "项目", "芦荟", "麦角", "褚氏", "窦性", "窦道", "戚氏", "宗气",
    "瞿麦", "佟氏", "苟且", "边缘", "姬松", "沙眼", "郎中", "甄别", "丛集", "仲景", "虞美", "巩膜",
    "迟发", "封闭", "谈话", "匡正", "鞠躬", "荆芥", "冀州", "栗子", "燕窝", "楚楚", "帅气", "禹州",
    "祖传", "漆树", "巴氏", "巴比", "卿卿", "狄氏", "芮氏", "扈从", "浦肯", "鹿茸", "鹿角", "雍正",
    "茹素", "亢进", "嵇康", "湛蓝", "戎装", "茅根", "揭示", "衡量", "石淋", "结石", "夏枯", "金刚",
    "金银", "钟表", "钟乳", "谭氏", "潘生", "蔡氏", "曾经", "肖像", "田七", "董事", "袁氏", "蒋氏",
    "秦皮", "邱氏", "尹氏", "薛氏", "段落", "侯氏", "龙骨", "陶土", "黎明", "贺卡", "顾虑", "郝氏",
    "龚氏", "邵氏", "万一", "万古", "钱包", "严格", "武术", "戴口", "戴眼", "莫名", "孔径", "汤剂",
    "汤药", "常年", "常温", "温和", "温水", "温热", "康泰", "施行", "文件", "牛黄", "樊氏", "葛根",
    "邢氏", "安乃", "安定", "齐墩", "易瑞", "乔氏", "伍氏", "庞大", "颜面", "颜色", "庄氏", "聂氏",
    "殷红", "詹氏", "耿氏", "关注", "关心", "兰氏", "俞氏", "柳树", "甘草", "甘露", "祝由", "包括",
    "包扎", "宁静", "尚未", "舒服", "舒缓", "柯氏", "梅尼", "童氏", "毕竟", "季度", "裴氏", "霍奇",
    "霍纳", "成分", "成功", "苗头", "谷物", "盛行", "曲安", "曲马", "骆驼", "蓝莓", "游泳", "辛辣",
    "靳氏", "管道", "管型", "柴氏", "蒙氏", "华佗", "华氏", "喻氏", "房事", "房子", "屈服", "解释",
    "解决", "解开", "牟氏", "艾氏", "尤氏", "阳台", "农药", "卓氏", "古代", "吉兰", "缪氏", "简氏",
    "车站", "项氏", "连接", "芦丁", "麦粒", "娄氏", "景色", "党员", "费氏", "卜氏", "冷静", "冷水",
    "晏氏", "席氏", "卫氏", "米氏", "柏氏", "宗氏", "桂氏",
    "杭白", "杭菊", "栾树", "缪斯",
    # herbs named like people (徐长卿, 刘寄奴, 王不留行, 使君子, 何首乌)
    "徐长", "刘寄", "王不", "使君", "何首", "苏合", "苏子", "秦艽", "余甘", "牛蒡", "牛膝", "马钱", "马鞭", "白头", "白芍",
    "白术", "白芷", "白及", "白果", "连翘", "石斛", "石菖", "沙参", "沙苑", "胡黄", "汉防", "金樱", "钩藤", "杜衡",
    # sputum smear and culture results of a TB work-up: 肺结核（涂阳）, 痰涂阴, 培阳
    "涂阳", "涂阴", "培阳", "培阴",
    # 曾 is "once" before a verb: 曾行手术, 曾患肺结核, 曾于2019年
    "曾行", "曾患", "曾于", "曾因", "曾做", "曾服", "曾有", "曾在", "曾予", "曾被", "曾住", "曾查", "曾用", "曾到",
    "曾去", "曾出", "曾发", "曾诊", "曾接", "曾口", "曾静", "曾输", "曾吃",
    "王道", "李子", "张力", "张口", "刘海", "陈旧", "陈皮", "陈述", "陈列", "杨梅", "黄芪", "黄连", "黄芩", "赵氏",
    "吴茱", "周岁", "周后", "周前", "徐缓", "孙女", "马兜", "马齿", "朱砂", "胡椒", "胡萝", "胡言",
    "郭氏", "何时", "何处", "何种", "高于", "高度", "高峰", "高效", "高敏", "林氏", "罗红", "罗氏",
    "郑氏", "梁氏", "谢氏", "宋氏", "唐氏", "许多", "许可", "韩国", "冯氏", "邓氏", "曹氏", "彭氏",
    "曾氏", "肖氏", "田氏", "董氏", "潘氏", "蒋介", "蔡司", "余氏", "杜冷", "叶氏", "程序", "苏打",
    "魏氏", "吕氏", "丁香", "丁苯", "任意", "沈氏", "姚氏", "卢氏", "姜汤", "姜黄", "崔氏", "钟氏",
    "陆氏", "汪氏", "范氏", "金氏", "石氏", "廖氏", "贾氏", "夏天", "韦氏", "付出", "方面", "方便",
    "方向", "方式", "白色", "白领", "邹氏", "孟鲁", "熊胆", "秦氏", "江氏", "闫氏", "阎氏", "雷米",
    "史上", "毛细", "毛巾", "龚氏", "万氏", "钱氏", "严密", "武氏", "孔氏", "常氏", "温氏", "施氏",
    "文氏", "牛氏", "葛氏", "安氏", "安慰", "易氏", "乔氏", "庞氏", "倪氏", "章氏", "鲁氏", "岳氏",
)

# English disease eponyms and other capitalised clinical words spaCy's small model takes for
# PERSON/ORG/GPE. A PERSON hit equal to one of these (or followed by 's disease/syndrome) is dropped.
EPONYMS_EN = {
    "addison", "alzheimer", "asperger", "barrett", "bell", "burkitt", "crohn", "cushing", "down",
    "epstein", "barr", "graves", "guillain", "barre", "hashimoto", "hodgkin", "huntington",
    "kawasaki", "korsakoff", "marfan", "meniere", "paget", "parkinson", "raynaud", "reiter",
    "sjogren", "sjögren", "still", "tourette", "wernicke", "wilson", "wilms", "kaposi", "lyme",
    "osgood", "schlatter", "bartholin", "babinski", "brugada", "conn", "cushing's", "fallot",
    "gilbert", "horner", "kussmaul", "legionnaires", "ludwig", "mallory", "weiss", "munchausen",
    "lou gehrig", "gehrig", "guillain-barre", "guillain-barré", "epstein-barr", "apgar", "glasgow",
    "murphy", "mcburney", "homan", "homans", "romberg", "trendelenburg", "valsalva", "heimlich",
    "whipple", "kaplan", "meier", "pap", "gram", "ziehl", "neelsen", "bence", "jones", "tanner",
    "reye", "rett", "tay", "sachs", "niemann", "pick", "gaucher", "fabry", "pompe", "klinefelter",
    "turner", "noonan", "williams", "prader", "willi", "angelman", "edwards", "patau", "dubin",
    "johnson", "stevens", "kaposi's", "hirschsprung", "kawasaki's", "behcet", "behçet", "takayasu",
    "wegener", "churg", "strauss", "goodpasture", "henoch", "schonlein", "sheehan", "zollinger",
    "ellison", "budd", "chiari", "arnold", "dandy", "walker", "bell's", "von willebrand",
    "willebrand", "hodgkin's", "parkinson's", "alzheimer's", "crohn's", "graves'", "tourette's",
}
EPONYM_FOLLOWERS_EN = ("disease", "syndrome", "lymphoma", "palsy", "sign", "test", "score",
                       "sarcoma", "tumor", "tumour", "disorder", "phenomenon", "maneuver",
                       "manoeuvre", "reflex", "criteria", "scale", "classification", "'s", "’s")

# Capitalised clinical words (drugs, tests, departments) the small English model mislabels.
CLINICAL_WORDS_EN = {
    "mri", "ct", "ecg", "ekg", "eeg", "mrn", "hr", "bp", "rr", "spo2", "icu", "er", "ed", "ent",
    "copd", "chf", "cabg", "hiv", "hba1c", "ldl", "hdl", "tsh", "wbc", "rbc", "crp", "esr", "bun",
    "covid", "covid-19", "sars-cov-2", "metformin", "lisinopril", "atorvastatin", "amlodipine",
    "warfarin", "heparin", "insulin", "aspirin", "ibuprofen", "acetaminophen", "paracetamol",
    "omeprazole", "levothyroxine", "prednisone", "amoxicillin", "azithromycin", "ceftriaxone",
    "vancomycin", "furosemide", "losartan", "metoprolol", "simvastatin", "gabapentin",
    "sertraline", "fluoxetine", "albuterol", "salbutamol", "clopidogrel", "apixaban",
    "rivaroxaban", "morphine", "oxycodone", "tramadol", "doxycycline", "ciprofloxacin",
    "levofloxacin", "hydrochlorothiazide", "spironolactone", "carvedilol", "digoxin", "nitroglycerin",
    "cardiology", "neurology", "oncology", "radiology", "pediatrics", "dermatology", "urology",
    "nephrology", "gastroenterology", "endocrinology", "psychiatry", "orthopedics", "emergency",
    "tylenol", "advil", "motrin", "lipitor", "zoloft", "prozac", "xanax", "valium", "coumadin",
    "plavix", "eliquis", "xarelto", "lasix", "glucophage", "synthroid", "humira", "keytruda",
    # devices and bedside scales named after people, written in Latin script in Chinese notes too
    "foley", "holter", "braden", "picc", "bipap", "cpap", "norton", "morse",
}

# Anatomy, findings and imaging words: a spaCy PERSON/LOCATION containing one of these is a
# clinical phrase in title case ("Left Lung", "Pleural Effusion", "X-Ray"), not an identifier.
CLINICAL_VOCAB_EN = frozenset(
    """
    left right upper lower middle anterior posterior lateral medial bilateral proximal distal superior inferior
    lung lungs lobe lobes brain heart liver kidney kidneys spleen pancreas bowel colon rectum stomach trachea
    bronchus bronchi pleural pleura pulmonary cardiac aorta aortic artery arteries vein veins abdomen abdominal
    chest thorax thoracic pelvis pelvic spine spinal cervical lumbar femur skull bone bones joint knee hip
    shoulder breast prostate bladder uterus ovary ovaries thyroid gland glands lymph node nodes esophagus
    duodenum gallbladder diaphragm rib ribs sinus cerebral cerebellum ventricle ventricles atrium mediastinum
    tumor tumour mass masses edema oedema effusion pneumonia pneumothorax cardiomegaly nodule nodules fracture
    lesion lesions cancer carcinoma infection infiltrate infiltration atelectasis consolidation emphysema
    fibrosis stenosis hemorrhage haemorrhage infarct infarction ischemia embolism thrombosis aneurysm cyst cysts
    calcification enhancing non-enhancing necrosis metastasis metastases lymphoma leukemia diabetes hypertension
    asthma copd stroke sepsis anemia arrhythmia fibrillation syndrome disease disorder virus viral bacterial
    x-ray xray ray radiograph ultrasound sonography scan mri ct pet echo ecg ekg biopsy endoscopy colonoscopy
    normal abnormal positive negative acute chronic benign malignant mild moderate severe diffuse focal
    tablet tablets capsule capsules injection dose mg ml daily twice cord nerve muscle skin eye eyes ear
    vitamin deficiency insufficiency hepatitis influenza type grade stage class factor protein antigen antibody
    receptor kinase cell cells complex strain variant deficient resistant sensitive
    therapy physiotherapy chemotherapy radiotherapy physical occupational rehabilitation rehab dialysis surgery
    blood sugar glucose cholesterol pressure pain fever cough headache nausea fatigue
    """.split()
)

# Everyday words that open both clinical phrases (白天发热, 殷红色, 夏天易中暑) and given names after
# a surname (白天明, 殷红霞, 夏天宇): in CLINICAL_PREFIXES_ZH, but after a person cue a candidate
# whose last two characters are a known given name (天明, 红霞, 天宇) is a person.
EVERYDAY_NAME_OPENERS_ZH = frozenset({
    "白天", "夏天", "殷红", "单纯", "宁静", "冷静", "温和", "成功", "关心", "黎明", "阳光", "安静", "常年", "简单",
    "卓越", "苗条", "童年", "盛夏", "湛蓝", "帅气", "楚楚", "卿卿", "匡正", "甘露", "金刚", "舒适", "舒服", "安全",
})

# Jobs, roles, desks and services that label a speaker or stand before 医生/：in Chinese records and
# chats (客服：您好, 程控医生：, 前台：请稍等). A role is never the name found there, even where its
# first character is a surname (程, 保, 司, 前) and jieba scarcely knows the word (客服 3, 护工 3).
ROLE_WORDS_ZH = frozenset("""
客服 程控 前台 护工 保洁 药房 导诊 导医 分诊 收费 挂号 陪护 陪诊 护理 月嫂 保姆 保安 司机 话务 接线 调度 值班 夜班 白班
管床 运维 后勤 药剂 药师 化验 检验 影像 放射 超声 病理 营养 康复 麻醉 医务 医助 助理 总台 客户 管家 社工 义工 志愿
专员 随访 宣教 主管 经理 财务 人事 出纳 会计 收银 门卫 厨师 配送 快递 骑手 外卖 物业 家政 护师 技师 药士 文员 秘书
治疗 处置 急诊 门诊 住院 病房 病区 护办 医办 质控 院感 感控 信息 网管 客服部 服务台 接待 登记 预约 咨询 审核 复核 核对
""".split())

# A weekday as notes write it before a date (Mon, Tues., Thursday, 周六, 星期三, 禮拜五): the date's span takes it in
# (recognizers.date_siblings) and a shifted date drops it (surrogates.shift_date).
WEEKDAY_WORD = (r"(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|sday|urday)?\.?,?"
                r"|(?:周|星期|禮拜|礼拜)[一二三四五六日天])")
