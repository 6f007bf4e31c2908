"""The categories an estimate depends on; their values are what the form's slots hold."""
from enum import Enum


class HospitalLevel(str, Enum):
    LEVEL_1 = "level_1"
    LEVEL_2 = "level_2"
    LEVEL_3 = "level_3"
    # Some cities (Bengbu) set different figures for city-run and province-run tertiary hospitals.
    LEVEL_3_CITY = "level_3_city"
    LEVEL_3_PROVINCIAL = "level_3_provincial"

    @property
    def is_tertiary(self) -> bool:
        return self in (HospitalLevel.LEVEL_3, HospitalLevel.LEVEL_3_CITY, HospitalLevel.LEVEL_3_PROVINCIAL)


class InsuranceType(str, Enum):
    EMPLOYEE = "employee"  # 职工医保
    RESIDENT = "resident"  # 城乡居民医保
