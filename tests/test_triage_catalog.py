"""The resource catalog holds every link of the seed page, and matching follows QUESTIONNAIRE.md."""

import itertools
import re

import pytest

from backcare.triage.catalog import CATALOG, HIDE, RESOURCES, SHOW, match_sections
from backcare.triage.levels import Level, PainType

from .answers import BASELINE
from .seed import seed_links, spanish_pairs

PAGE_URL = "https://medlineplus.gov/backpain.html"
FOOTER = ("https://medlineplus.gov/disclaimers.html", "https://medlineplus.gov/criteria.html")

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
WARNING_SIGNS = (
    "fever",
    "urinary",
    "cancer_history",
    "weight_loss",
    "night_pain",
    "immune",
    "osteoporosis",
    "recent_spine_procedure",
    "upper_back",
    "back_lump",
)

#: A calm adult: no sign of anything, no injury, not pregnant, no activity ticked.
CALM = BASELINE


def answers(**changes: str | tuple[str, ...]) -> dict[str, str | tuple[str, ...]]:
    return {**CALM, **changes}


def shown_ids(sections) -> list[str]:
    return [resource.id for section in sections for resource in section.resources]


def shown_urls(sections) -> list[str]:
    return [resource.url_en for section in sections for resource in section.resources]


# The catalog against the seed page


def catalog_urls() -> set[str]:
    return {url for r in RESOURCES.values() for url in (r.url_en, r.url_es) if url is not None}


def test_every_link_of_the_seed_page_is_in_the_catalog():
    page = set(seed_links()) - {PAGE_URL, *FOOTER}
    assert len(page) > 60  # the regex really read the page
    assert sorted(page - catalog_urls()) == []


def test_the_catalog_has_no_address_the_page_does_not_give():
    page = set(seed_links())
    assert sorted(catalog_urls() - page) == []
    assert not catalog_urls() & {PAGE_URL, *FOOTER}


def test_every_also_in_spanish_pair_is_recorded():
    pairs = spanish_pairs()
    assert len(pairs) == 27
    recorded = {(r.url_en, r.url_es) for r in RESOURCES.values() if r.url_es}
    assert sorted(set(pairs) - recorded) == []
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
    table_tags = {tag for _, tags in (*SHOW, *HIDE) for tag in tags}
    assert catalog_tags == table_tags


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


# Matching: one case per row of QUESTIONNAIRE.md "Resource sections"

