"""Sources, audit and admin pages (AppTest)."""
from __future__ import annotations

import csv
import io
import os
import pwd

import pytest
from sqlmodel import select

from verifier import services
from verifier.db.models import AuditEvent, Fact, User
from verifier.ui import sources

from .test_ui_support import PAGE, SOURCE, Seeded, claim, has_key, seeded, sign_in, titles

ADAM = services.Principal("adam", "admin", "ui")

__all__ = ["seeded"]


def frame_with(at, column: str):  # type: ignore[no-untyped-def]
    """The first table shown with this column (st.dataframe carries no key in AppTest)."""
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with a {column!r} column")


class Upload:
    """What st.file_uploader gives: a name and the bytes."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


PACK = b"""pack: test-pack
facts:
  - subject: Partenariat strategique approfondi
    predicate: event
    valid_from: 2016-03-15
    source: {title: MAP, url: https://www.mapexpress.ma/}
"""


def test_sources_page_for_admin_lists_and_offers_uploads(seeded: Seeded) -> None:
    services.sources.import_pack(ADAM, PACK, name="test-pack", fmt="yaml", db=seeded.store)
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    assert not at.exception
    assert titles(at) == ["Sources and facts"]
    packs = frame_with(at, "pack")
    assert list(packs["pack"]) == ["demo", "test-pack"] and list(packs["facts"])[1] == 1
    docs = frame_with(at, "passages")
    assert list(docs["id"]) == [seeded.source_id] and docs["passages"].iloc[0] > 0
    assert has_key(at, "sources_add_btn") and has_key(at, "sources_import_btn")


def test_fact_checker_may_view_sources_but_not_add(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.switch_page(PAGE["sources"]).run()
    assert titles(at) == ["Sources and facts"]
    assert not has_key(at, "sources_add_btn") and not has_key(at, "sources_import_btn")


def test_adding_sources_and_packs_reports_progress_and_errors(seeded: Seeded) -> None:
    from streamlit.testing.v1 import AppTest

    def script() -> None:
        from tests.test_ui_pages import ADAM, PACK, Upload
        from verifier.ui import sources as page
        page._add_sources([Upload("a.txt", "Un texte de référence, en français, "
                                           "sur la diplomatie.".encode()),
                           Upload("empty.txt", b"")], ADAM)
        page._import_packs([Upload("p.yaml", PACK), Upload("bad.csv", b"nope")], ADAM)

    at = AppTest.from_function(script, default_timeout=60).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("empty.txt" in e for e in errors) and any("bad" in e for e in errors)
    assert at.get("progress") and at.status
    with seeded.store.read() as s:
        assert s.exec(select(Fact).where(Fact.pack == "test-pack")).all()
        events = s.exec(select(AuditEvent).where(AuditEvent.actor == "adam")).all()
    assert {e.action for e in events} >= {"ingest", "facts.import"}
    assert sources.SOURCE_TYPES  # the module the script used


def test_auditor_sees_history_chain_and_exports(seeded: Seeded) -> None:
    c = claim(seeded.store, seeded.temporal_id)
    services.review.record_verdict(services.Principal("fatima", "fact-checker", "ui"), c.id,
                                   verdict="False", note="neuf ans", seen_version=c.version,
                                   db=seeded.store)
    at = sign_in("ada")
    assert titles(at) == ["Audit"]
    assert any(s.value.startswith("Intact:") for s in at.success)
    assert {m.label for m in at.metric} >= {"Head seq"}
    at.selectbox(key="auditor_claim").select(seeded.temporal_id).run()
    events = frame_with(at, "hash")  # the claim's history (the feed has no hash column)
    assert list(events["who"]) == ["fatima"] and list(events["action"]) == ["verdict"]
    server_account = pwd.getpwuid(os.geteuid()).pw_name
    assert list(events["via"]) == [f"ui · {server_account}"]  # the channel, the server's account
    assert "verdict: none → False" in events["what changed"].iloc[0]
    reviews = frame_with(at, "reviewer")
    assert list(reviews["reviewer"]) == ["fatima"]
    # An export: the download appears, and the export itself is audited under the auditor.
    at.selectbox(key="auditor_fmt").select("csv")
    at.button(key="auditor_export_btn").click().run()
    assert not at.exception, at.exception
    assert at.get("download_button")
    data = at.session_state["auditor_export_file"]["data"].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data.split("\n", 1)[1] if data.startswith("#") else data)))
    assert any(r.get("verdict") == "False" for r in rows) or "False" in data
    with seeded.store.read() as s:
        last = s.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()  # type: ignore[union-attr]
    assert last is not None and (last.actor, last.action) == ("ada", "export")
    assert (last.channel, last.os_user, last.chain_version) == ("ui", server_account, 2)


def test_auditor_cannot_change_a_verdict(seeded: Seeded) -> None:
    at = sign_in("ada")
    at.switch_page(PAGE["desk"]).run()
    assert not has_key(at, "desk_save")


def change_role(at, name: str, role: str):  # type: ignore[no-untyped-def]
    """Choose the user and the role, ask, and confirm."""
    at.selectbox(key="admin_role_user").select(name)
    at.selectbox(key="admin_role_role").select(role)
    at.button(key="admin_role_btn").click().run()
    assert any(w.value.startswith(f"Change {name} from ") for w in at.warning), \
        [e.value for e in at.error]
    at.button(key="admin_role_confirm").click().run()
    assert not at.exception, at.exception
    return at


def test_admin_adds_a_user_and_changes_a_role(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    assert titles(at) == ["Users and roles"]
    at.text_input(key="admin_new_name").input("zoe")
    at.selectbox(key="admin_new_role").select("editor")
    at.text_input(key="admin_new_email").input("Zoe@Example.org")
    at.text_input(key="admin_new_password").input("green-lantern-42")
    at.button(key="admin_add_btn").click().run()
    assert any("Added zoe as editor" in s.value for s in at.success), [e.value for e in at.error]
    change_role(at, "zoe", "fact-checker")
    assert any("zoe is now fact-checker" in s.value for s in at.success)
    with seeded.store.read() as s:
        zoe = s.exec(select(User).where(User.name == "zoe")).one()
        events = s.exec(select(AuditEvent).where(AuditEvent.action.in_(["user", "role"]))  # type: ignore[attr-defined]
                        .where(AuditEvent.actor == "adam")).all()
    assert (zoe.role, zoe.email) == ("fact-checker", "zoe@example.org")
    assert len(events) == 2
    # zoe signs in with her password and gets the desk with the verdict form.
    assert has_key(sign_in("zoe", "green-lantern-42"), "desk_save")


def test_admin_errors_are_one_line_and_self_demotion_is_refused(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    at.text_input(key="admin_new_name").input("fatima")
    at.button(key="admin_add_btn").click().run()
    assert any("already exists" in e.value for e in at.error)
    change_role(at, "adam", "editor")
    assert any("cannot take the admin role from yourself" in e.value for e in at.error)


def test_admin_page_refuses_to_remove_the_last_admin(seeded: Seeded) -> None:
    # Another admin may demote adam only while a second active admin remains.
    services.users.add_user(ADAM, "alba", "admin", password="s3cret-blue-2026", db=seeded.store)
    at = sign_in("alba", "s3cret-blue-2026")
    at.switch_page(PAGE["admin"]).run()
    change_role(at, "adam", "editor")
    assert any("adam is now editor" in s.value for s in at.success)
    # alba is now the last admin: she may not demote herself (nor could anyone else).
    change_role(at, "alba", "auditor")
    assert any("cannot take the admin role from yourself" in e.value for e in at.error)
    with pytest.raises(services.PermissionDenied):  # the store owner changes no user now
        services.users.set_role(services.store_owner("root"), "alba", "auditor", db=seeded.store)


@pytest.mark.parametrize("name, role", [("fatima", "fact-checker"), ("eddie", "editor"),
                                        ("ada", "auditor")])
def test_only_admins_add_sources_and_packs_whatever_the_page_shows(seeded: Seeded, name: str,
                                                                   role: str) -> None:
    who = services.Principal(name, role, "ui")
    with pytest.raises(services.PermissionDenied):
        services.sources.add_source(who, b"Un texte de r\xc3\xa9f\xc3\xa9rence.", name="r.txt",
                                    db=seeded.store)
    with pytest.raises(services.PermissionDenied):
        services.sources.import_pack(who, PACK, name="p", fmt="yaml", db=seeded.store)
    with pytest.raises(services.PermissionDenied):
        services.users.add_user(who, "mallory", "admin", db=seeded.store)
    with seeded.store.read() as s:
        assert not s.exec(select(Fact).where(Fact.pack == "p")).all()
        assert s.exec(select(User).where(User.name == "mallory")).first() is None


def test_sources_page_offers_to_recheck_what_a_new_source_may_concern(seeded: Seeded) -> None:
    """The admin adds a source through the page; the page offers to re-check the stored
    article whose quotes the source holds, and runs it with a progress bar."""
    before = {c.id: c.text for c in seeded.claims()}
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    assert not has_key(at, "sources_recheck_btn")  # nothing new yet
    text = SOURCE.read_text(encoding="utf-8") + "\n\nFin de la transcription de travail.\n"
    at.file_uploader(key="sources_files").set_value(("moscou-2.txt", text.encode(), "text/plain"))
    at.button(key="sources_add_btn").click().run()
    assert not at.exception, at.exception
    assert any("1 document stored may be concerned by the new sources" in i.value for i in at.info)
    button = at.button(key="sources_recheck_btn")
    assert button.label == "Re-check 1 document it may concern"
    button.click().run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Re-checked 1 document: ") for s in at.success), \
        [e.value for e in at.error]
    assert at.get("progress")
    at.run()
    assert not has_key(at, "sources_recheck_btn")  # done: the offer is gone
    assert {c.id: c.text for c in seeded.claims()} == before  # the same claims, the same ids
    with seeded.store.read() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.actor == "adam")).all()
    assert [e.document_id for e in events if e.action == "extract"] == [seeded.document_id]


def test_sources_page_offers_to_recheck_after_a_facts_pack(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    at.file_uploader(key="sources_pack_files").set_value(("p.yaml", PACK, "application/yaml"))
    at.button(key="sources_import_btn").click().run()
    assert not at.exception, at.exception
    assert any("concerned by the new facts" in i.value for i in at.info)
    at.button(key="sources_recheck_btn").click().run()
    assert any(s.value.startswith("Re-checked 1 document") for s in at.success)
    table = frame_with(at, "altered_quotes")
    assert list(table["id"]) == [seeded.document_id]


def test_a_source_that_concerns_no_stored_document_offers_nothing(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    weather = b"Forecast for Thursday: light rain over the coast, strong winds inland."
    at.file_uploader(key="sources_files").set_value(("weather.txt", weather, "text/plain"))
    at.button(key="sources_add_btn").click().run()
    assert not at.exception, at.exception
    assert any("No stored article or draft" in i.value for i in at.info)
    assert not has_key(at, "sources_recheck_btn")


def test_admin_deactivates_and_resets_passwords_in_the_browser(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    at.button(key="admin_access_btn").click().run()  # nothing chosen: nothing happens
    assert any("Choose a user and an action" in e.value for e in at.error)
    at.selectbox(key="admin_access_user").select("eddie")
    at.selectbox(key="admin_access_action").select("deactivate")
    at.button(key="admin_access_btn").click().run()
    assert any("eddie is now deactivated" in s.value for s in at.success)
    assert "auth_checked" not in sign_in("eddie").session_state  # eddie cannot sign in
    at.selectbox(key="admin_access_user").select("fatima")
    at.selectbox(key="admin_access_action").select("reset password")
    at.text_input(key="admin_access_password").input("short")
    at.button(key="admin_access_btn").click().run()
    assert any("password too short" in e.value for e in at.error)
    at.text_input(key="admin_access_password").input("correct horse battery")
    at.button(key="admin_access_btn").click().run()
    assert any("Password of fatima reset" in s.value for s in at.success)
    assert sign_in("fatima", "correct horse battery").session_state["auth_checked"]["name"] == "fatima"
    at.selectbox(key="admin_access_user").select("adam")
    at.selectbox(key="admin_access_action").select("deactivate")
    at.button(key="admin_access_btn").click().run()
    assert any("cannot deactivate yourself" in e.value for e in at.error)


# --- the admin's page: confirmed role changes, access, facts, limits ----------------------------


def role_of(seeded: Seeded, name: str) -> str:
    with seeded.store.read() as s:
        return s.exec(select(User).where(User.name == name)).one().role


def test_a_role_change_needs_a_confirmation(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    assert at.selectbox(key="admin_role_user").value is None  # nothing preselected
    assert at.selectbox(key="admin_role_role").value is None
    at.button(key="admin_role_btn").click().run()  # a click alone changes nothing
    assert any("Choose a user and a role" in e.value for e in at.error)
    at.selectbox(key="admin_role_user").select("eddie")
    at.selectbox(key="admin_role_role").select("admin")
    at.button(key="admin_role_btn").click().run()
    assert [w.value for w in at.warning] == ["Change eddie from editor to admin?"]
    assert role_of(seeded, "eddie") == "editor"  # asked, not done
    at.button(key="admin_role_cancel").click().run()
    assert not at.warning and role_of(seeded, "eddie") == "editor"
    assert not has_key(at, "admin_role_confirm")
    at.button(key="admin_role_btn").click().run()
    at.button(key="admin_role_confirm").click().run()
    assert any("eddie is now admin" in s.value for s in at.success)
    assert role_of(seeded, "eddie") == "admin" and not at.warning
    with seeded.store.read() as s:
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "role")).one()
    assert (ev.actor, ev.old, ev.new) == ("adam", {"name": "eddie", "role": "editor"},
                                          {"name": "eddie", "role": "admin"})
    at.button(key="admin_role_btn").click().run()  # the same role again: nothing to confirm
    assert any("eddie is already admin" in i.value for i in at.info)
    assert not has_key(at, "admin_role_confirm")


def test_admin_reactivates_a_deactivated_user(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    for action in ("deactivate", "reactivate"):
        at.selectbox(key="admin_access_user").select("eddie")
        at.selectbox(key="admin_access_action").select(action)
        at.button(key="admin_access_btn").click().run()
        refused = "auth_checked" not in sign_in("eddie").session_state
        assert refused == (action == "deactivate")
    assert any("eddie is now active" in s.value for s in at.success)
    with seeded.store.read() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.actor == "adam")).all()
    assert [e.new.get("active") for e in events if e.new and "active" in e.new] == [False, True]


def test_admin_browses_the_facts_of_a_pack_read_as_sentences(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    assert at.selectbox(key="admin_facts_pack").value == "demo"
    facts = frame_with(at, "reads as")
    assert {"subject", "relation", "object", "valid from", "valid to", "source"} <= set(facts.columns)
    assert ("Morocco–Russia Deepened Strategic Partnership: signing of the declaration on "
            "15 March 2016 in Moscow.") in list(facts["reads as"])
    at.text_input(key="admin_facts_find").input("Bourita").run()
    facts = frame_with(at, "reads as")
    assert list(facts["reads as"]) == ["Nasser Bourita has been Minister of Foreign Affairs of "
                                       "Morocco since 5 April 2017."]


def test_admin_sees_the_upload_limit_the_server_applies(seeded: Seeded) -> None:
    import streamlit as st

    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    upload = int(st.get_option("server.maxUploadSize"))
    shown = [t.value for t in at.text if t.value.startswith("Uploads:")]
    assert shown == [f"Uploads: at most {upload} MB per file (server.maxUploadSize, "
                     ".streamlit/config.toml). Documents, drafts and sources: at most 10 MB "
                     "(VERIFIER_MAX_BYTES)."]


def test_the_project_config_caps_uploads_at_the_ingestion_cap() -> None:
    import tomllib

    from verifier.config import DEFAULT_MAX_BYTES

    from .test_ui_support import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == DEFAULT_MAX_BYTES


# --- the auditor's page: the activity feed -----------------------------------------------------


def test_auditor_filters_the_feed_and_reads_what_changed(seeded: Seeded) -> None:
    c = claim(seeded.store, seeded.temporal_id)
    services.review.record_verdict(services.Principal("fatima", "fact-checker", "ui"), c.id,
                                   verdict="False", note="Neuf ans,\npas huit.",
                                   seen_version=c.version, db=seeded.store)
    at = sign_in("ada")
    feed = frame_with(at, "document")
    assert list(feed["who"])[0] == "fatima" and len(feed) > 5  # newest first, everything
    at.multiselect(key="auditor_feed_users").set_value(["fatima"]).run()
    feed = frame_with(at, "document")
    assert list(feed["who"]) == ["fatima"] and list(feed["action"]) == ["verdict"]
    assert feed["what changed"].iloc[0].startswith("verdict: none → False; status: unreviewed → "
                                                   "reviewed; note: none → Neuf ans,\npas huit.")
    at.multiselect(key="auditor_feed_users").set_value([]).run()
    at.multiselect(key="auditor_feed_actions").set_value(["user"]).run()
    assert set(frame_with(at, "document")["action"]) == {"user"}
    at.multiselect(key="auditor_feed_actions").set_value([]).run()
    at.selectbox(key="auditor_feed_doc").select(seeded.document_id).run()
    by_doc = frame_with(at, "document")
    assert set(by_doc["document"]) == {seeded.document_id}
    assert {"ingest", "extract", "verdict"} <= set(by_doc["action"])
    at.selectbox(key="auditor_feed_doc").select(0).run()
    from datetime import date, timedelta
    at.date_input(key="auditor_feed_until").set_value(date.today() - timedelta(days=2)).run()
    assert any("No event matches these filters" in i.value for i in at.info)
    at.date_input(key="auditor_feed_until").set_value(None).run()
    # One event, read field by field.
    seq = int(frame_with(at, "document")["seq"].iloc[0])
    at.selectbox(key="auditor_feed_event").select(seq).run()
    diff = frame_with(at, "before")
    rows = list(zip(diff["field"], diff["before"], diff["after"], strict=True))
    assert ("verdict", "none", "False") in rows and ("status", "unreviewed", "reviewed") in rows
    assert ("note", "none", "Neuf ans,\npas huit.") in rows
    assert any(t.value.startswith(f"Event {seq}: verdict by fatima at ") for t in at.text)


def test_auditor_pages_a_long_feed(seeded: Seeded) -> None:
    c = claim(seeded.store, seeded.temporal_id)
    fatima = services.Principal("fatima", "fact-checker", "ui")
    version = c.version
    for i in range(55):
        version = services.review.record_verdict(fatima, c.id, verdict=None, note=f"note {i}",
                                                 seen_version=version, db=seeded.store).version
    total = services.audit.feed(services.store_owner("t"), db=seeded.store).total
    at = sign_in("ada")
    assert len(frame_with(at, "document")) == 50
    assert any(x.value == f"{total} events match · showing 1–50, newest first" for x in at.caption)
    assert at.button(key="auditor_feed_newer").disabled
    at.button(key="auditor_feed_older").click().run()
    second = frame_with(at, "document")
    assert len(second) == min(50, total - 50)
    assert any(x.value.startswith(f"{total} events match · showing 51–") for x in at.caption)
    at.button(key="auditor_feed_newer").click().run()
    assert "note: note 53 → note 54" in list(frame_with(at, "document")["what changed"])[0]
    # A filter starts again from the newest.
    at.button(key="auditor_feed_older").click().run()
    at.multiselect(key="auditor_feed_actions").set_value(["note"]).run()
    assert any(x.value == "55 events match · showing 1–50, newest first" for x in at.caption)


def test_auditor_exports_the_feed(seeded: Seeded) -> None:
    at = sign_in("ada")
    at.multiselect(key="auditor_feed_actions").set_value(["user"]).run()
    at.selectbox(key="auditor_feed_fmt").select("csv")
    at.button(key="auditor_feed_export_btn").click().run()
    assert not at.exception, at.exception
    held = at.session_state["auditor_feed_file"]
    rows = list(csv.DictReader(io.StringIO(held["data"].decode("utf-8").rsplit("\r\n# ", 1)[0])))
    assert held["rows"] == len(rows) == 4 and {r["action"] for r in rows} == {"user"}
    assert any(b.label == "Download the feed (CSV)" for b in at.get("download_button"))
    with seeded.store.read() as s:
        last = s.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()  # type: ignore[union-attr]
    assert last is not None and (last.actor, last.action) == ("ada", "export")
    assert last.new["what"] == "audit feed"
