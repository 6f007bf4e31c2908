"""Region parameter files: every one loads with its source, the Bengbu table is exact, and cities are found."""
import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from bot.nlp.entity_patterns import CITIES
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.regions import REGIONS_DIR, Fallback, RegionFileError, find_region, load_regions, parse_region

REGION_FILES = sorted(REGIONS_DIR.glob("*.yml"))
REGIONS = {region.id: region for region in load_regions()}


def test_the_illustrative_example_and_bengbu_are_on_file():
    assert {"illustrative", "bengbu-residents"} <= set(REGIONS)
    assert [region.id for region in REGIONS.values() if region.illustrative] == ["illustrative"]


@pytest.mark.parametrize("path", REGION_FILES, ids=lambda path: path.stem)
def test_every_region_file_names_its_source_and_when_it_was_checked(path):
    region = REGIONS[path.stem]
    assert region.source["zh"] and region.source["en"] and region.source_reference
    assert region.last_checked == datetime.date(2026, 11, 22)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["effective_date"] == "unknown" or isinstance(raw["effective_date"], datetime.date)


@pytest.mark.parametrize("region_id", [r for r in REGIONS if not REGIONS[r].illustrative])
def test_every_city_region_is_a_city_the_nlu_recognizes(region_id):
    # The form fills the city from the NLU's city entity, so the region's names must be among its patterns.
    city = REGIONS[region_id].city
    assert any(city["zh"] in names and city["en"] in names for names in CITIES.values())


def test_bengbu_residents_table_is_the_one_in_the_domain_facts():
    # domain-facts.md: inpatient deductible 200 / 500 / 800 / 1,200 yuan at level-1 / level-2 / city level-3 /
    # provincial level-3 hospitals; fund pays 85% / 80% / 70% / 65%.
    bengbu = REGIONS["bengbu-residents"]
    table = {level: (rule.deductible, rule.fund_share_percent) for level, rule in bengbu.levels.items()}
    assert table == {
        HospitalLevel.LEVEL_1: (200, 85),
        HospitalLevel.LEVEL_2: (500, 80),
        HospitalLevel.LEVEL_3_CITY: (800, 70),
        HospitalLevel.LEVEL_3_PROVINCIAL: (1200, 65),
    }
    assert bengbu.insurance_types == {InsuranceType.RESIDENT}
    # The reference gives no cap, retiree figure, repeat-stay rule or effective date: none is invented.
    assert (bengbu.annual_cap, bengbu.retiree_uplift_points, bengbu.repeat_stay_deductible_percents,
            bengbu.effective_date) == (None, None, None, None)


def test_illustrative_figures_are_the_seed_example():
    # Seed 004: 2,000 yuan deductible and 20% individual share at a tertiary hospital; from the second stay 50%.
    illustrative = REGIONS["illustrative"]
    assert {level: (rule.deductible, rule.fund_share_percent) for level, rule in illustrative.levels.items()} == {
        HospitalLevel.LEVEL_3: (2000, 80)}
    assert illustrative.repeat_stay_deductible_percents == (100, 50)
    assert illustrative.insurance_types == set(InsuranceType)
    assert (illustrative.annual_cap, illustrative.retiree_uplift_points, illustrative.city) == (None, None, None)


@pytest.mark.parametrize("city", ["蚌埠", "蚌埠市", "Bengbu", "bengbu", "Bengbu City", "我在蚌埠", "I live in Bengbu"])
def test_bengbu_is_found_by_any_of_its_names(city):
    match = find_region(city, InsuranceType.RESIDENT)
    assert (match.region.id, match.fallback) == ("bengbu-residents", None)


@pytest.mark.parametrize("city", ["上海", "Atlantis", "", None])
def test_an_unknown_city_gets_the_illustrative_figures_with_the_reason(city):
    match = find_region(city, InsuranceType.EMPLOYEE)
    assert (match.region.id, match.fallback, match.city_region) == ("illustrative", Fallback.CITY_UNKNOWN, None)


def test_a_known_city_without_figures_for_the_insurance_type_gets_the_illustrative_figures():
    match = find_region("蚌埠", InsuranceType.EMPLOYEE)
    assert (match.region.id, match.fallback) == ("illustrative", Fallback.INSURANCE_TYPE_NOT_COVERED)
    assert match.city_region.id == "bengbu-residents"


def test_repeat_stay_percentages_apply_their_last_entry_to_later_stays():
    illustrative = REGIONS["illustrative"]
    assert [illustrative.deductible_percent(order) for order in (1, 2, 3, 9)] == [100, 50, 50, 50]
    assert REGIONS["bengbu-residents"].deductible_percent(2) == Decimal(100)


def valid_region_data():
    return yaml.safe_load((REGIONS_DIR / "bengbu-residents.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "change",
    [
        {"source": None},
        {"source": {"zh": "蚌埠", "en": ""}},
        {"source_reference": ""},
        {"last_checked": "recently"},
        {"effective_date": "2026"},
        {"illustrative": "no"},
        {"city_aliases": []},
        {"city_aliases": ["市"]},
        {"insurance_types": ["private"]},
        {"insurance_types": []},
        {"levels": {}},
        {"levels": {"level_4": {"deductible": 100, "fund_share_percent": 50}}},
        {"levels": {"level_1": {"deductible": -1, "fund_share_percent": 50}}},
        {"levels": {"level_1": {"deductible": 100, "fund_share_percent": 101}}},
        {"levels": {"level_1": {"deductible": "200", "fund_share_percent": 50}}},
        {"levels": {"level_3": {"deductible": 800, "fund_share_percent": 70},
                    "level_3_city": {"deductible": 800, "fund_share_percent": 70}}},
        {"repeat_stays": {"deductible_percent_by_stay": []}},
        {"repeat_stays": None},
        {"retiree_uplift_points": True},
        {"annual_cap": 0},
        {"annual_cap": None},
    ],
)
def test_incomplete_or_wrong_region_data_is_refused(change):
    with pytest.raises(RegionFileError):
        parse_region(valid_region_data() | change)


def test_a_directory_needs_exactly_one_illustrative_region(tmp_path: Path):
    (tmp_path / "bengbu-residents.yml").write_text((REGIONS_DIR / "bengbu-residents.yml").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    with pytest.raises(RegionFileError, match="exactly one region must be illustrative"):
        load_regions(tmp_path)


def test_a_file_must_be_named_after_its_id(tmp_path: Path):
    (tmp_path / "bengbu.yml").write_text((REGIONS_DIR / "bengbu-residents.yml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    with pytest.raises(RegionFileError, match="must equal the file name"):
        load_regions(tmp_path)
