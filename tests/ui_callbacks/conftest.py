"""Widgets of the callback queue, offscreen. pytest-qt's one QApplication serves
the whole suite; the platform must be chosen before it exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
