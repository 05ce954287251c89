"""The pages the rules cite (QUESTIONNAIRE.md, "Pages and addresses to cite").

A few rules also name a page the contract gives no address for; where that page's address is
well known it is here too, marked "not in the contract's list".
"""

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
MEDLINEPLUS_CHRONIC = Source(
    "MedlinePlus: Low back pain - chronic",
    "https://medlineplus.gov/ency/article/007422.htm",
    "MedlinePlus: Lumbago crónico",
    "https://medlineplus.gov/spanish/ency/article/007422.htm",
)
MEDLINEPLUS_HOME_CARE = Source(
    "MedlinePlus: Taking care of your back at home",
    "https://medlineplus.gov/ency/article/002119.htm",
    "MedlinePlus: Cuidado de la espalda en casa",
    "https://medlineplus.gov/spanish/ency/article/002119.htm",
)
# Not in the contract's list; the seed page links it.
MEDLINEPLUS_SPINAL_STENOSIS = Source(
    "MedlinePlus: Spinal Stenosis", "https://medlineplus.gov/spinalstenosis.html"
)
# Not in the contract's list.
MEDLINEPLUS_ACETAMINOPHEN_OVERDOSE = Source(
    "MedlinePlus: Acetaminophen overdose",
    "https://medlineplus.gov/ency/article/002598.htm",
    "MedlinePlus: Sobredosis de paracetamol",
    "https://medlineplus.gov/spanish/ency/article/002598.htm",
)
NHS = Source("NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/")
NHS_ANTICOAGULANTS = Source(
    "NHS: Anticoagulant medicines", "https://www.nhs.uk/conditions/anticoagulants/"
)
NHS_REYES = Source("NHS: Reye's syndrome", "https://www.nhs.uk/conditions/reyes-syndrome/")
# Not in the contract's list.
NHS_SCIATICA = Source("NHS: Sciatica", "https://www.nhs.uk/conditions/sciatica/")
NHS_SEPSIS = Source("NHS: Sepsis", "https://www.nhs.uk/conditions/sepsis/")
NHS_IBUPROFEN = Source(
    "NHS: Ibuprofen for adults", "https://www.nhs.uk/medicines/ibuprofen-for-adults/"
)
NICE_CKS = Source(
    "NICE CKS: Back pain - low (without radiculopathy)",
    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
)
NICE_NG59 = Source(
    "NICE NG59: Low back pain and sciatica in over 16s", "https://www.nice.org.uk/guidance/ng59"
)
NICE_NG65 = Source("NICE NG65: Spondyloarthritis", "https://www.nice.org.uk/guidance/ng65")
NICE_NG126 = Source(
    "NICE NG126: Ectopic pregnancy and miscarriage", "https://www.nice.org.uk/guidance/ng126"
)
NICE_NG156 = Source(
    "NICE NG156: Abdominal aortic aneurysm", "https://www.nice.org.uk/guidance/ng156"
)
NICE_NG234 = Source(
    "NICE NG234: Spinal metastases and metastatic spinal cord compression",
    "https://www.nice.org.uk/guidance/ng234",
)
NICE_CG151 = Source("NICE CG151: Neutropenic sepsis", "https://www.nice.org.uk/guidance/cg151")
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
ACOG_PRETERM = Source(
    "ACOG: Preterm Labor and Birth",
    "https://www.acog.org/womens-health/faqs/preterm-labor-and-birth",
)
ACOG_BLEEDING = Source(
    "ACOG: Bleeding During Pregnancy",
    "https://www.acog.org/womens-health/faqs/bleeding-during-pregnancy",
)
ACOG_ECTOPIC = Source(
    "ACOG: Ectopic Pregnancy", "https://www.acog.org/womens-health/faqs/ectopic-pregnancy"
)
# Not in the contract's list.
ACOG_EARLY_LOSS = Source(
    "ACOG: Early Pregnancy Loss", "https://www.acog.org/womens-health/faqs/early-pregnancy-loss"
)
FDA_NSAIDS = Source(
    "FDA: Avoid NSAIDs in pregnancy at 20 weeks or later",
    "https://www.fda.gov/drugs/drug-safety-and-availability/"
    "fda-recommends-avoiding-use-nsaids-pregnancy-20-weeks-or-later-because-they-can-result-low-amniotic",
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
HENSCHKE_2009 = Source(
    "Henschke et al. 2009: Red flags in primary care",
    "https://pubmed.ncbi.nlm.nih.gov/19790051/",
)
