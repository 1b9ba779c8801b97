"""PySide6 widgets only."""

from ui.shell.source_scan import spare_source_scan

# First thing, before the window's modules and the database side are imported.
spare_source_scan()
