"""conversations, the outbox, quick replies and channel cursors

The chat half: a conversation per (channel account, platform identity); an
interaction (a message) may belong to one; the outbox holds what an operator
sent until the platform has it; a channel's reading position (the Telegram
offset) is stored with the items it covers.

interaction.conversation_id is added with ALTER TABLE, not a batch rebuild:
rebuilding the table would drop the full-text triggers of 0002.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("identity", sa.String(length=500), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("waiting_since", sa.DateTime(), nullable=True),
        sa.Column("last_inbound_at", sa.DateTime(), nullable=True),
        sa.Column("last_outbound_at", sa.DateTime(), nullable=True),
        sa.Column("unread_count", sa.Integer(), nullable=False),
        sa.Column("assignee", sa.String(length=200), nullable=False),
        sa.Column("reply_window_until", sa.DateTime(), nullable=True),
        sa.Column("can_write", sa.Boolean(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["channelaccount.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "identity", name="uq_conversation_account_identity"),
    )
    op.create_index("ix_conversation_account_id", "conversation", ["account_id"])
    op.create_index("ix_conversation_customer_id", "conversation", ["customer_id"])
    op.create_index("ix_conversation_waiting", "conversation", ["waiting_since"])

    if op.get_bind().dialect.name == "sqlite":
        # SQLite takes a REFERENCES clause in ADD COLUMN (a NULL default), but
        # Alembic would add the foreign key as a separate ALTER, which SQLite lacks.
        op.execute(
            "ALTER TABLE interaction ADD COLUMN conversation_id INTEGER"
            " REFERENCES conversation (id) ON DELETE SET NULL"
        )
    else:
        op.add_column("interaction", sa.Column("conversation_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "interaction_conversation_id_fkey",
            "interaction",
            "conversation",
            ["conversation_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_index("ix_interaction_conversation_id", "interaction", ["conversation_id"])

    op.create_table(
        "outboxmessage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attachment_ids", sa.JSON(), nullable=False),
        sa.Column("reply_to_external_id", sa.String(length=500), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("failure", sa.String(length=30), nullable=True),
        sa.Column("platform_ids", sa.JSON(), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["channelaccount.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversation.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key", name="uq_outboxmessage_idempotency_key"),
    )
    op.create_index("ix_outboxmessage_account_id", "outboxmessage", ["account_id"])
    op.create_index("ix_outboxmessage_conversation_id", "outboxmessage", ["conversation_id"])
    op.create_index("ix_outboxmessage_interaction_id", "outboxmessage", ["interaction_id"])
    op.create_index(
        "ix_outbox_account_status_next",
        "outboxmessage",
        ["account_id", "status", "next_attempt_at"],
    )

    op.create_table(
        "messagetemplate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_messagetemplate_name", "messagetemplate", ["name"])

    op.create_table(
        "channelcursor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["channelaccount.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "name", name="uq_channelcursor_account_name"),
    )
    op.create_index("ix_channelcursor_account_id", "channelcursor", ["account_id"])


def downgrade() -> None:
    op.drop_table("channelcursor")
    op.drop_table("messagetemplate")
    op.drop_table("outboxmessage")
    op.drop_index("ix_interaction_conversation_id", table_name="interaction")
    with op.batch_alter_table("interaction") as batch:
        batch.drop_column("conversation_id")
    op.drop_table("conversation")
