"""Clinic profiles: a clinic's name, phone and emergency number on the result, for one visit.

Profiles come only from the instance config (``CLINICS``); a link picks one with
``?clinic=<id>``, which :func:`record_clinic` keeps in the session for the visit. Nothing from
the request is ever used as an address: the "Back to" link is the configured one.
"""

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

    @property
    def tel(self) -> str:
        return tel_href(self.phone)


def tel_href(number: str) -> str:
    """A phone number as a ``tel:`` address: digits and + only."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


def load_profiles(config: dict) -> dict[str, Clinic]:
    """Build the profiles from ``CLINICS``, failing at start-up on a malformed one."""
    profiles = {}
    for clinic_id, profile in config.get("CLINICS", {}).items():
        fields = dict(profile)
        fields["frame_ancestors"] = tuple(fields.get("frame_ancestors", ()))
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


def init_app(app: Flask) -> None:
    app.extensions["backcare_clinics"] = load_profiles(app.config)
    app.before_request(record_clinic)
