"""A throwaway PostgreSQL server on 127.0.0.1 for the store's tests (and nothing else).

Started once per test session when PostgreSQL's binaries are on the machine; stopped and deleted at
the end. initdb refuses to run as root, so the server runs as the `postgres` system user.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile


def _bin():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: [int(x) for x in d.split("/")[-2].split(".")
                                                                          if x.isdigit()])
    return dirs[-1] if dirs else None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayPostgres:
    def __init__(self):
        self.bin = _bin()
        self.dir = None
        self.port = None

    def available(self):
        return self.bin is not None and (os.geteuid() != 0 or shutil.which("runuser") is not None)

    def _run(self, *args):
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    def start(self):
        self.dir = tempfile.mkdtemp(prefix="tacitus-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.port = _free_port()
        data = os.path.join(self.dir, "data")
        self._run(f"{self.bin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        self._run(f"{self.bin}/pg_ctl", "-D", data, "-l", os.path.join(self.dir, "log"), "-w", "-o",
                  f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off", "start")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self):
        if self.dir:
            try:
                self._run(f"{self.bin}/pg_ctl", "-D", os.path.join(self.dir, "data"), "-m", "fast", "stop")
            finally:
                shutil.rmtree(self.dir, ignore_errors=True)
                self.dir = None
