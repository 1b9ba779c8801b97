"""Switchboard's core: models, storage and services. No Qt, no pjsua2 here."""
