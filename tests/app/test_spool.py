"""The spool file: records kept across a restart in order, the written ones
left out, a record cut short by a crash (or altered on the disk) skipped and
set aside without costing the others, and a spool that can't be written said,
never raised."""

from __future__ import annotations

from pathlib import Path

from app.settings import AppPaths
from app.spool import Spool, in_profile


def records(count: int) -> list[dict[str, object]]:
    return [{"kind": "incoming", "call": f"c{i}", "name": "Оксана"} for i in range(count)]


def kept(path: Path, items: list[dict[str, object]]) -> Spool:
    spool = Spool(path)
    assert spool.open() == []
    for item in items:
        spool.append(item)
    spool.close()
    return spool


def test_records_come_back_in_order_without_the_written_ones(tmp_path: Path) -> None:
    path = tmp_path / "spool" / "call-log.spool"
    spool = Spool(path)
    spool.open()
    entries = [spool.append(item) for item in records(4)]
    spool.done(entries[0])
    spool.done(entries[2])
    spool.close()

    again = Spool(path)
    pending = again.open()
    assert [(e.seq, e.record["call"]) for e in pending] == [(2, "c1"), (4, "c3")]
    assert again.damaged == 0
    # Compacted at open: only what is pending is left in the file.
    assert path.read_bytes().count(b"\n") == 2
    # New records are numbered after every earlier one.
    assert again.append({"kind": "x", "call": "c4"}).seq == 5
    again.close()


def test_the_file_is_emptied_once_everything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "call-log.spool"
    spool = Spool(path)
    spool.open()
    entries = [spool.append(item) for item in records(3)]
    for entry in entries:
        spool.done(entry)
    spool.close()
    assert path.stat().st_size == 0
    assert Spool(path).open() == []


def test_a_record_cut_short_by_a_crash_is_skipped_and_the_others_replayed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "call-log.spool"
    kept(path, records(3))
    whole = path.read_bytes()
    last_line_start = whole.rstrip(b"\n").rfind(b"\n") + 1
    path.write_bytes(whole[: last_line_start + 20])  # the last record torn mid-way

    spool = Spool(path)
    pending = spool.open()
    assert [e.record["call"] for e in pending] == ["c0", "c1"]
    assert spool.damaged == 1
    [aside] = list(tmp_path.glob("call-log.spool.damaged-*"))
    assert aside.read_bytes() == whole[last_line_start : last_line_start + 20] + b"\n"
    # What comes next is a whole line of its own, not glued to the torn one.
    spool.append({"kind": "incoming", "call": "c9"})
    spool.close()
    after = Spool(path)
    assert [e.record["call"] for e in after.open()] == ["c0", "c1", "c9"]
    assert after.damaged == 0


def test_an_altered_record_is_skipped_and_the_ones_after_it_kept(tmp_path: Path) -> None:
    path = tmp_path / "call-log.spool"
    kept(path, records(3))
    lines = path.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b'"c1"', b'"cX"')  # the checksum no longer agrees
    path.write_bytes(b"\n".join(lines))
    spool = Spool(path)
    assert [e.record["call"] for e in spool.open()] == ["c0", "c2"]
    assert spool.damaged == 1
    spool.close()


def test_a_file_of_garbage_reads_as_no_records(tmp_path: Path) -> None:
    path = tmp_path / "call-log.spool"
    path.write_bytes(b'\x00\xff not a spool\n{}\n12345678 {"seq": 1}\n\x9c')
    spool = Spool(path)
    assert spool.open() == []
    assert spool.damaged == 4
    spool.close()


def test_a_spool_that_cant_be_written_says_why_and_never_raises(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be")
    spool = Spool(tmp_path / "blocker" / "call-log.spool")
    assert spool.open() == []
    entry = spool.append({"kind": "incoming", "call": "c0"})
    assert spool.problem  # the system's reason
    spool.done(entry)
    spool.close()


def test_each_database_has_its_own_spool(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    local = in_profile(paths, "sqlite:////home/anna/switchboard.db", "call-log")
    team = in_profile(paths, "postgresql+psycopg://crm@db.shop/crm", "call-log")
    assert local.path is not None and team.path is not None
    assert local.path != team.path
    assert local.path.is_relative_to(paths.data_dir) and local.path.name == "call-log.spool"
