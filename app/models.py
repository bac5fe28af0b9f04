"""Every table, imported in one place so migrations and the app see the same metadata."""

from app.auth.models import AccountEvent, RecoveryCode, StaffUser
from app.core.models import FormSubmission
from app.feedback.models import Update, UpdateEvent, UpdateLink, UpdateText
from app.ledger.models import (
    Attendance,
    BenefitThreshold,
    Claim,
    ClaimEvent,
    ClaimLine,
    InvolvementSession,
    PaymentBatch,
    Project,
    Rate,
    Receipt,
    Setting,
)
from app.outbox.models import OutboxMessage
from app.people.models import Participant, SignInCode
from app.privacy.models import ErasureRequest, PrivacyEvent
from app.surveys.models import Option, Question, Survey, SurveyText
from app.surveys.response_models import Answer, AnswerTheme, Response, Theme
from app.surveys.summary.models import ResultsSummary, SummaryQuestion, SummaryQuote

__all__ = [
    "AccountEvent",
    "RecoveryCode",
    "UpdateText",
    "UpdateLink",
    "UpdateEvent",
    "Update",
    "SummaryQuote",
    "SummaryQuestion",
    "ResultsSummary",
    "OutboxMessage",
    "Answer",
    "AnswerTheme",
    "Attendance",
    "BenefitThreshold",
    "Claim",
    "ClaimEvent",
    "ClaimLine",
    "FormSubmission",
    "InvolvementSession",
    "Option",
    "Participant",
    "ErasureRequest",
    "PrivacyEvent",
    "PaymentBatch",
    "Project",
    "Question",
    "Rate",
    "Receipt",
    "Response",
    "Setting",
    "SignInCode",
    "StaffUser",
    "Survey",
    "SurveyText",
    "Theme",
]
