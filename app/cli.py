"""`flask --app wsgi withus …` commands for the people who run the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from flask.cli import with_appcontext

from app.auth import services
from app.auth.models import Role


@click.group()
def withus() -> None:
    """Commands for running WithUs."""


@withus.command("create-user")
@click.option("--email", required=True, help="The staff member's email address.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--name", default="", help="Their name as colleagues know it.")
@click.password_option(prompt="Password (at least 12 characters)")
@with_appcontext
def create_user(email: str, role: str, name: str, password: str) -> None:
    """Create a staff account. The password is asked for, never taken from the command line."""
    try:
        user = services.create_staff_user(email=email, name=name, role=role, password=password)
    except services.AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role.value} account for {user.email}.")


@withus.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Load demo data into an empty database and print the demo sign-ins."""
    from app.demo import load_demo_data

    created = load_demo_data()
    if not created:
        click.echo("The database already has data; demo data was not loaded.")
        return
    click.echo("Demo staff sign-ins (for trying WithUs on this computer only):")
    for email, role, password in created:
        click.echo(f"  {role:<12} {email:<28} password: {password}")


def _whole_number(name: str, default: int, words: str) -> Any:
    """An option taking a whole number of at least 1."""
    return click.option(
        name, default=default, show_default=True, type=click.IntRange(min=1), help=words
    )


@withus.command("send-notifications")
@_whole_number("--limit", 100, "Most messages to send per run.")
@click.option("--loop", is_flag=True, help="Keep running, sending every --interval seconds.")
@_whole_number("--interval", 60, "Seconds between runs with --loop.")
@with_appcontext
def send_notifications(limit: int, loop: bool, interval: int) -> None:
    """Send queued messages: updates to the people who took part, and news of people's claims.

    Run it every few minutes from cron, for example:

    \b
        */5 * * * * cd /srv/withus && .venv/bin/flask --app wsgi withus send-notifications

    Without cron, leave it running: flask --app wsgi withus send-notifications --loop
    """
    from app.outbox.sender import keep_sending
    from app.outbox.sender import send_pending

    if loop:
        keep_sending(limit, interval, lambda outcome: click.echo(outcome.summary()))
        return
    click.echo(send_pending(limit).summary())


@withus.command("send-daily-digests")
@_whole_number("--limit", 100, "Most messages to send from the outbox afterwards.")
@with_appcontext
def send_daily_digests(limit: int) -> None:
    """Email each coordinator who asked for it the day's count of new responses to a survey.

    Safe to run more than once a day, even two at once: a day's email is queued once at most.
    It then sends what is waiting in the outbox, as send-notifications does. From cron, for
    example at 8 in the morning:

    \b
        0 8 * * * cd /srv/withus && .venv/bin/flask --app wsgi withus send-daily-digests
    """
    from app.outbox.sender import send_pending
    from app.surveys.digest import queue_daily_digests

    queued = queue_daily_digests()
    click.echo(f"Queued {queued} daily emails about new responses.")
    click.echo(send_pending(limit).summary())


@withus.command("apply-retention")
@click.option("--dry-run", is_flag=True, help="Only count what would go; delete nothing.")
@with_appcontext
def apply_retention(dry_run: bool) -> None:
    """Delete personal data kept longer than the periods set at /staff/privacy/retention.

    Run it once a day from cron, for example:

    \b
        15 3 * * * cd /srv/withus && .venv/bin/flask --app wsgi withus apply-retention
    """
    from app.privacy.retention import apply

    found = apply(dry_run=dry_run)
    verb = "Would delete" if dry_run else "Deleted"
    for key, number in found.items():
        click.echo(f"{verb} {number} {key.replace('_', ' ')}")


@withus.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup(path: Path) -> None:
    """Copy the SQLite database to PATH while the site keeps running."""
    from app.extensions import db
    from app.privacy.backup import BackupRefused
    from app.privacy.backup import backup_sqlite
    from app.privacy.backup import pg_dump_command

    url = db.engine.url
    if url.get_backend_name() == "postgresql":
        raise click.ClickException(
            "This database is PostgreSQL: back it up with pg_dump, for example\n  "
            + pg_dump_command(url, str(path))
        )
    if not url.database or url.database == ":memory:":
        raise click.ClickException("This database is only in memory; there is nothing to copy.")
    try:
        pages = backup_sqlite(Path(url.database), path)
    except BackupRefused as refused:
        raise click.ClickException(str(refused)) from refused
    click.echo(f"Backed up {pages} pages to {path}.")
