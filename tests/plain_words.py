"""The prose a page writes, as the readability formulas should read it: the text of ``<main>``
without what the app does not write in its own words (source lines, reading-list titles,
publishers, the answer summary, rule ids) or that is not prose (the question counter, the
buttons' rows). Each block is one sentence at least."""

from bs4 import BeautifulSoup

NOT_OURS = (".source", ".read-more", "dl.summary", "code", "small", ".caption", ".rules-version")
BLOCKS = ("h1", "h2", "h3", "p", "li", "label", "legend", "dt", "dd", "a", "button", "summary")


def prose(html: str) -> str:
    main = BeautifulSoup(html, "html.parser").find("main")
    for selector in NOT_OURS:
        for element in main.select(selector):
            element.decompose()
    blocks = []
    for element in main.find_all(BLOCKS):
        if element.find(BLOCKS):
            continue  # its inner blocks are read one by one
        text = " ".join(element.get_text(" ", strip=True).split())
        if text:
            blocks.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(dict.fromkeys(blocks))  # a repeated block (a second "Continue") once
