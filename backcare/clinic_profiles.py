"""Clinic profiles as the instance config gives them (``CLINICS``), checked at start-up.

A malformed profile stops the app from starting, with a message that names the clinic and the
field, rather than showing a broken link or a blank name to a person in pain.
"""

import re
from dataclasses import dataclass, fields
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Clinic:
    id: str
    name: str
    #: The name on Spanish pages; empty: ``name``.
    name_es: str = ""
    phone: str = ""
    #: When the phone is answered, in each language (both or neither), shown beside it.
    hours: str = ""
    hours_es: str = ""
    #: Empty: the deployment's EMERGENCY_NUMBER.
    emergency_number: str = ""
    portal_url: str = ""
    #: Where a person books an appointment online (https), shown on "appointment" results.
    booking_url: str = ""
    frame_ancestors: tuple[str, ...] = ()
    #: Origins whose pages may call the API from a browser (CORS): https, or a local one.
    api_origins: tuple[str, ...] = ()

    @property
    def tel(self) -> str:
        return tel_href(self.phone)

    @property
    def portal_origin(self) -> str:
        """The origin of ``portal_url`` (``scheme://host[:port]``); empty without one."""
        if not self.portal_url:
            return ""
        parts = urlsplit(self.portal_url)
        return f"{parts.scheme}://{parts.netloc}"

    def name_in(self, language: str) -> str:
        return self.name_es if language == "es" and self.name_es else self.name

    def hours_in(self, language: str) -> str:
        return self.hours_es if language == "es" else self.hours


def tel_href(number: str) -> str:
    """A phone number as a ``tel:`` address: digits and + only."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


_HOST = r"[a-z0-9.-]+(:[0-9]{1,5})?"
_LOCAL = r"(127\.0\.0\.1|localhost)(:[0-9]{1,5})?"
#: An origin the API may answer a browser for: https, or http on this machine for development.
_ORIGIN = re.compile(rf"https://{_HOST}|http://{_LOCAL}")
#: A page address: https, or (for the portal only) http on this machine for development.
_HTTPS_URL = re.compile(rf"https://{_HOST}(/[^\s\"'<>]*)?")
_PORTAL_URL = re.compile(rf"(https://{_HOST}|http://{_LOCAL})(/[^\s\"'<>]*)?")
_TEXTS = ("name", "name_es", "phone", "hours", "hours_es", "emergency_number")
_FIELDS = tuple(field.name for field in fields(Clinic) if field.name != "id")


class ProfileError(ValueError):
    def __init__(self, clinic_id: str, field: str, problem: str):
        super().__init__(f"clinic {clinic_id!r}: {field} {problem}")


def _texts(clinic_id: str, field: str, values: object) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise ProfileError(clinic_id, field, "must be a list of origins")
    if not all(isinstance(value, str) for value in values):
        raise ProfileError(clinic_id, field, "must be a list of origins, each as text")
    return tuple(values)


def _api_origins(clinic_id: str, origins: object) -> tuple[str, ...]:
    origins = _texts(clinic_id, "api_origins", origins)
    for origin in origins:
        if not _ORIGIN.fullmatch(origin):
            raise ProfileError(
                clinic_id,
                "api_origins",
                f"has {origin!r}, not an origin the API may answer: use https://host[:port] "
                "(no path, no trailing slash), or http://127.0.0.1[:port] or "
                "http://localhost[:port] for development",
            )
    return origins


def _address(clinic_id: str, field: str, value: str, pattern: re.Pattern, allowed: str) -> None:
    if value and not pattern.fullmatch(value):
        raise ProfileError(clinic_id, field, f"{value!r} must be {allowed}")


def profile(clinic_id: str, given: object) -> Clinic:
    """One clinic's profile, checked field by field."""
    if not isinstance(given, dict):
        raise ProfileError(clinic_id, "profile", "must be a table of fields")
    unknown = sorted(set(given) - set(_FIELDS))
    if unknown:
        raise ProfileError(
            clinic_id, unknown[0], f"is not a field of a profile: use {', '.join(_FIELDS)}"
        )
    for field in _TEXTS:
        if not isinstance(given.get(field, ""), str):
            raise ProfileError(clinic_id, field, "must be text")
    if not given.get("name", "").strip():
        raise ProfileError(clinic_id, "name", "is required: the name a person sees")
    if "name_es" in given and not given["name_es"].strip():
        raise ProfileError(clinic_id, "name_es", "is blank: leave it out to use name")
    hours, hours_es = given.get("hours", "").strip(), given.get("hours_es", "").strip()
    if bool(hours) != bool(hours_es):
        missing = "hours_es" if hours else "hours"
        raise ProfileError(clinic_id, missing, "is missing: give the hours in both languages")
    for field in ("portal_url", "booking_url"):
        if not isinstance(given.get(field, ""), str):
            raise ProfileError(clinic_id, field, "must be an address")
    _address(
        clinic_id,
        "portal_url",
        given.get("portal_url", ""),
        _PORTAL_URL,
        "an https:// address (http://127.0.0.1 or http://localhost only for development)",
    )
    _address(
        clinic_id, "booking_url", given.get("booking_url", ""), _HTTPS_URL, "an https:// address"
    )
    # Each frame ancestor is checked as a single CSP source by headers.check_frame_ancestors.
    ancestors = _texts(clinic_id, "frame_ancestors", given.get("frame_ancestors", []))
    origins = _api_origins(clinic_id, given.get("api_origins", []))
    return Clinic(id=clinic_id, **{**given, "frame_ancestors": ancestors, "api_origins": origins})


def load_profiles(config: dict) -> dict[str, Clinic]:
    """Build the profiles from ``CLINICS``, failing at start-up on a malformed one."""
    clinics = config.get("CLINICS", {})
    return {clinic_id: profile(clinic_id, given) for clinic_id, given in clinics.items()}
