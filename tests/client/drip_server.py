"""A loopback server that answers slowly on purpose: it reads a request, then sends its answer a few
bytes at a time with a pause between them, for as long as the answer lasts or the client stays.

Only 127.0.0.1; one thread per connection; every socket is closed when the block ends.
"""

import contextlib
import socket
import threading
import time
from collections.abc import Iterator


def _read_request(connection: socket.socket) -> bool:
    """Read up to the end of the request's headers (the client's requests here have small bodies that
    follow at once); False when the client went away first."""
    seen = b""
    while b"\r\n\r\n" not in seen:
        chunk = connection.recv(65536)
        if not chunk:
            return False
        seen += chunk
    return True


@contextlib.contextmanager
def drip_server(answer: bytes, *, pause: float, step: int = 1, head: bytes = b"") -> Iterator[str]:
    """Serve `head` at once, then `answer` `step` bytes at a time, `pause` seconds apart, to every
    request; yields the base URL. Counts nothing: tests time the client."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()
    connections: list[socket.socket] = []
    workers: list[threading.Thread] = []

    def serve(connection: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while not stop.is_set() and _read_request(connection):
                connection.sendall(head)
                for start in range(0, len(answer), step):
                    if stop.wait(pause):
                        return
                    connection.sendall(answer[start : start + step])

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connections.append(connection)
            worker = threading.Thread(target=serve, args=(connection,), daemon=True)
            workers.append(worker)
            worker.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        acceptor.join()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        for worker in workers:
            worker.join()
        listener.close()


def elapsed_since(start: float) -> float:
    return time.monotonic() - start
