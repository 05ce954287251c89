"""The resource catalog holds every link of the seed page, and matching follows QUESTIONNAIRE.md."""

import itertools
import re

import pytest

from backcare.triage.catalog import (
    CATALOG,
    CATALOG_ONLY,
    HIDE,
    MAX_AT_ONCE,
    RESOURCES,
    SHOW,
    match_resources,
    match_sections,
)
from backcare.triage.levels import Level, PainType

from .answers import BASELINE, complete
from .catalog_ids import HANDS_ON, INVASIVE, shown_ids
from .seed import seed_links, spanish_pairs

PAGE_URL = "https://medlineplus.gov/backpain.html"
FOOTER = ("https://medlineplus.gov/disclaimers.html", "https://medlineplus.gov/criteria.html")

WARNING_SIGNS = ("fever", "urinary", "weight_loss", "night_pain", "upper_back", "back_lump")
HEALTH = (
    "cancer_treatment",
    "cancer_history",
    "immune",
    "steroids",
    "injects_drugs",
    "infection_risk",
    "osteoporosis",
    "blood_thinner",
    "recent_spine_procedure",
)
ADULT_ONLY = ("returning-to-work", "clinicaltrials-low-back-pain", "magazine-biking-pilates-yoga")

#: A calm adult: no sign of anything, no injury, not pregnant, no activity ticked.
CALM = BASELINE


def answers(**changes: str | tuple[str, ...] | None) -> dict[str, str | tuple[str, ...]]:
    given = {**CALM, **changes}
    return complete({qid: code for qid, code in given.items() if code is not None})


def shown_urls(sections) -> list[str]:
    return [resource.url_en for section in sections for resource in section.resources]


# The catalog against the seed page


def catalog_urls() -> set[str]:
    return {url for r in RESOURCES.values() for url in (r.url_en, r.url_es) if url is not None}


def test_every_link_of_the_seed_page_is_in_the_catalog():
    page = set(seed_links()) - {PAGE_URL, *FOOTER}
    assert len(page) > 60  # the page really was read
    assert sorted(page - catalog_urls()) == []


def test_the_catalog_has_no_address_the_page_does_not_give():
    page = set(seed_links())
    assert sorted(catalog_urls() - page) == []
    assert not catalog_urls() & {PAGE_URL, *FOOTER}


def test_every_also_in_spanish_pair_is_recorded():
    pairs = set(spanish_pairs())
    assert len(pairs) == 27
    recorded = {(r.url_en, r.url_es) for r in RESOURCES.values() if r.url_es}
    assert sorted(pairs - recorded) == []
    assert len(recorded) == len(pairs)


def test_the_catalog_keeps_the_page_sections_in_order():
    assert [section.title_en for section in CATALOG] == [
        "Start Here",
        "Diagnosis and Tests",
        "Prevention and Risk Factors",
        "Treatments and Therapies",
        "Living With",
        "Related Issues",
        "Videos and Tutorials",
        "Test Your Knowledge",
        "Statistics and Research",
        "Clinical Trials",
        "Journal Articles",
        "Find an Expert",
        "Women",
        "Patient Handouts",
        "Medical Encyclopedia",
        "Related Health Topics",
        "National Institutes of Health",
        "Other Languages",
        "NIH MedlinePlus Magazine",
    ]
    sections = {section.id: section for section in CATALOG}
    assert len(sections["journal-articles"].resources) == 4
    assert len(sections["medical-encyclopedia"].resources) == 15
    assert [r.url_en for r in sections["national-institutes-of-health"].resources] == [
        "http://www.niams.nih.gov/"
    ]


def test_a_link_listed_in_two_sections_is_one_resource():
    sections = {section.id: section for section in CATALOG}
    handouts = {r.id: r for r in sections["patient-handouts"].resources}
    encyclopedia = {r.id: r for r in sections["medical-encyclopedia"].resources}
    assert len(handouts.keys() & encyclopedia.keys()) == 10
    for shared in handouts.keys() & encyclopedia.keys():
        assert handouts[shared] is encyclopedia[shared]


# Every resource is well formed


@pytest.mark.parametrize("resource", RESOURCES.values(), ids=RESOURCES.keys())
def test_every_resource_has_a_title_and_a_web_address(resource):
    assert resource.title_en.strip()
    assert re.match(r"https?://\S+$", resource.url_en)
    assert isinstance(resource.organization, str)
    if resource.url_es is not None:
        assert re.match(r"https?://\S+$", resource.url_es)
        assert resource.title_es and resource.title_es.strip()
    else:
        assert resource.title_es is None


def test_every_section_has_a_spanish_title():
    for section in CATALOG:
        assert section.title("es").strip()
        assert section.title("es") != section.title("en")


