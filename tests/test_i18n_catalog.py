"""The Spanish catalog: complete, well formed, up to date with the code, and in house style."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from backcare.config import TRANSLATIONS
from backcare.triage import QUESTIONS_BY_ID, Care, Level
from backcare.triage.levels import ACTIONS, CARE_ACTIONS
from backcare.triage.rules import RULES_BY_ID

ROOT = Path(__file__).resolve().parents[1]
POT = TRANSLATIONS / "messages.pot"
PO = TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")
#: The keywords of the Makefile's i18n-extract target.
KEYWORDS = ("_l", "N_", "ngettext:1,2", "_n:1,2")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


def translated(entry):
    """Every msgstr of an entry (one, or one per plural form)."""
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(PO))


def test_every_message_is_translated_and_none_is_fuzzy(po):
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    assert not po.obsolete_entries(), "run make i18n-update to drop obsolete entries"


def test_msgfmt_accepts_the_catalog():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("BACKCARE_REQUIRE_BROWSER"):
            pytest.fail("msgfmt is missing: install Debian's gettext (.ci/run does)")
        pytest.skip("msgfmt is missing: install Debian's gettext to check the catalog")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(PO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_plural_messages_fill_every_spanish_form(po):
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_placeholders_are_kept_and_a_literal_percent_is_doubled(po):
    for entry in po:
        for msgstr in translated(entry):
            assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid
            # Flask-Babel's Jinja gettext formats every string: a bare % would break the page.
            for text in (entry.msgid, msgstr):
                assert "%" not in PLACEHOLDER.sub("", text).replace("%%", ""), text


def test_the_template_lists_exactly_the_strings_in_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    extract = [sys.executable, "-m", "babel.messages.frontend", "--quiet", "extract"]
    subprocess.run(
        [*extract, "--no-location", "-F", "babel.cfg", *keywords, "-o", str(fresh), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    in_code = {(e.msgctxt, e.msgid) for e in polib.pofile(str(fresh))}
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(POT))}
    assert in_code - committed == set(), "new strings: run make i18n-update and translate them"
    assert committed - in_code == set(), "strings gone from the code: run make i18n-update"


def test_the_spanish_catalog_follows_the_template(po):
    template = {(e.msgctxt, e.msgid) for e in polib.pofile(str(POT))}
    assert {(e.msgctxt, e.msgid) for e in po.translated_entries()} == template


def test_the_compiled_catalog_is_the_current_one(po):
    assert MO.exists(), "run make i18n-compile (make install does)"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(MO))}
    current = {(e.msgctxt, e.msgid): e.msgstr for e in po if not e.msgid_plural}
    assert compiled.items() >= current.items(), "the .mo is stale: run make i18n-compile"


# House style: GLOSSARY-es.md's terms, and "usted" everywhere


def _label(question_id: str, code: str) -> str:
    return next(o.label for o in QUESTIONS_BY_ID[question_id].options if o.code == code)


GLOSSARY = {
    "None of these": "Ninguna de estas",
    "Start again": "Empezar de nuevo",
    "Check your answers": "Revise sus respuestas",
    "There is a problem": "Hay un problema",
    "(in English)": "(en inglés)",
    ACTIONS[Level.SOON].you: "Pida una cita",
    ACTIONS[Level.EMERGENCY].you: ("Llame al %(emergency_number)s", "sala de emergencias"),
    CARE_ACTIONS[Care.MATERNITY].you: ("sala de partos", "partera", "obstetra"),
    CARE_ACTIONS[Care.CANCER_TEAM].you: "equipo de atención del cáncer",
    _label("emergency_signs", "saddle_numbness"): "Entumecimiento u hormigueo",
    _label("emergency_signs", "bladder_bowel"): "la vejiga o los intestinos",
    _label("leg_symptoms", "weakness"): "Debilidad",
    "If you have chest pain, trouble breathing, or cannot control your bladder or bowels, "
    "call %(number)s now.": (
        "pérdida del control de la vejiga o los intestinos",
        "llame al %(number)s",
    ),
    _label("warning_signs", "fever"): "Fiebre",
    _label("warning_signs", "weight_loss"): "Pérdida de peso sin explicación",
    _label("health", "cancer_history"): "antecedentes de cáncer",
    _label("health", "blood_thinner"): "anticoagulante",
    _label("health", "steroids"): "medicamento con esteroides",
    _label("pregnancy_signs", "contractions"): "Contracciones",
    QUESTIONS_BY_ID["injury"].title: "lesión",
    _label("injury", "fall_or_blow"): ("caída", "golpe"),
    QUESTIONS_BY_ID["bed_rest"].summary_label: "Reposo en cama",
    RULES_BY_ID["A-self-care"].reason: "compresas calientes o frías",
    RULES_BY_ID["A-pain-relief"].reason: "analgésico de venta libre",
    "Could you be pregnant?": "embarazada",
    "This back pain is <strong>chronic</strong>: it has gone on for more than 3 months.": (
        "crónico"
    ),
    "This back pain is <strong>acute</strong>: it began less than 3 months ago.": "agudo",
}
#: Words of the informal "tú", which backcare never uses.
TU = re.compile(
    r"\b(tú|tu|tus|te|ti|contigo|eres|estás|tienes|puedes|quieres|sabes|necesitas|haz|ten)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("msgid", "terms"), GLOSSARY.items())
def test_the_glossary_terms_are_used(po, msgid, terms):
    entry = po.find(msgid)
    assert entry is not None, f"{msgid!r} is no longer in the catalog: update GLOSSARY here"
    for term in (terms,) if isinstance(terms, str) else terms:
        assert term in entry.msgstr, (msgid, entry.msgstr)


def test_every_message_says_usted_never_tu(po):
    informal = {e.msgstr: TU.findall(e.msgstr) for e in po if TU.search(e.msgstr)}
    assert not informal


def test_a_health_care_provider_is_always_called_the_same(po):
    for entry in po:
        if re.search(r"\bprovider\b", entry.msgid):
            assert "proveedor de atención médica" in entry.msgstr, entry.msgstr
        assert not re.search(r"\b(doctor|prestador|profesional de la salud)\b", entry.msgstr)
