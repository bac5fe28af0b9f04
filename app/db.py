"""Declarative base, naming convention, shared column types and SQLite behaviour."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from typing import Annotated
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy import DateTime
from sqlalchemy import Dialect
from sqlalchemy import Enum
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def enum_column(kind: type[enum.Enum], name: str) -> Enum:
    """An enum stored as its plain string value, checked by the database on every backend."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        length=20,
        create_constraint=True,
        values_callable=lambda members: [m.value for m in members],
    )


IntPk = Annotated[int, mapped_column(Integer, primary_key=True)]
Money = Annotated[int, mapped_column(BigInteger)]
"""Money is always integer pence; formatting to pounds happens only at the edge."""
CreatedAt = Annotated[datetime, mapped_column(DateTime(timezone=True), default=utcnow)]


class JSONText(TypeDecorator[Any]):
    """A value kept as JSON text in a plain text column: encoded and decoded here, nowhere else.

    The text is exactly what json.dumps(value, ensure_ascii=False) writes, default separators
    and all, as answers have always been stored: database triggers and exports compare it, so
    it must not change. As with SQLAlchemy's own JSON type, None is JSON's null (the text
    "null"); SQL NULL is written as sqlalchemy.null(), or by not setting the value at all.
    """

    impl = Text
    cache_ok = True
    should_evaluate_none = True  # None is a value ("null"), not "leave the column out"

    @staticmethod
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    @staticmethod
    def loads(text: str | None) -> Any:
        """For a query that reads the stored text itself (type_coerce(column, Text)), to decode
        each distinct text once rather than every row: the CSV export."""
        return None if text is None else json.loads(text)

    def process_bind_param(self, value: Any, dialect: Dialect) -> str:
        return self.dumps(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return self.loads(value)


class TranslatedWords:
    """The columns a translated piece of a survey or an update has besides its owner and key."""

    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    # The main-language words this was translated from, kept when those words change so the
    # translate page can show what changed. NULL: made before this was recorded, taken as current.
    source: Mapped[str | None] = mapped_column(Text)


def configure_sqlite(
    engine: Engine, busy_timeout_ms: int, begins_reading: Callable[[Connection], bool]
) -> None:
    """WAL, a busy timeout, full fsync and foreign keys on SQLite; how each transaction begins.

    A transaction that may write starts with BEGIN IMMEDIATE: a deferred transaction that reads
    and then writes can fail at once with "database is locked" when another writer got in
    between, and the busy timeout cannot help it. Taking the write lock up front makes writers
    queue instead. A reading transaction (see app.transactions) starts deferred, so page views
    never queue behind the single write lock: in WAL they read a snapshot beside the writer.
    begins_reading (app.transactions hands it over) says which kind a transaction is.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN" if begins_reading(connection) else "BEGIN IMMEDIATE")
