"""SQLAlchemy models: the library's tables.

SQLite is the source of truth; the Whoosh index in ``search/`` is derived from
these rows and can always be rebuilt from them. Schema changes go through an
Alembic migration in ``db/migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table."""

    __table__: ClassVar[Table]  # each model maps one Table (typed FromClause by default)


class Article(Base):
    """One imported article: the text as read, and where it came from."""

    __tablename__ = "articles"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused (migration 0007)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(512), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(16), default="text")
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    """The article's own date line (``YYYY-MM-DD``) or metadata date; None if it has none."""
    date_inferred: Mapped[str | None] = mapped_column(String(10))
    """For an article without a date line: the date its own text gives, if any."""
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime]
    language: Mapped[str | None] = mapped_column(String(8))
    """``en``, ``ru`` or ``unknown`` (``app.language``), detected at import."""
    url: Mapped[str | None] = mapped_column(Text)
    """The article's own address (canonical URL), to cite and open it (migration 0009)."""
    outlet: Mapped[str | None] = mapped_column(Text)
    """Who published it: a newspaper, agency or ministry site."""
    author: Mapped[str | None] = mapped_column(Text)
    """Its author(s), as one line."""
    note: Mapped[str | None] = mapped_column(Text)
    """A person's note on the article."""
    edited_fields: Mapped[list[str] | None] = mapped_column(JSON)
    """The fields (``title``, ``outlet``, ...) a person edited: importing the file again
    never overwrites them (``app.article_source``)."""

    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class Fact(Base):
    """One consolidated fact (a visit, an agreement, a figure, ...).

    ``data`` holds the fields of the ``bilateral-facts/1`` format for its type;
    ``block`` is a coarse key that candidates must share to be merged into it.
    """

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    block: Mapped[str] = mapped_column(String(256))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    origin: Mapped[str] = mapped_column(String(16), default="extracted")
    """``extracted`` by the extractor, or ``user`` when a person added it by hand."""
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    """A person marked the fact wrong; it stays hidden across re-extraction."""
    user_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Fields a person corrected; they override ``data`` and survive re-extraction."""
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    """A person checked the fact against its sources and called it right; it survives
    re-extraction, even when the extractor no longer finds it."""
    regrouped: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    """A person merged another fact into this one or split it off: re-extraction puts the
    sentences it cites back into it, whatever the consolidator would have grouped."""

    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="fact", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        Index("ix_facts_type_block", "type", "block"),
        {"sqlite_autoincrement": True},  # ids are never reused (migration 0007)
    )


class Evidence(Base):
    """Where a fact was read: the article and the sentence's character span."""

    __tablename__ = "evidence"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused (migration 0007)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)

    fact: Mapped[Fact] = relationship(back_populates="evidence")
    article: Mapped[Article] = relationship(back_populates="evidence")


class SelectionItem(Base):
    """A fact the user chose for export, in the user's order; kept across restarts."""

    __tablename__ = "selection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), unique=True)
    position: Mapped[int]
    added_at: Mapped[datetime]
