"""The questionnaire pages: start, one page per question, check your answers, result, about."""

from datetime import date

from flask import abort, redirect, request, url_for
from flask_babel import gettext as _

from backcare.clinics import active_clinic, emergency_number
from backcare.embedding import assessment_message, embedded
from backcare.headers import no_store
from backcare.i18n import localized_blueprint, page_language
from backcare.templating import render_page
from backcare.triage import QUESTIONS, QUESTIONS_BY_ID, Journey, assess
from backcare.triage.catalog import CATALOG, listed_once
from backcare.triage.rules import RULES
from backcare.web import answers as stored
from backcare.web.forms import (
    FORMS,
    SubmissionError,
    answer_from,
    check_submission,
    chosen_codes,
)
from backcare.web.fragments import for_request

bp = localized_blueprint("web", __name__)
bp.before_request(stored.record_answering_for)


def _refuse_extra_fields():
    """The check and "Start again" forms send their CSRF token and nothing else."""
    if set(request.form) != {"csrf_token"} or len(request.form.getlist("csrf_token")) > 1:
        abort(400)


def _question_url(question, change=False):
    return url_for("web.question", question_id=question.id, change=1 if change else None)


def _where_to_go(journey, changing=False):
    """Where a person on this journey belongs next: at once the result when an emergency rule
    fired, else the first unanswered question, else the check page."""
    if journey.stopped_early:
        return redirect(url_for("web.result"))
    missing = journey.first_unanswered
    return redirect(_question_url(missing, changing) if missing else url_for("web.check"))


def shared_page(template, **context):
    """A page that is the same for everyone in a language and clinic, rendered once per process.

    Only pages with no form and nothing from the session but the clinic may use it.
    """
    pages = for_request().pages
    if template not in pages:
        pages[template] = render_page(template, **context)
    return pages[template]


@bp.get("/")
def start():
    return shared_page("web/start.html", first=QUESTIONS[0])


@bp.route("/q/<question_id>", methods=["GET", "POST"])
def question(question_id):
    question = QUESTIONS_BY_ID.get(question_id)
    if question is None:
        abort(404)
    journey = Journey.of(stored.load())
    changing = request.args.get("change") == "1"
    missing = journey.first_unanswered
    asked_too_early = missing is not None and QUESTIONS.index(missing) < QUESTIONS.index(question)
    if question.id != QUESTIONS[0].id and (
        journey.stopped_early or not journey.is_asked(question) or asked_too_early
    ):
        return _where_to_go(journey)

    wording = question.wording(stored.answering_for())
    error = None
    if request.method == "POST":
        try:
            check_submission(question, request.form)
        except SubmissionError as problem:
            abort(400, description=str(problem))
        form = FORMS[question.id]()
        if form.validate():
            answers = stored.save(journey.answers, question.id, answer_from(question, form))
            return _after_answer(question, Journey.of(answers), changing)
        chosen, error = form[question.id].data, _(wording.error)
    else:
        chosen = journey.answers.get(question.id)

    previous = journey.previous_before(question)
    # Where "Back" leads: a question's id, or a page's endpoint (the back_link fragment's key).
    back = "web.check" if changing else previous.id if previous else "web.start"
    number, total = journey.position(question) if journey.is_asked(question) else (1, 1)
    return no_store(
        render_page(
            "web/question.html",
            question=question,
            wording=wording,
            chosen=chosen_codes(question, chosen),
            error=error,
            back=back,
            number=number,
            total=total,
            changing=changing,
        )
    )


def _after_answer(question, journey, changing):
    if changing or journey.stopped_early:
        return _where_to_go(journey, changing)
    following = journey.next_after(question)
    return redirect(_question_url(following) if following else url_for("web.check"))


@bp.route("/check", methods=["GET", "POST"])
def check():
    journey = Journey.of(stored.load())
    if not journey.complete or journey.stopped_early:
        return _where_to_go(journey)
    if request.method == "POST":
        _refuse_extra_fields()
        return redirect(url_for("web.result"))
    return no_store(render_page("web/check.html", answers=journey.answers))


@bp.get("/result")
def result():
    journey = Journey.of(stored.load())
    if not journey.complete:
        return _where_to_go(journey)
    assessment = assess(journey.answers)
    message = None
    if embedded():
        number = emergency_number(active_clinic())
        message = assessment_message(assessment, page_language(), number)
    return no_store(
        render_page(
            "web/result.html",
            assessment=assessment,
            message=message,
            answering_for=stored.answering_for(),
            stopped_at=journey.stopped_at,
            today=date.today(),
        )
    )


@bp.post("/start-again")
def start_again():
    _refuse_extra_fields()
    clinic, inside_portal = active_clinic(), embedded()
    stored.clear()  # everything, the CSRF secret too: nothing of the visit opens again
    # A clinic's visitor stays in its frame: the start page records the clinic again.
    embed = 1 if inside_portal else None
    return redirect(url_for("web.start", clinic=clinic.id if clinic else None, embed=embed))


@bp.get("/resources")
def resources():
    return shared_page("web/resources.html", sections=listed_once(CATALOG))


@bp.get("/about")
def about():
    # Each source is listed once, numbered; the rules refer to it by its number.
    sources = list(dict.fromkeys(source for rule in RULES for source in rule.sources))
    return shared_page("web/about.html", rules=RULES, sources=sources)
