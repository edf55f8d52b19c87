"""The table of emergency numbers by time zone (content/emergency_numbers.yaml): the shipped
numbers, real time zone names, and every broken entry reported as file, key and reason."""

import zoneinfo
from pathlib import Path

import pytest

from skill.triage import ContentError, load_content
from skill.triage.countries import FILE
from skill.triage.load import DEFAULT_CONTENT_DIR

CONTENT = load_content(DEFAULT_CONTENT_DIR)
TABLE = CONTENT.countries

NUMBERS = [
    ("Pacific/Auckland", "nz", "1 1 1", "111"),
    ("Pacific/Chatham", "nz", "1 1 1", "111"),
    ("Europe/Dublin", "ie", "1 1 2", "112"),
    ("Europe/London", "gb", "9 9 9", "999"),
    ("Australia/Sydney", "au", "triple zero", "000"),
    ("Australia/Perth", "au", "triple zero", "000"),
    ("Australia/Lord_Howe", "au", "triple zero", "000"),
    ("Asia/Kolkata", "in", "1 1 2", "112"),
    ("Asia/Calcutta", "in", "1 1 2", "112"),
    ("America/New_York", "us", "9 1 1", "911"),
    ("America/Los_Angeles", "us", "9 1 1", "911"),
    ("Pacific/Honolulu", "us", "9 1 1", "911"),
    ("US/Pacific", "us", "9 1 1", "911"),
    ("America/Toronto", "ca", "9 1 1", "911"),
    ("America/St_Johns", "ca", "9 1 1", "911"),
    ("Canada/Mountain", "ca", "9 1 1", "911"),
]
COUNTRY_CODES = {"us": "US", "ca": "CA", "gb": "GB", "ie": "IE", "au": "AU", "nz": "NZ", "in": "IN"}
LEFT_OUT = {"Antarctica/Macquarie"}
"""Zones of these countries in zone.tab with no entry (a research station): the locale's number
with "or your local emergency number" is said there."""


@pytest.mark.parametrize(("zone", "country", "spoken", "written"), NUMBERS)
def test_a_time_zone_gives_its_country_s_number(zone, country, spoken, written):
    found = TABLE.of_zone(zone)
    assert found is not None
    assert (found.id, found.spoken, found.written) == (country, spoken, written)


@pytest.mark.parametrize(
    "zone",
    ["Europe/Berlin", "America/Mexico_City", "Asia/Tokyo", "UTC", "", "Pacific", "Mars/Base"],
)
def test_a_zone_of_no_listed_country_has_no_entry(zone):
    assert TABLE.of_zone(zone) is None


def test_the_fever_of_each_unit_is_a_locale_s_own_fever():
    said = {loc.vars["fever"] for loc in CONTENT.locales.values() if "fever" in loc.vars}
    assert TABLE.fever == {
        "celsius": "38.3 degrees Celsius",
        "fahrenheit": "101 degrees Fahrenheit",
    }
    assert set(TABLE.fever.values()) <= said


def test_fever_units_by_country():
    units = {c.id: c.fever_unit for c in TABLE.countries.values()}
    assert units == {
        "us": "fahrenheit",
        "ca": "celsius",
        "gb": "celsius",
        "ie": "celsius",
        "au": "celsius",
        "nz": "celsius",
        "in": "fahrenheit",
    }


def test_every_number_has_an_https_source_and_a_review():
    for country in TABLE.countries.values():
        assert country.source.startswith("https://"), country.id
        assert country.review.reviewed_by and country.review.reviewed_on, country.id


def zone_tab() -> list[tuple[str, str]]:
    """(country code, zone) of the tz database's zone.tab, where the system or tzdata has it."""
    for base in (Path("/usr/share/zoneinfo"), *map(Path, zoneinfo.TZPATH)):
        if (base / "zone.tab").is_file():
            path = base / "zone.tab"
            break
    else:
        try:
            import tzdata  # type: ignore[import-untyped]
        except ImportError:
            pytest.skip("no zone.tab on this machine")
        path = Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, zone = line.split("\t")[:3]
            rows.append((code, zone))
    return rows


def test_every_listed_time_zone_is_a_real_one():
    known = zoneinfo.available_timezones()
    if not known:
        pytest.skip("no time zone database on this machine")
    for zone in TABLE.zones:
        assert zone in known, zone
    for area in TABLE.areas:
        assert any(z.startswith(area) for z in known), area


def test_every_zone_the_tz_database_gives_these_countries_is_listed():
    for code, zone in zone_tab():
        country = next((c for c, iso in COUNTRY_CODES.items() if iso == code), None)
        if country is None or zone in LEFT_OUT:
            continue
        found = TABLE.of_zone(zone)
        assert found is not None and found.id == country, (code, zone)


def problems_of(root: Path) -> tuple[str, ...]:
    with pytest.raises(ContentError) as raised:
        load_content(root)
    return raised.value.problems


def replace(root: Path, old: str, new: str) -> None:
    path = root / FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'number: "1 1 1"',
            'number: "1 1 2"',
            "countries.nz.number: '1 1 2' does not say 111",
        ),
        ('written: "111"', "written: 111a", "countries.nz.written: expected the number's digits"),
        (
            "    fever: fahrenheit\n    source:\n      url: https://112",
            "    fever: kelvin\n    source:\n      url: https://112",
            "countries.in.fever: expected one of",
        ),
        (
            "url: https://112.gov.in/",
            "url: http://112.gov.in/",
            "countries.in.source.url: expected an https",
        ),
        (
            "[Europe/Dublin, Eire]",
            "[Europe/Dublin, Eire, Europe/London]",
            "countries.ie.time_zones: Europe/London is already listed for 'gb'",
        ),
        (
            "[Australia/*]",
            "[Australia/*, Australia/Perth]",
            "countries.au.time_zones: Australia/Perth is already listed as Australia/*",
        ),
        (
            "[Asia/Kolkata, Asia/Calcutta]",
            "[Asia/Kolkata, Australia/Darwin]",
            "countries.in.time_zones: Australia/Darwin is in Australia/* of 'au'",
        ),
        (
            "[Asia/Kolkata, Asia/Calcutta]",
            "[Asia/Kolkata, 'not a zone']",
            "countries.in.time_zones[1]: 'not a zone' is not a time zone name",
        ),
        ("[Asia/Kolkata, Asia/Calcutta]", "[]", "countries.in.time_zones: expected a list"),
        (
            "  celsius: 38.3 degrees Celsius",
            "  celsius: 39 degrees Celsius",
            "fever.celsius: is no locale's {fever} in locales.yaml",
        ),
        (
            "  in:\n    name: India",
            "  India:\n    name: India",
            "countries.India: id 'India' must be",
        ),
        (
            "    review: *draft\n    time_zones: [Asia",
            "    time_zones: [Asia",
            "countries.in.review: every entry needs a review block",
        ),
    ],
    ids=lambda value: value if len(value) < 30 else None,
)
def test_a_broken_entry_is_reported_with_file_key_and_reason(content_copy, old, new, problem):
    replace(content_copy, old, new)
    problems = problems_of(content_copy)
    assert any(p.startswith(f"{FILE}: {problem}") for p in problems), problems


def test_an_unknown_key_is_reported(content_copy):
    replace(content_copy, "    name: New Zealand\n", "    name: New Zealand\n    numbr: 111\n")
    assert f"{FILE}: countries.nz.numbr: unknown key" in " ".join(problems_of(content_copy))


def test_a_missing_table_is_reported(content_copy):
    (content_copy / FILE).unlink()
    assert f"{FILE}: (top): file is missing" in problems_of(content_copy)
