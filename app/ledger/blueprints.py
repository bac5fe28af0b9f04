"""The ledger's pages, on three blueprints declared here and nowhere else.

- claims: staff pages for claims (claim_views.py), with the approval limit (limit_views.py)
  and the letterhead (letterhead.py) beside them.
- sessions: staff pages for sessions, rates, thresholds and statements (session_views.py).
- me_claims: a participant's own claims under /me (me_claim_views.py).

Each view module hangs its pages on its blueprint with @bp.route.
"""

from flask import Blueprint

claims_bp = Blueprint("claims", __name__, url_prefix="/staff/claims")
sessions_bp = Blueprint("sessions", __name__, url_prefix="/staff")
me_claims_bp = Blueprint("me_claims", __name__, url_prefix="/me/claims")
