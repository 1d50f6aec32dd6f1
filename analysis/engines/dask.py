"""The Dask engine: the same pure batch function as the local path, run on a Dask cluster.

``presslens analyze --engine dask`` starts a local cluster sized to the cores;
``--scheduler tcp://HOST:8786`` uses any running cluster (``dask scheduler`` on one machine,
``dask worker tcp://HOST:8786`` on each of the others, presslens installed everywhere). Each
worker loads the spaCy model once, through a :class:`SpacyModel` worker plugin, and analyses
whole batches with :func:`analysis.pipeline.analyse_batch`; the records travel back pickled. Only
the client writes the store (DuckDB has one writer), one transaction per finished batch in the
order they finish, so Ctrl-C keeps every finished batch. Near-duplicate triage happens on the
client before any batch is sent. Neither the DuckDB connection nor the ``Language`` object ever
leaves the process that made it.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from analysis import heap, nlp
from analysis.engines import EngineError
from analysis.records import Article, ArticleResult, Failure

log = logging.getLogger(__name__)

# Batches in flight per worker thread: one running, one queued on the worker, one in transit, so
# no worker waits for the client — yet a million-article run never holds all its batches as
# futures (their texts would sit in the scheduler's memory).
IN_FLIGHT_PER_THREAD = 3
CONNECT_TIMEOUT_S = 15
# A Dask worker runs tasks in a thread beside its event loop, which by default wakes every 20 ms
# (tick) and samples memory every 100 ms; each wake takes the GIL from the parse. Measured on 24
# BBC articles in one worker on this (overloaded) machine: 1.70x the in-process time with the
# defaults, 1.48x with these. A remote cluster takes them from its own config (README).
WORKER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    # The worker's statistical profiler (for the Dask dashboard's profile page) wakes every 10 ms
    # to walk the task thread's stack, taking the GIL from the parse each time: off, as no one
    # reads it here.
    "distributed.worker.profile.enabled": False,
    # The nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536, which also turns off
    # glibc's adaptive mmap threshold: every large buffer the parse allocates and frees goes
    # back to the kernel and is faulted in again. Measured on 100 BBC articles, 2 workers: 1.4 s
    # of system time per worker with it, 0.5 s in a local pool worker. glibc's defaults instead.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
# Longer GIL slices for the parsing thread: the event loop's work is not urgent.
SWITCH_INTERVAL_S = 0.05


class SpacyModel(WorkerPlugin):
    """Loads the spaCy model when a worker starts (also on workers that join later), so no batch
    pays for it; :func:`analysis.nlp.load` then returns the same pipeline to every task."""

    name = "presslens-spacy-model"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def setup(self, worker) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        # Frozen like a local pool worker's (analysis.heap): a worker exists to analyse, and the
        # cyclic collector would otherwise go over the model's objects in every full collection.
        with heap.loading(freeze=True):
            nlp.load(self.model)
        # A worker process holding the model took longer than the nanny's 4 s to finish Python's
        # own finalisation after its atexit handlers had run (measured: atexit reached 0.05 s
        # after close, the process still alive at 4 s and killed), so every run ended 4 s late.
        # Registered last, this handler runs first at exit: it flushes the logs and leaves.
        atexit.register(_leave_now)


def _leave_now() -> None:
    """End a worker process at exit without the interpreter's slow teardown: the worker has
    closed (its results are with the client), so only the logs need flushing."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def analyse_on_worker(
    batch: list[Article], model: str | None, encoder: bool = False
) -> list[ArticleResult | Failure]:
    """The task a worker runs: the local engine's batch function with this worker's model."""
    from analysis.pipeline import analyse_batch

    return analyse_batch(batch, nlp.load(model), encoder=encoder)


class DaskEngine:
    """A connection to a Dask cluster (or a local one it starts); a context manager that closes
    what it opened. Calling it with ``(articles, batch_size)`` yields the finished batches as
    they complete.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        n_workers: int | None = None,
        model: str | None = None,
        encoder: bool = False,
    ) -> None:
        self.scheduler = scheduler
        self.encoder = encoder  # the sentence encoder's attitudes too (analysis.attitude_encoder)
        self.n_workers = n_workers
        # The client's choice of model, if it made one, goes to the workers; otherwise each
        # worker resolves the default itself (ARCHITECTURE.md order).
        self.model = model or os.environ.get(nlp.ENV_VAR, "").strip() or None
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None

    def __enter__(self) -> DaskEngine:
        return self

    def connect(self) -> Client:
        """Connect (once) — on the first batch, so a run with nothing new to analyse starts no
        cluster."""
        if self.client is not None:
            return self.client
        # distributed logs at INFO through its own loggers; follow the application's level, so
        # `presslens -v` shows the cluster's chatter and a plain run only its warnings.
        if not logging.getLogger().isEnabledFor(logging.INFO):
            logging.getLogger("distributed").setLevel(logging.WARNING)
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)
            else:
                # One single-threaded process per core: spaCy holds the GIL while it parses, so
                # threads would not run in parallel. The scheduler's HTTP endpoint goes on a
                # free port, so it never collides with a cluster the user runs on 8787.
                with dask.config.set(WORKER_CONFIG):  # the nannies pass it to their workers
                    self.cluster = LocalCluster(
                        n_workers=self.n_workers or os.cpu_count() or 1,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address="127.0.0.1:0",
                    )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"cannot reach the Dask scheduler at {where} ({exc})") from None
        self.client.register_plugin(SpacyModel(self.model))
        return self.client

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def threads(self) -> int:
        """Worker threads in the cluster now (waits for the first worker to join)."""
        client = self.connect()
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except TimeoutError:
            raise EngineError(
                f"the Dask scheduler at {self.scheduler} has no workers "
                f"(start some with `dask worker {self.scheduler}`)"
            ) from None
        return max(1, sum(client.nthreads().values()))

    def __call__(
        self, articles: Sequence[Article], batch_size: int
    ) -> Iterator[list[ArticleResult | Failure]]:
        if not articles:
            return
        from analysis.pipeline import split_batches

        client = self.connect()
        threads = self.threads()
        todo = iter(split_batches(articles, batch_size, threads))
        window = IN_FLIGHT_PER_THREAD * threads
        running = as_completed()
        batch_of = {}

        def submit_next() -> None:
            batch = next(todo, None)
            if batch is not None:
                # pure=False: two runs over the same articles must both analyse them.
                future = client.submit(
                    analyse_on_worker, batch, self.model, self.encoder, pure=False
                )
                batch_of[future.key] = batch
                running.add(future)

        for _ in range(window):
            submit_next()
        try:
            for future in running:
                batch = batch_of.pop(future.key)
                try:
                    results = future.result()
                except nlp.ModelNotFound:
                    raise
                except Exception as exc:  # e.g. a worker died twice on this batch
                    log.warning("a Dask task failed: %s", exc)
                    results = [
                        Failure(a.path or a.id, f"analysis failed on a Dask worker ({exc})")
                        for a in batch
                    ]
                future.release()
                submit_next()
                yield results
        finally:
            pending = [f for f in running.futures] if hasattr(running, "futures") else []
            if pending:
                client.cancel(pending)
