"""email threads: each mailbox's id table, participants and subjects

app/mail/threads.py places a message by the ids it carries over the mailbox's
table of known ids (stored or only referenced); a thread is one correspondent's,
so its participants are kept, and the subject fallback reads the subjects each
correspondent wrote under. Each unique key is also the lookup's index.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mailthreadid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("thread_key", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["channelaccount.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "account_id", "message_id", "thread_key", name="uq_mailthreadid_account_id_key"
        ),
    )
    op.create_table(
        "mailthreadparticipant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("thread_key", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["channelaccount.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "account_id", "thread_key", "address", name="uq_mailthreadparticipant_key_address"
        ),
    )
    op.create_table(
        "mailthreadsubject",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("thread_key", sa.String(length=100), nullable=False),
        sa.Column("correspondent", sa.String(length=320), nullable=False),
        sa.Column("subject_key", sa.String(length=200), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["channelaccount.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "account_id",
            "correspondent",
            "subject_key",
            "thread_key",
            name="uq_mailthreadsubject_correspondent_subject_key",
        ),
    )


def downgrade() -> None:
    op.drop_table("mailthreadsubject")
    op.drop_table("mailthreadparticipant")
    op.drop_table("mailthreadid")
