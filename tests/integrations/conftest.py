"""Fixtures for the channel integrations' tests: ``bot_api`` (the local Bot API
server) is in tests/conftest.py, shared with the window's tests."""
