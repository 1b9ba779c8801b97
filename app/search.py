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
# Trigram indexes need three characters; fewer would match half the customers anyway.
MIN_CONTACT_NEEDLE = 3
# On PostgreSQL, fetch up to this many matching ids by index and sort them in
# memory; a word with more matches is common, and a backward scan by id finds
# its newest rows at once.
PG_MATCH_PROBE = 2000
# How many of the newest interactions a common word is looked for in first.
PG_RECENT_WINDOW = 5000


def query_words(query: str) -> list[str]:
    """The words of a query, without anything an FTS syntax would read as an operator."""
    return [w.casefold() for w in _WORD_RE.findall(query)][:12]


def _fts5_query(words: list[str], prefix: bool = True) -> str:
    star = "*" if prefix else ""
    return " AND ".join(f'"{w}"{star}' for w in words)


def _tsquery(words: list[str], prefix: bool = True) -> str:
    star = ":*" if prefix else ""
    return " & ".join(f"{w}{star}" for w in words)


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


def escape_like(text: str) -> str:
    """A user's text inside LIKE, with % and _ meaning themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts5_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def customer_ids_by_contact(s: Session, query: str, limit: int) -> list[int]:
    """Customers whose contact value contains the query, or its digits (a number
    typed with spaces). Indexed by trigrams, so shorter needles are not searched."""
    needle = query.strip().casefold()
    digits = "".join(ch for ch in needle if ch.isdigit())
    needles = list(dict.fromkeys(n for n in (needle, digits) if len(n) >= MIN_CONTACT_NEEDLE))
    if not needles:
        return []
    if s.get_bind().dialect.name == "sqlite":
        rows = s.connection().execute(
            text(
                "SELECT DISTINCT cp.customer_id FROM contactpoint_trgm t "
                "JOIN contactpoint cp ON cp.id = t.rowid "
                "WHERE contactpoint_trgm MATCH :q LIMIT :n"
            ),
            {"q": " OR ".join(_fts5_phrase(n) for n in needles), "n": limit},
        )
        return [int(r[0]) for r in rows]
    # PostgreSQL answers these LIKEs from the pg_trgm index of migration 0004.
    conditions = [
        col(ContactPoint.normalized).like(f"%{escape_like(n)}%", escape="\\") for n in needles
    ]
    found = s.exec(select(ContactPoint.customer_id).where(or_(*conditions)).distinct().limit(limit))
    return list(found)


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
    if dialect not in ("sqlite", "postgresql"):
        ids = _ids(
            s,
            "SELECT id FROM interaction WHERE subject LIKE :q OR body LIKE :q "
            "ORDER BY id DESC LIMIT :n",
            q=f"%{query.strip()}%",
            n=limit,
        )
    else:
        # Whole words first: a common word ("доставка") fills the page from its
        # own short index entry, where a prefix query would merge every word that
        # starts with it (measured: 35-60 ms against ~1 ms). Prefixes only when
        # the whole words don't fill the page: the operator is still typing.
        ids = _interaction_ids(s, dialect, words, limit, prefix=False)
        if len(ids) < limit:
            more = _interaction_ids(s, dialect, words, limit, prefix=True)
            ids = sorted(set(ids) | set(more), reverse=True)[:limit]
    if not ids:
        return []
    rows = s.exec(select(Interaction).where(col(Interaction.id).in_(ids)))
    return sorted(rows, key=lambda i: (i.started_at, i.id or 0), reverse=True)


def _interaction_ids(
    s: Session, dialect: str, words: list[str], limit: int, prefix: bool
) -> list[int]:
    if dialect == "sqlite":
        return _ids(
            s,
            "SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :n",
            q=_fts5_query(words, prefix),
            n=limit,
        )
    return _pg_interaction_ids(s, _tsquery(words, prefix), limit)


def _ids(s: Session, sql: str, **params: object) -> list[int]:
    return [int(r[0]) for r in s.connection().execute(text(sql), params)]


def _pg_interaction_ids(s: Session, tsquery: str, limit: int) -> list[int]:
    """Three steps, because the planner can't tell a rare word from a common one:
    a common word fills the page from the newest rows, read backwards by id (its
    stored tsvector, no recomputing); a rarer word's few rows come from the GIN
    index; only a middling word walks ids backwards past the window."""
    recent = _ids(
        s,
        "SELECT id FROM (SELECT id, search_tsv FROM interaction ORDER BY id DESC LIMIT :w) r "
        "WHERE r.search_tsv @@ to_tsquery('simple', :q) ORDER BY id DESC LIMIT :n",
        q=tsquery,
        w=PG_RECENT_WINDOW,
        n=limit,
    )
    if len(recent) >= limit:
        return recent
    match = "SELECT id FROM interaction WHERE search_tsv @@ to_tsquery('simple', :q)"
    ids = _ids(s, match + " LIMIT :n", q=tsquery, n=PG_MATCH_PROBE + 1)
    if len(ids) > PG_MATCH_PROBE:
        return _ids(s, match + " ORDER BY id DESC LIMIT :n", q=tsquery, n=limit)
    return sorted(ids, reverse=True)[:limit]
