"""What the tests know of the seed page (MedlinePlus "Back Pain"): every link, in page order,
and its "Also in Spanish" pairs.

The page itself lives outside the repository (``../shared/seed/``). Where it is, its links are
read from it, and the copy the repository keeps (``tests/data/seed-links.json``) must say the
same; where it is not (a fresh clone anywhere), that copy is what the tests check against.
"""

import json
import re
from functools import cache
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "medlineplus-back-pain.txt"
KEPT = Path(__file__).resolve().parent / "data" / "seed-links.json"
# <https://…> or the target of [text](https://…)
LINK = re.compile(r"<(https?://[^>\s]+)>|\[[^\[\]]*\]\((https?://[^)\s]+)\)")
ALSO_IN_SPANISH = "Also in Spanish"


def read_page(text: str) -> dict[str, list]:
    """The links of the page's text, the stray ``\\_`` escapes undone, and the (English,
    Spanish) pairs that its "Also in Spanish" marks join."""
    links = [
        (match.start(), (match[1] or match[2]).replace("\\\\_", "_").replace("\\_", "_"))
        for match in LINK.finditer(text)
    ]
    pairs = []
    for phrase in re.finditer(ALSO_IN_SPANISH, text):
        english = [url for position, url in links if position < phrase.start()][-1]
        spanish = next(url for position, url in links if position > phrase.start())
        pairs.append([english, spanish])
    return {"links": [url for _, url in links], "spanish_pairs": pairs}


@cache
def seed_facts() -> dict[str, list]:
    """The page's links and pairs: from the page where it is available, else the kept copy."""
    kept = json.loads(KEPT.read_text(encoding="utf-8"))
    if SEED.exists():
        read = read_page(SEED.read_text(encoding="utf-8"))
        assert read == kept, f"{KEPT.name} no longer matches the seed page: regenerate it"
    return kept


def seed_links() -> list[str]:
    return seed_facts()["links"]


def spanish_pairs() -> list[tuple[str, str]]:
    return [tuple(pair) for pair in seed_facts()["spanish_pairs"]]


if __name__ == "__main__":  # python -m tests.seed: write the kept copy from the page
    KEPT.write_text(json.dumps(read_page(SEED.read_text(encoding="utf-8")), indent=1) + "\n")