def test_every_tag_is_used_by_the_matching_table_and_the_other_way_round():
    catalog_tags = {tag for resource in RESOURCES.values() for tag in resource.tags}
    table_tags = {tag for row in (*SHOW, *HIDE) for tag in row.tags}
    assert catalog_tags == table_tags | CATALOG_ONLY


# Localising a resource


def test_a_spanish_page_gets_the_spanish_link_where_the_seed_gives_one():
    link = RESOURCES["low-back-pain-acute"].localise("es")
    assert (link.title, link.url, link.language, link.fallback) == (
        "Lumbago agudo",
        "https://medlineplus.gov/spanish/ency/article/007425.htm",
        "es",
        False,
    )


def test_a_spanish_page_gets_the_english_link_marked_as_english_otherwise():
    link = RESOURCES["acog-pregnancy"].localise("es")
    assert link.title == "Back Pain during Pregnancy"
    assert link.url == RESOURCES["acog-pregnancy"].url_en
    assert (link.language, link.fallback) == ("en", True)


def test_an_english_page_gets_the_english_link_unmarked():
    link = RESOURCES["low-back-pain-acute"].localise("en")
    assert (link.title, link.language, link.fallback) == ("Low back pain - acute", "en", False)


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        RESOURCES["low-back-pain-acute"].localise("fr")
    with pytest.raises(ValueError):
        CATALOG[0].title("fr")


# Matching: one case per row of QUESTIONNAIRE.md v2 "Resource sections"

START = {"mayo-back-pain", "niams-back-pain", "aafp-low-back-pain"}
SELF_HELP = {"nccih-chronic-low-back-pain", *HANDS_ON}

ROWS = [
    pytest.param(answers(), Level.SELF_CARE, PainType.ACUTE, START, id="always-start-here"),
    pytest.param(
        answers(warning_signs=("night_pain",)),
        Level.URGENT,
        PainType.ACUTE,
        {
            "when-you-see-the-doctor",
            "mri-and-low-back-pain",
            "aapmr-find-physician",
            "apta-find-physical-therapist",
            "niams",
            "ninds",
        },
        id="urgent-see-the-doctor-mri-experts",
    ),
    pytest.param(
        answers(trend="same"),
        Level.SOON,
        PainType.ACUTE,
        {"when-you-see-the-doctor", "mri-and-low-back-pain", "niams"},
        id="soon-see-the-doctor-mri-experts",
    ),
    pytest.param(
        answers(),
        Level.SELF_CARE,
        PainType.ACUTE,
        {
            "low-back-pain-acute",
            "back-care-at-home",
            "nih-getting-it-straight",
            "odphp-prevent-back-pain",
            "aoa-prevention",
            *SELF_HELP,
        },
        id="calm-acute-self-care",
    ),
    pytest.param(
        answers(duration="over_3_months"),
        Level.SELF_CARE,
        PainType.CHRONIC,
        {"low-back-pain-chronic", "back-care-at-home", "odphp-prevent-back-pain", *SELF_HELP},
        id="calm-chronic-self-care",
    ),
    pytest.param(
        answers(duration="over_3_months", warning_signs=("night_pain",), trend="worse"),
        Level.URGENT,
        PainType.CHRONIC,
        {
            "low-back-pain-chronic",
            "nccih-chronic-low-back-pain",
            "cognitive-behavioral-therapy",
            "nih-retraining-the-brain",
            "clinicaltrials-low-back-pain",
        },
        id="chronic-adult",
    ),
    pytest.param(
        answers(injury="strain"),
        Level.SOON,
        PainType.ACUTE,
        {"back-injuries", "spine-injuries-and-disorders", "returning-to-sports"},
        id="injury-strain",
    ),
    pytest.param(
        answers(injury="accident"),
        Level.URGENT,
        PainType.ACUTE,
        {"back-injuries", "spine-injuries-and-disorders", "returning-to-sports"},
        id="injury-accident",
    ),
    pytest.param(
        answers(leg_symptoms=("pain_below_knee",)),
        Level.SOON,
        PainType.ACUTE,
        {"sciatica", "herniated-disk", "spinal-stenosis"},
        id="leg-symptoms",
    ),
    pytest.param(
        answers(pregnant="yes"),
        Level.SELF_CARE,
        PainType.ACUTE,
        {"acog-pregnancy", "mayo-pregnancy-tips"},
        id="pregnant",
    ),
    pytest.param(
        answers(pregnant="not_sure"),
        Level.SELF_CARE,
        PainType.ACUTE,
        {"acog-pregnancy", "mayo-pregnancy-tips"},
        id="maybe-pregnant",
    ),
    pytest.param(
        answers(activities=("desk_work",)),
        Level.SELF_CARE,
        PainType.ACUTE,
        {
            "mayo-office-ergonomics",
            "magazine-office-exercises",
            "nih-getting-it-straight",
            "guide-to-good-posture",
            "returning-to-work",
        },
        id="desk-work",
    ),
    pytest.param(
        answers(activities=("manual_work",)),
        Level.URGENT,
        PainType.ACUTE,
        {"returning-to-work", "odphp-prevent-back-pain", "aoa-prevention", "nass-strengthening"},
        id="manual-work",
    ),
    pytest.param(
        answers(activities=("sports",)),
        Level.URGENT,
        PainType.ACUTE,
        {
            "back-pain-and-sports",
            "returning-to-sports",
            "nass-strengthening",
            "magazine-biking-pilates-yoga",
        },
        id="sports",
    ),
]


