"""Dialogs: problems with files, a page's source and date, preferences, keyboard shortcuts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.files import readable_name
from reader.core.ingest.meta import parse_user_date
from reader.core.models import Page, Problem

from . import prefs as prefs_mod
from .theme import chinese_families

AnyIndex = QModelIndex | QPersistentModelIndex


class ProblemsModel(QAbstractTableModel):
    def __init__(self, problems: list[Problem], parent: Any = None) -> None:
        super().__init__(parent)
        self._problems = list(problems)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        p = self._problems[index.row()]
        message = (
            self.tr("Loaded, repaired: %1").replace("%1", p.message) if p.loaded else p.message
        )
        return (p.file, message, readable_name(p.corpus))[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("File"), self.tr("Problem"), self.tr("Folder"))[section]
        return None


class ProblemsDialog(QDialog):
    """Files that could not be read; everything else has loaded."""

    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(self.tr("Files that could not be read"))
        self.problems = list(problems)
        layout = QVBoxLayout(self)
        unread = sum(not p.loaded for p in problems)
        lines = [self.tr("%n file(s) could not be read. Everything else was loaded.", "", unread)]
        if unread < len(problems):
            lines.append(self.tr("%n file(s) loaded after a repair.", "", len(problems) - unread))
        self.summary = QLabel("\n".join(lines))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setModel(ProblemsModel(problems, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 220)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy List"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def copy(self) -> None:
        lines = [
            f"{readable_name(p.corpus)}/{p.file}\t{p.code}\t{p.message}" for p in self.problems
        ]
        QGuiApplication.clipboard().setText("\n".join(lines))


class MetadataDialog(QDialog):
    """Source and date of one page. Stored as an override in the data folder, never in the file."""

    RESET = 2  # a result code beside Accepted and Rejected

    def __init__(self, page: Page, sources: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self.setWindowTitle(self.tr("Source and Date"))
        form = QFormLayout(self)
        path = QLabel(readable_name(page.path))
        path.setTextFormat(Qt.TextFormat.PlainText)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        form.addRow(self.tr("Page file:"), path)
        note = QLabel(
            self.tr(
                "Applies to every article on this page. Saved in Press Reader's data folder; "
                "the file itself is not changed."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.source = QComboBox(self)
        self.source.setEditable(True)
        self.source.addItems(sorted(set(sources)))
        self.source.setCurrentText(page.source or "")
        editor = self.source.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Unknown source"))
        form.addRow(self.tr("&Source:"), self.source)
        self.date = QLineEdit(page.date or "", self)
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD, or empty if unknown"))
        form.addRow(self.tr("&Date:"), self.date)
        if page.date and page.provenance.date_inferred:
            inferred = QLabel(
                self.tr(
                    "This date is not printed on the page: it was inferred from the dates in "
                    "its text. Citations show it in square brackets until you confirm it here."
                )
            )
            inferred.setObjectName("inferredDateNote")
            inferred.setWordWrap(True)
            form.addRow(inferred)
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.reset_button = buttons.addButton(
            self.tr("Use Detected Values"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reset_button.setEnabled(page.provenance.source == "override")
        self.reset_button.clicked.connect(lambda: self.done(self.RESET))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.value: tuple[str | None, str | None] = (page.source, page.date)

    def accept(self) -> None:
        try:
            date = parse_user_date(self.date.text())
        except ValueError:
            self.error.setText(self.tr("Not a date: write it as 2022-11-24."))
            self.date.setFocus()
            return
        source = self.source.currentText().strip() or None
        self.value = (source, date)
        super().accept()


class PreferencesDialog(QDialog):
    def __init__(self, prefs: prefs_mod.Prefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs = prefs
        form = QFormLayout(self)
        self.theme = QComboBox(self)
        for key, label in zip(
            prefs_mod.THEMES,
            (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark")),
            strict=True,
        ):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(prefs_mod.THEMES.index(prefs.theme))
        form.addRow(self.tr("&Theme:"), self.theme)
        self.language = QComboBox(self)
        for key, label in zip(
            prefs_mod.LANGUAGES, (self.tr("Follow the system"), "中文", "English"), strict=True
        ):
            self.language.addItem(label, key)
        self.language.setCurrentIndex(prefs_mod.LANGUAGES.index(prefs.language))
        form.addRow(self.tr("&Language:"), self.language)
        lang_note = QLabel(self.tr("A new language applies the next time Press Reader starts."))
        lang_note.setWordWrap(True)
        form.addRow(lang_note)
        self.family = QComboBox(self)
        self.family.addItem(self.tr("Automatic"), "")
        for fam in chinese_families():
            self.family.addItem(fam, fam)
        i = self.family.findData(prefs.font_family)
        self.family.setCurrentIndex(max(i, 0))
        form.addRow(self.tr("Reading &font:"), self.family)
        self.size_box = QSpinBox(self)
        self.size_box.setRange(prefs_mod.MIN_FONT_SIZE, prefs_mod.MAX_FONT_SIZE)
        self.size_box.setSuffix(" pt")
        self.size_box.setValue(prefs.font_size)
        form.addRow(self.tr("Font &size:"), self.size_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.prefs.theme = self.theme.currentData()
        self.prefs.language = self.language.currentData()
        self.prefs.font_family = self.family.currentData()
        self.prefs.font_size = self.size_box.value()
        super().accept()


class ShortcutsDialog(QDialog):
    """Every action with a shortcut, read from the actions themselves, plus the reader's keys."""

    def __init__(
        self, actions: list[QAction], extra: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for action in actions:
            seqs = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if seqs:
                self._row(action.text().replace("&", "").replace("…", ""), ", ".join(seqs))
        for name, keys in extra:
            self._row(name, keys)
        table = QTableView(self)
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 520)

    def _row(self, name: str, keys: str) -> None:
        self.model.appendRow([QStandardItem(name), QStandardItem(keys)])
