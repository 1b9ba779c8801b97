"""A throw-away IMAP server: Debian's dovecot-imapd and dovecot-lmtpd, on 127.0.0.1.

Started as ``dovecot -F -c CONF`` from a config written to a temp dir: a
passwd-file user per ``add_user``, a static userdb, a maildir per user, IMAP
with STARTTLS and IMAPS with a certificate for 127.0.0.1 signed by a throw-away
CA (``ca_file``; ``self_signed_cert`` is one no CA vouches for), plain logins
refused before TLS, and LMTP for delivery (``deliver``), as a mail server hands
a message to its mailbox. ``doveadm`` (same config) inspects and changes what
the server holds: ``uids``, ``set_uidvalidity``, ``kick``.

As root (the CI container) the mail is owned by ``nobody`` and the services run
as Debian's ``dovecot``/``dovenull`` users: dovecot refuses mail access as uid 0.
As another user, everything runs as that user.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from tests.servers.common import free_port, missing, wait_until

DOVECOT = "/usr/sbin/dovecot"
DOVEADM = "/usr/bin/doveadm"


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(directory: Path) -> dict[str, Path]:
    """A CA and a server certificate for 127.0.0.1/localhost signed by it, plus a
    self-signed one (no CA: verification must fail), all EC P-256 (fast to make)."""
    if shutil.which("openssl") is None:
        missing("openssl (Debian package openssl)")
    directory.mkdir(parents=True, exist_ok=True)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl("req", "-x509", "-new", *ec, "-keyout", "ca.key", "-subj",
             "/CN=Switchboard test mail CA", "-days", "2", "-out", "ca.pem",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=directory)  # fmt: skip
    (directory / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
    )
    _openssl("req", "-new", *ec, "-keyout", "server.key", "-subj", "/CN=127.0.0.1",
             "-out", "server.csr", cwd=directory)  # fmt: skip
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-days", "2", "-sha256", "-extfile", "server.ext",
             "-out", "server.pem", cwd=directory)  # fmt: skip
    _openssl("req", "-x509", "-new", *ec, "-keyout", "self.key", "-subj", "/CN=127.0.0.1",
             "-days", "2", "-out", "self.pem",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", cwd=directory)  # fmt: skip
    return {
        "ca": directory / "ca.pem",
        "cert": directory / "server.pem",
        "key": directory / "server.key",
        "self_cert": directory / "self.pem",
        "self_key": directory / "self.key",
    }


@dataclass
class DovecotServer:
    root: Path
    imap_port: int  # STARTTLS
    imaps_port: int  # implicit TLS
    lmtp_port: int
    ca_file: Path
    cert: Path
    key: Path
    self_signed_cert: Path
    self_signed_key: Path
    mail_user: str | None  # who owns the mail (as root: nobody)
    idle: bool = True  # IDLE in the capabilities
    users: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    _self_signed: bool = False

    host = "127.0.0.1"

    @property
    def conf(self) -> Path:
        return self.root / "dovecot.conf"

    # --- lifecycle ---------------------------------------------------------------

    def write_config(self) -> None:
        run_as = self.mail_user is not None
        me = pwd.getpwuid(os.getuid()).pw_name
        mail_owner = pwd.getpwnam(self.mail_user) if self.mail_user else pwd.getpwuid(os.getuid())
        cert, key = (
            (self.self_signed_cert, self.self_signed_key)
            if self._self_signed
            else (self.cert, self.key)
        )
        capability = ""
        if not self.idle:
            # The capabilities dovecot 2.3 announces after login, less IDLE: a
            # client must then poll (NOOP), as with servers that lack it.
            capability = (
                "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT"
                " SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND"
                " URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED"
                " I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH"
                " LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE"
                " SAVEDATE LITERAL+ NOTIFY SPECIAL-USE\n"
            )
        internal = "dovecot" if run_as else me
        login = "dovenull" if run_as else me
        self.conf.write_text(
            f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_internal_user = {internal}
default_internal_group = {grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name}
default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
mail_uid = {mail_owner.pw_uid}
mail_gid = {mail_owner.pw_gid}
mailbox_list_index = yes
# IDLE learns of a new mail by inotify and, failing that, by looking every
# this often (30 s by default). Once, on a busy CI machine, a mail was pushed
# only after the IDLE test's 20 s wait (why inotify missed it is not known);
# looking every second bounds that. The push itself is still the server's.
mailbox_idle_check_interval = 1 secs
{capability}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Support {{
    auto = subscribe
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_owner.pw_uid} gid={mail_owner.pw_gid} home={self.root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {self.lmtp_port}
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
protocol lmtp {{
  postmaster_address = postmaster@shop.example
}}
lmtp_save_to_detail_mailbox = yes
recipient_delimiter = +
"""
        )

    def start(self) -> None:
        self.write_config()
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own group: stop() ends the children with it
        )
        wait_until(self._listening, 10, "dovecot listening")

    def _listening(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"dovecot exited: {self.log()[-2000:]}")
        for port in (self.imap_port, self.imaps_port, self.lmtp_port):
            try:
                socket.create_connection((self.host, port), timeout=0.2).close()
            except OSError:
                return False
        return True

    def stop(self) -> None:
        """Killed with its children at once (the master's orderly shutdown takes
        1-6 s): to the mail client it is a server that went away mid-session."""
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None
        wait_until(
            lambda: not any(map(self._port_open, (self.imap_port, self.imaps_port))),
            10,
            "dovecot stopped",
        )

    def restart(self, *, self_signed: bool | None = None, idle: bool | None = None) -> None:
        """Stopped and started again on the same ports (the mail kept), with a
        self-signed certificate or without IDLE when asked."""
        self.stop()
        if self_signed is not None:
            self._self_signed = self_signed
        if idle is not None:
            self.idle = idle
        self.start()

    def _port_open(self, port: int) -> bool:
        try:
            socket.create_connection((self.host, port), timeout=0.2).close()
            return True
        except OSError:
            return False

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- users and mail ------------------------------------------------------------

    def add_user(self, user: str, password: str) -> None:
        """A mail user (``user`` is its login and its address, e.g. shop@shop.example)."""
        self.users[user] = password
        lines = "".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in self.users.items())
        (self.root / "passwd").write_text(lines)
        home = self.root / "home" / user
        home.mkdir(parents=True, exist_ok=True)
        if self.mail_user is not None:
            owner = pwd.getpwnam(self.mail_user)
            for path in (self.root / "home", home):
                os.chown(path, owner.pw_uid, owner.pw_gid)

    def deliver(self, user: str, *messages: bytes, folder: str = "", sender: str = "") -> None:
        """Each message delivered to ``user`` over LMTP, as a mail server hands
        mail to a mailbox; into ``folder`` (``local+Folder@domain``) when given."""
        recipient = user
        if folder:
            local, _, domain = user.partition("@")
            recipient = f"{local}+{folder}@{domain}" if domain else f"{user}+{folder}"
        with smtplib.LMTP(self.host, self.lmtp_port, timeout=60) as lmtp:
            for raw in messages:
                refused = lmtp.sendmail(sender or "sender@customer.example", [recipient], raw)
                if refused:
                    raise RuntimeError(f"LMTP refused: {refused}")

    def doveadm(self, *args: str) -> str:
        done = subprocess.run(
            [DOVEADM, "-c", str(self.conf), *args], capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def uids(self, user: str, folder: str = "INBOX") -> list[int]:
        out = self.doveadm("-f", "flow", "fetch", "-u", user, "uid", "mailbox", folder, "all")
        return [int(line.split("=", 1)[1]) for line in out.split("\n") if line.startswith("uid=")]

    def uidvalidity(self, user: str, folder: str = "INBOX") -> int:
        out = self.doveadm("-f", "flow", "mailbox", "status", "-u", user, "uidvalidity", folder)
        return int(out.strip().split("=", 1)[1])

    def set_uidvalidity(self, user: str, folder: str, value: int) -> None:
        """The folder's UIDVALIDITY changed under its readers (a server rebuilt
        its index, a mailbox restored from backup): every UID they hold is void."""
        self.doveadm("mailbox", "update", "-u", user, "--uid-validity", str(value), folder)

    def recreate(self, user: str, folder: str) -> None:
        """The folder deleted and made again, empty, with a new UIDVALIDITY."""
        self.doveadm("mailbox", "delete", "-u", user, folder)
        try:
            self.doveadm("mailbox", "create", "-u", user, folder)
        except RuntimeError as exc:
            # A folder the config makes "auto" is made again by the next
            # reader that asks for it, with its new UIDVALIDITY all the same.
            if "already exists" not in str(exc):
                raise

    def kick(self, user: str) -> None:
        """Ends the user's IMAP connections from the server's side."""
        self.doveadm("kick", user)

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))


