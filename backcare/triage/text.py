"""Marks text for translation without importing any translation machinery, and picks the
wording for who is answering.

The domain stays free of Flask: it only marks its sentences so that ``pybabel extract`` finds
them (keyword ``N_``); the web and API layers translate them when they show them.

Who is answering (QUESTIONNAIRE.md, "Who is answering") is a preference of the web pages, not an
answer: no rule reads it. Text that says "you" has a second wording about "the person with back
pain", kept beside it in a field named ``..._other`` (or ``Phrase.other``) that is filled only
where the wording differs. ``wording_for`` picks one; the API and FHIR use the "you" wording.
"""

from dataclasses import dataclass
from enum import StrEnum

#: The languages backcare speaks; the first is the default.
LANGUAGES = ("en", "es")


def N_(message: str) -> str:  # noqa: N802 - the conventional name of a gettext no-op marker
    """Return ``message`` unchanged; it is extracted into the translation catalog."""
    return message


class AnsweringFor(StrEnum):
    """Who fills in the questionnaire: the person with back pain, or someone for them."""

    MYSELF = "myself"
    SOMEONE_ELSE = "someone_else"


def wording_for(you: str, other: str, answering_for: AnsweringFor | str | None) -> str:
    """``other`` for someone answering for another person, when it is filled; else ``you``."""
    if answering_for == AnsweringFor.SOMEONE_ELSE and other:
        return other
    return you


@dataclass(frozen=True)
class Phrase:
    """A sentence that says "you", and (only where it differs) the same about "them"."""

    you: str
    other: str = ""

    def wording(self, answering_for: AnsweringFor | str | None = None) -> str:
        """The sentence for ``answering_for`` (``myself`` or None: the "you" wording)."""
        return wording_for(self.you, self.other, answering_for)
