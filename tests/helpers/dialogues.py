"""Small, distinct doctor-patient dialogues for tests that need records which pass the filters."""

from __future__ import annotations

from mediscope.record import Deid, DeidStatus, Record, Source, Turn

COMPLAINTS = [
    "我这三天一直头痛，还有点发烧，体温三十八度左右，晚上睡不好。",
    "最近两周胃口很差，吃完饭就胀气反酸，偶尔还会恶心想吐。",
    "孩子咳嗽一个星期了，晚上咳得厉害，有白色的痰，不发烧。",
    "右膝盖爬楼梯的时候疼，早上起来有点僵硬，活动一会儿就好些。",
    "皮肤上起了很多红色的小疙瘩，特别痒，抓破了还会流水。",
    "I have had a sore throat and a mild fever for two days, and swallowing hurts.",
    "My lower back has ached since I moved house last weekend, worse when I bend over.",
    "I keep waking up at night to urinate, four or five times, and I am always thirsty.",
]
N_ZH = 5  # the first five complaints are Chinese


def dialogue_record(i: int, variant: int | None = None) -> Record:
    """Record `r{i}` (source row i, case `c{i}`): a four-turn dialogue on complaint `variant`
    (default `i % len(COMPLAINTS)`); equal variants give exact-duplicate dialogues."""
    variant = i % len(COMPLAINTS) if variant is None else variant
    zh = variant < N_ZH
    reply = "您好，这种情况持续多久了？有没有其他不舒服？" if zh else "How long has this been going on, and anything else?"
    follow = "大概就是这些，没有别的不舒服，也没有吃过药。" if zh else "That is all, no other symptoms and no medicine so far."
    advice = "建议先到医院门诊做个检查，明确原因后再对症治疗。" if zh else "Please see your doctor for an examination before any treatment."
    return Record(id=f"r{i}", source=Source(dataset="test", row=i), case_id=f"c{i}", lang="zh" if zh else "en",
                  turns=[Turn(role="patient", text=COMPLAINTS[variant]), Turn(role="doctor", text=reply),
                         Turn(role="patient", text=follow), Turn(role="doctor", text=advice)],
                  deid=Deid(status=DeidStatus.passed, engine="test"))
