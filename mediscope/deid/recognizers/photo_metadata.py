"""What a photo's metadata tells about its subject, as teledermatology and wound-photo records copy it.

A store-and-forward consult, an image archive's export or a patient's upload often pastes the
camera's metadata under each picture: the EXIF timestamp (DateTimeOriginal: 2024:06:02 19:44:13,
拍摄时间 2024:08:14 16:05:31) and the GPS position (GPS: 41.8240 N, 71.4128 W, N 30°39′12.6″
E 104°04′51.3″). The timestamp is the visit's date in the camera's own format, which no date rule
reads (colons between the year, the month and the day), and the coordinates locate the patient's
home or the place of an accident to a few metres, more closely than any address.

Both shapes are the same in any language, so these rules serve Chinese and English texts alike. A
bare pair of decimals is too common (lab ratios, doses) to be a position without a cue, so it needs a
hemisphere letter or a GPS word before it.
"""

from __future__ import annotations

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.types import DATE_TIME, LOCATION

# Degrees, minutes and seconds of one coordinate: 30°39′12.6″, 104° 04' 51.3"
_DMS = r"\d{1,3}[ ]?°[ ]?\d{1,2}[ ]?[′'][ ]?(?:\d{1,2}(?:\.\d{1,3})?[ ]?[″\"])?"
_DECIMAL = r"-?\d{1,3}\.\d{3,7}"
_GPS_CUE = r"(?:(?i:GPS|geo(?:tag|location)?|lat(?:itude)?(?:/lon(?:g(?:itude)?)?)?|coordinates?|location)|坐标|定位|经纬度|位置)"


def photo_metadata_rules() -> list[Rule]:
    return [
        # a camera's timestamp: 2024:08:14 16:05:31 (the year, the month and the day split by colons, then the time)
        Rule("exif_datetime", DATE_TIME,
             r"(?<!\d)(?<!\d:)(?P<phi>(?:19|20)\d\d:[01]\d:[0-3]\d[ T][0-2]\d:[0-5]\d(?::[0-5]\d)?)(?![\d:])", 0.85,
             needs=contains_any(":"), flags=0),
        # a position in degrees, minutes and seconds, with its hemispheres before or after each coordinate:
        # N 30°39′12.6″ E 104°04′51.3″, 41°49′26″N 71°24′46″W
        Rule("gps_dms", LOCATION,
             rf"(?P<phi>[NS][ ]?{_DMS}[ ]?,?[ ]?[EW][ ]?{_DMS}|{_DMS}[ ]?[NS][ ]?,?[ ]?{_DMS}[ ]?[EW])", 0.85,
             needs=contains_any("°"), flags=0),
        # a position in decimal degrees with its hemispheres: 41.8240 N, 71.4128 W; 31.6473N,120.1821E
        Rule("gps_decimal_hemispheres", LOCATION,
             r"(?<![\w.])(?P<phi>\d{1,2}\.\d{3,7}[ ]?°?[ ]?[NS][ ]?,?[ ]?\d{1,3}\.\d{3,7}[ ]?°?[ ]?[EW])(?![A-Za-z])", 0.85,
             flags=0),
        # a pair of decimal degrees after a GPS word: GPS: 41.8240, -71.4128; 定位：31.6473,120.1821
        Rule("gps_decimal_cued", LOCATION,
             rf"{_GPS_CUE}[ \t]*[:：=]?[ \t]*\(?(?P<phi>{_DECIMAL}[ ]?,[ ]?{_DECIMAL})(?!\d)", 0.8,
             needs=contains_any("gps", "geo", "lat", "coordinate", "location", "坐标", "定位", "经纬度", "位置"), flags=0),
    ]
