"""The composer's drafts: one operator's, in the profile's data directory, on
the disk when ``put`` returns (a child killed with SIGKILL right after, or in
the middle of puts, leaves a whole draft for the next process), a repeat of
what is stored writes nothing, and a damaged file costs neither the other
drafts nor the app: its last good copy comes back, the file is kept aside."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.drafts import Draft, DraftError, Drafts
from app.settings import AppPaths

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def _read_in_new_process(folder: Path, conversation_id: int) -> dict[str, object] | None:
    out = _run(
        "import json, sys\n"
        "from pathlib import Path\n"
        "from app.drafts import Drafts\n"
        f"d = Drafts(Path({str(folder)!r})).get({conversation_id})\n"
        "print(json.dumps(None if d is None else {'text': d.text, 'reply_to': d.reply_to,"
        " 'files': list(d.files), 'recovered': d.recovered}))\n"
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] | None = json.loads(out.stdout)
    return result


def test_a_draft_is_kept_per_conversation_across_instances(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "drafts")
    saved = drafts.put(Draft(7, "Добрий день, 👋", reply_to=123, files=("/tmp/рахунок.pdf",)))
    drafts.put(Draft(8, "інша розмова"))
    assert saved.saved_at is not None
    again = Drafts(tmp_path / "drafts")
    assert again.get(7) == Draft(7, "Добрий день, 👋", 123, ("/tmp/рахунок.pdf",))
    assert again.get(8) == Draft(8, "інша розмова")
    assert again.get(9) is None
    assert again.conversations() == [7, 8]
    again.clear(7)
    assert again.get(7) is None and Drafts(tmp_path / "drafts").get(7) is None
    assert again.conversations() == [8]
    again.put(Draft(8))  # an empty draft is no draft
    assert again.get(8) is None and again.conversations() == []


def test_putting_what_is_stored_writes_nothing(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    first = drafts.put(Draft(1, "текст", files=("/a",)))
    path = tmp_path / "1.json"
    before = path.stat()
    for reader in (drafts, Drafts(tmp_path)):  # known from the put, or read from the disk
        same = reader.put(Draft(1, "текст", files=("/a",)))
        assert same.saved_at == first.saved_at
        after = path.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    drafts.put(Draft(1, "текст!", files=("/a",)))
    assert path.stat().st_ino != before.st_ino


def test_a_draft_put_just_before_a_kill_is_read_by_the_next_process(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    Drafts(folder).put(Draft(2, "інша розмова, яка має вижити"))
    for n in range(5):
        text = f"версія {n} " + "я" * (n * 5000)  # up to 20,000 characters
        out = _run(
            "import os, signal\n"
            "from pathlib import Path\n"
            "from app.drafts import Draft, Drafts\n"
            f"Drafts(Path({str(folder)!r})).put(Draft(1, {text!r}, reply_to={n}))\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n"
        )
        assert out.returncode == -signal.SIGKILL, out.stderr
        assert _read_in_new_process(folder, 1) == {
            "text": text,
            "reply_to": n,
            "files": [],
            "recovered": False,
        }
    assert _read_in_new_process(folder, 2) == {
        "text": "інша розмова, яка має вижити",
        "reply_to": None,
        "files": [],
        "recovered": False,
    }


def test_a_kill_in_the_middle_of_puts_leaves_a_whole_draft(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    Drafts(folder).put(Draft(1, "початок"))
    for delay in (0.05, 0.1, 0.2, 0.3):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import itertools, sys\n"
                "from pathlib import Path\n"
                "from app.drafts import Draft, Drafts\n"
                f"drafts = Drafts(Path({str(folder)!r}))\n"
                "print('ready', flush=True)\n"
                "for n in itertools.count():\n"
                "    drafts.put(Draft(1, f'крок {n} ' + 'ж' * (n % 7 * 3000)))\n",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(delay)  # not an assertion: only where in the puts the kill lands
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        child.stdout.close()
        found = _read_in_new_process(folder, 1)
        assert found is not None
        text = str(found["text"])
        assert text == "початок" or text.startswith("крок ")
        assert found["recovered"] is False  # the file was whole: no copy needed


def test_a_damaged_draft_gives_back_its_last_good_copy_and_is_kept_aside(
    tmp_path: Path,
) -> None:
    drafts = Drafts(tmp_path)
    drafts.put(Draft(1, "перша версія"))
    drafts.put(Draft(1, "друга версія, довша за першу"))
    drafts.put(Draft(2, "сусідня"))
    damaged = (tmp_path / "1.json").read_bytes()
    (tmp_path / "1.json").write_bytes(damaged[: len(damaged) // 2])  # cut short
    fresh = Drafts(tmp_path)
    found = fresh.get(1)
    assert found is not None and found.text == "перша версія" and found.recovered
    assert fresh.get(2) == Draft(2, "сусідня")  # the others are untouched
    (kept,) = tmp_path.glob("1.json.broken-*")
    assert kept.read_bytes() == damaged[: len(damaged) // 2]  # never deleted
    again = Drafts(tmp_path).get(1)  # the copy is the draft now
    assert again is not None and again.text == "перша версія"
    fresh.put(Draft(1, "нова"))
    assert Drafts(tmp_path).get(1) == Draft(1, "нова")


def test_a_draft_altered_on_the_disk_is_not_taken_for_a_good_one(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.put(Draft(1, "перша"))
    drafts.put(Draft(1, "друга"))
    record = json.loads((tmp_path / "1.json").read_text(encoding="utf-8"))
    record["text"] = "друга, але змінена байтом"  # valid JSON, wrong content
    (tmp_path / "1.json").write_text(json.dumps(record), encoding="utf-8")
    found = Drafts(tmp_path).get(1)
    assert found is not None and (found.text, found.recovered) == ("перша", True)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00" * 300, b"\xff\xfe not utf-8", b"[1, 2]", b"{" * 100_000, b'{"text": 5}'],
)
def test_garbage_without_a_good_copy_is_no_draft_and_no_crash(
    tmp_path: Path, content: bytes
) -> None:
    Drafts(tmp_path).put(Draft(2, "сусідня"))
    (tmp_path / "1.json").write_bytes(content)
    drafts = Drafts(tmp_path)
    assert drafts.get(1) is None
    assert drafts.get(2) == Draft(2, "сусідня")
    assert len(list(tmp_path.glob("1.json.broken-*"))) == 1
    drafts.put(Draft(1, "знову"))
    assert Drafts(tmp_path).get(1) == Draft(1, "знову")


def test_clearing_never_brings_back_an_older_copy(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.put(Draft(1, "стара"))
    drafts.put(Draft(1, "надіслана"))
    drafts.clear(1)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert Drafts(tmp_path).get(1) is None


def test_a_draft_that_cant_be_written_is_said(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the drafts' folder should be")
    drafts = Drafts(blocker / "drafts")
    with pytest.raises(DraftError, match="The draft could not be saved in"):
        drafts.put(Draft(1, "текст"))
    assert drafts.get(1) is None  # reading never raises
    assert drafts.conversations() == []


def test_each_database_of_a_profile_has_its_own_drafts(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    local = Drafts.in_profile(paths, f"sqlite:///{paths.database_file}")
    team = Drafts.in_profile(paths, "postgresql+psycopg://ira@db.shop/switchboard")
    local.put(Draft(5, "у локальній базі"))
    assert team.get(5) is None
    assert local.folder.parent == paths.data_dir / "drafts"


def test_the_send_key_is_kept_with_the_draft_until_it_is_cleared(tmp_path: Path) -> None:
    # The composer puts the outbox key of a press of Send with the draft: a
    # process that dies after the queue committed but before the clear comes
    # back with that key, and the outbox answers the first message for it.
    drafts = Drafts(tmp_path)
    drafts.put(Draft(3, "Замовлення готове", files=("/tmp/a.pdf",)))
    path = tmp_path / "3.json"
    before = path.stat().st_ino
    drafts.put(Draft(3, "Замовлення готове", files=("/tmp/a.pdf",), send_key="k-1"))
    assert path.stat().st_ino != before  # a new key is new content: written
    again = Drafts(tmp_path).get(3)
    assert again == Draft(3, "Замовлення готове", None, ("/tmp/a.pdf",), "k-1")
    drafts.put(Draft(3, "Замовлення готове!"))  # typed on: the key goes with the old text
    assert Drafts(tmp_path).get(3) == Draft(3, "Замовлення готове!")


def test_a_draft_written_before_send_keys_reads_without_one(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.put(Draft(4, "стара версія"))
    record = json.loads((tmp_path / "4.json").read_text(encoding="utf-8"))
    assert "send_key" not in record  # a draft without a key is written as before
    assert Drafts(tmp_path).get(4) == Draft(4, "стара версія", send_key="")


def test_an_email_replys_edited_subject_and_cc_are_kept_with_its_draft(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.put(Draft(5, "Надсилаю рахунок", subject="Re: Рахунок 42", cc='"Петренко, О." <o@x.ua>'))
    again = Drafts(tmp_path).get(5)
    assert again is not None
    assert (again.subject, again.cc) == ("Re: Рахунок 42", '"Петренко, О." <o@x.ua>')
    # A Cc emptied by the operator is kept as empty, not as "the thread's".
    drafts.put(Draft(5, "", cc=""))
    kept = Drafts(tmp_path).get(5)
    assert kept is not None and kept.cc == "" and kept.subject is None
    # Without them a draft is written as before (the file of an older version reads).
    drafts.put(Draft(6, "без теми"))
    record = json.loads((tmp_path / "6.json").read_text(encoding="utf-8"))
    assert "subject" not in record and "cc" not in record
    assert Drafts(tmp_path).get(6) == Draft(6, "без теми")
