"""full-text search over interactions and customers

SQLite: FTS5 tables kept current by triggers, so every writer (this app, a
script, a future relay) keeps the index right without remembering to.
PostgreSQL: GIN indexes over to_tsvector('simple', ...) expressions; 'simple'
because the texts mix Russian, Ukrainian and English and a stemmer for one
language mangles the others.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The customer document: name, company, notes and every contact value, so a
# search for a chat id or part of an email finds its customer.
def _customer_doc(where: str) -> str:
    return f"""
        INSERT INTO customer_fts(rowid, name, company, notes, contacts)
        SELECT c.id, c.name, c.company, c.notes,
               COALESCE((SELECT group_concat(cp.raw || ' ' || cp.normalized, ' ')
                         FROM contactpoint cp WHERE cp.customer_id = c.id), '')
        FROM customer c WHERE {where};
    """

SQLITE_UP = [
    """CREATE VIRTUAL TABLE interaction_fts USING fts5(
           subject, body, content='interaction', content_rowid='id',
           tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER interaction_fts_ai AFTER INSERT ON interaction BEGIN
           INSERT INTO interaction_fts(rowid, subject, body) VALUES (new.id, new.subject, new.body);
       END""",
    """CREATE TRIGGER interaction_fts_ad AFTER DELETE ON interaction BEGIN
           INSERT INTO interaction_fts(interaction_fts, rowid, subject, body)
           VALUES ('delete', old.id, old.subject, old.body);
       END""",
    """CREATE TRIGGER interaction_fts_au AFTER UPDATE OF subject, body ON interaction BEGIN
           INSERT INTO interaction_fts(interaction_fts, rowid, subject, body)
           VALUES ('delete', old.id, old.subject, old.body);
           INSERT INTO interaction_fts(rowid, subject, body) VALUES (new.id, new.subject, new.body);
       END""",
    "INSERT INTO interaction_fts(interaction_fts) VALUES ('rebuild')",
    """CREATE VIRTUAL TABLE customer_fts USING fts5(
           name, company, notes, contacts, tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER customer_fts_ai AFTER INSERT ON customer BEGIN
           {_customer_doc("c.id = new.id")}
       END""",
    """CREATE TRIGGER customer_fts_ad AFTER DELETE ON customer BEGIN
           DELETE FROM customer_fts WHERE rowid = old.id;
       END""",
    f"""CREATE TRIGGER customer_fts_au AFTER UPDATE OF name, company, notes ON customer BEGIN
           DELETE FROM customer_fts WHERE rowid = old.id;
           {_customer_doc("c.id = new.id")}
       END""",
    f"""CREATE TRIGGER customer_fts_cp_ai AFTER INSERT ON contactpoint BEGIN
           DELETE FROM customer_fts WHERE rowid = new.customer_id;
           {_customer_doc("c.id = new.customer_id")}
       END""",
    f"""CREATE TRIGGER customer_fts_cp_ad AFTER DELETE ON contactpoint BEGIN
           DELETE FROM customer_fts WHERE rowid = old.customer_id;
           {_customer_doc("c.id = old.customer_id")}
       END""",
    f"""CREATE TRIGGER customer_fts_cp_au AFTER UPDATE ON contactpoint BEGIN
           DELETE FROM customer_fts WHERE rowid IN (old.customer_id, new.customer_id);
           {_customer_doc("c.id = old.customer_id")}
           {_customer_doc("c.id = new.customer_id AND new.customer_id != old.customer_id")}
       END""",
    _customer_doc("1 = 1"),  # index the rows that exist already
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS customer_fts_cp_au",
    "DROP TRIGGER IF EXISTS customer_fts_cp_ad",
    "DROP TRIGGER IF EXISTS customer_fts_cp_ai",
    "DROP TRIGGER IF EXISTS customer_fts_au",
    "DROP TRIGGER IF EXISTS customer_fts_ad",
    "DROP TRIGGER IF EXISTS customer_fts_ai",
    "DROP TABLE IF EXISTS customer_fts",
    "DROP TRIGGER IF EXISTS interaction_fts_au",
    "DROP TRIGGER IF EXISTS interaction_fts_ad",
    "DROP TRIGGER IF EXISTS interaction_fts_ai",
    "DROP TABLE IF EXISTS interaction_fts",
]

PG_UP = [
    """CREATE INDEX ix_interaction_fts ON interaction USING gin
           (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(body, '')))""",
    """CREATE INDEX ix_customer_fts ON customer USING gin
           (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(company, '') || ' '
                                  || coalesce(notes, '')))""",
]

PG_DOWN = ["DROP INDEX IF EXISTS ix_customer_fts", "DROP INDEX IF EXISTS ix_interaction_fts"]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(PG_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(PG_DOWN)
