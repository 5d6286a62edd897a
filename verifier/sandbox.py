"""Untrusted documents are read and their claims extracted in a separate worker process with a
CPU-time and memory limit, so that a pathological document (an extractor's worst case, a
decompression bomb past the caps) costs one worker, never the server: past a limit,
DocumentTooComplex ("document too complex"), and the caller (the UI's server) is untouched.

The worker is `python -m verifier.sandbox`: the task ("module:function" and its arguments)
goes in on stdin, pickled; the result comes back on stdout. Every untrusted input goes through
it (docs/decisions.md §21, §22): the editor's draft and its attachments, uploads on the Sources
page, whatever the UI or an API stores, and every URL (fetched by the caller, read here). The parent sets the worker's limits
with prlimit as soon as it starts (no preexec_fn, which is unsafe in a threaded server):
VERIFIER_EXTRACT_CPU_SECONDS (default 30) of CPU time, VERIFIER_EXTRACT_MEMORY_MB (default
2048) of data, and a wall-clock timeout of twice the CPU limit plus 10 s. The worker runs only
verifier's own reading and extraction code; what it sends back is read with pickle, so this
guards against exhaustion, not against a compromised worker.
"""
from __future__ import annotations

import importlib
import os
import pickle
import resource
import subprocess
import sys
from typing import Any


class DocumentTooComplex(RuntimeError):
    """The document needed more time or memory than untrusted input is given."""


def limits() -> tuple[int, int]:
    """(CPU seconds, memory in MB) for one task."""
    cpu = int(os.environ.get("VERIFIER_EXTRACT_CPU_SECONDS") or 30)
    mem = int(os.environ.get("VERIFIER_EXTRACT_MEMORY_MB") or 2048)
    return max(1, cpu), max(64, mem)


def run_limited(task: str, *args: Any, what: str = "document", **kwargs: Any) -> Any:
    """`task` ("module:function") called with `args` and `kwargs` in a limited worker; its
    exceptions are raised here as they were. DocumentTooComplex past the CPU, memory or
    wall-clock limit."""
    cpu, mem = limits()
    proc = subprocess.Popen([sys.executable, "-m", "verifier.sandbox"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        resource.prlimit(proc.pid, resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.prlimit(proc.pid, resource.RLIMIT_DATA, (mem << 20, mem << 20))
    except (ProcessLookupError, OSError):
        pass  # already gone: its exit status tells
    too_complex = DocumentTooComplex(f"{what}: document too complex (it needed more than "
                                     f"{cpu} s of CPU time or {mem} MB of memory)")
    try:
        out, _ = proc.communicate(pickle.dumps((task, args, kwargs)), timeout=2 * cpu + 10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise too_complex from None
    if proc.returncode != 0 or not out:
        raise too_complex
    status, value = pickle.loads(out)  # noqa: S301 - our own worker's answer
    if status == "memory":
        raise too_complex
    if status == "error":
        raise value
    return value


def _worker() -> None:
    task, args, kwargs = pickle.load(sys.stdin.buffer)
    module, _, name = task.partition(":")
    try:
        result: tuple[str, Any] = ("ok", getattr(importlib.import_module(module), name)(*args,
                                                                                     **kwargs))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # noqa: BLE001 - raised again in the caller
        result = ("error", exc)
    try:
        data = pickle.dumps(result)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _worker()
