"""The pages the rules cite (QUESTIONNAIRE.md, "Pages and addresses to cite")."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LocalisedSource:
    """A source as cited to a reader of one language."""

    title: str
    url: str
    #: The language of the page behind ``url``.
    language: str


@dataclass(frozen=True)
class Source:
    """A page that backs a rule, with its own title; ``url_es`` where a Spanish page exists."""

    title_en: str
    url_en: str
    title_es: str | None = None
    url_es: str | None = None

    def localise(self, lang: str) -> LocalisedSource:
        """The page for a reader of ``lang``: the Spanish one where it exists, else English."""
        if lang == "es" and self.url_es is not None and self.title_es is not None:
            return LocalisedSource(self.title_es, self.url_es, "es")
        return LocalisedSource(self.title_en, self.url_en, "en")


MEDLINEPLUS = Source(
    "MedlinePlus: Back Pain",
    "https://medlineplus.gov/backpain.html",
    "MedlinePlus: Dolor de espalda",
    "https://medlineplus.gov/spanish/backpain.html",
)
MEDLINEPLUS_SEE_DOCTOR = Source(
    "MedlinePlus: Back pain - when you see the doctor",
    "https://medlineplus.gov/ency/article/007494.htm",
    "MedlinePlus: Dolor de espalda - cuando consulte con el médico",
    "https://medlineplus.gov/spanish/ency/article/007494.htm",
)
MEDLINEPLUS_ACUTE = Source(
    "MedlinePlus: Low back pain - acute",
    "https://medlineplus.gov/ency/article/007425.htm",
    "MedlinePlus: Lumbago agudo",
    "https://medlineplus.gov/spanish/ency/article/007425.htm",
)
NHS = Source("NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/")
NICE_CKS = Source(
    "NICE CKS: Back pain - low (without radiculopathy)",
    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
)
NICE_NG234 = Source(
    "NICE NG234: Spinal metastases and metastatic spinal cord compression",
    "https://www.nice.org.uk/guidance/ng234",
)
MAYO = Source(
    "Mayo Clinic: Back pain",
    "https://www.mayoclinic.org/diseases-conditions/back-pain/symptoms-causes/syc-20369906",
    "Mayo Clinic: Dolor de espalda",
    "https://www.mayoclinic.org/es/diseases-conditions/back-pain/symptoms-causes/syc-20369906",
)
FAMILYDOCTOR = Source(
    "familydoctor.org: Lower Back Pain (Symptom Checker Flowchart)",
    "https://familydoctor.org/symptom/lower-back-pain/",
    "familydoctor.org: Dolor en la parte baja de la espalda",
    "https://es.familydoctor.org/sintoma/dolor-en-la-parte-baja-de-la-espalda/",
)
ACOG = Source(
    "ACOG: Back Pain During Pregnancy",
    "https://www.acog.org/womens-health/faqs/back-pain-during-pregnancy",
)
NIAMS = Source(
    "NIAMS: Back Pain",
    "https://www.niams.nih.gov/health-topics/back-pain",
    "NIAMS: Dolor de espalda",
    "https://www.niams.nih.gov/es/informacion-de-salud/dolor-de-espalda",
)
CHKD = Source(
    "CHKD: Back Pain in Kids",
    "https://www.chkd.org/patients-and-families/health-library/quick-tips/back-pain-in-kids/",
)
AAOS_CHILDREN = Source(
    "OrthoInfo (AAOS): Back Pain in Children",
    "https://orthoinfo.aaos.org/en/diseases--conditions/back-pain-in-children/",
)
WEBMD = Source(
    "WebMD: Low Back Pain: When to Call a Doctor",
    "https://www.webmd.com/back-pain/tc/low-back-pain-when-to-call-a-doctor",
)
