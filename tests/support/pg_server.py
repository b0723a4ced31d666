"""A throw-away PostgreSQL server for the fleet tests and benchmarks.

``initdb`` + ``pg_ctl`` from Debian's ``postgresql`` package (found under
``/usr/lib/postgresql/<ver>/bin``, newest first, else on ``PATH``) in a fresh
folder under the system temp dir, listening on 127.0.0.1 and a free port, with
its unix socket in the same folder. PostgreSQL refuses to run as root, so as
root the server runs as the ``postgres`` system user (the Debian package makes
it) or else ``nobody``, through ``runuser``; as a normal user it runs as that
user. The superuser ``loket_admin`` connects over the socket without a
password (``trust``); every TCP connection needs a password (SCRAM), so a
wrong kiosk password is refused as it would be in production.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "loket_admin"


def pg_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is missing."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
        reverse=True,
    )
    if found:
        return found[0].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_as() -> tuple[list[str], int | None, int | None]:
    """The command prefix, uid and gid to run the server as."""
    if os.geteuid() != 0:
        return [], None, None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], entry.pw_uid, entry.pw_gid
    raise RuntimeError("running as root and neither 'postgres' nor 'nobody' exists")


class PgServer:
    """``start()`` / ``stop()`` / ``restart()``; ``admin_dsn`` and ``tcp_dsn(user)``."""

    def __init__(self, bindir: Path, *, max_connections: int = 200) -> None:
        self.bindir = bindir
        self.max_connections = max_connections
        self.folder = Path(tempfile.mkdtemp(prefix="loket-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.prefix, uid, gid = _run_as()
        if uid is not None and gid is not None:
            os.chown(self.folder, uid, gid)
        self.admin_password = secrets.token_urlsafe(16)
        pwfile = self.folder / "pw"
        pwfile.write_text(self.admin_password + "\n")
        if uid is not None and gid is not None:
            os.chown(pwfile, uid, gid)
        self._pg(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        pwfile.unlink()

    def _pg(self, tool: str, *args: str) -> None:
        command = [*self.prefix, str(self.bindir / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr or done.stdout}")

    @property
    def admin_dsn(self) -> str:
        """The superuser over the unix socket (trust): the owner running ``fleet init``."""
        return f"host={self.folder} port={self.port} user={SUPERUSER} dbname=postgres"

    def tcp_dsn(self, user: str, dbname: str = "postgres") -> str:
        """A DSN over loopback TCP without a password (the password comes from the keychain)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def start(self) -> PgServer:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            f"-c max_connections={self.max_connections} -c fsync=off "
            # synchronous_commit=off as a careless server might have it: the kiosk's
            # session turns it back on (the restart test fails without that).
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._pg(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "-t",
            "30",
            "start",
        )
        return self

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def restart(self) -> None:
        self.start()

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
