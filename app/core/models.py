"""Records every form submission key so a double tap or a resent page never saves twice."""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from app.db import Base
from app.db import CreatedAt


class FormSubmission(Base):
    __tablename__ = "form_submissions"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[CreatedAt]


class SharedPageGeneration(Base):
    """A counter the database moves (migration 0015's triggers) whenever anything a shared
    public page shows changes: each web process compares it with the one its copies were
    drawn at (app/core/shared_pages.py)."""

    __tablename__ = "shared_page_generation"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer)
