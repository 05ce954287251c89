"""Marks text for translation without importing any translation machinery.

The domain stays free of Flask: it only marks its sentences so that ``pybabel extract`` finds
them (keyword ``N_``); the web and API layers translate them when they show them.
"""

#: The languages backcare speaks; the first is the default.
LANGUAGES = ("en", "es")


def N_(message: str) -> str:  # noqa: N802 - the conventional name of a gettext no-op marker
    """Return ``message`` unchanged; it is extracted into the translation catalog."""
    return message
