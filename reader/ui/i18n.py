"""The interface language: Chinese or English, following the system unless the user chose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import resources_dir

CATALOGUE = "press_reader"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our catalogue (and Qt's own, for standard dialogs) for `language` ("system",
    "zh_CN" or "en"). English is the source language, so it needs no catalogue."""
    locale = QLocale.system() if language == "system" else QLocale(language)
    if locale.language() != QLocale.Language.Chinese:
        return []
    installed = []
    ours = QTranslator(app)
    # Any Chinese locale (zh_CN, zh_TW, zh_Hans_SG...) falls back to press_reader_zh.qm.
    if ours.load(locale, CATALOGUE, "_", translations_dir()):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
