"""An ``Assessment`` as the API's JSON, in one language."""

from dataclasses import asdict
from typing import Any

from flask_babel import force_locale, gettext

from backcare.triage import Assessment, Finding, answers_to_json


def assessment_json(assessment: Assessment, lang: str, emergency_number: str) -> dict[str, Any]:
    """The result for ``lang``, in the "you" wording: reasons and advice translated, links in
    that language where the page exists in it, ``%(emergency_number)s`` filled in."""
    with force_locale(lang):
        return {
            "lang": lang,
            "level": str(assessment.level),
            "care": None if assessment.care is None else str(assessment.care),
            "pain_type": None if assessment.pain_type is None else str(assessment.pain_type),
            "rules_version": assessment.rules_version,
            "action": gettext(assessment.action, emergency_number=emergency_number),
            "rules": [
                {
                    "id": finding.rule.id,
                    "level": str(finding.rule.level),
                    "reason": gettext(finding.reason, emergency_number=emergency_number),
                    "source": _sources(finding, lang),
                }
                for finding in assessment.findings
            ],
            "advice": [
                {
                    "id": finding.rule.id,
                    "text": gettext(finding.reason, emergency_number=emergency_number),
                    "stressed": finding.stressed,
                    "source": _sources(finding, lang),
                }
                for finding in assessment.advice
            ],
            "sections": [
                {
                    "id": section.id,
                    "title": section.title(lang),
                    "resources": [
                        {
                            "id": shown.id,
                            "title": shown.title,
                            "url": shown.url,
                            "organization": shown.organization,
                            "language": shown.language,
                        }
                        for shown in (resource.localise(lang) for resource in section.resources)
                    ],
                }
                for section in assessment.sections
            ],
            "answers": answers_to_json(assessment.answers),
        }


def _sources(finding: Finding, lang: str) -> list[dict[str, str]]:
    """Each source's page in ``lang`` where it exists, else the English one."""
    return [asdict(source.localise(lang)) for source in finding.rule.sources]
