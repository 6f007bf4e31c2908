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
