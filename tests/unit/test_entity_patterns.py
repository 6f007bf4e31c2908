import pytest

from bot.nlp.spacy_pipeline import build


@pytest.fixture(scope="module")
def nlp():
    return build()


def entities(nlp, text):
    return [(ent.text, ent.label_) for ent in nlp(text).ents]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("身份证号是440304198506121230", ("440304198506121230", "id_number")),
        ("my ID is 11010519491231002X", ("11010519491231002X", "id_number")),
        ("手机13812345678", ("13812345678", "phone_number")),
        ("my phone is +86 13900001111", ("+86 13900001111", "phone_number")),
        ("我花了3万元", ("3万元", "amount")),
        ("花了三万元", ("三万元", "amount")),
        ("自费5000块", ("5000块", "amount")),
        ("I spent 30,000 yuan", ("30,000 yuan", "amount")),
        ("it cost ¥5000", ("¥5000", "amount")),
        ("上个月的明细", ("上个月", "date")),
        ("2026年9月的记录", ("2026年9月", "date")),
        ("records for 2026-09", ("2026-09", "date")),
        ("what did I spend in October", ("in October", "date")),
        ("details for last month", ("last month", "date")),
        ("在三级医院住院", ("三级医院", "hospital_level")),
        ("三甲医院", ("三甲医院", "hospital_level")),
        ("a tertiary hospital", ("tertiary hospital", "hospital_level")),
        ("a level-3 hospital", ("level-3", "hospital_level")),
        ("我是职工医保", ("职工医保", "insurance_type")),
        ("城乡居民医保怎么报", ("城乡居民医保", "insurance_type")),
        ("I have employee insurance", ("employee insurance", "insurance_type")),
        ("residents' insurance", ("residents' insurance", "insurance_type")),
        ("我在深圳", ("深圳", "city")),
        ("I live in shenzhen", ("shenzhen", "city")),
        ("Bengbu rules", ("Bengbu", "city")),
    ],
)
def test_each_entity_type_in_both_languages(nlp, text, expected):
    assert expected in entities(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "12345678901234567",  # 17 digits: not an ID number
        "我的号码是1234",  # too short for a phone number
        "12812345678",  # mobile numbers start 13-19
        "primary school is fun",  # "primary" alone is not a hospital level
        "may I ask something",  # "may" alone is not a month
        "怎么查医保卡余额",
        "how do I check my balance",
    ],
)
def test_things_that_must_not_match(nlp, text):
    assert entities(nlp, text) == []


def test_mixed_text_segments_and_finds_entities(nlp):
    doc = nlp("身份证号是440304198506121230 check my balance at a tertiary hospital")
    assert "check" in [t.text for t in doc]
    assert {e.label_ for e in doc.ents} == {"id_number", "hospital_level"}


def test_pipeline_saved_to_disk_loads_with_the_same_rules(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert entities(loaded, "三级医院 3万元") == entities(nlp, "三级医院 3万元")
    assert loaded.meta["name"] == "medical_insurance_rules"
