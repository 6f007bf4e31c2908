"""Local reimbursement parameters: one YAML file per region in regions/, loaded and checked on first use.

A value the source does not give is written `unknown` and becomes None here; the estimate then applies
nothing for it and the explanation says so.
"""
import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import yaml

from bot.language import LANGUAGES
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason

REGIONS_DIR = Path(__file__).resolve().parent / "regions"
UNKNOWN = "unknown"
_TIERS = (HospitalLevel.LEVEL_3_CITY, HospitalLevel.LEVEL_3_PROVINCIAL)

Texts = Mapping[str, str]  # language -> text


class RegionFileError(ValueError):
    """A region file that does not describe its parameters completely."""


@dataclass(frozen=True)
class LevelRule:
    deductible: Decimal  # 起付标准, yuan
    fund_share_percent: Decimal  # 支付比例: the pooling fund's share above the deductible


@dataclass(frozen=True)
class Region:
    id: str
    illustrative: bool
    name: Texts
    city: Texts | None
    city_aliases: tuple[str, ...]
    insurance_types: frozenset[InsuranceType]
    source: Texts
    source_reference: str
    effective_date: datetime.date | None
    last_checked: datetime.date
    levels: Mapping[HospitalLevel, LevelRule]
    # Share of the deductible for the 1st, 2nd, ... stay of the year; the last entry applies to later stays.
    repeat_stay_deductible_percents: tuple[Decimal, ...] | None
    retiree_uplift_points: Decimal | None
    annual_cap: Decimal | None

    def level_rule(self, level: HospitalLevel) -> tuple[HospitalLevel, LevelRule]:
        """The level whose figures apply, and its figures; raises InvalidEstimateInput when there are none."""
        if level in self.levels:
            return level, self.levels[level]
        if level.is_tertiary and HospitalLevel.LEVEL_3 in self.levels:
            # The region does not tell city from provincial tertiary hospitals: one figure for both.
            return HospitalLevel.LEVEL_3, self.levels[HospitalLevel.LEVEL_3]
        if level is HospitalLevel.LEVEL_3 and any(tier in self.levels for tier in _TIERS):
            raise InvalidEstimateInput(Reason.TERTIARY_TIER_NEEDED)
        raise InvalidEstimateInput(Reason.LEVEL_NOT_IN_REGION)

    def deductible_percent(self, stay_order: int) -> Decimal:
        """Share of the deductible charged for this stay of the year (100 when the source has no repeat-stay rule)."""
        if self.repeat_stay_deductible_percents is None:
            return Decimal(100)
        percents = self.repeat_stay_deductible_percents
        return percents[min(stay_order, len(percents)) - 1]

    def serves_city(self, city: str) -> bool:
        """Whether the text names this region's city ("蚌埠", "蚌埠市", "I live in Bengbu")."""
        text = _normalized_place(city)
        return bool(text) and any(alias in text for alias in map(_normalized_place, self.city_aliases))


class Fallback(str, Enum):
    """Why the illustrative figures were used instead of a city's own."""

    CITY_UNKNOWN = "city_unknown"
    INSURANCE_TYPE_NOT_COVERED = "insurance_type_not_covered"


@dataclass(frozen=True)
class RegionMatch:
    region: Region
    fallback: Fallback | None  # None when the region is the user's own
    city_region: Region | None  # the city's region that did not cover the insurance type


def _normalized_place(name: str) -> str:
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name).casefold())
    return re.sub(r"(市|city)$", "", text)


def find_region(
    city: str | None, insurance_type: InsuranceType, regions: Sequence[Region] | None = None
) -> RegionMatch:
    """The region for this city and insurance type, or the illustrative one with the reason it was used."""
    regions = load_regions() if regions is None else regions
    in_city = [region for region in regions if city and region.serves_city(city)]
    for region in in_city:
        if insurance_type in region.insurance_types:
            return RegionMatch(region, None, None)
    fallback = illustrative_region(regions)
    if in_city:
        return RegionMatch(fallback, Fallback.INSURANCE_TYPE_NOT_COVERED, in_city[0])
    return RegionMatch(fallback, Fallback.CITY_UNKNOWN, None)


def illustrative_region(regions: Sequence[Region]) -> Region:
    return next(region for region in regions if region.illustrative)


@lru_cache(maxsize=None)
def load_regions(directory: Path = REGIONS_DIR) -> tuple[Region, ...]:
    """Every region file in the directory, checked; exactly one must be the illustrative example."""
    regions = tuple(_read_region(path) for path in sorted(directory.glob("*.yml")))
    illustrative = [region.id for region in regions if region.illustrative]
    if len(illustrative) != 1:
        raise RegionFileError(f"{directory}: exactly one region must be illustrative, found {illustrative}")
    return regions


def _read_region(path: Path) -> Region:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RegionFileError(f"{path.name}: expected a mapping")
    if data.get("id") != path.stem:
        raise RegionFileError(f"{path.name}: 'id' must equal the file name ({path.stem})")
    try:
        return parse_region(data)
    except RegionFileError as error:
        raise RegionFileError(f"{path.name}: {error}") from None


