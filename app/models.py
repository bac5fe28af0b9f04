"""Every table, imported in one place so migrations and the app see the same metadata."""

from app.auth.models import AccountEvent
from app.auth.models import RecoveryCode
from app.auth.models import StaffUser
from app.core.models import FormSubmission
from app.feedback.models import Update
from app.feedback.models import UpdateEvent
from app.feedback.models import UpdateLink
from app.feedback.models import UpdateText
from app.ledger.models import Attendance
from app.ledger.models import BenefitThreshold
from app.ledger.models import Claim
from app.ledger.models import ClaimEvent
from app.ledger.models import ClaimLine
from app.ledger.models import InvolvementSession
from app.ledger.models import PaymentBatch
from app.ledger.models import Rate
from app.ledger.models import Receipt
from app.ledger.models import Setting
from app.outbox.models import OutboxMessage
from app.people.models import Participant
from app.people.models import SignInCode
from app.privacy.models import ErasureRequest
from app.privacy.models import PrivacyEvent
from app.projects.models import AccessCheck
from app.projects.models import Project
from app.projects.readiness_models import LearningEntry
from app.projects.readiness_models import ReadinessAnswer
from app.projects.readiness_models import ReadinessCheck
from app.surveys.models import Option
from app.surveys.models import Question
from app.surveys.models import Survey
from app.surveys.models import SurveyMove
from app.surveys.models import SurveyText
from app.surveys.response_models import Answer
from app.surveys.response_models import AnswerTheme
from app.surveys.response_models import Response
from app.surveys.response_models import Theme
from app.surveys.summary.models import ResultsSummary
from app.surveys.summary.models import SummaryQuestion
from app.surveys.summary.models import SummaryQuote

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
    "AccessCheck",
    "LearningEntry",
    "ReadinessAnswer",
    "ReadinessCheck",
    "Answer",
    "SurveyMove",
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
