"""argon2 with explicit parameters and a bounded amount of memory (verifier/passwords.py): the
parameters of new hashes, the process-wide gate that parallel sign-ins share, "busy, try
again" when it stays full, older hashes verified and rehashed."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, extract_parameters
from sqlmodel import select

from verifier import passwords, services
from verifier.db import users as db_users
from verifier.db.models import User
from verifier.db.store import Store, close_stores, open_store
from verifier.services import users as us

OWNER = services.store_owner("test")
PAT = services.Principal("pat", "fact-checker", "cli")  # pat, signed in: her own password
PASSWORD = "a long enough secret"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    yield open_store(f"sqlite:///{tmp_path / 'p.db'}")
    close_stores()


def gate_of(monkeypatch: pytest.MonkeyPatch, slots: int, wait: float = 60.0) -> passwords.Gate:
    gate = passwords.Gate(slots, wait=wait)
    monkeypatch.setattr(passwords, "_GATE", gate)
    return gate


class Counting:
    """Stands in for the argon2 hasher inside the gate (the real one does the work): counts the
    operations and the memory in use at once. With `hold`, each operation waits until as
    many run as the gate allows, so the bound is reached, not just never exceeded."""

    def __init__(self, gate: passwords.Gate, hold: bool) -> None:
        self.real = passwords.HASHER
        self.gate = gate
        self.hold = hold
        self.now = self.most = self.most_kib = self.calls = 0
        self.full = threading.Event()
        self.lock = threading.Lock()

    def _around(self, fn: Any, *args: Any) -> Any:
        with self.lock:
            self.now += 1
            self.calls += 1
            self.most = max(self.most, self.now)
            self.most_kib = max(self.most_kib, self.gate.in_use)
            if self.now >= self.gate.slots:
                self.full.set()
        try:
            if self.hold:
                assert self.full.wait(30), "the gate never let enough sign-ins in at once"
            return fn(*args)
        finally:
            with self.lock:
                self.now -= 1

    def hash(self, password: str) -> str:
        return str(self._around(self.real.hash, password))

    def verify(self, stored: str, password: str) -> bool:
        return bool(self._around(self.real.verify, stored, password))

    def check_needs_rehash(self, stored: str) -> bool:
        return bool(self.real.check_needs_rehash(stored))


def test_new_hashes_use_the_explicit_parameters(store: Store) -> None:
    us.add_user(OWNER, "pat", "fact-checker", password=PASSWORD, db=store)
    with store.read() as s:
        stored = s.exec(select(User).where(User.name == "pat")).one().password_hash
    params = extract_parameters(stored or "")
    assert (params.memory_cost, params.time_cost, params.parallelism) == (47_104, 1, 1)
    assert params.type.name == "ID"
    # OWASP: argon2id, at least 19 MiB / 2 passes / 1 lane, or an equivalent: 46 MiB / 1 / 1.
    assert passwords.MEMORY_COST * 1024 >= 46 * 2**20


def test_the_memory_bound_is_slots_times_the_memory_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_GATE", None)
    monkeypatch.delenv("VERIFIER_ARGON2_SLOTS", raising=False)
    assert passwords.memory_bound_kib() == 4 * 47_104  # 184 MiB by default
    monkeypatch.setattr(passwords, "_GATE", None)
    monkeypatch.setenv("VERIFIER_ARGON2_SLOTS", "2")
    assert passwords.gate().slots == 2 and passwords.memory_bound_kib() == 2 * 47_104


def test_parallel_sign_ins_never_run_more_argon2_than_the_slots(store: Store,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    names = [f"user{i}" for i in range(6)]
    for name in names:
        us.add_user(OWNER, name, "fact-checker", password=f"{PASSWORD} {name[::-1]}", db=store)
    db_users._dummy()  # the unknown-name hash exists before counting starts
    gate = gate_of(monkeypatch, slots=3)
    counting = Counting(gate, hold=True)
    monkeypatch.setattr(passwords, "HASHER", counting)
    attempts = [(n, f"{PASSWORD} {n[::-1]}") for n in names] * 3 + [
        (n, "wrong password!") for n in names] + [(f"nobody{i}", PASSWORD) for i in range(6)]
    results: dict[int, Any] = {}

    def sign_in(i: int, name: str, password: str) -> None:
        try:
            user = us.authenticate(name, password, db=store)
            results[i] = user.name if user else None
        except Exception as exc:  # noqa: BLE001 - reported below
            results[i] = exc

    threads = [threading.Thread(target=sign_in, args=(i, n, p)) for i, (n, p) in enumerate(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert counting.calls == len(attempts) == 30
    assert counting.most == gate.slots == 3  # reached, never exceeded
    assert counting.most_kib <= gate.budget == 3 * passwords.MEMORY_COST
    assert [results[i] for i in range(18)] == [n for n, _ in attempts[:18]]
    assert all(results[i] is None for i in range(18, 30))


def test_a_full_gate_answers_busy_try_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    us.add_user(OWNER, "pat", "fact-checker", password=PASSWORD, db=store)
    gate = gate_of(monkeypatch, slots=1, wait=0.2)
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        entered.set()
        release.wait(30)

    holder = threading.Thread(target=gate.run, args=(passwords.MEMORY_COST, hold))
    holder.start()
    try:
        assert entered.wait(30)
        with pytest.raises(us.SignInBusy, match="busy .*try again"):
            us.authenticate("pat", PASSWORD, client="10.0.0.1", db=store)
        with pytest.raises(us.SignInBusy):
            us.authenticate("pat", "wrong password!", client="10.0.0.1", db=store)
        assert us._FAILURES == {}  # busy is not a failed sign-in: nothing to throttle
        with pytest.raises(passwords.HashingBusy):  # nor may a new password queue
            us.set_password(PAT, "pat", "another long secret", db=store)
    finally:
        release.set()
        holder.join(30)
    assert gate.in_use == 0 and gate.running == 0
    assert us.authenticate("pat", PASSWORD, db=store) is not None


def test_the_gate_weighs_each_hash_by_its_memory() -> None:
    gate = passwords.Gate(2, memory_kib=10, wait=0.2)  # budget 20
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        entered.set()
        release.wait(30)

    holder = threading.Thread(target=gate.run, args=(15, hold))
    holder.start()
    try:
        assert entered.wait(30)
        assert gate.run(5, lambda: gate.in_use) == 20  # fits beside it
        with pytest.raises(passwords.HashingBusy):
            gate.run(10, lambda: None)  # 25 would not fit
        with pytest.raises(passwords.HashingBusy):
            gate.run(30, lambda: None)  # more than the whole budget: only alone
    finally:
        release.set()
        holder.join(30)
    assert gate.run(30, lambda: gate.in_use) == 30  # alone, it runs


def test_older_hashes_still_verify_within_the_budget_and_are_rehashed(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    legacy = PasswordHasher(time_cost=3, memory_cost=65_536, parallelism=4)  # argon2-cffi's default
    names = ["old1", "old2", "old3"]
    for name in names:
        us.add_user(OWNER, name, "fact-checker", db=store)
        with store.write() as s:
            row = s.exec(select(User).where(User.name == name)).one()
            row.password_hash = legacy.hash(f"{PASSWORD} {name[::-1]}")
            s.add(row)
    db_users._dummy()
    gate = gate_of(monkeypatch, slots=2)  # budget 92 MiB: one 64 MiB verification at a time
    counting = Counting(gate, hold=False)
    monkeypatch.setattr(passwords, "HASHER", counting)
    threads = [threading.Thread(target=us.authenticate, args=(n, f"{PASSWORD} {n[::-1]}"),
                                kwargs={"db": store}) for n in names * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert counting.most_kib <= gate.budget
    with store.read() as s:
        stored = {u.name: u.password_hash for u in s.exec(select(User)).all()}
    for name in names:
        params = extract_parameters(stored[name] or "")
        assert (params.memory_cost, params.time_cost, params.parallelism) == (47_104, 1, 1)
        assert us.authenticate(name, f"{PASSWORD} {name[::-1]}", db=store) is not None


def test_a_rehash_never_undoes_a_password_changed_meanwhile(store: Store) -> None:
    legacy = PasswordHasher(time_cost=1, memory_cost=8_192, parallelism=1)
    us.add_user(OWNER, "pat", "fact-checker", db=store)
    old = legacy.hash(PASSWORD)
    with store.write() as s:
        row = s.exec(select(User).where(User.name == "pat")).one()
        row.password_hash = old
        s.add(row)
    with store.read() as s:
        user = s.exec(select(User).where(User.name == "pat")).one()
    us.set_password(PAT, "pat", "the new long secret", db=store)  # between verify and rehash
    db_users._rehash(store, user, old, PASSWORD)
    assert us.authenticate("pat", PASSWORD, db=store) is None
    assert us.authenticate("pat", "the new long secret", db=store) is not None
