"""Clinic profiles for the tests, as an instance config would give them."""

RIVERSIDE = {
    "name": "Riverside Family Clinic",
    "phone": "+1 555 010 0199",
    "emergency_number": "112",
    "portal_url": "https://portal.riverside.example/",
    "frame_ancestors": ["https://portal.riverside.example"],
}
