"""The security headers every response must carry, whichever part of the stack made it."""

import re

SAME_EVERYWHERE = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
#: Powerful features no page of backcare uses; each must be switched off.
FEATURES_OFF = {"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"}


def csp_directives(policy: str) -> dict[str, list[str]]:
    directives = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        assert name not in directives, f"{name} given twice"
        directives[name] = sources
    return directives


def assert_security_headers(headers, frame_ancestors: str = "'none'", where: str = "") -> None:
    """``headers``: a Werkzeug ``Headers`` or an ``http.client`` message; ``where`` names it."""
    for name, value in SAME_EVERYWHERE.items():
        assert headers.get(name) == value, (where, name, headers.get(name))
    assert headers.get("X-Frame-Options") is None, (where, "frame-ancestors replaces it")

    csp = csp_directives(headers.get("Content-Security-Policy") or "")
    assert csp.pop("default-src", None) == ["'none'"], where
    assert csp.pop("base-uri", None) == ["'none'"], where
    assert csp.pop("form-action", None) == ["'self'"], where
    assert csp.pop("frame-ancestors", None) == frame_ancestors.split(), where
    # Everything else the pages load (their one script, stylesheet and icon) comes from 'self'.
    assert {"script-src", "style-src", "img-src"} <= set(csp), where
    assert all(sources == ["'self'"] for sources in csp.values()), (where, csp)

    policy = headers.get("Permissions-Policy") or ""
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    assert set(features.values()) == {"()"}, (where, features)
    assert features.keys() >= FEATURES_OFF, where

    server = headers.get("Server") or ""
    assert not re.search(r"[0-9/]", server), (where, f"a version in Server: {server}")
