"""Clinic profiles: a clinic's name, phone and emergency number on the result, for one visit.

Profiles come only from the instance config (``CLINICS``); a link picks one with
``?clinic=<id>``, which :func:`record_clinic` keeps in the session for the visit. Nothing from
the request is ever used as an address: the "Back to" link is the configured one.
"""

import re
from dataclasses import dataclass

from flask import Flask, current_app, request, session

_SESSION_KEY = "clinic"


@dataclass(frozen=True)
class Clinic:
    id: str
    name: str
    phone: str = ""
    #: Empty: the deployment's EMERGENCY_NUMBER.
    emergency_number: str = ""
    portal_url: str = ""
    frame_ancestors: tuple[str, ...] = ()
    #: Origins whose pages may call the API from a browser (CORS): https, or a local one.
    api_origins: tuple[str, ...] = ()

    @property
    def tel(self) -> str:
        return tel_href(self.phone)


def tel_href(number: str) -> str:
    """A phone number as a ``tel:`` address: digits and + only."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


#: An origin the API may answer a browser for: https, or http on this machine for development.
_ORIGIN = re.compile(
    r"https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?"
)


def _api_origins(clinic_id: str, origins: object) -> tuple[str, ...]:
    if isinstance(origins, str) or not isinstance(origins, list | tuple):
        raise ValueError(f"clinic {clinic_id!r}: api_origins must be a list of origins")
    for origin in origins:
        if not isinstance(origin, str) or not _ORIGIN.fullmatch(origin):
            raise ValueError(
                f"clinic {clinic_id!r}: api_origins: {origin!r} is not an origin the API may "
                "answer: use https://host[:port] (no path, no trailing slash), or "
                "http://127.0.0.1[:port] or http://localhost[:port] for development"
            )
    return tuple(origins)


def load_profiles(config: dict) -> dict[str, Clinic]:
    """Build the profiles from ``CLINICS``, failing at start-up on a malformed one."""
    profiles = {}
    for clinic_id, profile in config.get("CLINICS", {}).items():
        fields = dict(profile)
        fields["frame_ancestors"] = tuple(fields.get("frame_ancestors", ()))
        fields["api_origins"] = _api_origins(clinic_id, fields.get("api_origins", []))
        if not str(fields.get("portal_url", "https://")).startswith("https://"):
            raise ValueError(f"clinic {clinic_id!r}: portal_url must be an https:// address")
        profiles[clinic_id] = Clinic(id=clinic_id, **fields)
    return profiles


def record_clinic() -> None:
    """Before a page: a ``?clinic=`` that names a profile becomes the clinic of the visit. The
    API and static files never read or write the cookie."""
    if request.blueprint == "api" or request.endpoint == "static":
        return
    asked = request.args.get("clinic")
    if asked in current_app.extensions["backcare_clinics"] and session.get(_SESSION_KEY) != asked:
        session[_SESSION_KEY] = asked


def active_clinic() -> Clinic | None:
    """The clinic of this visit, as :func:`record_clinic` kept it."""
    return current_app.extensions["backcare_clinics"].get(session.get(_SESSION_KEY, ""))


def framing_clinic() -> Clinic | None:
    """The visiting clinic whose portal may frame this page (only the questionnaire's pages)."""
    if request.blueprint != "web":
        return None
    clinic = active_clinic()
    return clinic if clinic and clinic.frame_ancestors else None


def emergency_number(clinic: Clinic | None) -> str:
    """The number to call in an emergency: the clinic's, else the deployment's."""
    if clinic and clinic.emergency_number:
        return clinic.emergency_number
    return current_app.config["EMERGENCY_NUMBER"]


def api_origins() -> frozenset[str]:
    """Every clinic's ``api_origins``."""
    return current_app.extensions["backcare_api_origins"]


def init_app(app: Flask) -> None:
    profiles = load_profiles(app.config)
    app.extensions["backcare_clinics"] = profiles
    app.extensions["backcare_api_origins"] = frozenset(
        origin for clinic in profiles.values() for origin in clinic.api_origins
    )
    app.before_request(record_clinic)
