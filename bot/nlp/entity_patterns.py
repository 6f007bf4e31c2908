"""Rule-based entity patterns for the structured things people type, in Chinese and English.

Token patterns are written against jieba's segmentation (digits stay one token: "440304198506121230";
"2026年9月" becomes "2026" "年" "9" "月"; "30,000" becomes "30" "," "000").
"""
from typing import Any, Dict, List

Pattern = Dict[str, Any]

ID_NUMBER = "id_number"
PHONE_NUMBER = "phone_number"
AMOUNT = "amount"
DATE = "date"
HOSPITAL_LEVEL = "hospital_level"
INSURANCE_TYPE = "insurance_type"
CITY = "city"
LABELS = (ID_NUMBER, PHONE_NUMBER, AMOUNT, DATE, HOSPITAL_LEVEL, INSURANCE_TYPE, CITY)

_NUMBER = {"TEXT": {"REGEX": r"^\d+(\.\d+)?$"}}
_CHINESE_NUMBER = {"TEXT": {"REGEX": r"^[一二两三四五六七八九十百千万零]+(万元|万|千元|千|元|块钱|块)?$"}}
_CURRENCY_SIGN = {"TEXT": {"IN": ["¥", "￥"]}}
_MONEY_UNIT = {"LOWER": {"IN": ["元", "块", "块钱", "万", "万元", "千", "千元", "yuan", "rmb", "cny", "k"]}}
_MONTH_NUMBER = {"TEXT": {"REGEX": r"^(0?[1-9]|1[0-2])$"}}
_DAY_NUMBER = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])$"}}
_YEAR = {"TEXT": {"REGEX": r"^20\d\d$"}}
_ENGLISH_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
]  # fmt: skip
_CHINESE_MONTHS = ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"]

# City names by canonical id; phrase patterns match either spelling.
CITIES = {
    "beijing": ["北京", "Beijing"],
    "shanghai": ["上海", "Shanghai"],
    "shenzhen": ["深圳", "Shenzhen"],
    "guangzhou": ["广州", "Guangzhou"],
    "hangzhou": ["杭州", "Hangzhou"],
    "bengbu": ["蚌埠", "Bengbu"],
    "tianjin": ["天津", "Tianjin"],
    "chongqing": ["重庆", "Chongqing"],
    "chengdu": ["成都", "Chengdu"],
    "wuhan": ["武汉", "Wuhan"],
    "nanjing": ["南京", "Nanjing"],
    "suzhou": ["苏州", "Suzhou"],
    "xian": ["西安", "Xi'an", "Xian"],
    "zhengzhou": ["郑州", "Zhengzhou"],
    "changsha": ["长沙", "Changsha"],
    "qingdao": ["青岛", "Qingdao"],
    "hefei": ["合肥", "Hefei"],
    "jinan": ["济南", "Jinan"],
    "xiamen": ["厦门", "Xiamen"],
    "shenyang": ["沈阳", "Shenyang"],
}


