"""The estimate form's questions, one per answer, in Chinese and English, with buttons whose payloads are the
answers themselves (read by bot.reimbursement.form like typed text).

Buttons offer only what applies to the answers given so far: the cities whose figures cover the person's insurance
type (from the region files), the hospital levels the chosen figures have.
"""
from typing import Any, Mapping

from bot.language import CHINESE, ENGLISH
from bot.reimbursement import form
from bot.reimbursement.categories import InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.parsing import parse_hospital_level
from bot.reimbursement.regions import find_region, load_regions
from bot.reply import Reply

QUESTIONS = {
    form.INSURANCE_TYPE: {
        CHINESE: ('我来帮您估算这次住院医保大概能报多少。先请问：您参加的是职工医保，还是城乡居民医保？'
                  '（随时可以说“取消”）',
                  [('职工医保', '职工医保'), ('城乡居民医保', '城乡居民医保')]),
        ENGLISH: ('Let me estimate what the insurance pays for this hospital stay. First: do you have employee or '
                  'resident medical insurance? (Say "cancel" at any time.)',
                  [('Employee insurance', 'employee insurance'), ('Resident insurance', 'resident insurance')]),
    },
    form.RETIRED: {
        CHINESE: ('您是在职还是已经退休？',
                  [('在职', '在职'), ('退休', '退休')]),
        ENGLISH: ('Are you working or retired?',
                  [('Working', 'working'), ('Retired', 'retired')]),
    },
    form.CITY: {
        CHINESE: ('您在哪个城市参保？起付标准和支付比例各地不同。',
                  [('其他城市', '其他城市')]),  # after the cities on file (_city_buttons)
        ENGLISH: ('Which city are you insured in? Deductibles and payment ratios differ between cities.',
                  [('Another city', 'other city')]),
    },
    form.HOSPITAL_LEVEL: {
        CHINESE: ('您住的是几级医院？',
                  [('一级医院', '一级医院'), ('二级医院', '二级医院'), ('三级医院', '三级医院')]),
        ENGLISH: ('What level is the hospital?',
                  [('Level 1', 'level 1 hospital'), ('Level 2', 'level 2 hospital'),
                   ('Tertiary (level 3)', 'tertiary hospital')]),
    },
    form.TERTIARY_TIER: {
        CHINESE: ('当地市级和省级三级医院的标准不同。这家医院是市级还是省级？',
                  [('市级', '市级'), ('省级', '省级')]),
        ENGLISH: ('There, city-level and provincial tertiary hospitals have different figures. Which is this one?',
                  [('City-level', 'city-level'), ('Provincial', 'provincial')]),
    },
    form.STAY_ORDER: {
        CHINESE: ('这是您今年第几次住院？',
                  [('第一次', '第一次'), ('第二次', '第二次'), ('第三次或更多', '第三次')]),
        ENGLISH: ('Which hospital stay is this for you this year?',
                  [('First', 'first'), ('Second', 'second'), ('Third or later', 'third')]),
    },
    form.TOTAL_COST: {
        CHINESE: ('住院总费用是多少？例如“30000”或“3万”。',
                  []),
        ENGLISH: ('What is the total cost of the stay? For example "30000" or "30,000 yuan".',
                  []),
    },
    form.SELF_FUNDED: {
        CHINESE: ('其中自费部分（医保目录外、医保不报的项目）是多少？不清楚可以说“不知道”。',
                  [('没有自费', '没有自费'), ('不知道', '不知道')]),
        ENGLISH: ('How much of it was self-funded (items outside the insurance lists)? Say "don\'t know" if you '
                  'are not sure.',
                  [('No self-funded items', 'none'), ("Don't know", "don't know")]),
    },
}


def question(slot: str, language: str, values: Mapping[str, Any] | None = None) -> Reply:
    """The question for `slot`, with the buttons that apply to the answers in `values` so far."""
    text, buttons = QUESTIONS[slot][language]
    values = values or {}
    if slot == form.CITY:
        buttons = _city_buttons(values, language) + buttons
    elif slot == form.HOSPITAL_LEVEL:
        buttons = [button for button in buttons if _level_applies(button[1], values)]
    return Reply(text, [{"title": title, "payload": payload} for title, payload in buttons])


def _city_buttons(values: Mapping[str, Any], language: str) -> list[tuple[str, str]]:
    """The cities with figures of their own for this insurance type (any type while it is not known)."""
    insurance_type = values.get(form.INSURANCE_TYPE)
    types = {InsuranceType(insurance_type)} if insurance_type else set(InsuranceType)
    cities = [region.city[language] for region in load_regions()
              if region.city and region.insurance_types & types]
    return [(city, city) for city in dict.fromkeys(cities)]


def _level_applies(payload: str, values: Mapping[str, Any]) -> bool:
    """Whether the figures for this city and insurance type give this hospital level (all levels while unknown)."""
    if not values.get(form.INSURANCE_TYPE) or not values.get(form.CITY):
        return True
    region = find_region(values[form.CITY], InsuranceType(values[form.INSURANCE_TYPE])).region
    level = parse_hospital_level(payload)
    if level is None:
        return True
    try:
        region.level_rule(level)
    except InvalidEstimateInput as error:
        return error.reason is Reason.TERTIARY_TIER_NEEDED  # asked next: city-level or provincial
    return True
