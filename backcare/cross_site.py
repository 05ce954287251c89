"""Form posts from other sites are refused, beside the CSRF token: what the browser says about
where a post came from (``Sec-Fetch-Site``, else ``Origin``), never the ``Referer``, which
privacy tools strip. The same rules as Go's ``net/http.CrossOriginProtection``."""

from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, request
from flask_wtf.csrf import CSRFError

#: Where a browser says a request came from, when it may post to us: this origin, or the
#: person themselves (the address bar, a bookmark). A form in a clinic's frame posts from the
#: frame's own page, so its posts are same-origin too.
OWN = frozenset({"same-origin", "none"})
#: Where an app keeps the blueprints that other sites' pages may post to by design (the API).
_OPEN = "backcare_open_to_other_sites"


class CrossSiteError(CSRFError):
    """A form post sent from another site's page: refused like a bad CSRF token."""

    description = "The form was sent from another site."


def from_another_site() -> bool:
    """Whether the browser says this request came from another site's page.

    ``Sec-Fetch-Site`` (every current browser) is the browser's own word and is trusted alone:
    ``cross-site`` and ``same-site`` (a sibling host) are refused. Without it (older browsers),
    an ``Origin`` whose host is not the one asked for is refused (``null`` included: a sandboxed
    or privacy-stripped page). Neither header (old browsers, privacy tools): the CSRF token
    alone decides."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site not in OWN
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    # The host only, not the scheme: behind a proxy the app may not know it was HTTPS.
    return urlsplit(origin).netloc != request.host


def open_to_other_sites(app: Flask, blueprint: Blueprint) -> None:
    """Let other sites' pages post to ``blueprint`` (hardening.open_to_other_systems)."""
    app.extensions.setdefault(_OPEN, set()).add(blueprint.name)


def refuse_posts_from_other_sites() -> None:
    """Before the CSRF token is checked, on the requests it checks (a form method, on a route
    that exists): a post from another site is refused first, with its own page (it may not
    carry the person's cookie at all). Unknown pages and methods keep their 404 and 405."""
    if (
        request.method in current_app.config["WTF_CSRF_METHODS"]
        and request.endpoint is not None
        and request.blueprint not in current_app.extensions.get(_OPEN, ())
        and from_another_site()
    ):
        raise CrossSiteError()
