"""Fictional people for load benchmarks: one per simulated user, so that the one-code-a-minute limit of an ID
number never makes two users wait for each other. Each is a copy of the first demo person with its own ID
number (a valid check character, birth dates in 1970) and phone number; they live only in a benchmark's own
database. Standard library only, so that the load generator's environment can import it too."""
import datetime

from bot.identity.id_numbers import check_character

REGION = "440304"  # the first demo person's district
FIRST_BIRTH_DATE = datetime.date(1970, 1, 1)


def bench_id_number(index: int) -> str:
    first_17 = f"{REGION}{FIRST_BIRTH_DATE + datetime.timedelta(days=index):%Y%m%d}{index % 1000:03d}"
    return first_17 + check_character(first_17)


def bench_phone(index: int) -> str:
    return f"1350000{index:04d}"
