"""Debian's Chromium for Playwright, and the checkers the browser tests use."""

from pathlib import Path

from ..servers import ROOT

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling home, which this machine refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-proxy-server",
]
#: From ``npm ci`` (package.json): the Nu HTML Checker and a pinned axe-core.
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def launch(playwright):
    """Debian's Chromium, headless: never a browser that Playwright would download."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def new_context(browser, app_url, lang="en", **options):
    """A context speaking ``lang`` (Accept-Language), with relative URLs on the app."""
    options.setdefault("viewport", {"width": 1280, "height": 800})
    locale = "es-ES" if lang == "es" else "en-GB"
    context = browser.new_context(base_url=app_url, locale=locale, **options)
    context.set_default_timeout(10_000)
    return context
