"""SIP accounts: calls recorded by themselves (none, all, the incoming ones),
and a consent beep when a recording starts

Off for every account, as nothing was recorded without the operator before.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "sipaccount",
        sa.Column("auto_record", sa.String(length=20), nullable=False, server_default="off"),
    )
    op.add_column(
        "sipaccount",
        sa.Column("recording_beep", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("sipaccount") as batch:
        batch.drop_column("recording_beep")
        batch.drop_column("auto_record")
