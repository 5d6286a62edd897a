"""The signed session cookie that lets a password sign-in survive a reload
(services.sessions.issue / resume / end, docs/decisions.md §27): a reload finds the session
again only while the signature holds, the cookie has not expired, nobody signed it out and the
session is not idle."""
from __future__ import annotations

import pytest

from verifier.services import sessions
from verifier.ui import browser

SECRET = "a" * 64


class Clock:
    def __init__(self) -> None:
        self.now = 1_760_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(sessions, "_clock", c)
    return c


def test_a_cookie_brings_the_same_user_and_session_back(clock: Clock) -> None:
    mark = sessions.start()
    token = sessions.issue("fatima", mark, SECRET)
    assert browser.TOKEN.fullmatch(token)  # safe to put in the cookie-setting script
    clock.now += 60
    assert sessions.resume(token, SECRET) == ("fatima", mark)
    assert sessions.touch(mark)  # the reload is activity, like any run


def test_a_forged_or_foreign_cookie_is_refused(clock: Clock) -> None:
    mark = sessions.start()
    token = sessions.issue("fatima", mark, SECRET)
    head, payload, sig = token.split(".")
    other = sessions.issue("adam", mark, SECRET).split(".")[1]
    assert sessions.resume(f"{head}.{other}.{sig}", SECRET) is None  # another user's payload
    assert sessions.resume(token, "b" * 64) is None  # another server's key
    for junk in ("", "x", "v1.x.y", "v1..", token + "x", None):
        assert sessions.resume(junk, SECRET) is None


def test_an_idle_session_is_not_revived_by_its_cookie(clock: Clock) -> None:
    mark = sessions.start()
    token = sessions.issue("fatima", mark, SECRET)
    clock.now += sessions.idle_minutes() * 60 - 1
    assert sessions.resume(token, SECRET) is not None
    assert sessions.touch(mark)
    clock.now += sessions.idle_minutes() * 60 + 1
    assert sessions.resume(token, SECRET) is None
    # Not even after the process forgot the mark (a restart): it counts from the sign-in.
    sessions._LAST.clear()
    assert sessions.resume(token, SECRET) is None


def test_a_signed_out_session_stays_out(clock: Clock) -> None:
    mark = sessions.start()
    token = sessions.issue("fatima", mark, SECRET)
    sessions.end(mark)
    assert sessions.resume(token, SECRET) is None
    assert sessions.ended(mark) and sessions.read(token, SECRET) is not None


def test_a_cookie_expires_after_its_maximum_age_however_active(clock: Clock,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_SESSION_MAX_HOURS", "1")
    mark = sessions.start()
    token = sessions.issue("fatima", mark, SECRET)
    for _ in range(5):  # active every 15 minutes: never idle
        clock.now += 15 * 60 - 1
        assert sessions.touch(mark)
    assert sessions.max_age_seconds() == 3600
    assert sessions.resume(token, SECRET) is None


def test_only_the_fixed_scripts_are_recognised_as_the_apps_own() -> None:
    # The helper the hostile-text tests use to allow the app's own scripts and nothing else.
    cookie = browser._SET_COOKIE % {"token": "v1.abc.def", "age": 3600}
    assert browser.is_own_script(cookie)
    assert browser.is_own_script(browser._SCROLL % {"claim": 12})
    assert not browser.is_own_script(cookie.replace("v1.abc.def", 'x"; alert(1); "'))
    assert not browser.is_own_script("<script>window.__xss=1</script>")
    with pytest.raises(ValueError):
        browser.set_session_cookie('x"; alert(1); "', 60)
