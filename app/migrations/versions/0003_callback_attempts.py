"""callback attempts, customer time zone, first-attempt/reach/close times

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("callbackrequest") as batch:
        batch.add_column(sa.Column("timezone", sa.String(length=64), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("first_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("reached_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
    op.create_table(
        "callbackattempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["callbackrequest.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_callbackattempt_request_id", "callbackattempt", ["request_id"])


def downgrade() -> None:
    op.drop_index("ix_callbackattempt_request_id", table_name="callbackattempt")
    op.drop_table("callbackattempt")
    with op.batch_alter_table("callbackrequest") as batch:
        batch.drop_column("closed_at")
        batch.drop_column("reached_at")
        batch.drop_column("first_attempt_at")
        batch.drop_column("timezone")
