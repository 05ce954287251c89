"""One WTForms form per question, built from the question definitions, plus a strict check
of what was sent: a tampered form is refused with a 400 that names the question."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import RadioField, SelectMultipleField
from wtforms.validators import InputRequired

from backcare.triage.questions import NONE, QUESTIONS, Kind, Question


class QuestionForm(FlaskForm):
    class Meta:
        csrf = False  # CSRFProtect checks every POST before the view runs (see security.py)


def _form_class(question: Question) -> type[QuestionForm]:
    field_class = RadioField if question.kind is Kind.RADIO else SelectMultipleField
    field = field_class(
        choices=[option.code for option in question.options],
        validators=[InputRequired(message=_l(question.error))],
    )
    return type(
        f"{question.id.title().replace('_', '')}Form", (QuestionForm,), {question.id: field}
    )


FORMS: dict[str, type[QuestionForm]] = {
    question.id: _form_class(question) for question in QUESTIONS
}


class SubmissionError(ValueError):
    """The form was not one a person could send from our page."""


def check_submission(question: Question, form: MultiDict) -> None:
    """Refuse unknown fields, repeated answers and codes that are not this question's."""
    allowed = {question.id, "csrf_token"}
    if any(key not in allowed for key in form):
        raise SubmissionError(_("The form sent a field that this question does not have."))
    if any(len(form.getlist(key)) > 1 for key in allowed if key != question.id):
        raise SubmissionError(_("The form sent the same field more than once."))
    values = form.getlist(question.id)
    if question.kind is Kind.RADIO and len(values) > 1:
        raise SubmissionError(
            _("Only one answer can be chosen for “%(question)s”.", question=_(question.title))
        )
    if len(set(values)) != len(values) or any(value not in question.codes for value in values):
        raise SubmissionError(
            _(
                "The answer sent for “%(question)s” is not one of its choices.",
                question=_(question.title),
            )
        )


def answer_from(question: Question, form: QuestionForm) -> str | tuple[str, ...]:
    """The answer as codes. Ticking "None of these" beside a sign counts the sign (fail safe)."""
    data = form[question.id].data
    if question.kind is Kind.RADIO:
        return data
    return tuple(code for code in question.sign_codes if code in data)


def chosen_codes(question: Question, answer) -> tuple[str, ...]:
    """The codes to show as chosen: a stored answer, or what a form with an error sent back.
    A stored "None of these" (no signs) shows that box ticked."""
    if answer is None:
        return ()
    if isinstance(answer, str):
        return (answer,)
    if question.kind is Kind.CHECKBOX and isinstance(answer, tuple) and not answer:
        return (NONE,)
    return tuple(answer)
