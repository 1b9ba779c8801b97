"""A throw-away Kamailio registrar + proxy from Debian's ``kamailio`` package.

Digest auth from a plain-text db_text ``subscriber`` table (``calculate_ha1=yes``,
so passwords are stored as given), location in memory, UDP and TCP on one free
loopback port. Started in the foreground (``-DD -E``) so stopping its pid stops
it; readiness is a real SIP answer to an OPTIONS probe, not a sleep.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.servers.common import free_port, missing, wait_until

MODULES = [
    "db_text",
    "kex",
    "corex",
    "tm",
    "tmx",
    "sl",
    "rr",
    "pv",
    "maxfwd",
    "usrloc",
    "registrar",
    "textops",
    "siputils",
    "xlog",
    "sanity",
    "auth",
    "auth_db",
]


def _module_dir() -> str | None:
    for candidate in (
        "/usr/lib/x86_64-linux-gnu/kamailio/modules",
        "/usr/lib/aarch64-linux-gnu/kamailio/modules",
        "/usr/lib/kamailio/modules",
    ):
        if Path(candidate, "tm.so").exists():
            return candidate
    return None


def _config(port: int, db_dir: Path, module_dir: str) -> str:
    loads = "\n".join(f'loadmodule "{name}.so"' for name in MODULES)
    return f"""#!KAMAILIO
debug=2
log_stderror=yes
children=2
tcp_children=2
listen=udp:127.0.0.1:{port}
listen=tcp:127.0.0.1:{port}
alias="127.0.0.1:{port}"
dns=no
rev_dns=no
auto_aliases=no
mpath="{module_dir}"
{loads}
modparam("usrloc", "db_mode", 0)
modparam("auth_db", "db_url", "text://{db_dir}")
modparam("auth_db", "calculate_ha1", yes)
modparam("auth_db", "password_column", "password")
modparam("auth_db", "use_domain", 0)
modparam("auth_db", "load_credentials", "")
modparam("registrar", "max_expires", 3600)
modparam("tm", "fr_inv_timer", 30000)

request_route {{
    if (!mf_process_maxfwd_header("10")) {{
        sl_send_reply("483", "Too Many Hops");
        exit;
    }}
    if (!sanity_check("17895", "7")) {{
        exit;
    }}
    if (has_totag()) {{
        if (loose_route()) {{
            t_relay();
            exit;
        }}
        if (is_method("ACK")) {{
            if (t_check_trans()) {{
                t_relay();
            }}
            exit;
        }}
        sl_send_reply("404", "Not here");
        exit;
    }}
    if (is_method("CANCEL")) {{
        if (t_check_trans()) {{
            t_relay();
        }}
        exit;
    }}
    t_check_trans();
    if (is_method("OPTIONS") && uri==myself && $rU==$null) {{
        sl_send_reply("200", "Alive");
        exit;
    }}
    if (is_method("REGISTER")) {{
        if (!auth_check("$fd", "subscriber", "1")) {{
            auth_challenge("$fd", "0");
            exit;
        }}
        consume_credentials();
        if (!save("location")) {{
            sl_reply_error();
        }}
        exit;
    }}
    if (is_method("INVITE|REFER|MESSAGE")) {{
        if (!auth_check("$fd", "subscriber", "1")) {{
            auth_challenge("$fd", "0");
            exit;
        }}
        consume_credentials();
    }}
    if (is_method("INVITE|SUBSCRIBE")) {{
        record_route();
    }}
    if (!lookup("location")) {{
        sl_send_reply("404", "Not Found");
        exit;
    }}
    if (!t_relay()) {{
        sl_reply_error();
    }}
    exit;
}}
"""


@dataclass
class KamailioServer:
    port: int
    workdir: Path
    process: subprocess.Popen[bytes]
    users: Mapping[str, str]

    @property
    def domain(self) -> str:
        """What accounts use as their domain: the registrar's host:port."""
        return f"127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return (self.workdir / "kamailio.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def options_answered(port: int, transport: str = "udp") -> bool:
    """Whether a SIP server on 127.0.0.1:port answers an OPTIONS request."""
    branch = "z9hG4bK" + uuid.uuid4().hex
    message = (
        f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n"
        f"Via: SIP/2.0/{transport.upper()} 127.0.0.1:9;branch={branch};rport\r\n"
        "Max-Forwards: 70\r\n"
        "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
        f"To: <sip:127.0.0.1:{port}>\r\n"
        f"Call-ID: {uuid.uuid4().hex}\r\n"
        "CSeq: 1 OPTIONS\r\n"
        "Content-Length: 0\r\n\r\n"
    ).encode()
    kind = socket.SOCK_DGRAM if transport == "udp" else socket.SOCK_STREAM
    try:
        with socket.socket(socket.AF_INET, kind) as sock:
            sock.settimeout(0.5)
            if transport == "udp":
                sock.bind(("127.0.0.1", 0))
                sock.sendto(message, ("127.0.0.1", port))
            else:
                sock.connect(("127.0.0.1", port))
                sock.sendall(message)
            return sock.recv(4096).startswith(b"SIP/2.0 ")
    except OSError:
        return False


def write_subscribers(db_dir: Path, users: Mapping[str, str]) -> None:
    db_dir.mkdir(parents=True, exist_ok=True)
    (db_dir / "version").write_text("table_name(str) table_version(int)\nsubscriber:7\n")
    rows = "".join(
        f"{n}:{user}:127.0.0.1:{password}::\n"
        for n, (user, password) in enumerate(users.items(), start=1)
    )
    (db_dir / "subscriber").write_text(
        "id(int,auto) username(str) domain(str) password(str) ha1(str,null) ha1b(str,null)\n" + rows
    )


@contextmanager
def kamailio_server(users: Mapping[str, str], port: int | None = None) -> Iterator[KamailioServer]:
    """Kamailio on 127.0.0.1 (UDP+TCP on one port) with these user: password pairs."""
    binary = shutil.which("kamailio") or (
        "/usr/sbin/kamailio" if os.path.exists("/usr/sbin/kamailio") else None
    )
    module_dir = _module_dir()
    if binary is None or module_dir is None:
        missing("Kamailio (Debian package kamailio)")
        raise AssertionError("unreachable")
    workdir = Path(tempfile.mkdtemp(prefix="sb-kamailio-"))
    port = port or free_port(socket.SOCK_DGRAM)
    write_subscribers(workdir / "db", users)
    config = workdir / "kamailio.cfg"
    config.write_text(_config(port, workdir / "db", module_dir))
    check = subprocess.run([binary, "-c", "-f", str(config)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"kamailio rejected its config:\n{check.stderr[-3000:]}")
    log_file = (workdir / "kamailio.log").open("wb")
    process = subprocess.Popen(
        [
            binary,
            "-DD",
            "-E",
            "-f",
            str(config),
            "-P",
            str(workdir / "kamailio.pid"),
            "-Y",
            str(workdir),
            "-w",
            str(workdir),
        ],
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    server = KamailioServer(port, workdir, process, dict(users))
    try:
        wait_until(
            lambda: process.poll() is not None or options_answered(port),
            timeout=20,
            what="kamailio answering OPTIONS",
        )
        if process.poll() is not None:
            raise RuntimeError(f"kamailio exited:\n{server.log_text()[-3000:]}")
        yield server
    finally:
        server.stop()
        log_file.close()
        shutil.rmtree(workdir, ignore_errors=True)
