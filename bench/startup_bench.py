"""Time from launch to a visible main window, frozen bundle vs source.

    python -m bench.startup_bench [--runs 5] [--frozen dist/switchboard/switchboard]

Starts a private Xvfb, launches the app (each run with an empty SWITCHBOARD_HOME,
so the first-run database migration is included), and polls `xdotool search` until
a window named "Switchboard" is visible. Needs Debian xvfb and xdotool.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.packaging.helpers import ROOT, stop, xvfb


def time_to_window(cmd: list[str], display: str) -> float:
    with tempfile.TemporaryDirectory(prefix="sb-start-") as home:
        env = {**os.environ, "DISPLAY": display, "SWITCHBOARD_HOME": home}
        env.pop("QT_QPA_PLATFORM", None)
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            while True:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", "^Switchboard$"],
                    env=env,
                    capture_output=True,
                ).stdout.strip()
                if found:
                    return time.perf_counter() - start
                if proc.poll() is not None:
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}")
                time.sleep(0.02)
        finally:
            stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frozen", default=str(ROOT / "dist" / "switchboard" / "switchboard"))
    args = parser.parse_args()
    commands = {
        "frozen": [args.frozen],
        "source": [
            sys.executable,
            "-c",
            "import sys; from ui.shell.main import main; sys.exit(main())",
        ],
    }
    with xvfb() as display:
        for name, cmd in commands.items():
            if name == "frozen" and not Path(args.frozen).exists():
                print(f"{name}: {args.frozen} not built (bash packaging/build_linux.sh)")
                continue
            time_to_window(cmd, display)  # warm the page cache
            runs = [time_to_window(cmd, display) for _ in range(args.runs)]
            print(
                f"{name}: median {statistics.median(runs):.2f} s to window "
                f"(min {min(runs):.2f}, max {max(runs):.2f}, {args.runs} runs)"
            )
    bundle = Path(args.frozen).parent
    if bundle.is_dir():
        size = sum(
            f.lstat().st_size for f in bundle.rglob("*") if not f.is_symlink() and f.is_file()
        )
        print(f"bundle: {size / 1e6:.0f} MB in {bundle}")


if __name__ == "__main__":
    main()
