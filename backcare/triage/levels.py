"""Urgency levels, where to go (``Care``), and the words for each: one home for each.

QUESTIONNAIRE.md, "Urgency levels" and "Where to go (care)". ``%(emergency_number)s`` is filled
by the web and API layers with the clinic's configured number.
"""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from backcare.triage.text import N_, Phrase


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


class Care(StrEnum):
    """A better place than the level's default, named by some rules (and pregnancy at urgent)."""

    MATERNITY = "maternity"
    CANCER_TEAM = "cancer_team"
    MATERNITY_NOW = "maternity_now"

    @property
    def level(self) -> Level:
        """The level this care belongs to."""
        return Level.URGENT if self is Care.MATERNITY_NOW else Level.EMERGENCY


#: The result's heading for each level.
LEVEL_TITLES: Mapping[Level, Phrase] = MappingProxyType(
    {
        Level.EMERGENCY: Phrase(N_("Get emergency help now")),
        Level.URGENT: Phrase(N_("Get help today")),
        Level.SOON: Phrase(N_("See a doctor or nurse in the next few days")),
        Level.SELF_CARE: Phrase(
            N_("You can most likely look after this at home"),
            N_("They can most likely look after this at home"),
        ),
    }
)

#: The one action of a result at each level, when no ``Care`` applies.
ACTIONS: Mapping[Level, Phrase] = MappingProxyType(
    {
        Level.EMERGENCY: Phrase(
            N_("Call %(emergency_number)s or go to an emergency room now. Do not drive yourself."),
            N_(
                "Call %(emergency_number)s or take them to an emergency room now. Do not let "
                "them drive."
            ),
        ),
        Level.URGENT: Phrase(
            N_(
                "Contact a doctor or nurse today. If you cannot reach your own, go to an urgent "
                "care clinic."
            ),
            N_(
                "Contact their doctor or nurse today. If you cannot reach them, take them to an "
                "urgent care clinic."
            ),
        ),
        Level.SOON: Phrase(
            N_(
                "Ask for a visit with your doctor or nurse in the next few days. If you do not "
                "have one, a clinic or urgent care can see you."
            ),
            N_(
                "Ask for a visit with their doctor or nurse in the next few days. If they do "
                "not have one, a clinic or urgent care can see them."
            ),
        ),
        Level.SELF_CARE: Phrase(
            N_("Below: how to ease the pain at home, and when to get help."),
            N_("Below: how to ease their pain at home, and when to get help."),
        ),
    }
)

#: The action when a ``Care`` applies; the emergency number is always in it.
CARE_ACTIONS: Mapping[Care, Phrase] = MappingProxyType(
    {
        Care.MATERNITY: Phrase(
            N_(
                "Call your labor and delivery unit, midwife or ob-gyn now and go in. If you are "
                "less than 20 weeks pregnant, call your ob-gyn or go to the emergency room. If "
                "you cannot reach them, the bleeding is heavy, or you feel faint, call "
                "%(emergency_number)s."
            ),
            N_(
                "Call their labor and delivery unit, midwife or ob-gyn now and take them in. If "
                "they are less than 20 weeks pregnant, call their ob-gyn or go to the emergency "
                "room. If you cannot reach them, the bleeding is heavy, or they feel faint, call "
                "%(emergency_number)s."
            ),
        ),
        Care.CANCER_TEAM: Phrase(
            N_(
                "Call your cancer care team's 24-hour number now. If you cannot reach them at "
                "once, call %(emergency_number)s or go to an emergency room."
            ),
            N_(
                "Call their cancer care team's 24-hour number now. If you cannot reach them at "
                "once, call %(emergency_number)s or take them to an emergency room."
            ),
        ),
        Care.MATERNITY_NOW: Phrase(
            N_(
                "Call your labor and delivery unit, midwife or ob-gyn now. They will tell you "
                "whether to come in. If you cannot reach them, go to an emergency room. In an "
                "emergency, call %(emergency_number)s."
            ),
            N_(
                "Call their labor and delivery unit, midwife or ob-gyn now. They will tell you "
                "whether to bring them in. If you cannot reach them, take them to an emergency "
                "room. In an emergency, call %(emergency_number)s."
            ),
        ),
    }
)