@pytest.mark.parametrize(("given", "level", "pain_type", "expected"), ROWS)
def test_each_row_of_the_table_shows_its_links(given, level, pain_type, expected):
    assert expected <= set(shown_ids(match_sections(given, level, pain_type)))


def test_a_calm_adult_with_acute_pain_gets_exactly_the_self_care_links():
    shown = shown_ids(match_sections(answers(), Level.SELF_CARE, PainType.ACUTE))
    assert (
        set(shown)
        == START
        | {
            "low-back-pain-acute",
            "back-care-at-home",
            "nih-getting-it-straight",
            "odphp-prevent-back-pain",
            "aoa-prevention",
        }
        | SELF_HELP
    )


def test_the_calm_row_needs_none_for_both_warning_signs_and_health():
    for given in (answers(warning_signs=("urinary",)), answers(health=("osteoporosis",))):
        shown = set(shown_ids(match_sections(given, Level.SOON, PainType.ACUTE)))
        assert not shown & ({"low-back-pain-acute", "back-care-at-home"} | SELF_HELP)


def test_urgent_pain_with_a_warning_sign_gets_only_start_here_and_the_doctor_links():
    given = answers(warning_signs=("fever",))
    sections = match_sections(given, Level.URGENT, PainType.ACUTE)
    assert {section.id for section in sections} == {
        "patient-handouts",
        "find-an-expert",
        "start-here",
    }


def test_manual_work_does_not_bring_the_posture_article():
    shown = shown_ids(
        match_sections(answers(activities=("manual_work",)), Level.URGENT, PainType.ACUTE)
    )
    assert "nih-getting-it-straight" not in shown
    assert "guide-to-good-posture" not in shown


# Matching: never shown

EVERYTHING = dict(
    duration="over_3_months",
    injury="strain",
    leg_symptoms=("pain_below_knee",),
    activities=("desk_work", "manual_work", "sports"),
)


@pytest.mark.parametrize("level", [Level.SELF_CARE, Level.SOON, Level.URGENT])
@pytest.mark.parametrize("pain_type", list(PainType))
def test_invasive_links_and_diagnosis_and_tests_stay_in_the_catalog_only(level, pain_type):
    sections = match_sections(answers(**EVERYTHING), level, pain_type)
    assert "diagnosis-and-tests" not in [section.id for section in sections]
    assert not set(shown_ids(sections)) & set(INVASIVE)


HANDS_ON_FORBIDDEN = [
    pytest.param(answers(age="under_5"), id="under-5"),
    pytest.param(answers(age="5_to_17"), id="child"),
    pytest.param(answers(pregnant="yes"), id="pregnant"),
    pytest.param(answers(pregnant="not_sure"), id="maybe-pregnant"),
    pytest.param(answers(age="51_to_70", first_episode="yes"), id="first-pain-after-50"),
    pytest.param(answers(age="over_70", first_episode="yes"), id="first-pain-after-70"),
    *[pytest.param(answers(warning_signs=(sign,)), id=sign) for sign in WARNING_SIGNS],
    *[pytest.param(answers(health=(item,)), id=item) for item in HEALTH],
    pytest.param(answers(warning_signs=None), id="warning-signs-unanswered"),
    pytest.param(answers(health=None), id="health-unanswered"),
    pytest.param(answers(age=None), id="age-unanswered"),
]


@pytest.mark.parametrize("given", HANDS_ON_FORBIDDEN)
@pytest.mark.parametrize("level", [Level.SELF_CARE, Level.SOON, Level.URGENT])
def test_hands_on_treatments_are_never_shown_in_the_forbidden_cases(given, level):
    shown = shown_ids(match_sections(given, level, PainType.ACUTE))
    assert not set(shown) & set(HANDS_ON)


