"""A throw-away PostgreSQL server for tests: its own data directory, port and socket, stopped afterwards."""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or ([shutil.which("initdb")] if shutil.which("initdb") else [])
    if not found:
        raise RuntimeError("PostgreSQL is not installed: scripts/test.sh installs it (apt-get install postgresql)")
    return Path(found[-1]).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(command: List[str]) -> List[str]:
    # PostgreSQL refuses to run as root; the Debian package creates the "postgres" user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + command
    return command


@contextmanager
def running_postgres() -> Iterator[str]:
    """Yields the URL of a fresh database on a PostgreSQL server listening on 127.0.0.1 only."""
    bin_dir = _bin_dir()
    data_dir = Path(tempfile.mkdtemp(prefix="pg-test-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(data_dir, user.pw_uid, user.pw_gid)
    port = free_port()
    run = lambda *args: subprocess.run(_as_server_user([str(bin_dir / args[0]), *args[1:]]), check=True,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run("initdb", "-D", str(data_dir / "db"), "-A", "trust", "-U", "test", "--encoding=UTF8", "--locale=C")
    options = f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
    run("pg_ctl", "-D", str(data_dir / "db"), "-o", options, "-l", str(data_dir / "server.log"), "-w", "start")
    try:
        run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "test", "assistant")
        yield f"postgresql://test@127.0.0.1:{port}/assistant"
    finally:
        run("pg_ctl", "-D", str(data_dir / "db"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(data_dir, ignore_errors=True)
