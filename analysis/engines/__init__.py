"""Engines that run the pipeline's pure batch function somewhere other than this process.

The local engine (this process, or ``--workers`` processes on this machine) lives in
:mod:`analysis.pipeline`; an engine here is a callable ``(articles, batch_size) -> iterator of
finished batches`` that :func:`analysis.pipeline.analyze_articles` takes instead, so triage,
the store writes and the progress bar stay in one place whatever runs the parse.
"""


class EngineError(RuntimeError):
    """The engine cannot run: e.g. its cluster cannot be reached or has no workers."""
