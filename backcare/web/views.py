"""The questionnaire pages: start, one page per question, check your answers, result, about."""

from flask import abort, redirect, request, url_for

from backcare.headers import no_store
from backcare.i18n import localized_blueprint
from backcare.templating import render_page
from backcare.triage import QUESTIONS, QUESTIONS_BY_ID, assess
from backcare.triage.catalog import CATALOG, listed_once
from backcare.triage.questions import (
    first_unanswered,
    has_emergency_sign,
    is_shown,
    next_after,
    previous_before,
    progress,
    relevant_answers,
)
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


def _refuse_extra_fields():
    """The check and "Start again" forms send their CSRF token and nothing else."""
    if set(request.form) != {"csrf_token"} or len(request.form.getlist("csrf_token")) > 1:
        abort(400)


def _question_url(question, change=False):
    return url_for("web.question", question_id=question.id, change=1 if change else None)


def _where_to_go(answers, changing=False):
    """Where a person with these answers belongs next: the first unanswered question, else
    the check page, or at once the result when an emergency sign was given."""
    if has_emergency_sign(answers):
        return redirect(url_for("web.result"))
    missing = first_unanswered(answers)
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
    answers = stored.load()
    changing = request.args.get("change") == "1"
    missing = first_unanswered(answers)
    asked_too_early = missing is not None and QUESTIONS.index(missing) < QUESTIONS.index(question)
    if question.id != QUESTIONS[0].id and (
        has_emergency_sign(answers) or not is_shown(question, answers) or asked_too_early
    ):
        return _where_to_go(answers)

    error = None
    if request.method == "POST":
        try:
            check_submission(question, request.form)
        except SubmissionError as problem:
            abort(400, description=str(problem))
        form = FORMS[question.id]()
        if form.validate():
            answers = stored.save(answers, question.id, answer_from(question, form))
            return _after_answer(question, answers, changing)
        chosen, error = form[question.id].data, form[question.id].errors[0]
    else:
        chosen = answers.get(question.id)

    previous = previous_before(question, answers)
    if changing:
        back = url_for("web.check")
    elif previous:
        back = _question_url(previous)
    else:
        back = url_for("web.start")
    number, total = progress(question, answers)
    return no_store(
        render_page(
            "web/question.html",
            question=question,
            chosen=chosen_codes(question, chosen),
            error=error,
            back=back,
            number=number,
            total=total,
            changing=changing,
        )
    )


def _after_answer(question, answers, changing):
    if changing or has_emergency_sign(answers):
        return _where_to_go(answers, changing)
    following = next_after(question, answers)
    return redirect(_question_url(following) if following else url_for("web.check"))


@bp.route("/check", methods=["GET", "POST"])
def check():
    answers = stored.load()
    if has_emergency_sign(answers) or first_unanswered(answers) is not None:
        return _where_to_go(answers)
    if request.method == "POST":
        _refuse_extra_fields()
        return redirect(url_for("web.result"))
    return no_store(render_page("web/check.html", answers=relevant_answers(answers)))


@bp.get("/result")
def result():
    answers = stored.load()
    if not has_emergency_sign(answers) and first_unanswered(answers) is not None:
        return _where_to_go(answers)
    assessment = assess(answers)
    return no_store(render_page("web/result.html", assessment=assessment))


@bp.post("/start-again")
def start_again():
    _refuse_extra_fields()
    stored.clear()
    return redirect(url_for("web.start"))


@bp.get("/resources")
def resources():
    return shared_page("web/resources.html", sections=listed_once(CATALOG))


@bp.get("/about")
def about():
    # Each source is listed once, numbered; the rules refer to it by its number.
    sources = list(dict.fromkeys(source for rule in RULES for source in rule.sources))
    return shared_page("web/about.html", rules=RULES, sources=sources)
