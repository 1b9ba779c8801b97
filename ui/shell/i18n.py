"""The interface language: Settings.language, or the system locale when empty.

Translations ship as compiled .qm files in resources/translations
(switchboard_ru.qm, switchboard_uk.qm); Qt's own strings (standard dialog
buttons) come from Qt's qtbase catalogue when it is there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

TRANSLATIONS_DIR = resource_path("translations")
LANGUAGES = {"en": "English", "ru": "Русский", "uk": "Українська"}


def resolve_language(setting: str) -> str:
    """ "ru", "uk" or "en" for a setting ("" = the system's language)."""
    code = (setting or QLocale.system().name()).split("_")[0].lower()
    return code if code in LANGUAGES else "en"


class Translations:
    """Holds the installed translators (they must outlive their installation)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, setting: str) -> str:
        """Switches the application to the language; returns the code used."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self.language = resolve_language(setting)
        if self.language == "en":
            return self.language
        ours = QTranslator()
        if ours.load(f"switchboard_{self.language}", str(TRANSLATIONS_DIR)):
            app.installTranslator(ours)
            self._installed.append(ours)
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{self.language}", qt_dir):
            app.installTranslator(qt)
            self._installed.append(qt)
        QLocale.setDefault(QLocale(self.language))
        return self.language
