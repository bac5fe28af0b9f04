"""Every registered page: the core list in tests/pages.py and each area's registry."""

from __future__ import annotations

from tests import registry_outbox
from tests import registry_privacy
from tests import registry_signin
from tests import registry_staff
from tests import registry_summary
from tests import registry_updates_admin
from tests import registry_updates_public
from tests.pages import PAGES as CORE_PAGES
from tests.pages import Page

AREAS = (
    registry_updates_admin,
    registry_updates_public,
    registry_outbox,
    registry_summary,
    registry_privacy,
    registry_signin,
    registry_staff,
)
PAGES: list[Page] = CORE_PAGES + [page for area in AREAS for page in area.PAGES]
EXTRA_ROUTES: dict = {name: spec for area in AREAS for name, spec in area.ROUTES.items()}
