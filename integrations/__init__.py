"""Channels: one module per messenger/mail/web intake, all speaking integrations.base.Channel."""
