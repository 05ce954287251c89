"""The yardstick: a bare Flask app with one route that renders a small template file.

Served by ``bench.py`` under the same gunicorn settings as backcare (``bench.bare_app:app``).
"""

from pathlib import Path

from flask import Flask, render_template

app = Flask(__name__, template_folder=str(Path(__file__).resolve().parent / "templates"))

CHOICES = (("yes", "Yes"), ("no", "No"), ("not_sure", "I am not sure"))


@app.get("/")
def form_page() -> str:
    """A small form page, compiled once per worker and cached by Jinja like backcare's."""
    return render_template("bare.html", title="Could you be pregnant?", choices=CHOICES)
