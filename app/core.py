"""The core, wired: one object the window, the engine and the channels share.

Built once at start-up; every service on it is safe to call from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.attachments import AttachmentStore
from app.callbacks import CallbackPolicy, CallbackQueue
from app.customers import Customers
from app.db import Database
from app.search import SearchResults, search_customers, search_interactions
from app.secrets import SecretStore
from app.settings import AppPaths, Settings
from app.timeline import Timeline


@dataclass
class Core:
    paths: AppPaths
    settings: Settings
    db: Database
    secrets: SecretStore
    attachments: AttachmentStore
    customers: Customers
    timeline: Timeline
    callbacks: CallbackQueue

    @classmethod
    def open(
        cls,
        paths: AppPaths | None = None,
        settings: Settings | None = None,
        secrets: SecretStore | None = None,
    ) -> Core:
        """Opens (and migrates) the configured database. Raises DatabaseError
        with an operator-readable message when it can't."""
        paths = paths or AppPaths.default()
        paths.ensure()
        settings = settings or Settings.load(paths.config_file)
        db = Database(settings.resolved_database_url(paths))
        attachments = AttachmentStore(db, paths.attachments_dir)
        customers = Customers(db, settings.default_region, attachments)
        timeline = Timeline(db, customers, settings.unknown_sender)
        policy = CallbackPolicy.from_settings(
            settings.working_hours_schedule(),
            settings.callback_sla_minutes,
            settings.callback_retry_schedule,
            settings.callback_claim_minutes,
        )
        return cls(
            paths=paths,
            settings=settings,
            db=db,
            secrets=secrets or SecretStore(),
            attachments=attachments,
            customers=customers,
            timeline=timeline,
            callbacks=CallbackQueue(db, customers, timeline, policy),
        )

    def search(self, query: str, limit: int = 50) -> SearchResults:
        """The search box: customers and interactions matching every word."""
        with self.db.session() as s:
            return SearchResults(
                customers=search_customers(s, query, limit),
                interactions=search_interactions(s, query, limit),
            )

    def close(self) -> None:
        self.db.close()
