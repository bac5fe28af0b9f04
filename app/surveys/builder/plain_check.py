"""The plain-words check on what a survey says to participants, for the overview and the preview.

The words checked are those a participant reads: the introduction and what happens to the
answers (the start page), what people agree to (the consent page), and each question with its
"what this means". The check only suggests; it never stops a survey being saved or opened.
"""

from __future__ import annotations

from flask_babel import gettext as _
from markupsafe import Markup

from app.core.plain_words import check_pieces
from app.core.plain_words_notes import notes
from app.surveys.content import QuestionView
from app.surveys.content import SurveyView


def plain_notes(view: SurveyView, page: str | int | None = None) -> list[Markup]:
    """What the check suggests for the whole survey, or for one preview page ("start",
    "consent", a question id), said in the staff member's language."""
    return notes(check_pieces(_pieces(view, page), view.language))


def _pieces(view: SurveyView, page: str | int | None) -> list[tuple[str, str]]:
    opening = {
        "start": [
            (_("Introduction"), view.intro),
            (_("What happens to the answers"), view.what_happens),
        ],
        "consent": [(_("What people agree to"), view.consent_text)],
    }
    if page is None:
        questions = [piece for q in view.questions for piece in _question(q)]
        return [*opening["start"], *opening["consent"], *questions]
    if isinstance(page, int):
        asked = view.question(page)
        return _question(asked) if asked is not None else []
    return opening.get(page, [])


def _question(question: QuestionView) -> list[tuple[str, str]]:
    return [
        (_("Question %(number)d", number=question.number), question.text),
        (_("Question %(number)d, what this means", number=question.number), question.help_text),
    ]
