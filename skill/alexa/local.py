"""Where the device is, as far as the skill knows: the country whose emergency number it says,
and the unit a fever is said in. Kept in the session, never logged."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from skill.triage import Content, StateError
from skill.triage.countries import UNITS
from skill.triage.texts import chain

NUMBER = "emergency_number"
WRITTEN_NUMBER = "emergency_number_written"
FEVER = "fever"
OR_LOCAL = "ui.or_local_number"
"""The locale's number said with "or your local emergency number" ({number})."""
FIELDS = frozenset({"country", "unit", "zone"})
ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-/]{0,63}")
"""The shape of an IANA time zone name ("America/New_York", "Etc/GMT+5")."""


@dataclass(frozen=True)
class Local:
    """What the Alexa settings service said of the device: the country of its time zone (None
    when the zone is in no country of the table, or the service did not answer) and its
    temperature unit (None when it did not say)."""

    country: str | None = None
    unit: str | None = None
    zone: str | None = None
    """The device's time zone name, for the day of a reminder."""

    def to_json(self) -> dict[str, str | None]:
        """As kept in the session attributes."""
        return {"country": self.country, "unit": self.unit, "zone": self.zone}

    @classmethod
    def from_json(cls, value: object, content: Content) -> "Local | None":
        """Read back from the session attributes (None: not looked up yet); raise StateError for
        anything the skill does not write."""
        if value is None:
            return None
        # A session begun before the zone was kept has no "zone": read it as not known.
        if not isinstance(value, dict) or value.keys() not in (FIELDS, FIELDS - {"zone"}):
            raise StateError("unexpected fields in the device's place")
        country, unit, zone = value["country"], value["unit"], value.get("zone")
        if country is not None and (
            not isinstance(country, str) or country not in content.countries.countries
        ):
            raise StateError("unknown country in session attributes")
        if unit is not None and (not isinstance(unit, str) or unit not in UNITS):
            raise StateError("unknown temperature unit in session attributes")
        if zone is not None and (not isinstance(zone, str) or not ZONE.fullmatch(zone)):
            raise StateError("malformed time zone in session attributes")
        return cls(country, unit, zone)


def locale_vars(content: Content, locale: str) -> dict[str, str]:
    """A locale's variables, through its fallbacks (emergency number, fever, ...)."""
    variables: dict[str, str] = {}
    for name in reversed(chain(dict(content.locales), locale)):
        variables.update(content.locales[name].vars)
    return variables


def local_vars(content: Content, locale: str, local: Local | None) -> Mapping[str, str]:
    """The locale variables a device's place changes, as they must be said instead: the
    country's number (or the locale's, with "or your local emergency number", where the country
    is not known), spoken and written, and the fever in the device's unit. Empty when the
    request came with no settings service to ask (not from a device)."""
    if local is None:
        return {}
    own = locale_vars(content, locale)
    country = content.countries.countries.get(local.country or "")
    if country is not None:
        changed = {NUMBER: country.spoken, WRITTEN_NUMBER: country.written}
    else:
        unknown = content.text(locale, OR_LOCAL)
        changed = {
            name: unknown.replace("{number}", own[name])
            for name in (NUMBER, WRITTEN_NUMBER)
            if name in own
        }
    unit = local.unit or (country.fever_unit if country is not None else None)
    if unit is not None and unit in content.countries.fever:
        changed[FEVER] = content.countries.fever[unit]
    return {name: value for name, value in changed.items() if name in own and own[name] != value}
