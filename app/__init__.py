"""WithUs application factory: config, then extensions, then blueprints, then commands."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_babel import format_date
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from app import models as _models  # noqa: F401  every table, for migrations and relationships
from app import transactions
from app.auth.guard import staff_for_layout
from app.config import ROOT
from app.config import load_config
from app.config import trusted_hosts
from app.core.links import public_address
from app.core.links import share_url
from app.core.links import this_page
from app.core.requests import CleanRequest
from app.db import configure_sqlite
from app.extensions import babel
from app.extensions import csrf
from app.extensions import db
from app.extensions import limiter
from app.extensions import migrate
from app.i18n import LANGUAGES
from app.i18n import OWN_LANGUAGE
from app.i18n import current_language
from app.i18n import format_moment
from app.i18n import one_of
from app.i18n import select_formatting_locale
from app.ledger.money import format_pence
from app.ledger.statement_pages import hours_text
from app.people.guard import own_language
from app.people.guard import participant_for_layout


def create_app(config_name: str | None = None, **overrides: Any) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.request_class = CleanRequest
    app.config.from_object(load_config(config_name))
    app.config.update(overrides)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A file never drops the connection the way a server can: checking it before every
        # use is a wasted statement on every page (app/core/dropped.py is about servers).
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
            "pool_pre_ping": False,
        }
    if "PUBLIC_URL" in overrides and "TRUSTED_HOSTS" not in overrides:
        config = app.config
        config["TRUSTED_HOSTS"] = trusted_hosts(config["PUBLIC_URL"], config["EXTRA_HOSTS"])
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        # Never X-Forwarded-Host or -Port: links come from PUBLIC_URL, and a header the client
        # sent (which a proxy may pass on) must not change which host the app thinks it is.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)

    # Ids in addresses fit the database's integers: a 30-digit id is simply "not found".
    app.url_map.converters["int"] = BoundedIntConverter
    _init_extensions(app)
    _register_blueprints(app)
    _register_templates(app)
    _register_messages(app)

    from app.cli import withus

    app.cli.add_command(withus)
    return app


class BoundedIntConverter(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs) -> None:
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        busy_timeout = app.config["SQLITE_BUSY_TIMEOUT_MS"]
        configure_sqlite(db.engine, busy_timeout, transactions.begins_reading)
    transactions.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), compare_type=True)
    app.extensions[OWN_LANGUAGE] = own_language
    babel.init_app(
        app,
        locale_selector=select_formatting_locale,
        default_translation_directories=str(ROOT / "translations"),
        default_timezone=app.config["TIME_ZONE"],
    )
    csrf.init_app(app)
    limiter.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from app.auth.account_views import bp as account_bp
    from app.auth.two_step_views import bp as two_step_bp
    from app.auth.views import bp as auth_bp
    from app.core.errors import register_error_pages
    from app.core.http import register_http
    from app.feedback.admin.views import bp as update_admin_bp
    from app.feedback.unsubscribe_views import bp as unsubscribe_bp
    from app.feedback.views import bp as updates_bp
    from app.ledger.claim_views import bp as claims_bp
    from app.ledger.me_claim_views import bp as me_claims_bp
    from app.ledger.session_views import bp as sessions_bp
    from app.me.views import bp as me_bp
    from app.people.staff_views import bp as people_bp
    from app.project_pages.views import bp as project_pages_bp
    from app.projects.readiness_views import bp as project_review_bp
    from app.projects.views import bp as projects_bp
    from app.site.views import bp as site_bp
    from app.staff.views import bp as staff_bp
    from app.surveys.builder.views import bp as survey_admin_bp
    from app.surveys.results.views import bp as survey_results_bp
    from app.surveys.summary.views import bp as summary_admin_bp
    from app.surveys.views import bp as surveys_bp

    app.register_blueprint(site_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(two_step_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(surveys_bp)
    app.register_blueprint(survey_admin_bp)
    app.register_blueprint(survey_results_bp)
    for ledger_bp in (people_bp, me_bp, sessions_bp, claims_bp, me_claims_bp):
        app.register_blueprint(ledger_bp)
    for feedback_bp in (updates_bp, update_admin_bp, unsubscribe_bp, summary_admin_bp):
        app.register_blueprint(feedback_bp)
    app.register_blueprint(projects_bp)
    app.register_blueprint(project_review_bp)
    app.register_blueprint(project_pages_bp)
    _register_privacy(app)
    register_error_pages(app)
    register_http(app)


def _register_privacy(app: Flask) -> None:
    from app.privacy.erasure_views import bp as erasure_bp
    from app.privacy.me_views import bp as privacy_me_bp
    from app.privacy.views import bp as privacy_bp

    for privacy_blueprint in (erasure_bp, privacy_bp, privacy_me_bp):
        app.register_blueprint(privacy_blueprint)


def _register_messages(app: Flask) -> None:
    """The outbox sits below the packages that queue messages: each says how its own are
    rewritten just before they go."""
    from app.feedback import update_messages
    from app.ledger import claim_messages
    from app.outbox import sender
    from app.surveys import digest

    sender.init_app(
        app,
        {
            "update": update_messages.ready_to_send,
            "claim": claim_messages.ready_to_send,
            "digest": digest.ready_to_send,
        },
    )


def _register_templates(app: Flask) -> None:
    app.jinja_env.autoescape = True
    # Printed addresses come from PUBLIC_URL, never from the Host header a request brought.
    app.jinja_env.globals["public_address"] = public_address
    app.jinja_env.globals["share_url"] = share_url
    app.jinja_env.globals["this_page"] = this_page
    app.jinja_env.filters["moment"] = format_moment
    # The formatters every page may use, in the reader's language: money(480) is "£4.80".
    app.jinja_env.globals.update(
        money=format_pence, day=format_date, hours=hours_text, one_of=one_of
    )

    @app.context_processor
    def _page_context() -> dict[str, Any]:
        return {
            "language": current_language(),
            "languages": LANGUAGES,
            "organisation_name": app.config["ORGANISATION_NAME"],
            "signed_in_staff": staff_for_layout(),
            "signed_in_participant": participant_for_layout(),
        }
