"""GB 11643-1999 ID numbers: the check character and the specific problem reported for each mistake."""
import datetime

import pytest

from bot.identity.id_numbers import IdProblem, check_character, check_id_number, find_id_candidate

TODAY = datetime.date(2026, 11, 22)


@pytest.mark.parametrize("number", [
    "11010519491231002X",  # the standard's own example
    "440304198506121230", "330106200109103457", "310104199208152463",  # the demo people
])
def test_valid_numbers_pass(number):
    assert check_id_number(number, TODAY).valid


def test_check_character_of_the_standards_example_is_x():
    assert check_character("11010519491231002") == "X"


def test_lower_case_x_and_spaces_are_normalised():
    check = check_id_number("1101 0519 4912 3100 2x", TODAY)
    assert check.valid and check.normalized == "11010519491231002X"


@pytest.mark.parametrize("number, problem", [
    ("440304198506121231", IdProblem.CHECK_DIGIT),
    ("11010519491231002", IdProblem.LENGTH),
    ("4403041985061212300", IdProblem.LENGTH),
    ("44030419850612123A", IdProblem.CHARACTERS),
    ("X40304198506121230", IdProblem.CHARACTERS),
    ("000304198506121230", IdProblem.REGION),
    ("710304198506121230", IdProblem.REGION),
    ("440304198513121230", IdProblem.BIRTH_DATE),  # month 13
    ("440304203001011230", IdProblem.BIRTH_DATE),  # born in the future
])
def test_each_mistake_gets_its_own_problem(number, problem):
    assert check_id_number(number, TODAY).problem == problem


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
def test_hong_kong_macau_taiwan_residence_permits_are_accepted(prefix):
    first_17 = prefix + "19900101001"
    assert check_id_number(first_17 + check_character(first_17), TODAY).valid


def test_foreigners_permanent_residence_id_starting_with_9_is_accepted():
    first_17 = "93" + "0000" + "19880315" + "123"
    assert check_id_number(first_17 + check_character(first_17), TODAY).valid


@pytest.mark.parametrize("text, expected", [
    ("我的身份证号是440304198506121230", "440304198506121230"),
    ("ID: 11010519491231002X please", "11010519491231002X"),
    ("it is 4403041985061212", "4403041985061212"),
    ("验证码 123456", None),
    ("what is my balance", None),
])
def test_finds_what_looks_like_an_id_number(text, expected):
    assert find_id_candidate(text) == expected
