"""PySide6 widgets only."""
