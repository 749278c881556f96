"""Sharing a large job between processes on a machine with several cores (two on CI runners).

The workers are forked, so they inherit the job's data (`job()`) instead of receiving it pickled; only
each share's description goes to them and only its result comes back. Where processes cannot be had
(no fork, a sandbox without semaphores), or the job is small, the shares run in this process, in order:
the result is the same either way."""

from __future__ import annotations

import os
import sys

MAX_WORKERS = 4  # the shares are few and large: more processes would mostly copy memory
_job = None


def job():
    """The data of the job being shared (in a worker, as it was when the worker was forked)."""
    return _job


def can_fork() -> bool:
    """Linux only: macOS has fork() but its system libraries may not survive it (Python spawns there)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def worth_it(size: int, threshold: int) -> bool:
    """Whether a job of `size` items is large enough to share, on this machine."""
    return size >= threshold and (os.cpu_count() or 1) > 1 and can_fork()


def run_shares(fn, shares: list, data, parallel: bool = True) -> list:
    """[fn(share) for share in shares], with job() returning `data` inside fn; the shares run in
    worker processes when `parallel` is true and processes can be had. An exception raised by fn is
    raised here, as in a plain loop."""
    global _job
    _job = data
    try:
        if parallel and len(shares) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            outcomes = None
            try:
                workers = min(MAX_WORKERS, len(shares), os.cpu_count() or 1)
                with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
                    outcomes = list(pool.map(_call, [(fn, share) for share in shares]))
            except (OSError, RuntimeError):
                pass  # no processes to be had here (fn's own errors come back as outcomes)
            if outcomes is not None:
                for ok, value in outcomes:
                    if not ok:
                        raise value
                return [value for _, value in outcomes]
        return [fn(share) for share in shares]
    finally:
        _job = None


def map_items(fn, items: list, threshold: int) -> list:
    """[fn(item) for item in items], in order; from `threshold` items on, in worker processes, which
    inherit `fn` and `items` (so fn may be a closure) and send back only the results."""
    results = run_shares(_map_share, slices(len(items), 4), (fn, items),
                         parallel=worth_it(len(items), threshold))
    return [result for part in results for result in part]


def _map_share(bounds: tuple[int, int]) -> list:
    fn, items = job()
    return [fn(item) for item in items[bounds[0]:bounds[1]]]


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: int) -> None:
    """In a worker: be killed when the process that forked it dies (killed by a time-out, kill -9 or a
    terminal's hang-up), instead of running on, holding its memory, with nobody to send results to."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no prctl (not Linux): the check below still catches a parent already gone
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _call(task):
    fn, share = task
    try:
        return True, fn(share)
    except Exception as e:  # sent back to be raised in the parent
        return False, e


def slices(n: int, parts: int) -> list[tuple[int, int]]:
    """(start, stop) of `parts` nearly equal consecutive slices of range(n) (fewer if n is small)."""
    step = max(1, -(-n // parts))
    return [(i, min(i + step, n)) for i in range(0, n, step)]
