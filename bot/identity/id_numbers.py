"""Resident identity numbers (GB 11643-1999): format, birth date and the ISO 7064 MOD 11-2 check character."""
import datetime
import enum
import re
from dataclasses import dataclass

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # indexed by (weighted sum mod 11)
# Mainland address codes start with 1-6; 81/82/83 are Hong Kong, Macau and Taiwan residence permits;
# the 2023 foreigner's permanent-residence ID starts with 9.
ACCEPTED_PREFIX = re.compile(r"^(?:[1-6]\d|8[123]|9\d)")
# A run of characters that looks like someone typed an ID number, even a wrong one (for the error message).
ID_LIKE = re.compile(r"(?<![0-9A-Za-z])[0-9]{7,19}[0-9Xx]?(?![0-9A-Za-z])")


class IdProblem(str, enum.Enum):
    LENGTH = "length"
    CHARACTERS = "characters"
    REGION = "region"
    BIRTH_DATE = "birth_date"
    CHECK_DIGIT = "check_digit"


@dataclass(frozen=True)
class IdCheck:
    normalized: str
    problem: IdProblem | None

    @property
    def valid(self) -> bool:
        return self.problem is None


def check_character(first_17_digits: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first_17_digits, WEIGHTS))
    return CHECK_CHARACTERS[total % 11]


def check_id_number(text: str, today: datetime.date | None = None) -> IdCheck:
    """Checks one ID number; the first problem found is the one the user is told about."""
    number = re.sub(r"[\s-]", "", text).upper()
    if len(number) != 18:
        return IdCheck(number, IdProblem.LENGTH)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return IdCheck(number, IdProblem.CHARACTERS)
    if not ACCEPTED_PREFIX.match(number):
        return IdCheck(number, IdProblem.REGION)
    if not _plausible_birth_date(number[6:14], today or datetime.date.today()):
        return IdCheck(number, IdProblem.BIRTH_DATE)
    if check_character(number[:17]) != number[17]:
        return IdCheck(number, IdProblem.CHECK_DIGIT)
    return IdCheck(number, None)


def _plausible_birth_date(yyyymmdd: str, today: datetime.date) -> bool:
    try:
        born = datetime.datetime.strptime(yyyymmdd, "%Y%m%d").date()
    except ValueError:
        return False
    return datetime.date(1900, 1, 1) <= born <= today


def join_digit_groups(text: str) -> str:
    """"4403 0419 8506 1212 30" -> "440304198506121230"; "385 106" -> "385106"."""
    return re.sub(r"(?<=\d) +(?=[\dXx])", "", text)


def find_id_candidate(text: str) -> str | None:
    """The first thing in a message that looks like an attempt at an ID number, valid or not."""
    match = ID_LIKE.search(join_digit_groups(text))
    return match.group(0) if match else None
