"""Softphone engine over pjsua2: one thread owns the Endpoint. No Qt widgets here."""
