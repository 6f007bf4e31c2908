from bot.identity.masking import mask_id_number, mask_name, mask_phone


def test_id_number_keeps_first_3_and_last_4():
    assert mask_id_number("11010519491231002X") == "110***********002X"


def test_phone_keeps_first_3_and_last_4():
    assert mask_phone("13812345678") == "138****5678"


def test_names_keep_only_the_family_initial_and_given_name():
    assert mask_name("张伟") == "张*"
    assert mask_name("王秀英") == "王**"
    assert mask_name("Zhang Wei") == "Z*** Wei"


def test_short_values_are_fully_masked():
    assert mask_id_number("1234") == "****"
    assert mask_phone("12345") == "*****"
