"""Regenerate the bundled sample (examples/sample/): synthetic consultations with FAKE PHI.

Every name, number, address and date here is invented. The images carry burned-in fake PHI on
purpose so the quickstart exercises OCR redaction. Needs a CJK font (Debian: fonts-wqy-microhei).
Run: python examples/make_sample.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent / "sample"
FONT_PATHS = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"]


def font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise SystemExit("no CJK font found; apt-get install fonts-wqy-microhei")


def skin_photo(path: Path) -> None:
    rng = random.Random(7)
    img = Image.new("RGB", (640, 480), (224, 172, 140))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y, r = rng.randint(150, 490), rng.randint(120, 360), rng.randint(6, 22)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(200, 90 + rng.randint(0, 30), 90))
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 430, 640, 480), fill=(255, 255, 255))
    draw.text((12, 440), "患者：王秀英  2024年3月5日  电话 13912345678", fill=(0, 0, 0), font=font(22))
    img.save(path, optimize=True)


def lab_report(path: Path) -> None:
    img = Image.new("RGB", (760, 560), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    f_title, f = font(30), font(22)
    draw.text((240, 20), "检验报告单  血常规", fill=(0, 0, 0), font=f_title)
    lines = [
        "姓名：李建国    性别：男    年龄：56岁",
        "住院号：ZY20240311    送检日期：2024-03-11",
        "项目            结果        参考范围",
        "白细胞 WBC      11.2 ×10^9/L   3.5-9.5",
        "中性粒细胞 NEUT% 82.1 %        40-75",
        "血红蛋白 HGB    128 g/L        130-175",
        "血小板 PLT      215 ×10^9/L   125-350",
        "C反应蛋白 CRP   36 mg/L        0-10",
    ]
    for i, line in enumerate(lines):
        draw.text((40, 90 + i * 52), line, fill=(0, 0, 0), font=f)
    img.save(path, optimize=True)


def xray(path: Path) -> None:
    img = Image.new("L", (600, 600), 20)
    draw = ImageDraw.Draw(img)
    draw.ellipse((120, 100, 280, 480), fill=90)
    draw.ellipse((320, 100, 480, 480), fill=95)
    draw.rectangle((285, 60, 315, 520), fill=170)
    img = img.filter(ImageFilter.GaussianBlur(6))
    draw = ImageDraw.Draw(img)
    draw.text((14, 12), "Name: John Smith   MRN 4829301", fill=235, font=font(20))
    draw.text((14, 40), "DOB 03/02/1956   Chest PA", fill=235, font=font(20))
    img.convert("RGB").save(path, optimize=True)


DIALOGUES = [
    ("MS-0001", [
        "患者：医生您好，我是王秀英，最近两周前臂和小腿起了很多红色的疹子，有点痒。<attachment>rash.png<attachment>",
        "医生：您好，请问疹子是突然出现的吗？最近有没有接触新的洗涤剂、化妆品，或者服用新的药物？",
        "患者：三月初开始吃阿莫西林，吃了三天以后就起了。我的电话是13912345678，住在北京市朝阳区建国路88号。",
        "医生：有没有发热、嘴唇或眼睛肿胀、呼吸困难？以前对青霉素类药物过敏过吗？",
        "患者：没有发热，也没有肿，以前没查过过敏。",
        "医生：考虑药物性皮疹（阿莫西林相关）可能性大。建议立即停用阿莫西林，口服氯雷他定10mg每日一次，如出现呼吸困难或黏膜受累请立即急诊就诊。",
    ]),
    ("MS-0002", [
        "患者：医生，这是我爸爸李建国的血常规报告，他发烧38.6℃两天了。<attachment>lab_report.png<attachment>",
        "医生：白细胞和中性粒细胞升高，CRP 36 mg/L，提示细菌感染可能。请问有没有咳嗽、咳痰、尿频尿痛或者腹痛？",
        "患者：有咳嗽，黄痰，晚上更明显。他今年56岁，有高血压，一直吃氨氯地平5mg。",
        "医生：建议拍胸片明确是否肺炎，并做痰培养。在此之前多饮水、监测体温，若呼吸急促或血氧低于94%需及时住院。",
    ]),
    ("MS-0003", [
        "Patient: Hello doctor, I'm John Smith. I've had a cough and fever since March 2, 2024. Here is my chest X-ray.<attachment>xray.png<attachment>",
        "Doctor: Thanks. How high has the fever been, and are you short of breath or coughing up blood?",
        "Patient: Up to 38.9 C, some shortness of breath on stairs. No blood. You can reach me at (415) 555-0132 or john.smith@example.com.",
        "Doctor: Do you smoke, and have you had any recent travel or sick contacts?",
        "Patient: I quit smoking ten years ago. My wife Mary had the flu last week.",
        "Doctor: This could be community-acquired pneumonia. I recommend a CBC, CRP and a repeat chest X-ray review; if confirmed, amoxicillin 1 g three times daily for 5 days. Seek urgent care if breathing worsens.",
    ]),
    ("MS-0004", [
        "患者：我叫张伟，身份证号110105198001011234，最近总是头晕，血压150/95mmHg。",
        "医生：头晕持续多久了？有没有头痛、视物模糊、胸闷或肢体麻木？家里有人有高血压吗？",
        "患者：大概一个月，偶尔头痛，我父亲有高血压。",
        "医生：建议连续一周家庭血压监测，每天早晚各测两次，同时查血脂、血糖、肾功能和心电图。低盐饮食，规律运动。复诊时带上记录。",
    ]),
    ("MS-0005", [
        "Patient: My mother Linda Garcia, 67, has had tremor in her right hand for a year. Her MRN is 77120345.",
        "Doctor: Is the tremor worse at rest or when she reaches for things? Any slowness, stiffness or changes in her handwriting?",
        "Patient: Mostly at rest, and her handwriting got smaller.",
        "Doctor: These features suggest Parkinson's disease. Please book a neurology visit at the clinic; a trial of levodopa may be considered after examination.",
    ]),
    ("MS-0006", [
        "患者：刘芳，女，32岁，怀孕28周，昨天查糖耐量空腹血糖5.6mmol/L。联系方式：微信liufang_1992。",
        "医生：1小时和2小时的血糖是多少？最近有没有口渴、多尿，或者体重增长过快？",
        "患者：1小时10.8，2小时9.1，体重这个月涨了3公斤。",
        "医生：符合妊娠期糖尿病诊断。建议营养科会诊，控制饮食并每天监测四次指尖血糖，两周后复诊，必要时使用胰岛素。",
    ]),
    ("MS-0007", [
        "患者：",
        "医生：请描述一下您的症状。",
    ]),
]


def main() -> None:
    images = HERE / "images"
    images.mkdir(parents=True, exist_ok=True)
    skin_photo(images / "rash.png")
    lab_report(images / "lab_report.png")
    xray(images / "xray.png")
    with (HERE / "consultations.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Id", "Response"])
        for rid, lines in DIALOGUES:
            writer.writerow([rid, "\n".join(lines)])


if __name__ == "__main__":
    main()
