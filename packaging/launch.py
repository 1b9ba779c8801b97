"""The frozen app's entry: `switchboard [--self-check] [link]`.

``--self-check`` is handled here too, so an installed bundle can always be
checked whatever ui/shell/main.py parses; anything else goes to ui.shell.main:main.
"""

from __future__ import annotations

import sys


def launch(argv: list[str]) -> int:
    if "--self-check" in argv:
        from ui.shell.self_check import run_self_check

        # A windowed Windows build has no console: sys.stdout is None there.
        return run_self_check(sys.stdout)
    from ui.shell.main import main

    return main(argv)


if __name__ == "__main__":
    sys.exit(launch(sys.argv[1:]))
