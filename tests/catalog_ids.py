"""Catalog links the tests name, and the ids a matched reading list shows."""

HANDS_ON = (
    "nccih-massage",
    "chiropractic-topic",
    "chiropractic-care",
    "nccih-spinal-manipulation",
    "va-acupressure",
)
INVASIVE = (
    "aaos-spinal-injections",
    "mayo-radiofrequency-neurotomy",
    "spinal-cord-stimulation",
    "mayo-back-surgery",
    "narcotics",
)


def shown_ids(sections) -> list[str]:
    return [resource.id for section in sections for resource in section.resources]
