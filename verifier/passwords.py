"""Password hashing with argon2id, with explicit parameters and bounded memory.

Parameters (docs/decisions.md §24): OWASP's Password Storage Cheat Sheet asks for argon2id with
at least 19 MiB of memory, 2 passes and 1 lane, or an equivalent trade of memory for passes;
its memory-heaviest equivalent is 46 MiB, 1 pass, 1 lane, which is what new hashes use (about
50 ms on one core). One lane, so that one hash is one thread and the number of hashes running
at once is the number of cores they can use.

Every hash and every verification goes through one process-wide gate: a memory budget of
`slots x MEMORY_COST` KiB (VERIFIER_ARGON2_SLOTS, default 4: 184 MiB). A verification takes
the memory its stored hash names (`m=` in the hash string: hashes made with other parameters
still verify, and are rehashed on the next sign-in), a new hash MEMORY_COST. Whoever finds the
budget spent waits up to BUSY_WAIT seconds, then gets `HashingBusy` ("busy, try again")
instead of queueing without limit; so N sign-ins at once never hold more than the budget in
argon2 memory, whatever N. A stored hash that names more than the whole budget runs alone."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from verifier.config import argon2_slots

MEMORY_COST = 47_104  # KiB (46 MiB)
TIME_COST = 1  # passes over the memory
PARALLELISM = 1  # lanes (threads) per hash
BUSY_WAIT = 2.0  # seconds a sign-in may wait for memory before "busy, try again"

HASHER = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_COST, parallelism=PARALLELISM,
                        hash_len=32, salt_len=16, type=Type.ID)

T = TypeVar("T")


class HashingBusy(RuntimeError):
    """Every argon2 slot stayed busy for the whole wait: try again in a moment."""


class Gate:
    """A memory budget in KiB: `run(kib, fn)` runs fn once `kib` fit within it, waiting at most
    `wait` seconds (then HashingBusy). A request larger than the budget waits for the gate to
    be empty and runs alone."""

    def __init__(self, slots: int, *, memory_kib: int = MEMORY_COST, wait: float = BUSY_WAIT):
        if slots < 1:
            raise ValueError("argon2 slots must be at least 1")
        self.slots = slots
        self.budget = slots * memory_kib
        self.wait = wait
        self.in_use = 0  # KiB held now
        self.running = 0  # operations running now
        self._cond = threading.Condition()

    def _fits(self, kib: int) -> bool:
        return self.in_use + kib <= self.budget or self.running == 0

    def run(self, kib: int, fn: Callable[[], T]) -> T:
        with self._cond:
            if not self._cond.wait_for(lambda: self._fits(kib), timeout=self.wait):
                raise HashingBusy("the server is busy checking other passwords: try again in "
                                  "a few seconds")
            self.in_use += kib
            self.running += 1
        try:
            return fn()
        finally:
            with self._cond:
                self.in_use -= kib
                self.running -= 1
                self._cond.notify_all()


_GATE: Gate | None = None
_GATE_LOCK = threading.Lock()


def gate() -> Gate:
    """The process's gate, made on first use from VERIFIER_ARGON2_SLOTS."""
    global _GATE
    with _GATE_LOCK:
        if _GATE is None:
            _GATE = Gate(argon2_slots())
        return _GATE


def memory_bound_kib() -> int:
    """The most argon2 memory this process holds at once (KiB), a lone oversized stored hash
    aside."""
    return gate().budget


def hash_password(password: str) -> str:
    """A new argon2id hash with this module's parameters (through the gate)."""
    return gate().run(MEMORY_COST, lambda: HASHER.hash(password))


def _memory_of(stored: str) -> int:
    return int(extract_parameters(stored).memory_cost)


def verify(stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash, whatever parameters it was made with
    (HashingBusy when the gate stays full; False for a malformed hash)."""
    try:
        kib = _memory_of(stored)
    except (InvalidHashError, ValueError):
        return False

    def check() -> bool:
        try:
            return bool(HASHER.verify(stored, password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    return gate().run(kib, check)


def needs_rehash(stored: str) -> bool:
    """Whether a hash was made with other parameters than today's."""
    try:
        return HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return False
