"""The seed page's resources on the result page and on /<lang>/resources, in each language."""

import pytest

from backcare.triage.catalog import CATALOG, RESOURCES

from .answers import with_answers
from .seed import seed_links

MASSAGE_AND_MANIPULATION = (
    "nccih-massage",
    "nccih-spinal-manipulation",
    "chiropractic-care",
    "chiropractic-topic",
)
INVASIVE = ("aaos-spinal-injections", "mayo-radiofrequency-neurotomy", "spinal-cord-stimulation")


def links(soup):
    return {a["href"] for a in soup.select("ul.resources a")}


def url(resource_id, lang="en"):
    resource = RESOURCES[resource_id]
    return resource.url_es if lang == "es" and resource.url_es else resource.url_en


def test_every_seed_link_is_on_the_english_catalog_page(questionnaire):
    page = links(questionnaire.soup("/en/resources"))
    excluded = ("disclaimers.html", "criteria.html", "medlineplus.gov/backpain.html")
    seed = set(seed_links())
    missing = {a for a in seed if not a.endswith(excluded) and a not in page}
    # a Spanish address of the seed is listed beside its English one, not on /en/
    missing -= {r.url_es for r in RESOURCES.values() if r.url_es}
    assert not missing


def test_every_spanish_address_is_on_the_spanish_catalog_page(questionnaire_es):
    soup = questionnaire_es.soup("/es/resources")
    page = links(soup)
    assert {r.url_es for r in RESOURCES.values() if r.url_es} <= page
    headings = [h.get_text(strip=True) for h in soup.select("h2")]
    assert headings == [section.title("es") for section in CATALOG]


def test_english_only_links_on_spanish_pages_are_marked(questionnaire_es):
    soup = questionnaire_es.soup("/es/resources")
    english_only = [r for r in RESOURCES.values() if not r.url_es]
    for resource in english_only:
        anchor = soup.find("a", href=resource.url_en)
        assert (anchor["lang"], anchor.get_text()) == ("en", resource.title_en)
        assert anchor["hreflang"] == "en"
        assert "(en inglés)" in anchor.parent.get_text()
    anchors = soup.select("ul.resources a")
    # No address of ours goes to another site: the page's policy covers every link.
    assert soup.find("meta", attrs={"name": "referrer"})["content"] == "same-origin"
    assert all(not a.get("rel") and not a.get("target") for a in anchors)
    assert not soup.select("ul.resources a[target]"), "links open in the same tab"


@pytest.mark.parametrize(
    ("changes", "present", "absent"),
    [
        (
            {},
            ("mayo-back-pain", "low-back-pain-acute", "back-care-at-home"),
            ("when-you-see-the-doctor",),
        ),
        (
            {"pregnant": "yes"},
            ("acog-pregnancy", "mayo-pregnancy-tips"),
            INVASIVE,
        ),
        ({"activities": ("desk_work",)}, ("mayo-office-ergonomics",), ()),
        ({"leg_symptoms": ("pain_below_knee",)}, ("sciatica", "herniated-disk"), ()),
        (
            {"duration": "over_3_months", "trend": "same"},
            ("low-back-pain-chronic", "clinicaltrials-low-back-pain"),
            INVASIVE,  # catalog only: a provider discusses these
        ),
        (
            # "soon" with a warning sign: the hands-on treatments a calm "soon" gets are gone
            {"health": ("osteoporosis",)},
            ("when-you-see-the-doctor",),
            MASSAGE_AND_MANIPULATION,
        ),
        (
            {"age": "5_to_17", "duration": "over_3_months", "trend": "same"},
            ("low-back-pain-chronic",),
            INVASIVE,
        ),
        ({"injury": "strain"}, ("back-injuries", "returning-to-sports", "nccih-massage"), ()),
    ],
)
def test_the_result_shows_the_matching_links(questionnaire, changes, present, absent):
    soup = questionnaire.walk(with_answers(**changes))
    shown = links(soup)
    for resource_id in present:
        assert url(resource_id) in shown, resource_id
    for resource_id in absent:
        assert url(resource_id) not in shown, resource_id
    assert len(soup.select("ul.resources a")) == len(shown), "each link once"


def test_the_spanish_result_links_to_spanish_pages(questionnaire_es):
    soup = questionnaire_es.walk(with_answers(pregnant="yes"))
    shown = links(soup)
    assert url("mayo-pregnancy-tips", "es") in shown
    acog = soup.find("a", href=url("acog-pregnancy"))
    assert acog["lang"] == "en"


def test_the_emergency_result_shows_no_resources(questionnaire):
    soup = questionnaire.walk({"emergency_signs": ("chest_pain",)})
    assert not soup.select("ul.resources")
