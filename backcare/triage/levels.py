"""Urgency levels, ordered from least to most urgent."""

from enum import StrEnum


class Level(StrEnum):
    """What the person should do; a higher rank is more urgent."""

    SELF_CARE = "self_care"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)


_ORDER = (Level.SELF_CARE, Level.SOON, Level.URGENT, Level.EMERGENCY)


class PainType(StrEnum):
    """The seed page's distinction: chronic when the pain has lasted more than three months."""

    ACUTE = "acute"
    CHRONIC = "chronic"