def parse_region(data: Mapping[str, Any]) -> Region:
    """A Region from the mapping a region file holds; raises RegionFileError naming the faulty key."""
    illustrative = data.get("illustrative")
    if not isinstance(illustrative, bool):
        raise RegionFileError("'illustrative' must be true or false")
    city = None if data.get("city") is None else _texts(data, "city")
    aliases = tuple(str(alias) for alias in data.get("city_aliases") or ())
    if not str(data.get("id") or "").strip() or not all(map(_normalized_place, aliases)):
        raise RegionFileError("'id' and every city alias must be non-empty")
    if illustrative != (city is None) or illustrative == bool(aliases):
        raise RegionFileError("a city region needs 'city' and 'city_aliases'; the illustrative one has neither")
    last_checked = data.get("last_checked")
    if not isinstance(last_checked, datetime.date):
        raise RegionFileError("'last_checked' must be a date (YYYY-MM-DD)")
    if not str(data.get("source_reference") or "").strip():
        raise RegionFileError("'source_reference' must say where the figures were taken from")
    return Region(
        id=str(data.get("id")),
        illustrative=illustrative,
        name=_texts(data, "name"),
        city=city,
        city_aliases=aliases,
        insurance_types=_insurance_types(data.get("insurance_types")),
        source=_texts(data, "source"),
        source_reference=str(data["source_reference"]).strip(),
        effective_date=_effective_date(data.get("effective_date")),
        last_checked=last_checked,
        levels=_levels(data.get("levels")),
        repeat_stay_deductible_percents=_repeat_stays(data.get("repeat_stays")),
        retiree_uplift_points=_unless_unknown(data.get("retiree_uplift_points"), "retiree_uplift_points", _percent),
        annual_cap=_unless_unknown(data.get("annual_cap"), "annual_cap", _positive_number),
    )


def _texts(data: Mapping[str, Any], key: str) -> Texts:
    value = data.get(key)
    if not isinstance(value, dict) or any(not str(value.get(language) or "").strip() for language in LANGUAGES):
        raise RegionFileError(f"'{key}' needs non-empty text for each of {LANGUAGES}")
    return {language: str(value[language]).strip() for language in LANGUAGES}


def _insurance_types(value: Any) -> frozenset[InsuranceType]:
    try:
        types = frozenset(InsuranceType(item) for item in value or ())
    except (TypeError, ValueError):
        raise RegionFileError(f"'insurance_types' must list some of {[t.value for t in InsuranceType]}") from None
    if not types:
        raise RegionFileError("'insurance_types' must not be empty")
    return types


def _effective_date(value: Any) -> datetime.date | None:
    if value == UNKNOWN:
        return None
    if not isinstance(value, datetime.date):
        raise RegionFileError(f"'effective_date' must be a date or '{UNKNOWN}'")
    return value


def _levels(value: Any) -> dict[HospitalLevel, LevelRule]:
    if not isinstance(value, dict) or not value:
        raise RegionFileError("'levels' must map hospital levels to their figures")
    try:
        levels = {HospitalLevel(key): _level_rule(rule, key) for key, rule in value.items()}
    except ValueError as error:
        raise RegionFileError(f"'levels': {error}") from None
    if HospitalLevel.LEVEL_3 in levels and any(tier in levels for tier in _TIERS):
        raise RegionFileError("'levels': give either level_3 or the city/provincial tertiary levels, not both")
    return levels


def _level_rule(rule: Any, level: str) -> LevelRule:
    if not isinstance(rule, dict):
        raise RegionFileError(f"'{level}' needs 'deductible' and 'fund_share_percent'")
    return LevelRule(deductible=_number(rule.get("deductible"), f"{level}.deductible"),
                     fund_share_percent=_percent(rule.get("fund_share_percent"), f"{level}.fund_share_percent"))


def _repeat_stays(value: Any) -> tuple[Decimal, ...] | None:
    if value == UNKNOWN:
        return None
    percents = value.get("deductible_percent_by_stay") if isinstance(value, dict) else None
    if not isinstance(percents, list) or not percents:
        raise RegionFileError(f"'repeat_stays' must be '{UNKNOWN}' or give 'deductible_percent_by_stay'")
    return tuple(_percent(percent, "repeat_stays") for percent in percents)


def _unless_unknown(value: Any, key: str, read: Callable[[Any, str], Decimal]) -> Decimal | None:
    return None if value == UNKNOWN else read(value, key)


def _number(value: Any, key: str) -> Decimal:
    # YAML gives int or float; bool is an int subclass and never a figure.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise RegionFileError(f"'{key}' must be a number of at least 0 (or '{UNKNOWN}' where allowed)")
    return Decimal(str(value))


def _positive_number(value: Any, key: str) -> Decimal:
    number = _number(value, key)
    if number == 0:
        raise RegionFileError(f"'{key}' must be more than 0")
    return number


def _percent(value: Any, key: str) -> Decimal:
    percent = _number(value, key)
    if percent > 100:
        raise RegionFileError(f"'{key}' must be a percentage from 0 to 100")
    return percent
