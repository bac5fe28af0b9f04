"""`flask --app wsgi withus …` commands for the people who run the site."""

from __future__ import annotations

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