def test_hands_on_treatments_are_shown_to_a_calm_adult_over_50_with_pain_before():
    shown = shown_ids(
        match_sections(answers(age="51_to_70", first_episode="no"), Level.SOON, PainType.ACUTE)
    )
    assert set(HANDS_ON) <= set(shown)


@pytest.mark.parametrize("age", ["under_5", "5_to_17"])
def test_adult_only_pages_are_never_shown_to_children(age):
    given = answers(age=age, **EVERYTHING)
    for level in (Level.SELF_CARE, Level.SOON, Level.URGENT):
        shown = set(shown_ids(match_sections(given, level, PainType.CHRONIC)))
        assert not shown & set(ADULT_ONLY)
        assert "back-pain-and-sports" in shown


@pytest.mark.parametrize(
    "given",
    [
        pytest.param({"emergency_signs": ("chest_pain",)}, id="stopped-early"),
        pytest.param(answers(), id="calm-answers"),
        pytest.param(answers(pregnant="yes", **EVERYTHING), id="everything-else-matching"),
    ],
)
@pytest.mark.parametrize("pain_type", [None, PainType.ACUTE, PainType.CHRONIC])
def test_an_emergency_shows_no_resources(given, pain_type):
    resources = match_resources(given, Level.EMERGENCY, pain_type)
    assert resources.first == resources.more == resources.sections == ()


# Order, duplicates, and the few shown at once


def test_the_first_links_are_the_pain_type_handout_home_care_and_start_here():
    resources = match_resources(answers(), Level.SELF_CARE, PainType.ACUTE)
    assert shown_ids(resources.first) == [
        "low-back-pain-acute",
        "back-care-at-home",
        "mayo-back-pain",
        "niams-back-pain",
        "aafp-low-back-pain",
    ]
    assert set(shown_ids(resources.more)) == set(shown_ids(resources.sections)) - set(
        shown_ids(resources.first)
    )


def test_at_most_six_links_are_shown_at_once_the_rest_below():
    resources = match_resources(answers(**EVERYTHING), Level.SOON, PainType.CHRONIC)
    first = shown_ids(resources.first)
    assert len(first) == MAX_AT_ONCE == 6
    assert first[0] == "low-back-pain-chronic"
    assert "when-you-see-the-doctor" in shown_ids(resources.more)
    assert not set(first) & set(shown_ids(resources.more))


def test_a_link_on_the_page_twice_is_shown_once_in_its_first_section():
    given = answers(duration="over_3_months", activities=("sports",))
    sections = match_sections(given, Level.SOON, PainType.CHRONIC)
    ids = shown_ids(sections)
    assert len(ids) == len(set(ids))
    by_id = {s.id: [r.id for r in s.resources] for s in sections}
    assert "low-back-pain-chronic" in by_id["patient-handouts"]
    assert by_id["medical-encyclopedia"] == ["returning-to-sports"]


def test_across_the_answer_space_each_link_shows_once_and_safety_holds():
    catalog = {section.id: section for section in CATALOG}
    for (
        level,
        pain_type,
        injury,
        legs,
        signs,
        age,
        pregnant,
        first,
        n_activities,
    ) in itertools.product(
        Level,
        [None, *PainType],
        ["none", "strain", "accident"],
        [(), ("pain_below_knee", "weakness")],
        [(), ("night_pain",), None],
        ["under_5", "5_to_17", "18_to_50", "51_to_70", "over_70"],
        ["no", "yes", "not_sure"],
        ["yes", "no"],
        range(4),
    ):
        given = answers(
            injury=injury,
            leg_symptoms=legs,
            warning_signs=signs,
            age=age,
            pregnant=pregnant,
            first_episode=first,
            activities=("desk_work", "manual_work", "sports")[:n_activities],
        )
        resources = match_resources(given, level, pain_type)
        if level == Level.EMERGENCY:
            assert not resources
            continue
        urls = shown_urls(resources.sections)
        assert len(urls) == len(set(urls))
        assert sorted(urls) == sorted(shown_urls(resources.first) + shown_urls(resources.more))
        assert len(shown_ids(resources.first)) <= MAX_AT_ONCE
        assert "start-here" in [s.id for s in resources.sections]
        for section in resources.sections:
            assert section.resources
            assert set(section.resources) <= set(catalog[section.id].resources)
        shown = set(shown_ids(resources.sections))
        assert not shown & set(INVASIVE)
        child = age in ("under_5", "5_to_17")
        if child:
            assert not shown & set(ADULT_ONLY)
        if (
            child
            or given.get("pregnant") in ("yes", "not_sure")
            or (age in ("51_to_70", "over_70") and first == "yes")
            or given.get("warning_signs") != ()
        ):
            assert not shown & set(HANDS_ON)
