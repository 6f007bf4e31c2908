"""The estimate form's questions, one per answer, in Chinese and English, with buttons whose payloads are the
answers themselves (read by bot.reimbursement.form like typed text)."""
from bot.language import CHINESE, ENGLISH
from bot.reimbursement import form
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
                  [('蚌埠', '蚌埠'), ('其他城市', '其他城市')]),
        ENGLISH: ('Which city are you insured in? Deductibles and payment ratios differ between cities.',
                  [('Bengbu', 'Bengbu'), ('Another city', 'other city')]),
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


def question(slot: str, language: str) -> Reply:
    text, buttons = QUESTIONS[slot][language]
    return Reply(text, [{"title": title, "payload": payload} for title, payload in buttons])
