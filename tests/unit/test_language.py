import pytest

from bot.language import detect_language


@pytest.mark.parametrize(
    "text, expected",
    [
        ("怎么查医保卡余额", "zh"),
        ("How do I check my balance?", "en"),
        ("怎么用Alipay查余额", "zh"),  # mixed scripts: one Chinese character makes it Chinese
        ("my 医保 card", "zh"),
        ("12393", None),
        ("👍👍", None),
        ("", None),
    ],
)
def test_language_follows_the_script_of_the_message(text, expected):
    assert detect_language(text) == expected


def test_the_x_of_an_id_number_is_not_english():
    assert detect_language("11010519491231002X") is None
    assert detect_language("1101 0519 4912 3100 2x") is None
    assert detect_language("my ID is 11010519491231002X") == "en"


@pytest.mark.parametrize("text", [
    "4000", "5k", "2w", "10^12", "385 106", "¥4,000", "https://www.nhsa.gov.cn/", "www.example.com/path?q=1",
    "' OR 1=1 --", "1; DROP TABLE users", "<script>alert(1)</script>", "someone@example.com", "k",
])
def test_a_message_without_words_has_no_language(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["ok", "hi", "select a hospital for me", "where is nhsa.gov.cn's balance page",
                                  "or else?", "it's ok or not", "and then 1 = 1?"])
def test_english_words_around_such_things_are_english(text):
    assert detect_language(text) == "en"
