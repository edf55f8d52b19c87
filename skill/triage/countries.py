"""Emergency numbers by country, and the time zones that place a device in each country
(content/emergency_numbers.yaml)."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from skill.triage.model import Locale, Review
from skill.triage.parse import review
from skill.triage.reader import Problems, check_id, check_keys
from skill.triage.reader import field as read_field

FILE = "emergency_numbers.yaml"
UNITS = ("celsius", "fahrenheit")
"""Temperature units a fever is said in (the settings service's CELSIUS and FAHRENHEIT)."""
AREA = "/*"
"""A time zone ending so names every zone of its area ("Australia/*")."""
ZONE = re.compile(r"^[A-Za-z][A-Za-z_-]*(?:/[A-Za-z0-9][A-Za-z0-9_+-]*)*$")
WRITTEN = re.compile(r"^[0-9]{2,4}$")
COUNTRY_KEYS = {"name", "number", "written", "fever", "source", "review", "time_zones"}


@dataclass(frozen=True)
class Country:
    """A country's emergency number, as spoken and as written, and its usual fever unit."""

    id: str
    name: str
    spoken: str
    written: str
    fever_unit: str
    source: str
    review: Review


@dataclass(frozen=True)
class Countries:
    """The countries, the time zones in each, and the fever said in each unit."""

    countries: Mapping[str, Country] = field(default_factory=lambda: MappingProxyType({}))
    zones: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Time zone -> country id."""
    areas: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Area prefix ("Australia/") -> country id, for every zone of the area."""
    fever: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Unit -> the fever said in it ("38.3 degrees Celsius")."""

    def of_zone(self, zone: str) -> Country | None:
        """The country a time zone is in, or None when no entry lists it."""
        country_id = self.zones.get(zone)
        if country_id is None and "/" in zone:
            country_id = self.areas.get(zone.split("/")[0] + "/")
        return self.countries.get(country_id) if country_id is not None else None


def load_countries(problems: Problems, locales: Mapping[str, Locale]) -> Countries:
    """Read and check the table; every problem is recorded as file, key and reason."""
    node = problems.read(FILE)
    if node is None:
        return Countries()
    if not isinstance(node, dict):
        problems.add(FILE, "", "expected a mapping with fever and countries")
        return Countries()
    check_keys(problems, FILE, "", node, {"fever", "countries", *(k for k in node if _extra(k))})
    fever = _fever(problems, node.get("fever"), locales)
    countries: dict[str, Country] = {}
    zones: dict[str, str] = {}
    areas: dict[str, str] = {}
    listed = node.get("countries")
    if not isinstance(listed, dict) or not listed:
        problems.add(FILE, "countries", "expected a mapping of country id to its number")
        listed = {}
    seen: set[str] = set()
    for key, item in listed.items():
        path = f"countries.{key}"
        if not check_id(problems, FILE, path, key, seen):
            continue
        check_keys(problems, FILE, path, item, COUNTRY_KEYS)
        country = _country(problems, path, str(key), item)
        if country is None:
            continue
        countries[country.id] = country
        for zone in _zones(problems, f"{path}.time_zones", item.get("time_zones")):
            table, name = (
                (areas, zone[: -len(AREA)] + "/") if zone.endswith(AREA) else (zones, zone)
            )
            if name in table:
                problems.add(
                    FILE, f"{path}.time_zones", f"{zone} is already listed for {table[name]!r}"
                )
                continue
            table[name] = country.id
    for zone, country_id in zones.items():
        area = zone.split("/")[0] + "/"
        if area in areas:
            owner = areas[area]
            reason = f"{zone} is in {area}* of {owner!r}"
            if owner == country_id:
                reason = f"{zone} is already listed as {area}*"
            problems.add(FILE, f"countries.{country_id}.time_zones", reason)
    return Countries(
        countries=MappingProxyType(countries),
        zones=MappingProxyType(zones),
        areas=MappingProxyType(areas),
        fever=MappingProxyType(fever),
    )


def _extra(key: object) -> bool:
    """YAML anchors live under keys starting "x-" (x-review)."""
    return isinstance(key, str) and key.startswith("x-")


def _fever(problems: Problems, node: Any, locales: Mapping[str, Locale]) -> dict[str, str]:
    if not isinstance(node, dict) or set(node) != set(UNITS):
        problems.add(FILE, "fever", f"expected the fever said in each of {list(UNITS)}")
        return {}
    said = {loc.vars["fever"] for loc in locales.values() if "fever" in loc.vars}
    fever: dict[str, str] = {}
    for unit, text in node.items():
        if not isinstance(text, str) or not text.strip():
            problems.add(FILE, f"fever.{unit}", "expected a text")
        elif locales and text not in said:
            problems.add(
                FILE, f"fever.{unit}", "is no locale's {fever} in locales.yaml (no new thresholds)"
            )
        else:
            fever[str(unit)] = text
    return fever


def _country(problems: Problems, path: str, country_id: str, item: Any) -> Country | None:
    name = read_field(problems, FILE, path, item, "name", str)
    spoken = read_field(problems, FILE, path, item, "number", str)
    written = read_field(problems, FILE, path, item, "written", str)
    unit = read_field(problems, FILE, path, item, "fever", str)
    source = item.get("source") if isinstance(item, dict) else None
    url = _source(problems, f"{path}.source", source)
    checked = review(problems, FILE, path, item.get("review") if isinstance(item, dict) else None)
    if written is not None and not WRITTEN.match(written):
        problems.add(FILE, f"{path}.written", 'expected the number\'s digits, quoted ("911")')
        written = None
    if spoken is not None and written is not None and not _same_number(spoken, written):
        problems.add(FILE, f"{path}.number", f"{spoken!r} does not say {written}")
        spoken = None
    if unit is not None and unit not in UNITS:
        problems.add(FILE, f"{path}.fever", f"expected one of {list(UNITS)}")
        unit = None
    if None in (name, spoken, written, unit, url):
        return None
    return Country(
        id=country_id,
        name=str(name),
        spoken=str(spoken),
        written=str(written),
        fever_unit=str(unit),
        source=str(url),
        review=checked,
    )


def _same_number(spoken: str, written: str) -> bool:
    """Digits said one by one ("1 1 1" for 111), or said in words ("triple zero")."""
    if any(ch.isdigit() for ch in spoken):
        return spoken.split() == list(written)
    return bool(spoken.strip())


def _source(problems: Problems, path: str, node: Any) -> str | None:
    if not isinstance(node, dict):
        problems.add(FILE, path, "every number needs a source {url, says}")
        return None
    check_keys(problems, FILE, path, node, {"url", "says"})
    url, says = node.get("url"), node.get("says")
    if not isinstance(url, str) or not url.startswith("https://"):
        problems.add(FILE, f"{path}.url", "expected an https address")
        return None
    if not isinstance(says, str) or not says.strip():
        problems.add(FILE, f"{path}.says", "expected what the source says")
        return None
    return url


def _zones(problems: Problems, path: str, node: Any) -> list[str]:
    if not isinstance(node, list) or not node:
        problems.add(FILE, path, "expected a list of time zones")
        return []
    found = []
    for i, zone in enumerate(node):
        if not isinstance(zone, str) or not ZONE.match(zone.removesuffix(AREA)):
            problems.add(FILE, f"{path}[{i}]", f"{zone!r} is not a time zone name (Area/City)")
            continue
        found.append(zone)
    return found
