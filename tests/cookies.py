"""The session cookie as the app reads it back: opened with the app's own keys."""

from backcare.cookie_sealing import Sealer


def stored_session(app, client) -> dict:
    """The session the client's cookie holds."""
    return open_cookie(app, client.get_cookie("backcare").value)


def open_cookie(app, value: str, secret: str | None = None) -> dict:
    """A sealed cookie's session, opened with the app's keys (or ``secret``)."""
    sealer = Sealer((secret,)) if secret else app.session_interface.sealer(app)
    payload = sealer.open(value)
    assert payload is not None, "the cookie does not open"
    return payload["s"]