@contextmanager
def dovecot_server(*, idle: bool = True, parent: str | None = None) -> Iterator[DovecotServer]:
    """A started server; its files (config, mail, indexes) in a temp dir under
    ``parent`` (the system's temp dir unless given)."""
    if not (os.path.exists(DOVECOT) and os.path.exists("/usr/lib/dovecot/imap")):
        missing("dovecot (Debian packages dovecot-imapd dovecot-lmtpd)")
    if not os.path.exists("/usr/lib/dovecot/lmtp"):
        missing("dovecot's LMTP server (Debian package dovecot-lmtpd)")
    root = Path(tempfile.mkdtemp(prefix="dovecot-", dir=parent))
    mail_user = "nobody" if os.getuid() == 0 else None
    if mail_user is not None:
        # The services reach the config's files under the temp dir.
        os.chmod(root, 0o755)
    try:
        certs = make_certificates(root / "tls")
        for path in certs.values():
            os.chmod(path, 0o644)
        server = DovecotServer(
            root=root,
            imap_port=free_port(),
            imaps_port=free_port(),
            lmtp_port=free_port(),
            ca_file=certs["ca"],
            cert=certs["cert"],
            key=certs["key"],
            self_signed_cert=certs["self_cert"],
            self_signed_key=certs["self_key"],
            mail_user=mail_user,
            idle=idle,
        )
        (root / "passwd").write_text("")
        (root / "home").mkdir()
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


