"""Errors the window must know before the database is open.

Apart from app.db so that importing them brings no SQLAlchemy (the window is
built before the database is opened: bench/README.md, "The window"); app.db
re-exports them.
"""

from __future__ import annotations

from app.messages import OperatorError


class DatabaseError(OperatorError):
    """The database can't be opened or migrated; the message is for the operator."""
