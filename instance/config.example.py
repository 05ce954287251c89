# Copy to instance/config.py and adapt. Any setting here can also be given as an environment
# variable named BACKCARE_<SETTING> (values are read as JSON where they parse as JSON).

# Required outside debug mode; every worker and machine must share it. Prefer the environment:
# BACKCARE_SECRET_KEY=...
# SECRET_KEY = "..."

# Recommended in production: the host names this deployment answers to (Flask's own setting).
# A request for any other Host gets a 400 before any page is built; ".example.org" takes every
# subdomain of example.org. List the names health checks use too (the container's HEALTHCHECK
# asks 127.0.0.1). Unset (None), any well-formed Host is served; a malformed one is a 400.
# TRUSTED_HOSTS = ["backcare.example"]

# The number the emergency result tells people to call when no clinic profile is active.
EMERGENCY_NUMBER = "911"

# Who may show backcare in a frame, as a CSP frame-ancestors value ("'none'" forbids it).
FRAME_ANCESTORS = "'none'"

# The start of the FHIR canonical URLs (the Questionnaire's url, the code systems): an
# identifier, not a link; the reserved backcare.example name stands for this deployment.
# FHIR_BASE_URL = "https://backcare.example/fhir"

# Clinic profiles. A clinic links to /en/?clinic=<id> or /es/?clinic=<id>; the profile then
# applies for the visit: its name, phone and hours on the "contact a provider" and "make an
# appointment" results (and its booking link on the latter), its emergency number on the
# emergency result, and a "Back to <name>" link to its portal. Addresses are used only from
# here, never from the request; an unknown id is ignored. A bad value stops the start.
CLINICS = {
    "riverside": {
        "name": "Riverside Family Clinic",
        "name_es": "Clínica Familiar Riverside",  # optional; on Spanish pages, else "name"
        "phone": "+1 555 010 0199",
        # Optional, shown beside the phone; give both languages or neither.
        "hours": "Monday to Friday, 8 am to 6 pm",
        "hours_es": "de lunes a viernes, de 8 a 18 h",
        "emergency_number": "911",  # optional; without it, EMERGENCY_NUMBER above
        # https:// (http://127.0.0.1 or http://localhost only while developing).
        "portal_url": "https://portal.riverside.example/",
        # Optional, https:// only: a button to it on "make an appointment" results.
        "booking_url": "https://portal.riverside.example/book",
        # Pages that may embed backcare in a frame for this clinic's visits. It must list the
        # origin of portal_url: framed pages post their height and result to that origin alone.
        "frame_ancestors": ["https://portal.riverside.example"],
        # Origins whose pages may call the API (/api/v1/...) from a browser (CORS, no cookies):
        # https://host[:port] only, or http://127.0.0.1[:port] / http://localhost[:port] while
        # developing. Anything else stops the start with an error. Empty: no browser access.
        "api_origins": ["https://portal.riverside.example"],
    },
}
