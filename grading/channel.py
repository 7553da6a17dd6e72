"""One end of the pipe between the grader and the student's process: whole messages, with deadlines.

A PLC check asks the student's process for one scan every 10 ms of simulated time, so a
one-hour run is 360,000 questions and answers. Waking a sleeping process costs tens of
microseconds on a school server; a reader that first *polls* the pipe for a few
microseconds catches most answers before it would have fallen asleep (measured here: ~50 µs
per question and answer with plain blocking reads, ~3 µs when both ends poll first). After
:data:`SPIN_S` without data the reader sleeps in ``select`` like any other.

``select`` on a pipe and non-blocking pipes exist only on POSIX. The portable path
(Windows, or ``SFLAB_PORTABLE=1``) reads with plain blocking reads in a helper thread and
waits on a queue, so the deadline still holds.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from typing import Any

from grading.wire import frame, frame_length, parse
from simulator.portable import portable

#: How long a reader polls before it sleeps, in seconds.
SPIN_S = 0.0001
#: Polls that must have caught their message (a running average, 0..1) for the reader to keep polling;
#: on a busy machine polls keep missing, and the reader then sleeps at once instead of wasting a core.
SPIN_HIT_RATE_MIN = 0.25


class ChannelClosed(EOFError):
    """The other process closed the pipe (it ended, crashed or was killed)."""


class ChannelTimeout(TimeoutError):
    """No whole message arrived before the deadline."""


class Channel:
    """Send and receive whole messages over two pipe file descriptors.

    Args:
        read_fd: the pipe this end reads.
        write_fd: the pipe this end writes.
        spin: poll before sleeping (POSIX only; ignored on the portable path).
    """

    def __init__(self, read_fd: int, write_fd: int, *, spin: bool = True) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd
        self._portable = portable()
        self._spin = spin and not self._portable
        self._buffer = bytearray()
        self._queue: queue.Queue[Any] | None = None
        self._hit_rate = 1.0
        self._skipped = 0
        if not self._portable:
            os.set_blocking(read_fd, False)

    def send(self, message: Any) -> None:
        """Write one message (blocks until the pipe takes all of it)."""
        view = memoryview(frame(message))
        while view:
            try:
                view = view[os.write(self.write_fd, view) :]
            except BrokenPipeError:
                raise ChannelClosed("the other process closed the pipe") from None

    def receive(self, deadline: float | None = None) -> Any:
        """The next message, as JSON values.

        Args:
            deadline: a ``time.monotonic()`` value; None waits for ever.

        Raises:
            ChannelTimeout: past the deadline.
            ChannelClosed: the other end closed the pipe.
            WireError: the bytes are not a message.
        """
        if self._portable:
            return self._receive_threaded(deadline)
        header = self._read_exactly(4, deadline)
        return parse(self._read_exactly(frame_length(header), deadline))

    # ------------------------------------------------------------ POSIX: poll, then select
    def _read_exactly(self, size: int, deadline: float | None) -> bytes:
        import select

        while len(self._buffer) < size:
            chunk = self._poll() if self._spin and self._worth_polling() else None
            if chunk is None:
                timeout = None if deadline is None else deadline - time.monotonic()
                if timeout is not None and timeout <= 0:
                    raise ChannelTimeout("no answer before the deadline")
                ready, _, _ = select.select([self.read_fd], [], [], timeout)
                if not ready:
                    raise ChannelTimeout("no answer before the deadline")
                chunk = self._read_now()
            if chunk == b"":
                raise ChannelClosed("the other process closed the pipe")
            if chunk:
                self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _worth_polling(self) -> bool:
        """Poll while polls pay; after a run of misses, try again only every 64th message."""
        if self._hit_rate >= SPIN_HIT_RATE_MIN:
            return True
        self._skipped += 1
        if self._skipped >= 64:
            self._skipped = 0
            self._hit_rate = SPIN_HIT_RATE_MIN  # one more chance: the machine may be quiet again
            return True
        return False

    def _poll(self) -> bytes | None:
        end = time.perf_counter() + SPIN_S
        while True:
            chunk = self._read_now()
            if chunk is not None:
                self._hit_rate = 0.9 * self._hit_rate + 0.1
                return chunk
            if time.perf_counter() > end:
                self._hit_rate *= 0.9
                return None

    def _read_now(self) -> bytes | None:
        try:
            return os.read(self.read_fd, 1 << 20)
        except BlockingIOError:
            return None

    # ------------------------------------------------------------ portable: a reader thread
    def _receive_threaded(self, deadline: float | None) -> Any:
        if self._queue is None:
            self._queue = queue.Queue()
            # The thread reads its own copy of the descriptor and closes it itself, at end of file:
            # were it to read ``read_fd`` after close(), it could read a new pipe given the same number.
            own_fd = os.dup(self.read_fd)
            threading.Thread(target=self._reader, args=(own_fd,), daemon=True, name="sflab-channel").start()
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise ChannelTimeout("no answer before the deadline") from None
        if isinstance(item, BaseException):
            self._queue.put(item)  # every later receive fails the same way
            raise item
        return item

    def _reader(self, fd: int) -> None:
        assert self._queue is not None
        try:
            while True:
                header = _read_blocking(fd, 4)
                self._queue.put(parse(_read_blocking(fd, frame_length(header))))
        except BaseException as error:  # noqa: BLE001 - handed to the waiting receive()
            self._queue.put(error if isinstance(error, Exception) else ChannelClosed(str(error)))
        finally:
            os.close(fd)

    def close(self) -> None:
        """Close both file descriptors (safe to call twice)."""
        for fd in (self.read_fd, self.write_fd):
            try:
                os.close(fd)
            except OSError:
                pass


def _read_blocking(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            raise ChannelClosed("the other process closed the pipe")
        data += chunk
    return data
