"""A channel host in a process of its own, for the crash tests
(tests/integrations/test_telegram_crashes.py), which SIGKILL it, and for the
channel benchmarks (bench/channel_bench.py), which measure it.

    python -m tests.integrations.channel_child --db-url URL --home DIR \\
        --account-id N --token TOKEN [--poll-timeout S] [--die-after-commit K]

Opens a core on the test's database (the secret in an in-memory keyring: the
bot token from the command line), starts a ChannelHost running every enabled
account, prints ``ready`` once the host has started (after ``recover``: the
previous run's ``sending`` rows are ``uncertain`` by then) and runs until it
is killed. SIGTERM stops the host cleanly, for the test's teardown.

``--die-after-commit K``: SIGKILLs itself right after the K-th commit of the
host's inbound writer (the technique of tests/app/test_outbox.py, at the
boundaries between one delivery's transactions instead of its statements).

A fresh interpreter, not a fork of pytest: the Bot API server's threads in the
test process hold locks a forked child would inherit held.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.core import Core
from app.secrets import MemoryKeyring, SecretKind, SecretStore
from app.settings import AppPaths, Settings
from integrations.base import AccountSettings
from integrations.host import ChannelHost
from integrations.telegram.channel import TelegramChannel

WRITER_THREAD = "channel-inbox"  # the name ChannelHost gives its InboundWriter


def _die_after_commit(count: int) -> None:
    commits = 0

    def after_commit(session: Any) -> None:
        nonlocal commits
        # SQLAlchemy calls this for a savepoint's release too: not a commit.
        if session.in_nested_transaction() or threading.current_thread().name != WRITER_THREAD:
            return
        commits += 1
        if commits == count:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Session, "after_commit", after_commit)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="channel_child")
    parser.add_argument("--db-url", required=True)
    parser.add_argument("--home", required=True, type=Path)
    parser.add_argument("--account-id", required=True, type=int)
    parser.add_argument("--token", required=True)
    # Short long polls by default: a dead poll of a killed child ends soon.
    parser.add_argument("--poll-timeout", type=int, default=2)
    parser.add_argument("--die-after-commit", type=int, default=0)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(asctime)s %(name)s %(message)s"
    )
    if args.die_after_commit:
        _die_after_commit(args.die_after_commit)
    paths = AppPaths(args.home / "config", args.home / "data", args.home / "logs")
    secrets = SecretStore(MemoryKeyring())
    core = Core.open(paths, Settings(database_url=args.db_url, default_region="UA"), secrets)
    secrets.set(SecretKind.CHANNEL, args.account_id, args.token)

    def telegram(settings: AccountSettings) -> TelegramChannel:
        return TelegramChannel(settings, poll_timeout_s=args.poll_timeout)

    host = ChannelHost(core, factories={TelegramChannel.kind: telegram})
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    host.start()
    print("ready", flush=True)
    while not stopping.wait(0.5):
        pass
    host.stop()
    core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
