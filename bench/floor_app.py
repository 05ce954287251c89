"""A reference, not a target: the bare app plus the two things backcare cannot leave out.

Privacy keeps a person's answers in a signed session cookie and nowhere else, and every form
needs Flask-WTF's CSRF token. This app does only that: the bare app's form page, with the same
answers in its session and a CSRF token in its form, and a POST that checks the token, records
an answer in the cookie and redirects. It uses Flask's own session, which costs a little more
than backcare's (``backcare/session_cookie.py``), so it shows roughly what these two cost any
Flask app, before a single question or rule. Served by ``bench.py`` (``bench.floor_app:app``).
"""

import os
from pathlib import Path

from flask import Flask, redirect, render_template, request, session
from flask_wtf.csrf import CSRFProtect, generate_csrf
from markupsafe import escape

from bench.bare_app import CHOICES
from bench.bench import ANSWERS

app = Flask(__name__, template_folder=str(Path(__file__).resolve().parent / "templates"))
app.secret_key = os.environ["BACKCARE_SECRET_KEY"]  # bench.py sets a fresh one
CSRFProtect(app)


@app.get("/")
def form_page() -> str:
    """The bare app's page, with every answer in the session and a CSRF token in the form."""
    session.setdefault("answers", {qid: list(codes) for qid, codes in ANSWERS.items()})
    page = render_template("bare.html", title="Could you be pregnant?", choices=CHOICES)
    # The bare app's own template, untouched, with the token field put into its form.
    field = f'<input type="hidden" name="csrf_token" value="{escape(generate_csrf())}">'
    return page.replace("<fieldset>", field + "\n  <fieldset>", 1)


@app.post("/")
def answer():
    """The CSRF token is checked before this runs; the answer goes into the cookie."""
    session["answers"] = {**session.get("answers", {}), "pregnant": request.form["answer"]}
    return redirect("/")
