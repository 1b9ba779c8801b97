"""Full-text search over customers and interactions, per database.

SQLite: the FTS5 tables of migration 0002 (unicode61 folds Cyrillic case, which
SQLite's own lower() does not). PostgreSQL: the GIN indexes over
to_tsvector('simple', ...). Both match every word of the query as a prefix, so
typing "олег пет" finds "Олег Петренко" while the operator is still typing.

Contact values are matched separately: digits anywhere in a phone number
("123 45" in "+380501234567"), and the case-folded value for emails and ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, col, or_, select

from app.models import ContactPoint, Customer, Interaction

_WORD_RE = re.compile(r"\w+", re.UNICODE)
MIN_DIGITS_FOR_PHONE_MATCH = 3


def query_words(query: str) -> list[str]:
    """The words of a query, without anything an FTS syntax would read as an operator."""
    return [w.casefold() for w in _WORD_RE.findall(query)][:12]


def _fts5_query(words: list[str]) -> str:
    return " AND ".join(f'"{w}"*' for w in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


@dataclass(frozen=True)
class SearchResults:
    customers: list[Customer]
    interactions: list[Interaction]


def customer_ids_by_text(s: Session, query: str, limit: int) -> list[int]:
    words = query_words(query)
    if not words:
        return []
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        rows = s.connection().execute(
            text("SELECT rowid FROM customer_fts WHERE customer_fts MATCH :q LIMIT :n"),
            {"q": _fts5_query(words), "n": limit},
        )
    elif dialect == "postgresql":
        rows = s.connection().execute(
            text(
                "SELECT id FROM customer WHERE to_tsvector('simple', coalesce(name, '') || ' ' "
                "|| coalesce(company, '') || ' ' || coalesce(notes, '')) "
                "@@ to_tsquery('simple', :q) LIMIT :n"
            ),
            {"q": _tsquery(words), "n": limit},
        )
    else:  # any other database: a plain scan, correct if slow
        like = f"%{query.strip()}%"
        rows = s.connection().execute(
            text("SELECT id FROM customer WHERE name LIKE :q OR company LIKE :q LIMIT :n"),
            {"q": like, "n": limit},
        )
    return [int(r[0]) for r in rows]


def customer_ids_by_contact(s: Session, query: str, limit: int) -> list[int]:
    needle = query.strip().casefold()
    if not needle:
        return []
    digits = "".join(ch for ch in needle if ch.isdigit())
    conditions = [col(ContactPoint.normalized).like(f"%{needle}%")]
    if len(digits) >= MIN_DIGITS_FOR_PHONE_MATCH:
        conditions.append(
            (ContactPoint.kind.in_(("phone", "whatsapp")))  # type: ignore[attr-defined]
            & col(ContactPoint.normalized).like(f"%{digits}%")
        )
    rows = s.exec(select(ContactPoint.customer_id).where(or_(*conditions)).distinct().limit(limit))
    return list(rows)


def search_customers(s: Session, query: str, limit: int = 50) -> list[Customer]:
    ids = list(
        dict.fromkeys(
            [
                *customer_ids_by_contact(s, query, limit),
                *customer_ids_by_text(s, query, limit),
            ]
        )
    )[:limit]
    if not ids:
        return []
    found = {c.id: c for c in s.exec(select(Customer).where(col(Customer.id).in_(ids)))}
    return sorted(
        (found[i] for i in ids if i in found), key=lambda c: (c.name.casefold(), c.id or 0)
    )


def search_interactions(s: Session, query: str, limit: int = 50) -> list[Interaction]:
    """Newest first among the matches."""
    words = query_words(query)
    if not words:
        return []
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        id_sql = text(
            "SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :n"
        )
        params: dict[str, object] = {"q": _fts5_query(words), "n": limit}
    elif dialect == "postgresql":
        id_sql = text(
            "SELECT id FROM interaction WHERE to_tsvector('simple', coalesce(subject, '') "
            "|| ' ' || coalesce(body, '')) @@ to_tsquery('simple', :q) "
            "ORDER BY id DESC LIMIT :n"
        )
        params = {"q": _tsquery(words), "n": limit}
    else:
        id_sql = text(
            "SELECT id FROM interaction WHERE subject LIKE :q OR body LIKE :q "
            "ORDER BY id DESC LIMIT :n"
        )
        params = {"q": f"%{query.strip()}%", "n": limit}
    ids = [int(r[0]) for r in s.connection().execute(id_sql, params)]
    if not ids:
        return []
    rows = s.exec(select(Interaction).where(col(Interaction.id).in_(ids)))
    return sorted(rows, key=lambda i: (i.started_at, i.id or 0), reverse=True)
