"""SIP accounts: how DTMF digits are sent (RFC 2833 events or SIP INFO), and
whether incoming calls are answered at once (auto-answer, for headset users)

Some PBXes and IVRs (older Asterisk set-ups, some hosted ones) take digits
only as SIP INFO; the default stays RFC 2833, which every account used so far.
Auto-answer is off, as every account was.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "sipaccount",
        sa.Column("dtmf_method", sa.String(length=20), nullable=False, server_default="rfc2833"),
    )
    op.add_column(
        "sipaccount",
        sa.Column("auto_answer", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("sipaccount") as batch:
        batch.drop_column("auto_answer")
        batch.drop_column("dtmf_method")
