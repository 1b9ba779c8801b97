"""callback requests keyed by their delivery: (source, external_id) unique

A web form's request_id (later a message id) was unique only on the timeline
row, written in a second transaction after the request: concurrent deliveries
of one id each made a request, and a crash between the two writes left a
request that a retry did not find. The request row now carries the key itself,
unique in the database, and the fingerprint of what was delivered, so the same
id with different content is refused instead of answered as a repeat.

The keys of requests made before this revision are taken from their timeline
rows ("web_form:<request_id>"). Requests doubled before this revision keep
their rows; only the one the timeline names gets the key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_interaction = sa.table(
    "interaction",
    sa.column("channel", sa.String),
    sa.column("external_id", sa.String),
    sa.column("meta", sa.JSON),
)
_request = sa.table(
    "callbackrequest",
    sa.column("id", sa.Integer),
    sa.column("source", sa.String),
    sa.column("external_id", sa.String),
)


def upgrade() -> None:
    # Plain ADD COLUMN: a batch rebuild of the table would drop nothing here,
    # but it is not needed for nullable columns.
    op.add_column("callbackrequest", sa.Column("external_id", sa.String(500), nullable=True))
    op.add_column(
        "callbackrequest", sa.Column("intake_fingerprint", sa.String(64), nullable=True)
    )
    bind = op.get_bind()
    recorded = bind.execute(
        sa.select(_interaction.c.external_id, _interaction.c.meta).where(
            _interaction.c.channel == "callback", _interaction.c.external_id.is_not(None)
        )
    )
    for external_id, meta in recorded.all():
        source, _, key = str(external_id).partition(":")
        request_id = (meta or {}).get("callback_request_id")
        if not key or not isinstance(request_id, int):
            continue
        bind.execute(
            sa.update(_request)
            .where(
                _request.c.id == request_id,
                _request.c.source == source,
                _request.c.external_id.is_(None),
            )
            .values(external_id=key)
        )
    op.create_index(
        "uq_callbackrequest_source_external",
        "callbackrequest",
        ["source", "external_id"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_callbackrequest_source_external", table_name="callbackrequest")
    with op.batch_alter_table("callbackrequest") as batch:
        batch.drop_column("intake_fingerprint")
        batch.drop_column("external_id")
