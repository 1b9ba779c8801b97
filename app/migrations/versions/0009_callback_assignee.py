"""Callback requests: the operator a request is assigned to

A request given to one operator ("reassign" in the queue) stays theirs over
attempts and expired claims: "call next" hands it only to them, until it is
released back to everyone or assigned again. No request was assigned before.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "callbackrequest", sa.Column("assigned_to", sa.String(length=200), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("callbackrequest") as batch:
        batch.drop_column("assigned_to")
