"""Many inputs over every core: one function mapped over worker processes, in order.

`tacl lint`, `tacl fmt` and `tacl check` hand each file (or report line) to a
function that returns what should be printed for it; this module runs that
function on `--jobs` processes and yields the results in input order, so the
output is byte-identical whatever the number of jobs. Nothing below the commands
knows it runs in parallel: the workers call the same library functions, and only
the parent process writes to standard output, standard error or files.

Memory stays bounded for endless inputs (`--reports-from`): inputs are read
lazily and at most a few chunks per worker are in flight at any time.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice, repeat

_state = None  # what the parent set up for the workers (e.g. the compiled contract)


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def state():
    """The value given to `ordered_map(..., state=...)`, in the worker or the parent."""
    return _state


def _set_state(value) -> None:
    global _state
    _state = value


def _run_chunk(func: Callable, items: list) -> list:
    return [func(item) for item in items]


def _context():
    """`fork` where the platform has it (workers start in milliseconds and inherit the
    imported modules and the state); `spawn` elsewhere, which pickles the state once
    per worker."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def ordered_map(
    func: Callable,
    items: Iterable,
    jobs: int,
    *,
    state=None,
    chunk: int | None = None,
) -> Iterator:
    """`func(item)` for every item, yielded in the order of `items`.

    `jobs <= 1`, or fewer than two items, runs in this process. `func` must be a
    module-level function (workers find it by name) and its results picklable;
    `state` is available to it as `batch.state()`. `chunk`: items per task (by
    default, enough to give each worker about eight tasks, at most 64).
    """
    for results in ordered_chunks(partial(_run_chunk, func), items, jobs, state=state, chunk=chunk):
        yield from results


def ordered_chunks(
    func: Callable, items: Iterable, jobs: int, *, state=None, chunk=None
) -> Iterator:
    """`func(list of items)` for consecutive runs of `items`, yielded in order.

    For work whose result over a run of items is the results of each item put end to
    end (the text to print for them): a worker then returns one block per task, ready
    to write, and the parent does one write and one unpickling per task instead of per
    item — the parent's share is what keeps two cores from being twice as fast when
    each item takes under a millisecond. How `items` is cut must never show in the
    output. In this process (`jobs <= 1`) each call gets a single item, so results
    still stream one by one from a slow input. The rest is as for `ordered_map`.
    """
    sizes = _sizes(len(items) if isinstance(items, (list, tuple)) else None, jobs, chunk)
    previous = _state
    _set_state(state)
    try:
        if jobs > 1:
            items = iter(items)
            head = list(islice(items, 2))
            if len(head) > 1:
                yield from _parallel(func, _chained(head, items), jobs, state, sizes)
                return
            items = head
        for item in items:  # one at a time here, which keeps a slow input streaming
            yield func([item])
    finally:
        _set_state(previous)


def _chained(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _sizes(total: int | None, jobs: int, chunk: int | None) -> Iterator[int]:
    """Items per task: `chunk` if given; 64 for an input of unknown length; for a list,
    about eight tasks per worker (1 to 64 items), the last ones shrinking (a quarter of
    an even share of what is left, down to 8 items) so that the workers finish
    together, rather than one idle while the other ends a long last task."""
    if chunk or total is None:
        yield from repeat(chunk or 64)
    first = max(1, min(64, total // (jobs * 8)))
    least = min(8, first)
    while True:
        size = max(least, min(first, total // (jobs * 4)))
        total -= size
        yield size


def _parallel(func, items: Iterator, jobs: int, state, sizes: Iterator[int]) -> Iterator:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_set_state, initargs=(state,)
    ) as pool:
        pending: deque = deque()
        while True:
            batch = list(islice(items, next(sizes)))
            if not batch:
                break
            pending.append(pool.submit(func, batch))
            if len(pending) >= 3 * jobs:  # bounded: a few chunks per worker in flight
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
