"""`switchboard-selfcheck`: the self-check as a console program.

On Windows the app itself is a windowed program with no console, so the bundle
carries this second, console executable that prints the self-check's lines
(the CI runner and a support call both read them).
"""

from __future__ import annotations

import sys

from ui.shell.self_check import run_self_check

if __name__ == "__main__":
    sys.exit(run_self_check(sys.stdout))