def _token_patterns() -> List[Pattern]:
    patterns = [
        (ID_NUMBER, [{"TEXT": {"REGEX": r"^\d{17}[\dXx]$"}}]),
        (PHONE_NUMBER, [{"TEXT": "+", "OP": "?"}, {"TEXT": "86", "OP": "?"}, {"TEXT": {"REGEX": r"^1[3-9]\d{9}$"}}]),
        # 3万, 30000元, 5000 yuan, ¥5000, 30,000 yuan, 三万元
        (AMOUNT, [_CURRENCY_SIGN, _NUMBER]),
        (AMOUNT, [_CURRENCY_SIGN, {"TEXT": {"REGEX": r"^\d{1,3}$"}}, {"TEXT": ","}, {"TEXT": {"REGEX": r"^\d{3}$"}}]),
        (AMOUNT, [_NUMBER, _MONEY_UNIT]),
        (AMOUNT, [{"TEXT": {"REGEX": r"^\d{1,3}$"}}, {"TEXT": ","}, {"TEXT": {"REGEX": r"^\d{3}$"}}, _MONEY_UNIT]),
        (AMOUNT, [{"TEXT": {"REGEX": r"^[一二两三四五六七八九十百千万零]+$"}}, _MONEY_UNIT]),
        (AMOUNT, [{"TEXT": {"REGEX": r"^[一二两三四五六七八九十百千零]*[万千](元|块钱|块)?$"}}]),
        # 2026-09, 2026-09-15, 2026年9月, 9月, 上个月, October 2026, last month
        (DATE, [_YEAR, {"TEXT": {"IN": ["-", "/", "."]}}, _MONTH_NUMBER]),
        (DATE, [_YEAR, {"TEXT": {"IN": ["-", "/", "."]}}, _MONTH_NUMBER, {"TEXT": {"IN": ["-", "/", "."]}}, _DAY_NUMBER]),
        (DATE, [_YEAR, {"TEXT": "年"}, _MONTH_NUMBER, {"TEXT": "月"}]),
        (DATE, [_YEAR, {"TEXT": "年"}, {"TEXT": {"IN": _CHINESE_MONTHS}}]),
        (DATE, [_MONTH_NUMBER, {"TEXT": "月"}]),
        (DATE, [{"TEXT": {"IN": _CHINESE_MONTHS}}]),
        (DATE, [{"TEXT": {"IN": ["上个月", "上月", "本月", "这个月", "今年", "去年", "上半年", "下半年"]}}]),
        (DATE, [{"LOWER": {"IN": _ENGLISH_MONTHS}}, {"TEXT": ",", "OP": "?"}, _YEAR]),
        (DATE, [{"LOWER": "in"}, {"LOWER": {"IN": _ENGLISH_MONTHS}}]),
        (DATE, [{"LOWER": {"IN": ["last", "this"]}}, {"LOWER": {"IN": ["month", "year"]}}]),
        # 三级医院, 三甲, tertiary hospital, level-3, grade 3
        (HOSPITAL_LEVEL, [{"TEXT": {"IN": ["一级", "二级", "三级", "三甲", "二甲", "三乙", "二乙"]}}, {"TEXT": "医院", "OP": "?"}]),
        (HOSPITAL_LEVEL, [{"TEXT": {"IN": ["社区医院", "社区卫生服务中心"]}}]),
        (HOSPITAL_LEVEL, [{"LOWER": "tertiary"}, {"LOWER": {"IN": ["hospital", "hospitals"]}, "OP": "?"}]),
        (HOSPITAL_LEVEL, [{"LOWER": {"IN": ["primary", "secondary", "community"]}}, {"LOWER": {"IN": ["hospital", "hospitals"]}}]),
        (HOSPITAL_LEVEL, [{"LOWER": {"IN": ["level", "grade", "class"]}}, {"TEXT": "-", "OP": "?"},
                          {"LOWER": {"IN": ["1", "2", "3", "one", "two", "three", "i", "ii", "iii"]}}]),
        # 职工医保, 城乡居民医保, employee insurance, residents' insurance
        (INSURANCE_TYPE, [{"TEXT": {"IN": ["职工", "城镇职工", "在职职工"]}}, {"TEXT": {"IN": ["医保", "基本医疗保险"]}, "OP": "?"}]),
        (INSURANCE_TYPE, [{"TEXT": {"IN": ["城乡居民", "城镇居民", "居民"]}}, {"TEXT": {"IN": ["医保", "基本医疗保险"]}, "OP": "?"}]),
        (INSURANCE_TYPE, [{"TEXT": {"IN": ["新农合", "职工医保", "居民医保"]}}]),
        (INSURANCE_TYPE, [{"LOWER": {"IN": ["employee", "employees", "worker", "workers", "resident", "residents"]}},
                          {"TEXT": "'", "OP": "?"},
                          {"LOWER": {"IN": ["insurance", "medical", "scheme", "plan"]}}]),
        (INSURANCE_TYPE, [{"LOWER": "urban"}, {"LOWER": {"IN": ["employee", "employees", "worker", "workers"]}}]),
    ]
    return [{"label": label, "pattern": pattern} for label, pattern in patterns]


def _city_patterns() -> List[Pattern]:
    return [
        {"label": CITY, "pattern": name, "id": city_id}
        for city_id, names in CITIES.items()
        for name in names
    ]


def all_patterns() -> List[Pattern]:
    return _token_patterns() + _city_patterns()
