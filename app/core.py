"""The core, wired: one object the window, the engine and the channels share.

Built once at start-up; every service on it is safe to call from any thread.

Two steps, so the window can be on screen before the database is: ``prepare``
(paths, settings, secrets: cheap, no SQLAlchemy) and ``connect`` (opens and
migrates the database, builds the services on it; imports SQLAlchemy and
SQLModel, ~0.7 s, so the app runs it on a worker after the first paint:
bench/README.md, "The window"). ``Core.open`` does both, for everyone else.
This module imports nothing of SQLAlchemy itself.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.secrets import SecretKind, SecretStore, SecretsUnavailable, database_secret_id
from app.settings import AppPaths, Settings, split_database_password

if TYPE_CHECKING:
    from app.attachments import AttachmentStore
    from app.callbacks import CallbackQueue
    from app.conversation_feed import ConversationFeed
    from app.conversations import Conversations
    from app.customers import Customers
    from app.db import Database
    from app.drafts import Drafts
    from app.inbox import Inbox
    from app.mail_view import MailBodies
    from app.outbox import Outbox
    from app.reply_options import ReplyOptionsReader
    from app.search import SearchResults
    from app.templates import Templates
    from app.timeline import Timeline
    from app.waiting_inbox import WaitingInbox

log = logging.getLogger(__name__)


class Core:
    # Set by connect(); reading one before that is an AttributeError.
    db: Database
    attachments: AttachmentStore
    customers: Customers
    timeline: Timeline
    callbacks: CallbackQueue
    conversations: Conversations
    inbox: Inbox
    outbox: Outbox
    templates: Templates
    feed: ConversationFeed
    mail_bodies: MailBodies
    reply_options: ReplyOptionsReader
    waiting: WaitingInbox
    drafts: Drafts

    def __init__(self, paths: AppPaths, settings: Settings, secrets: SecretStore) -> None:
        self.paths = paths
        self.settings = settings
        self.secrets = secrets
        self.is_open = False

    @classmethod
    def prepare(
        cls,
        paths: AppPaths | None = None,
        settings: Settings | None = None,
        secrets: SecretStore | None = None,
    ) -> Core:
        """A core whose database is not open yet: ``paths``, ``settings`` and
        ``secrets`` only, until ``connect`` has run."""
        paths = paths or AppPaths.default()
        paths.ensure()
        settings = settings or Settings.load(paths.config_file)
        return cls(paths, settings, secrets or SecretStore())

    @classmethod
    def open(
        cls,
        paths: AppPaths | None = None,
        settings: Settings | None = None,
        secrets: SecretStore | None = None,
    ) -> Core:
        """Opens (and migrates) the configured database. Raises DatabaseError
        with an operator-readable message when it can't."""
        core = cls.prepare(paths, settings, secrets)
        core.connect()
        return core

    def connect(self) -> None:
        """Opens (and migrates) the database and builds the services on it; any
        thread. Raises DatabaseError with an operator-readable message."""
        if self.is_open:
            raise RuntimeError("the core's database is open already")
        from app.attachments import AttachmentStore
        from app.callbacks import CallbackPolicy, CallbackQueue
        from app.conversation_feed import ConversationFeed
        from app.conversations import Conversations
        from app.customers import Customers
        from app.db import Database
        from app.drafts import Drafts
        from app.inbox import Inbox
        from app.mail_view import MailBodies
        from app.outbox import Outbox
        from app.reply_options import ReplyOptionsReader
        from app.templates import Templates
        from app.timeline import Timeline
        from app.waiting_inbox import WaitingInbox

        settings = self.settings
        url = settings.resolved_database_url(self.paths)
        self.db = Database(url, password=self.database_password(url))
        self.attachments = AttachmentStore(self.db, self.paths.attachments_dir)
        self.customers = Customers(self.db, settings.default_region, self.attachments)
        self.timeline = Timeline(self.db, self.customers, settings.unknown_sender)
        policy = CallbackPolicy.of(settings)
        self.callbacks = CallbackQueue(self.db, self.customers, self.timeline, policy)
        self.conversations = Conversations(self.db, self.customers)
        self.templates = Templates(self.db)
        self.outbox = Outbox(self.db, self.timeline, self.attachments)
        self.inbox = Inbox(
            self.db,
            self.timeline,
            self.conversations,
            self.customers,
            self.attachments,
            self.callbacks,
        )
        # The conversations panel's readers, and the composer's drafts (the
        # operator's own, in the profile, never in a shared database).
        self.feed = ConversationFeed(self.db, self.attachments)
        self.mail_bodies = MailBodies(self.db, self.attachments)
        self.reply_options = ReplyOptionsReader(self.db)
        self.waiting = WaitingInbox(self.db)
        self.drafts = Drafts.in_profile(self.paths, url)
        self.is_open = True

    def database_password(self, url: str) -> str | None:
        """The PostgreSQL server's password from the keyring (SecretKind.DATABASE),
        for a URL that holds none; None when there is none stored, or no keyring:
        then libpq's own ways (PGPASSWORD, ~/.pgpass) still apply. A SQLite file
        never asks the keyring (nor imports it)."""
        key = database_secret_id(url)
        if key is None or split_database_password(url)[1]:
            return None  # a file; or an old config's URL with its password in it
        try:
            return self.secrets.get(SecretKind.DATABASE, key)
        except SecretsUnavailable as exc:
            log.info("database %s: no password from the keyring (%s)", key, exc)
            return None

    def search(self, query: str, limit: int = 50) -> SearchResults:
        """The search box: customers and interactions matching every word."""
        from app.search import SearchResults, search_customers, search_interactions

        with self.db.session() as s:
            return SearchResults(
                customers=search_customers(s, query, limit),
                interactions=search_interactions(s, query, limit),
            )

    def close(self) -> None:
        if self.is_open:
            self.db.close()
