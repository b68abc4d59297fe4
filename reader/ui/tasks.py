"""Background work: a core generator that yields Progress (and returns its result) runs in a
QRunnable; its progress, result and errors come back to the UI thread as signals."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# A job factory receives the cancel check and returns the generator to run.
Job = Callable[[Callable[[], bool]], Generator[Any, None, Any]]


class TaskSignals(QObject):
    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, job: Job, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner owns it until `finished` has been delivered
        self.name = name
        self.signals = TaskSignals()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            gen = self._job(self._cancel.is_set)
            while True:
                try:
                    item = next(gen)
                except StopIteration as stop:
                    if not self._cancel.is_set():
                        self.signals.result.emit(stop.value)
                    break
                self.signals.progress.emit(item)
        except Exception as exc:  # reported to the UI, never lost in a worker thread
            self.signals.error.emit(exc)
        finally:
            self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks on its own thread pool, keeps them alive while they run, cancels on quit."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: list[Task] = []
        self._closed = False

    def start(self, task: Task) -> Task:
        """Connect the task's signals before calling this. After shutdown nothing starts."""
        if self._closed:
            task.cancel()
            return task
        self._running.append(task)
        task.signals.finished.connect(lambda: self._forget(task))
        self._pool.start(task)
        return task

    def _forget(self, task: Task) -> None:
        if task in self._running:
            self._running.remove(task)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def shutdown(self, wait_ms: int = 5000) -> bool:
        self._closed = True
        for task in self._running:
            task.cancel()
        return self._pool.waitForDone(wait_ms)
