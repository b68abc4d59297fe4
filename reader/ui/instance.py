"""Handing work to the Press Reader that already runs on the same data folder.

The instance holding the data folder's lock (reader/core/instance.py) listens on a local socket
named after the folder. A second launch sends it the folders and files it was asked to open, one
JSON line, and waits for "ok"; the first instance opens them and comes to the front. When no
answer comes (the first instance is hung, or an older version), the second opens read-only.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 3000


def server_name(folder: Path) -> str:
    key = str(Path(folder).resolve()).encode("utf-8", "surrogateescape")
    return f"press-reader-{hashlib.sha1(key).hexdigest()[:16]}"


def hand_over(folder: Path, paths: list[Path], timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask the instance running on `folder` to open `paths` and come to the front. Tries for
    `timeout_ms`: a first instance that has just started holds the lock a moment before it
    listens."""
    sock = QLocalSocket()
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        sock.connectToServer(server_name(folder))
        if sock.waitForConnected(250):
            break
        sock.abort()
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    # ASCII JSON: a path that is not valid UTF-8 travels as escapes and comes back intact.
    request = {"open": [str(p.resolve()) for p in paths]}
    sock.write(json.dumps(request).encode("ascii") + b"\n")
    sock.waitForBytesWritten(timeout_ms)
    reply = b""
    while b"\n" not in reply and sock.waitForReadyRead(timeout_ms):
        reply += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    return reply.strip() == b"ok"


class HandoverServer(QObject):
    """Listens for later launches on the same data folder; `received` gets their paths."""

    def __init__(
        self, folder: Path, received: Callable[[list[Path]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.received = received
        self.server = QLocalServer(self)
        name = server_name(folder)
        # We hold the folder's lock, so a socket file by this name is left by a crashed run.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(sock: QLocalSocket = sock, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(sock.readAll().data()))
                if b"\n" not in buffer:
                    return
                try:
                    request = json.loads(bytes(buffer).split(b"\n", 1)[0])
                    paths = [Path(p) for p in request.get("open", []) if isinstance(p, str)]
                except (ValueError, AttributeError):
                    sock.disconnectFromServer()
                    return
                sock.write(b"ok\n")
                sock.flush()
                sock.disconnectFromServer()
                self.received(paths)

            sock.readyRead.connect(read)
            sock.disconnected.connect(sock.deleteLater)

    def close(self) -> None:
        self.server.close()
