"""The visit's clinic: its name, phone and emergency number on the result, for one visit.

Profiles come only from the instance config (``CLINICS``, checked by ``clinic_profiles.py``);
a link picks one with ``?clinic=<id>``, which :func:`record_clinic` keeps in the session for the
visit. Nothing from the request is ever used as an address: the "Back to" link is the
configured one.
"""

from flask import Flask, current_app, request, session

from backcare.clinic_profiles import Clinic, load_profiles

_SESSION_KEY = "clinic"


def record_clinic() -> None:
    """Before a page: a ``?clinic=`` that names a profile becomes the clinic of the visit. The
    API and static files never read or write the cookie."""
    if request.blueprint == "api" or request.endpoint == "static":
        return
    asked = request.args.get("clinic")
    if asked in current_app.extensions["backcare_clinics"] and session.get(_SESSION_KEY) != asked:
        session[_SESSION_KEY] = asked


def link_arguments() -> dict[str, str]:
    """A clinic's link arguments (``clinic``, and ``embed=1`` for a clinic that may frame the
    pages), to pass on through a redirect: the cookie set with it may not come back (a frame
    on another site, before the page makes its partitioned one)."""
    clinic = current_app.extensions["backcare_clinics"].get(request.args.get("clinic", ""))
    if clinic is None:
        return {}
    if clinic.frame_ancestors and request.args.get("embed") == "1":
        return {"clinic": clinic.id, "embed": "1"}
    return {"clinic": clinic.id}


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
