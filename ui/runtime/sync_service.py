"""Sending for the window: the outbox is delivered in the background.

``SyncService`` looks at the outbox every ``interval_ms`` (30 s), whenever it
changes, at the next attempt time a failure set, and when the network comes
back (``QNetworkInformation``, where Qt has a backend for this system); when
something is due it runs ONE ``run_outbox`` pass on a thread of its own with
its own database connection. Network I/O holds no transaction, so the pass
never goes through the write runner (which would stall every other write for
the length of an upload) and never through the GUI thread's connection.
"Send now" is the same pass with ``force``: every waiting report, whatever
the backoff says.

What it tells the window: ``state_changed(SyncState)`` (the core's summary,
plus whether a pass is running and what stopped the last one before any
report was touched, e.g. no password saved), ``pass_finished(PassResult)``,
and ``outbox_changed()`` when the outbox or the destination changed, from
this window, from the pass, or from elsewhere (another process, the write
runner's connection): pages refresh on it.
"""
from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot
from shiboken6 import isValid

from app.db import Store
from app.errors import FrontDeskError
from app.sending import (
    DEFAULT_TIMEOUT,
    FAILED,
    SENDING,
    WAITING,
    DeliveryError,
    Destination,
    OutboxSummary,
    PassResult,
    SecretStore,
    SiteConfig,
    current_destination,
    list_outbox,
    load_site_config,
    open_transport,
    outbox_folder,
    outbox_summary,
    run_outbox,
    site_locks_destination,
)
from ui.runtime.background import running_threads
from ui.runtime.events import listen
from ui.runtime.runner import ImmediateRunner

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 30_000
# after a pass that could not even start (no password, keyring locked, another
# process sending): automatic passes wait this long, unless a person acts
HOLD = timedelta(minutes=5)
LINK_BACK_GAP_SECONDS = 10.0  # a flapping link does not start a pass per flap

@dataclass(frozen=True)
class SyncState:
    """What the status bar and the outbox page show."""

    summary: OutboxSummary
    destination: Destination | None
    locked: bool
    sending: bool  # this window's pass is running
    problem: FrontDeskError | None = None  # stopped the last pass before any report was tried
    online: bool | None = None  # what the system says of the network (None: it does not say)

    @property
    def waiting(self) -> int:
        return sum(self.summary.counts[s] for s in WAITING)

    @property
    def status(self) -> str:
        """The core's words (``outbox_summary``), sharpened by what only the window knows."""
        status = self.summary.status
        if self.sending and status != "no_destination":
            return "sending"
        if status == "no_destination":
            return status
        if self.problem is not None and self.waiting:
            return "attention"
        remote = self.destination is not None and self.destination.transport != "folder"
        if status == "waiting" and self.online is False and remote:
            return "offline"
        return status

    @property
    def attention_count(self) -> int:
        failed = self.summary.counts[FAILED]
        return failed if failed else self.waiting


def _one_pass(store: Store, site: SiteConfig, backend: Any, clock: Any, force: bool, timeout: float,
              rng: random.Random) -> tuple[PassResult, DeliveryError | None]:
    """Off the GUI thread, on a connection the runner opened for it (its writes
    take turns with the window's): one bounded pass. Returns the pass's result,
    and what kept it from starting. What it changes in the outbox is announced
    on the process's events (the window hears it)."""
    destination = current_destination(store, site)
    if destination is None:
        return PassResult(), None
    secrets = SecretStore(backend) if backend is not None else None
    try:
        transport = open_transport(destination, secrets=secrets, clock=clock, timeout=timeout)
    except DeliveryError as exc:
        # nothing was tried, so no row records it: the service keeps it (SyncState.problem)
        return PassResult(stopped=exc), exc
    return run_outbox(store, transport, clock, force=force, rng=rng), None