class DroppingServer:
    """Says an IMAP greeting, then closes every connection: a server (or a
    middlebox) that drops clients after the greeting. ``connections`` counts them."""

    def __init__(
        self, greeting: bytes = b"* OK IMAP4rev1 ready\r\n", tls: ssl.SSLContext | None = None
    ) -> None:
        self.greeting = greeting
        self.tls = tls
        self.connections = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._sock.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            try:
                if self.tls is not None:
                    conn = self.tls.wrap_socket(conn, server_side=True)
                conn.sendall(self.greeting)
            except OSError:
                pass
            finally:
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(timeout=5)


class CuttingProxy:
    """A TCP proxy to a server that can cut every connection from the server's
    side: ``cut_after(n)`` closes each connection once it has passed ``n``
    bytes from the server (so a fetch is cut in the middle), ``cut_now()``
    closes the open ones. TLS passes through it untouched."""

    def __init__(self, target_port: int, host: str = "127.0.0.1") -> None:
        self.target = (host, target_port)
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._sock.getsockname()[1])
        self._limit: int | None = None
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self.cuts = 0
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def cut_after(self, n: int | None) -> None:
        """From now on each connection is closed after ``n`` bytes from the
        server (counted per connection); None: never."""
        self._limit = n

    def cut_now(self) -> None:
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def _serve(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            self.connections += 1
            with self._lock:
                self._open += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, True), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, from_server: bool) -> None:
        passed = 0
        try:
            source.settimeout(None)
            while True:
                data = source.recv(65536)
                if not data:
                    break
                limit = self._limit
                if from_server and limit is not None and passed + len(data) > limit:
                    sink.sendall(data[: max(0, limit - passed)])
                    self.cuts += 1
                    break
                sink.sendall(data)
                passed += len(data)
        except OSError:
            pass
        finally:
            _close(source)
            _close(sink)

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self.cut_now()
        self._thread.join(timeout=5)


def _close(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