ROWS = [
    pytest.param(
        answers(),
        Level.SELF_CARE,
        PainType.ACUTE,
        {"mayo-back-pain", "niams-back-pain", "aafp-low-back-pain"},
        id="always-start-here",
    ),
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
            "nccih-massage",
            "nccih-spinal-manipulation",
            "chiropractic-topic",
            "chiropractic-care",
            "va-acupressure",
        },
        id="calm-acute-self-care",
    ),
    pytest.param(
        answers(duration="over_3_months"),
        Level.SELF_CARE,
        PainType.CHRONIC,
        {"low-back-pain-chronic", "back-care-at-home", "odphp-prevent-back-pain"},
        id="calm-chronic-self-care",
    ),
    pytest.param(
        answers(duration="over_3_months", trend="same"),
        Level.SOON,
        PainType.CHRONIC,
        {
            "low-back-pain-chronic",
            "nccih-chronic-low-back-pain",
            "cognitive-behavioral-therapy",
            "nih-retraining-the-brain",
            "clinicaltrials-low-back-pain",
            *INVASIVE,
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
        answers(injury="fall_or_blow"),
        Level.URGENT,
        PainType.ACUTE,
        {"back-injuries", "spine-injuries-and-disorders", "returning-to-sports"},
        id="injury-fall",
    ),
    pytest.param(
        answers(leg_symptoms=("pain_below_knee",)),
        Level.SOON,
        PainType.ACUTE,
        {"sciatica", "herniated-disk", "spinal-stenosis"},
        id="pain-below-the-knee",
    ),
    pytest.param(
        answers(leg_symptoms=("numb_tingling",)),
        Level.URGENT,
        PainType.ACUTE,
        {"sciatica", "herniated-disk", "spinal-stenosis"},
        id="leg-numbness",
    ),
    pytest.param(
        answers(pregnant="yes"),
        Level.SOON,
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
    assert set(shown) == {
        "mayo-back-pain",
        "niams-back-pain",
        "aafp-low-back-pain",
        "low-back-pain-acute",
        "back-care-at-home",
        "nih-getting-it-straight",
        "odphp-prevent-back-pain",
        "aoa-prevention",
        *HANDS_ON,
    }


def test_urgent_pain_with_a_warning_sign_gets_only_start_here_and_the_doctor_links():
    given = answers(warning_signs=("fever",))
    assert [section.id for section in match_sections(given, Level.URGENT, PainType.ACUTE)] == [
        "patient-handouts",
        "find-an-expert",
        "start-here",
    ]


def test_manual_work_does_not_bring_the_posture_article():
    shown = shown_ids(
        match_sections(answers(activities=("manual_work",)), Level.URGENT, PainType.ACUTE)
    )
    assert "nih-getting-it-straight" not in shown
    assert "guide-to-good-posture" not in shown


def test_diagnosis_and_tests_stays_in_the_catalog_only():
    everything = answers(
        duration="over_3_months",
        injury="strain",
        leg_symptoms=("pain_below_knee",),
        activities=("desk_work", "manual_work", "sports"),
    )
    for level in (Level.SELF_CARE, Level.SOON, Level.URGENT):
        for pain_type in PainType:
            sections = match_sections(everything, level, pain_type)
            assert "diagnosis-and-tests" not in [section.id for section in sections]


# Matching: safety


@pytest.mark.parametrize("sign", WARNING_SIGNS)
@pytest.mark.parametrize("level", [Level.SELF_CARE, Level.SOON, Level.URGENT])
def test_any_warning_sign_hides_massage_and_manipulation_links(sign, level):
    given = answers(warning_signs=(sign,), duration="over_3_months")
    shown = shown_ids(match_sections(given, level, PainType.CHRONIC))
    assert not set(shown) & set(HANDS_ON)
    # the chronic row's overview of complementary practices is not hands-on care
    assert "nccih-chronic-low-back-pain" in shown


def test_an_unanswered_warning_question_hides_hands_on_links_too():
    given = answers(duration="over_3_months")
    del given["warning_signs"]
    shown = shown_ids(match_sections(given, Level.SOON, PainType.CHRONIC))
    assert not set(shown) & set(HANDS_ON)


@pytest.mark.parametrize(
    "given",
    [
        pytest.param({**answers(age="under_5"), "pregnant": "no"}, id="under-5"),
        pytest.param(answers(age="5_to_17"), id="child"),
        pytest.param(answers(pregnant="yes"), id="pregnant"),
        pytest.param(answers(pregnant="not_sure"), id="maybe-pregnant"),
        pytest.param(answers(age="5_to_17", pregnant="yes"), id="pregnant-teenager"),
    ],
)
@pytest.mark.parametrize("level", [Level.SELF_CARE, Level.SOON, Level.URGENT])
def test_children_and_possible_pregnancy_never_get_invasive_links(given, level):
    shown = shown_ids(
        match_sections({**given, "duration": "over_3_months"}, level, PainType.CHRONIC)
    )
    assert not set(shown) & set(INVASIVE)
    assert "low-back-pain-chronic" in shown


def test_a_chronic_adult_who_is_not_pregnant_gets_the_invasive_links():
    given = answers(age="over_50", duration="over_3_months")
    shown = shown_ids(match_sections(given, Level.SOON, PainType.CHRONIC))
    assert set(INVASIVE) <= set(shown)


@pytest.mark.parametrize(
    "given",
    [
        pytest.param({"emergency_signs": ("chest_pain",)}, id="stopped-early"),
        pytest.param(answers(), id="calm-answers"),
        pytest.param(
            answers(
                pregnant="yes",
                injury="fall_or_blow",
                leg_symptoms=("weakness",),
                activities=("sports",),
                duration="over_3_months",
            ),
            id="everything-else-matching",
        ),
    ],
)
@pytest.mark.parametrize("pain_type", [None, PainType.ACUTE, PainType.CHRONIC])
def test_an_emergency_shows_no_resources(given, pain_type):
    assert match_sections(given, Level.EMERGENCY, pain_type) == ()


# Matching: order and duplicates


def test_most_relevant_sections_come_first_and_start_here_last():
    given = answers(pregnant="yes", activities=("desk_work",))
    ids = [section.id for section in match_sections(given, Level.SOON, PainType.ACUTE)]
    assert ids[:3] == ["patient-handouts", "find-an-expert", "women"]
    assert ids[-1] == "start-here"


def test_best_fitting_links_come_first_within_a_section():
    sections = {s.id: s for s in match_sections(answers(), Level.SELF_CARE, PainType.ACUTE)}
    assert [r.id for r in sections["patient-handouts"].resources] == [
        "low-back-pain-acute",
        "back-care-at-home",
        "chiropractic-care",
    ]


def test_a_link_on_the_page_twice_is_shown_once_in_its_first_section():
    given = answers(duration="over_3_months", activities=("sports",))
    sections = {s.id: s for s in match_sections(given, Level.SOON, PainType.CHRONIC)}
    assert "low-back-pain-chronic" in [r.id for r in sections["patient-handouts"].resources]
    # Only the encyclopedia entries the handouts do not already hold.
    assert [r.id for r in sections["medical-encyclopedia"].resources] == [
        "spinal-cord-stimulation",  # the chronic-pain row ranks above the sports row
        "returning-to-sports",
    ]


def answer_space():
    """A wide slice of the answer space: every factor the matching looks at, crossed."""
    for level, pain_type, injury, legs, signs, age, pregnant, n_activities in itertools.product(
        Level,
        [None, *PainType],
        ["none", "strain", "fall_or_blow"],
        [(), ("pain_below_knee", "weakness")],
        [(), ("osteoporosis",), None],
        ["under_5", "5_to_17", "18_to_50", "over_50"],
        ["no", "yes", "not_sure", None],
        range(4),
    ):
        given = answers(
            injury=injury,
            leg_symptoms=legs,
            warning_signs=signs,
            age=age,
            pregnant=pregnant,
            activities=("desk_work", "manual_work", "sports")[:n_activities],
        )
        yield (
            {question: code for question, code in given.items() if code is not None},
            level,
            pain_type,
        )


def test_across_the_answer_space_each_address_and_section_shows_once_and_safety_holds():
    catalog = {section.id: section for section in CATALOG}
    for given, level, pain_type in answer_space():
        sections = match_sections(given, level, pain_type)
        if level == Level.EMERGENCY:
            assert sections == ()
            continue
        urls = shown_urls(sections)
        assert len(urls) == len(set(urls))
        assert len({s.id for s in sections}) == len(sections)
        assert "start-here" in [s.id for s in sections]
        for section in sections:
            assert section.resources
            assert set(section.resources) <= set(catalog[section.id].resources)
        shown = set(shown_ids(sections))
        if given.get("warning_signs") != ():
            assert not shown & set(HANDS_ON)
        if given["age"] in ("under_5", "5_to_17") or given.get("pregnant") in ("yes", "not_sure"):
            assert not shown & set(INVASIVE)