class SyncService(QObject):
    """Owns sending for one window. ``start()`` once the window is shown,
    ``stop()`` when it closes."""

    state_changed = Signal(object)  # SyncState
    pass_finished = Signal(object)  # PassResult
    outbox_changed = Signal()

    def __init__(
        self,
        store: Store,
        *,
        keyring_backend: Any,
        clock: Any = None,
        site: SiteConfig | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
        timeout: float = DEFAULT_TIMEOUT,
        rng: random.Random | None = None,
        watch_network: bool = True,
        runner: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner if runner is not None else ImmediateRunner(store, parent=self)
        self._backend = keyring_backend
        self._clock = clock or store.clock
        self._timeout = timeout
        self._rng = rng or random.Random()
        self._watch_network = watch_network
        self._site_problem: FrontDeskError | None = None
        if site is None:
            try:
                site = load_site_config()
            except FrontDeskError as exc:  # a broken site.toml: said, not fatal
                self._site_problem, site = exc, SiteConfig()
        self.site = site
        self._problem: FrontDeskError | None = None
        self._hold_until: datetime | None = None  # no automatic pass before then (a person may act)
        self._closed = False
        self._last_link_pass = float("-inf")
        self._current = False  # a pass is running
        self._forced_next = False
        self._started = False
        self._online: bool | None = None
        self._network: Any = None
        # heard from the start, whoever changed it (a form, a pass, an import):
        # the state shows before sending starts (``start``)
        listen(self, store.path, ("outbox_changed",), self._heard)
        # a report queued by another program (frontdesk export report --send)
        # lands its copy in the outbox folder: no event crosses processes, the folder does
        self._folder = QFileSystemWatcher(self)
        self._folder.directoryChanged.connect(lambda _path: self._heard())
        self._tick = QTimer(self, interval=interval_ms)
        self._tick.timeout.connect(self._on_tick)
        self._due_timer = QTimer(self, singleShot=True)
        self._due_timer.timeout.connect(self.check)
        self.state_changed.connect(self._remember_state)
        self._state: SyncState | None = None

    # -- life ----------------------------------------------------------------------

    def start(self) -> None:
        if self._started:
            return
        self._started, self._closed = True, False
        folder = outbox_folder(self._store)
        folder.mkdir(parents=True, exist_ok=True)
        self._folder.addPath(str(folder))
        self._tick.start()
        if self._watch_network:
            self._follow_network()
        self.refresh()
        self.check()

    def stop(self, wait: float = 5.0) -> None:
        """No new passes; give a running one ``wait`` seconds to finish. One
        still running after that is left to end on its own: a pass is safe to
        cut anywhere (a report found 'sending' is sent again, idempotently)."""
        self._started, self._closed = False, True
        self._tick.stop()
        self._due_timer.stop()
        if self._folder.directories():
            self._folder.removePaths(self._folder.directories())
        if self._network is not None:
            try:
                self._network.reachabilityChanged.disconnect(self._reachability_changed)
            except (RuntimeError, TypeError):
                pass
            self._network = None
        for thread in running_threads(self._thread_name):
            thread.join(wait)

    @property
    def _thread_name(self) -> str:
        return f"frontdesk-sync-{id(self)}"

    @property
    def running(self) -> bool:
        return self._started

    @property
    def sending(self) -> bool:
        return self._current

    # -- what is there ---------------------------------------------------------------

    def state(self) -> SyncState:
        problem = self._site_problem or self._problem
        try:
            destination = current_destination(self._store, self.site)
            locked = site_locks_destination(self.site)
        except FrontDeskError as exc:  # site.toml names a destination that cannot be used
            destination, locked, problem = None, False, exc
        summary = outbox_summary(self._store, has_destination=destination is not None)
        return SyncState(summary, destination, locked, self.sending, problem, self._online)

    def refresh(self) -> SyncState:
        state = self.state()
        self.state_changed.emit(state)
        return state

    def _remember_state(self, state: SyncState) -> None:
        self._state = state

    def last_state(self) -> SyncState:
        return self._state if self._state is not None else self.state()

    def _due_items(self) -> list:
        now = self._clock.now()
        due = []
        for item in list_outbox(self._store, WAITING):
            if item.state == SENDING or not item.next_attempt_at:
                due.append(item)
                continue
            try:
                if datetime.fromisoformat(item.next_attempt_at) <= now:
                    due.append(item)
            except ValueError:
                due.append(item)
        return due

    # -- when to send ------------------------------------------------------------------

    def check(self) -> bool:
        """Start an ordinary pass if something is due; True if one started."""
        if not self._started or self._current:
            return False
        self._schedule_next()
        if self._hold_until is not None and self._clock.now() < self._hold_until:
            return False
        try:
            if current_destination(self._store, self.site) is None or not self._due_items():
                return False
        except FrontDeskError:
            return False
        self._start_pass(force=False)
        return True

    def send_now(self) -> bool:
        """A person's "Send now": every waiting report at once, whatever the
        backoff says (after the running pass, if one is running)."""
        self._problem, self._hold_until = None, None
        if self._closed:
            return False
        if self._current:
            self._forced_next = True
            return True
        try:
            if current_destination(self._store, self.site) is None:
                self.refresh()
                return False
        except FrontDeskError:
            self.refresh()
            return False
        self._start_pass(force=True)
        return True

    def wake(self) -> None:
        """A person changed something (destination, password, put back): try at once."""
        self._problem, self._hold_until = None, None
        self._outbox_changed()

    def link_changed(self, online: bool | None) -> None:
        """The system says the network went away or came back."""
        was, self._online = self._online, online
        if online and not was and self._started:
            self._hold_until = None
            waiting = list_outbox(self._store, WAITING)
            stalled = any((i.last_error or {}).get("kind") == "offline" for i in waiting)
            if stalled and time.monotonic() - self._last_link_pass >= LINK_BACK_GAP_SECONDS:
                # the offline backoff (up to 5 min) is not worth waiting out: the link is here
                self._last_link_pass = time.monotonic()
                log.info("network is back: trying the waiting reports")
                self.send_now()
                return
            self.check()
        self.refresh()

    def _attempt_times(self) -> list[datetime]:
        moments = []
        for item in list_outbox(self._store, WAITING):
            try:
                if item.next_attempt_at:
                    moments.append(datetime.fromisoformat(item.next_attempt_at))
            except ValueError:
                continue
        return moments

    def _schedule_next(self) -> None:
        """Wake at the soonest next attempt, if that comes before the next tick."""
        soonest = self._soonest_attempt()
        if soonest is None:
            self._due_timer.stop()
            return
        seconds = (soonest - self._clock.now()).total_seconds()
        delay_ms = int(min(max(seconds, 1.0) * 1000, self._tick.interval()))
        self._due_timer.start(delay_ms)

    def _on_tick(self) -> None:
        """Time passing, not data: a report whose next attempt has come is due."""
        self.check()

    def _heard(self, *_event: Any) -> None:
        if not self._closed:
            self._outbox_changed()

    @Slot()
    def _outbox_changed(self) -> None:
        self.outbox_changed.emit()
        self.refresh()
        self.check()

    # -- one pass ------------------------------------------------------------------------

    def _start_pass(self, force: bool) -> None:
        if self._closed:
            return
        self._current = True
        self.refresh()
        site, backend, clock, timeout, rng = self.site, self._backend, self._clock, self._timeout, self._rng
        self._runner.in_background(
            lambda store: _one_pass(store, site, backend, clock, force, timeout, rng),
            self._pass_done, self._pass_failed, uses="read", name=self._thread_name,
        )

    def _pass_done(self, outcome: tuple[PassResult, DeliveryError | None]) -> None:
        if not isValid(self):
            return  # the window went while its last pass finished
        self._current = False
        result, not_started = outcome
        now = self._clock.now()
        self._problem, self._hold_until = not_started, None
        if not_started is not None:  # nothing recorded it: wait for a person, or a while
            self._hold_until = now + HOLD
        elif result.busy:  # another process is sending: look again at the next tick
            self._hold_until = now + timedelta(milliseconds=self._tick.interval())
        elif result.stopped is not None:
            # the link or the settings stopped the pass; the reports it did not reach
            # wait with the one that failed, rather than each costing a pass of its own
            self._hold_until = self._soonest_attempt()
        self._after_pass(result)

    def _soonest_attempt(self) -> datetime | None:
        future = [m for m in self._attempt_times() if m > self._clock.now()]
        return min(future) if future else None

    def _pass_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._current = False
        if isinstance(error, FrontDeskError):
            log.warning("sending pass could not run: %s", error.code)
            self._problem = error
        else:
            log.error("sending pass failed", exc_info=(type(error), error, error.__traceback__))
            self._problem = FrontDeskError("delivery.unexpected", reason=type(error).__name__)
        self._hold_until = self._clock.now() + HOLD
        self._after_pass(PassResult(stopped=None))

    def _after_pass(self, result: PassResult) -> None:
        self.outbox_changed.emit()
        self.pass_finished.emit(result)
        if self._forced_next and self._started:
            self._forced_next = False
            self._start_pass(force=True)
            return
        self._forced_next = False
        self.refresh()
        self.check()

    # -- the network -----------------------------------------------------------------------

    def _follow_network(self) -> None:
        """Reachability from Qt where this system has a backend; without one the
        timer alone finds the link again (offline retries are at most 5 min apart)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            info = QNetworkInformation.instance()
            if info is None:
                if not QNetworkInformation.loadDefaultBackend():
                    log.info("no network information backend: the timer finds the link")
                    return
                info = QNetworkInformation.instance()
            if info is None or not info.supports(QNetworkInformation.Feature.Reachability):
                return
            info.reachabilityChanged.connect(self._reachability_changed)
            self._network = info
            self._online = _reachable(info.reachability())
        except Exception:  # never worth failing the window for
            log.warning("network information not available", exc_info=True)

    def _reachability_changed(self, reachability: Any) -> None:
        self.link_changed(_reachable(reachability))


def _reachable(reachability: Any) -> bool | None:
    from PySide6.QtNetwork import QNetworkInformation

    kinds = QNetworkInformation.Reachability
    if reachability == kinds.Disconnected:
        return False
    if reachability == kinds.Unknown:
        return None
    return True  # local, site or online: a folder share or the province's server may be there
