"""A throw-away PostgreSQL cluster from Debian's postgresql package.

initdb refuses to run as root, so when the tests run as root the cluster is
owned by the ``postgres`` system user (created by the Debian package).

Every role logs in without a password (``--auth=trust``), except the roles
``password_role`` makes: those must give their password over TCP (a
``scram-sha-256`` or ``md5`` line of their own ahead of the trust lines in
pg_hba.conf), for the tests of a team database that needs one.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.servers.common import free_port, missing, wait_until


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@dataclass
class PostgresServer:
    port: int
    datadir: Path
    bindir: Path
    run_as: str | None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> None:
        subprocess.run(
            [
                str(self.bindir / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-q",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
        )

    def create_database(self, template: str | None = None) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        suffix = f" TEMPLATE {template}" if template else ""
        self.psql(f"CREATE DATABASE {name}{suffix}")
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def password_role(self, password: str, method: str = "scram-sha-256") -> str:
        """A new login role that must give ``password`` (``method``: scram-sha-256
        or md5) when it connects over TCP from 127.0.0.1; the other roles keep
        logging in without one. Its name is returned once the server asks it."""
        assert method in ("scram-sha-256", "md5"), method
        role = "pw_" + uuid.uuid4().hex[:12]
        quoted = password.replace("'", "''")
        self.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{quoted}'")
        hba = self.datadir / "pg_hba.conf"
        hba.write_text(f"host all {role} 127.0.0.1/32 {method}\n" + hba.read_text())
        self.psql("SELECT pg_reload_conf()")
        wait_until(lambda: not self._logs_in_without_password(role), 10, f"{role}'s pg_hba line")
        return role

    def grant_database(self, name: str, role: str) -> None:
        """``role`` may use everything in the database ``name`` (a clone of a
        migrated template: its tables are the superuser's)."""
        self.psql(f"GRANT ALL ON DATABASE {name} TO {role}")
        for what in ("SCHEMA public", "ALL TABLES IN SCHEMA public"):
            self.psql(f"GRANT ALL ON {what} TO {role}", database=name)
        self.psql(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}", database=name)

    def role_url(self, role: str, database: str = "postgres") -> str:
        """The database as ``role``, without its password (the keyring has it)."""
        return f"postgresql+psycopg://{role}@127.0.0.1:{self.port}/{database}"

    def _logs_in_without_password(self, role: str) -> bool:
        psql = [str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port)]
        done = subprocess.run(
            [*psql, "-U", role, "-d", "postgres", "-w", "-q", "-c", "SELECT 1"],
            capture_output=True,
            env={**os.environ, "PGPASSWORD": "", "PGPASSFILE": os.devnull},
        )
        return done.returncode == 0


def _as_user(cmd: list[str], user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _pg_bin()
    if bindir is None:
        missing("PostgreSQL (Debian package postgresql)")
        raise AssertionError("unreachable")
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            missing("the postgres system user (Debian package postgresql)")
        run_as = "postgres"
    root = Path(tempfile.mkdtemp(prefix="sb-pg-"))
    if run_as:
        shutil.chown(root, user=run_as)
    datadir = root / "data"
    port = free_port()
    subprocess.run(
        _as_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "postgres",
                "--auth=trust",
                "-N",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            run_as,
        ),
        check=True,
        capture_output=True,
    )
    opts = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c fsync=off "
        f"-c synchronous_commit=off -c full_page_writes=off -c unix_socket_directories={root} "
        f"-c max_connections=200"
    )
    subprocess.run(
        _as_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(datadir),
                "-w",
                "-t",
                "30",
                "-o",
                opts,
                "-l",
                str(root / "server.log"),
                "start",
            ],
            run_as,
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield PostgresServer(port, datadir, bindir, run_as)
    finally:
        subprocess.run(
            _as_user(
                [str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "-w", "stop"],
                run_as,
            ),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
