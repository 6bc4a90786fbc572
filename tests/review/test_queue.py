"""The queue: flags grouped by reply thread, most severe and oldest first, filters, counts."""

from __future__ import annotations

from review_seed import CHAT, OTHER_CHAT, Seeded

from assistant.review.decisions import decide_flag
from assistant.review.queue import SEVERITY_RANK, clean_filters, group_by_thread, load_queue, load_thread
from assistant.store import Store


def _no_filters() -> dict[str, str | None]:
    return clean_filters({})


def test_flags_in_one_reply_chain_form_one_group(store: Store, seeded: Seeded) -> None:
    queue = load_queue(store, _no_filters())
    by_root = {(g.chat, g.root): [i["id"] for i in g.items] for g in queue["groups"]}
    assert by_root[(CHAT, "m1")] == [seeded.flags["insult"], seeded.flags["shut-up"]]
    assert by_root[(CHAT, "m6")] == [seeded.flags["spam"]]
    assert by_root[(OTHER_CHAT, "e2")] == [seeded.flags["swear"]]


def test_groups_are_ordered_most_severe_then_oldest(store: Store, seeded: Seeded) -> None:
    groups = load_queue(store, _no_filters())["groups"]
    assert [g.severity for g in groups] == ["high", "medium", "low"]
    ranks = [SEVERITY_RANK[g.severity] for g in groups]
    assert ranks == sorted(ranks, reverse=True)


def test_equal_severity_puts_the_oldest_group_first() -> None:
    rows = [{"id": 1, "platform": "generic", "chat": "c", "message_id": "b", "severity": "medium",
             "created_at": "2026-01-02", "ts": "2026-01-02"},
            {"id": 2, "platform": "generic", "chat": "c", "message_id": "a", "severity": "medium",
             "created_at": "2026-01-01", "ts": "2026-01-01"}]
    groups = group_by_thread(rows, lambda row: row["message_id"])
    assert [g.root for g in groups] == ["a", "b"]


def test_filters_and_counts_per_state(store: Store, seeded: Seeded) -> None:
    decide_flag(store, seeded.flags["spam"], "dismiss", "olga")
    open_conflicts = load_queue(store, clean_filters({"category": "conflict", "state": "open"}))
    assert [i["rule"] for g in open_conflicts["groups"] for i in g.items] == [
        "insult-direct", "hostile-reply"]
    everything = load_queue(store, clean_filters({"chat": CHAT}))
    assert everything["counts"] == {"open": 2, "resolved": 0, "dismissed": 1, "escalated": 0}
    low = load_queue(store, clean_filters({"severity": "low"}))
    assert [g.chat for g in low["groups"]] == [OTHER_CHAT]
    assert load_queue(store, clean_filters({"state": "dismissed"}))["counts"]["dismissed"] == 1


def test_thread_shows_who_replied_to_whom_around_the_flag(store: Store, seeded: Seeded) -> None:
    thread = load_thread(store, seeded.flags["shut-up"])
    assert thread is not None
    ids = [m["message_id"] for m in thread["messages"]]
    assert ids[:6] == ["m1", "m2", "m3", "m4", "m5", "m6"]
    by_id = {m["message_id"]: m for m in thread["messages"]}
    assert by_id["m4"]["is_flagged_message"] and not by_id["m3"]["is_flagged_message"]
    assert by_id["m4"]["reply_to_author"] == "Анна"
    assert by_id["m3"]["reply_to_author"] == "Борис"
    assert [f["rule"] for f in by_id["m2"]["flags"]] == ["insult-direct"]


def test_unknown_flag_has_no_thread(store: Store, seeded: Seeded) -> None:
    assert load_thread(store, 10_000) is None
