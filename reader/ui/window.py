"""The main window: the library tree on the left, the reader in the centre, docks on the right
for search and marks. It wires widgets to the core; the work happens in reader.core."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core import corpus as corpus_mod
from reader.core.corpus import Library, Progress
from reader.core.models import Article, Problem
from reader.core.search.analysis import fold
from reader.core.search.index import LIVE, SearchIndex
from reader.paths import DataDir

from . import theme
from .dialogs import MetadataDialog, PreferencesDialog, ProblemsDialog, ShortcutsDialog
from .entity_control import EntityControl
from .mark_control import MarkControl
from .prefs import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, Prefs
from .search_pane import SearchPane
from .tasks import Task, TaskRunner
from .tree_model import ARTICLE_ID_ROLE, KEY_ROLE, LibraryTreeModel
from .viewer import FindBar, Link, ReaderPane

NO_CHINESE_FONT = (
    "No font with Chinese characters was found on this computer, so Chinese text shows as "
    "empty boxes.\n\nInstall one and start Press Reader again:\n"
    "  Debian, Ubuntu: sudo apt install fonts-noto-cjk  (or fonts-wqy-microhei)\n"
    "  Fedora: sudo dnf install google-noto-sans-cjk-fonts\n"
    "  Arch: sudo pacman -S noto-fonts-cjk\n"
    "Windows and macOS come with Chinese fonts."
)


class LibraryPane(QWidget):
    """The filter box and the source → date → article tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTreeModel(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("treeFilter")
        self.filter.setClearButtonEnabled(True)
        self.order = QToolButton(self)
        self.order.setObjectName("orderButton")
        self.order.setCheckable(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # keeps a 10,000-article tree fast to scroll
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter)
        top.addWidget(self.order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)


class MainWindow(QMainWindow):
    articleShown = Signal(str)
    libraryLoaded = Signal()
    indexReady = Signal()
    problemsShown = Signal(object)  # the ProblemsDialog

    def __init__(
        self,
        data: DataDir,
        prefs: Prefs,
        runner: TaskRunner,
        roots: list[Path],
        apply_theme: Callable[[str], None] | None = None,
        search_index: SearchIndex | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Press Reader"))
        self.data = data
        self.prefs = prefs
        self.runner = runner
        self.roots = roots
        self._apply_theme = apply_theme
        self.library = Library()
        self.current: Article | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self._queue: list[tuple[list[Path], bool]] = []
        self._loading: Task | None = None
        self._loaded_once = False

        # A data folder that may not be written gets a search index in a temporary folder,
        # built for this session and removed at the end.
        self._session_index: tempfile.TemporaryDirectory[str] | None = None
        if search_index is None and data.read_only:
            self._session_index = tempfile.TemporaryDirectory(prefix="press-reader-index-")
            search_index = SearchIndex(Path(self._session_index.name))
        self.search_index = search_index or SearchIndex(data.index_dir)
        self._indexing: Task | None = None
        self._index_again = False
        self.reader = ReaderPane(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        centre = QWidget(self)
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.reader, 1)
        box.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.entity_control = EntityControl(self)
        box.insertWidget(0, self.entity_control.legend)
        self.search = SearchPane(runner, prefs.recent_queries, self)
        self.search_dock = QDockWidget(self.tr("Search"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.pane = LibraryPane(self)
        self.dock = QDockWidget(self.tr("Articles"), self)
        self.dock.setObjectName("articlesDock")
        self.dock.setWidget(self.pane)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.entities_dock = self.entity_control.dock
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.entities_dock)
        self.tabifyDockWidget(self.search_dock, self.entities_dock)
        self.search_dock.raise_()
        self.reader.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAcceptDrops(True)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self._apply_filter)

        self._make_status_bar()
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        self.mark_control = MarkControl(self)
        self.marks_dock = self.mark_control.dock
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.marks_dock)
        self.tabifyDockWidget(self.entities_dock, self.marks_dock)
        self.search_dock.raise_()
        self._make_menus_and_toolbar()
        self._connect()
        self._set_font_size(prefs.font_size, save=False)
        self.pane.model.set_newest_first(prefs.newest_first)
        self._update_order_button()
        if not prefs.geometry.isEmpty():
            self.restoreGeometry(prefs.geometry)
        else:
            self.resize(1200, 800)
        if prefs.window_state.isEmpty() or not self.restoreState(prefs.window_state):
            self.resizeDocks([self.dock, self.search_dock], [320, 360], Qt.Orientation.Horizontal)
        if prefs.printed:
            self.actions_by_name["printed"].setChecked(True)
        if self.entity_control.problem:
            self.status_label.setText(self.entity_control.problem)
        if self.mark_control.problem:
            self.status_label.setText(self.mark_control.problem)
        self.font_warning: QMessageBox | None = None
        if not theme.has_chinese_font():
            self._warn_no_chinese_font()
        self.read_only_message: QMessageBox | None = None
        if data.read_only:
            self._mark_read_only()

    def read_only_text(self) -> str:
        """Why this window may not write its data folder, and what that means, in words."""
        data = self.data
        if data.read_only == "instance":
            why = self.tr(
                "Another Press Reader is already using the data folder %1 and did not answer."
            )
        else:
            why = self.tr("The data folder %1 cannot be written (%2).").replace(
                "%2", data.read_only_detail
            )
        return " ".join(
            [
                why.replace("%1", str(data.path)),
                self.tr(
                    "This window opens it read-only: the search index is built for this session, "
                    "marks you make last until you quit (export them with File → Export Marks), "
                    "and settings, added folders and corrections are not saved."
                ),
            ]
        )

    def _mark_read_only(self) -> None:
        label = QLabel(self.tr("Read-only"), self)
        label.setObjectName("readOnlyLabel")
        label.setFrameShape(QFrame.Shape.StyledPanel)
        label.setToolTip(self.read_only_text())
        self.statusBar().addPermanentWidget(label)
        self.read_only_label = label

    def _warn_no_chinese_font(self) -> None:
        """Without a font that has Chinese characters every article is empty boxes: say so where
        it cannot be missed (a message and a lasting mark in the status bar), in English, since
        Chinese words could not be displayed either."""
        text = NO_CHINESE_FONT  # deliberately untranslated: see the docstring
        mark = QLabel("⚠ No Chinese font", self)
        mark.setObjectName("noChineseFont")
        mark.setToolTip(text)
        self.statusBar().addPermanentWidget(mark)
        box = QMessageBox(QMessageBox.Icon.Warning, "Press Reader", text, parent=self)
        box.setObjectName("noChineseFontMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "font_warning", None))
        self.font_warning = box
        QTimer.singleShot(0, box.open)

    # -- building ------------------------------------------------------------------------
    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.problems_button = QPushButton(self)
        self.problems_button.setFlat(True)
        self.problems_button.hide()
        self.problems_button.clicked.connect(lambda: self.show_problems(self.library.problems))
        self.count_label = QLabel(self)
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.problems_button)
        bar.addPermanentWidget(self.count_label)

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object] | None,
        keys: list[QKeySequence | str] | QKeySequence.StandardKey | None = None,
        icon: QStyle.StandardPixmap | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work wherever focus is, even with menus hidden
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        sp = QStyle.StandardPixmap
        a = self._action
        a(
            "open_folder",
            self.tr("&Open Folder…"),
            self.open_folder,
            QKeySequence.StandardKey.Open,
            sp.SP_DirOpenIcon,
        )
        a("add_files", self.tr("&Add Files…"), self.add_files, ["Ctrl+Shift+O"], sp.SP_FileIcon)
        a("problems", self.tr("Show &Problems…"), lambda: self.show_problems(self.library.problems))
        a("quit", self.tr("&Quit"), self.close, ["Ctrl+Q"])
        a("edit_meta", self.tr("Edit Source and &Date…"), self.edit_metadata, ["F2"])
        a("preferences", self.tr("&Preferences…"), self.preferences, ["Ctrl+,"])
        a(
            "previous",
            self.tr("&Previous Article"),
            self.previous_article,
            ["Alt+Up"],
            sp.SP_ArrowUp,
        )
        a("next", self.tr("&Next Article"), self.next_article, ["Alt+Down"], sp.SP_ArrowDown)
        a("focus_tree", self.tr("Go to Article &List"), self.focus_tree, ["Ctrl+1"])
        a("focus_reader", self.tr("Go to &Reader"), self.focus_reader, ["Ctrl+2"])
        a("filter", self.tr("&Filter Articles"), self.focus_filter, ["Ctrl+L"])
        a(
            "printed",
            self.tr("Show Page as P&rinted"),
            None,
            ["Ctrl+U"],
            sp.SP_FileDialogDetailedView,
            checkable=True,
        )
        a(
            "zoom_in",
            self.tr("Zoom &In"),
            lambda: self._set_font_size(self.prefs.font_size + 1),
            ["Ctrl+=", "Ctrl++"],
        )
        a(
            "zoom_out",
            self.tr("Zoom &Out"),
            lambda: self._set_font_size(self.prefs.font_size - 1),
            ["Ctrl+-"],
        )
        a(
            "zoom_reset",
            self.tr("&Actual Size"),
            lambda: self._set_font_size(DEFAULT_FONT_SIZE),
            ["Ctrl+0"],
        )
        a("newest_first", self.tr("&Newest First"), None, None, checkable=True)
        a("search", self.tr("&Search All Pages"), self.focus_search, ["Ctrl+K", "Ctrl+Shift+F"])
        a("find", self.tr("&Find in Article"), self.show_find, ["Ctrl+F"])
        a("next_hit", self.tr("Next &Hit"), lambda: self.step_hit(1), ["F3"])
        a("previous_hit", self.tr("Previous H&it"), lambda: self.step_hit(-1), ["Shift+F3"])
        a("shortcuts", self.tr("&Keyboard Shortcuts"), self.show_shortcuts, ["F1", "Ctrl+/"])
        a("about", self.tr("&About Press Reader"), self.about)
        self.theme_group = QActionGroup(self)
        for key, text in (
            ("system", self.tr("Follow the &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            act = a(f"theme_{key}", text, partial(self.set_theme, key), checkable=True)
            act.setData(key)
            self.theme_group.addAction(act)
            act.setChecked(key == self.prefs.theme)

    def _make_menus_and_toolbar(self) -> None:
        act = self.actions_by_name
        act["zoom_in"].setIconText("A+")
        act["zoom_out"].setIconText("A−")
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for name in (
            "open_folder",
            "add_files",
            None,
            "export_marks",
            "import_marks",
            None,
            "problems",
            None,
            "quit",
        ):
            file_menu.addSeparator() if name is None else file_menu.addAction(act[name])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.mark_control.edit_menu(edit_menu)
        for name in ("search", "find", "next_hit", "previous_hit"):
            edit_menu.addAction(act[name])
        edit_menu.addSeparator()
        edit_menu.addAction(act["edit_meta"])
        edit_menu.addSeparator()
        edit_menu.addAction(act["preferences"])
        view = bar.addMenu(self.tr("&View"))
        for name in (
            "previous",
            "next",
            None,
            "focus_tree",
            "focus_reader",
            "focus_marks",
            "filter",
            None,
            "printed",
            None,
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            None,
            "newest_first",
        ):
            view.addSeparator() if name is None else view.addAction(act[name])
        theme_menu = view.addMenu(self.tr("&Theme"))
        theme_menu.addActions(self.theme_group.actions())
        view.addSeparator()
        self.toolbar = QToolBar(self.tr("Toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        for name in (
            "previous",
            "next",
            None,
            "open_folder",
            None,
            "zoom_out",
            "zoom_in",
            None,
            "printed",
        ):
            self.toolbar.addSeparator() if name is None else self.toolbar.addAction(act[name])
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.mark_control.toolbar_button())
        self.addToolBar(self.toolbar)
        view.addAction(self.dock.toggleViewAction())
        view.addAction(self.search_dock.toggleViewAction())
        view.addAction(self.entities_dock.toggleViewAction())
        view.addAction(self.marks_dock.toggleViewAction())
        self.entity_control.highlight_menu(view)
        view.addAction(self.toolbar.toggleViewAction())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(act["shortcuts"])
        help_menu.addAction(act["about"])

    def _connect(self) -> None:
        act = self.actions_by_name
        self.entity_control.ready.connect(self.update_index)
        self.entity_control.corrected.connect(self.update_index)
        pane = self.pane
        pane.filter.setPlaceholderText(self.tr("Filter by title or source (Ctrl+L)"))
        pane.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        pane.filter.returnPressed.connect(self._filter_return)
        pane.order.setDefaultAction(act["newest_first"])
        act["newest_first"].setChecked(self.prefs.newest_first)
        act["newest_first"].toggled.connect(self._set_order)
        act["printed"].toggled.connect(self._set_printed)
        pane.tree.selectionModel().currentChanged.connect(self._on_current)
        pane.tree.activated.connect(self._on_activated)
        pane.tree.customContextMenuRequested.connect(self._tree_menu)
        for view in (self.reader.article_view, self.reader.printed_view):
            view.nextRequested.connect(self.next_article)
            view.previousRequested.connect(self.previous_article)
        self.reader.article_view.linkActivated.connect(self.open_article)
        self.reader.article_view.searchRequested.connect(self.focus_search)
        self.reader.article_view.customContextMenuRequested.connect(self._reader_menu)
        self.search.articleRequested.connect(self._open_hit)
        self.search.resultShown.connect(lambda _r: self._apply_needles())
        self.find_bar.changed.connect(lambda _t: self._apply_needles())
        self.find_bar.step.connect(self.step_hit)
        self.find_bar.closed.connect(self._find_closed)

    # -- loading ---------------------------------------------------------------------------
    def start(self) -> None:
        """Load the library (bundled seeds and the user's corpora) in the background; an index
        from an earlier run answers searches at once while it is brought up to date."""
        self.search.set_index(self.search_index, self.search_index.status() == "ok")
        self.load(self.roots, initial=True)
        self.mark_control.show_problem()
        if self.data.read_only:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Read-only"),
                self.read_only_text(),
                parent=self,
            )
            box.setObjectName("readOnlyMessage")
            self.read_only_message = box
            box.open()

    def handed_over(self, paths: list[Path]) -> None:
        """A later launch on the same data folder asked this window to open `paths`."""
        if paths:
            self.open_paths(paths)
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()
        self.status_label.setText(
            self.tr("Another launch of Press Reader was handed to this window.")
        )

    # -- the search index ------------------------------------------------------------------
    def update_index(self) -> None:
        """Bring the index in step with the library in the background (one job at a time)."""
        if self._indexing is not None:
            self._index_again = True
            return
        index, pages = self.search_index, list(self.library.pages)
        names = self.entity_control.names_lookup()
        # One process here: never fork a process running Qt (see FINDINGS / README).
        task = Task(
            lambda cancelled: index.sync(pages, procs=1, cancelled=cancelled, names=names), "index"
        )
        task.signals.progress.connect(self._on_index_progress)
        task.signals.result.connect(self._on_indexed)
        task.signals.error.connect(self._on_index_error)
        task.signals.finished.connect(self._on_index_finished)
        self._indexing = task
        self.runner.start(task)

    @property
    def indexing(self) -> bool:
        return (
            self._indexing is not None
            or self._index_again
            or self.entity_control.building
            or self.loading
        )

    def _show_progress(self, item: Progress) -> None:
        self.progress.setRange(0, item.total)
        self.progress.setValue(item.done)
        self.progress.show()

    def _on_task_progress(self, item: object) -> None:
        if isinstance(item, Progress) and item.total:
            self._show_progress(item)

    def _on_index_progress(self, item: object) -> None:
        if isinstance(item, Progress) and item.total:
            self._show_progress(item)
            self.status_label.setText(
                self.tr("Indexing for search… %1 of %2 articles")
                .replace("%1", str(item.done))
                .replace("%2", str(item.total))
            )
            if item.message == LIVE:  # a first build's first pages answer already
                self.search.set_index(self.search_index, True)

    def _on_indexed(self, report: object) -> None:
        self.search.set_index(self.search_index, True)
        articles = getattr(report, "articles", 0)
        self.status_label.setText(
            self.tr("Search ready: %1 articles indexed.").replace("%1", str(articles))
        )
        self.indexReady.emit()

    def _on_index_error(self, exc: object) -> None:
        self.status_label.setText(self.tr("Indexing failed: %1").replace("%1", str(exc)))

    def _on_index_finished(self) -> None:
        self._indexing = None
        if not self.loading:
            self.progress.hide()
        if self._index_again:
            self._index_again = False
            self.update_index()

    # -- search in the window ------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_box()

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.edit.selectAll()
        self._apply_needles()

    def _find_closed(self) -> None:
        self._apply_needles()
        self.focus_reader()

    def _needles(self) -> list[str]:
        if self.find_bar.isVisible() and self.find_bar.edit.text().strip():
            return [fold(self.find_bar.edit.text().strip())]
        return self.search.needles()

    def _apply_needles(self) -> None:
        view = self.reader.article_view
        total = view.set_needles(self._needles())
        if self.find_bar.isVisible():
            self.find_bar.show_count(0, total)
            if total:
                self.step_hit(1)

    def step_hit(self, delta: int) -> None:
        number, total = self.reader.article_view.step_hit(delta)
        text = f"{number} / {total}" if total else self.tr("No hits in this article.")
        if self.find_bar.isVisible():
            self.find_bar.show_count(number, total)
        self.status_label.setText(text)

    def _open_hit(self, article_id: str) -> None:
        self.open_article(article_id)
        if self.reader.printed:
            self.actions_by_name["printed"].setChecked(False)
        self.step_hit(1)
        self.reader.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, paths: list[Path], *, initial: bool = False) -> None:
        self._queue.append((list(paths), initial))
        if self._loading is None:
            self._next_load()

    def _next_load(self) -> None:
        if not self._queue:
            return
        paths, initial = self._queue.pop(0)
        overrides = self.data.overrides()
        task = Task(
            lambda cancelled: corpus_mod.iter_library(
                paths, overrides=overrides, cancelled=cancelled
            ),
            name="load",
        )
        task.signals.progress.connect(self._on_progress)
        task.signals.result.connect(lambda lib: self._on_loaded(lib, initial))
        task.signals.error.connect(self._on_load_error)
        task.signals.finished.connect(self._on_load_finished)
        self._loading = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status_label.setText(self.tr("Loading pages…"))
        self.runner.start(task)

    @property
    def loading(self) -> bool:
        return self._loading is not None or bool(self._queue)

    def _on_progress(self, item: object) -> None:
        if isinstance(item, Progress) and item.total:
            self.progress.setRange(0, item.total)
            self.progress.setValue(item.done)
            self.status_label.setText(
                self.tr("Loading pages… %1 of %2")
                .replace("%1", str(item.done))
                .replace("%2", str(item.total))
            )

    def _on_load_error(self, exc: object) -> None:
        self.status_label.setText(self.tr("Loading failed: %1").replace("%1", str(exc)))

    def _on_load_finished(self) -> None:
        self._loading = None
        self.progress.hide()
        if self._queue:
            self._next_load()

    def _on_loaded(self, lib: Library, initial: bool) -> None:
        if initial:
            self.library = lib
            self._refresh_tree()
            if not self._loaded_once:
                self._loaded_once = True
                self._restore_reading()
        else:
            self.library.merge(lib)
            self._refresh_tree()
            if lib.pages and lib.pages[0].articles:
                self.open_article(lib.pages[0].articles[0].id)
            if lib.problems:
                self.show_problems(lib.problems)
        n_articles = sum(len(p.articles) for p in lib.pages)
        self.status_label.setText(
            self.tr("Loaded %1 articles from %2 pages.")
            .replace("%1", str(n_articles))
            .replace("%2", str(len(lib.pages)))
        )
        self._update_problems_button()
        self.mark_control.reanchor()
        self.libraryLoaded.emit()
        self.entity_control.refresh()  # then the index, with the entities' names

    def _on_entities_progress(self, item: object) -> None:
        if isinstance(item, Progress) and item.total:
            self._show_progress(item)
            self.status_label.setText(
                self.tr("Finding people, places and organisations… %1%").replace(
                    "%1", str(item.done * 100 // item.total)
                )
            )

    def _update_problems_button(self) -> None:
        problems = self.library.problems
        unread = sum(not p.loaded for p in problems)
        self.problems_button.setVisible(bool(problems))
        if unread:
            self.problems_button.setText(self.tr("%n file(s) could not be read", "", unread))
        else:
            self.problems_button.setText(
                self.tr("%n file(s) loaded after a repair", "", len(problems))
            )

    def _refresh_tree(self, select: str | None = None) -> None:
        tree, model = self.pane.tree, self.pane.model
        expanded = self._expanded_keys()
        keep = select or (self.current.id if self.current else None)
        model.set_articles(self.library.articles)
        self._after_reset(expanded, keep)
        self._refresh_count()
        tree.viewport().update()

    def _expanded_keys(self) -> set[str]:
        tree, model = self.pane.tree, self.pane.model
        keys: set[str] = set()
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                idx = model.index(row, 0, parent)
                if model.rowCount(idx) and tree.isExpanded(idx):
                    keys.add(idx.data(KEY_ROLE))
                    stack.append(idx)
        return keys

    def _after_reset(self, expanded: set[str], article_id: str | None) -> None:
        tree, model = self.pane.tree, self.pane.model
        for key in expanded:
            idx = model.index_for_key(key)
            if idx.isValid():
                tree.expand(idx)
        if not expanded:  # first fill: show every source open
            for row in range(model.rowCount()):
                tree.expand(model.index(row, 0))
        if article_id:
            self._select_in_tree(article_id, open_it=False)

    def _select_in_tree(self, article_id: str, open_it: bool = True) -> bool:
        tree, model = self.pane.tree, self.pane.model
        idx = model.index_for_article(article_id)
        if not idx.isValid():
            return False
        parent = idx.parent()
        while parent.isValid():
            tree.expand(parent)
            parent = parent.parent()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if not open_it:
            tree.selectionModel().blockSignals(True)
        tree.selectionModel().setCurrentIndex(idx, flags)
        if not open_it:
            tree.selectionModel().blockSignals(False)
            tree.viewport().update()
        tree.scrollTo(idx)
        return True

    def _restore_reading(self) -> None:
        last, position = self.prefs.last_article, self.prefs.last_position
        if last and self.library.article(last) is not None:
            self.open_article(last)
            self.reader.article_view.scroll_to_position(position)
        else:
            ids = self.pane.model.article_ids()
            if ids:
                self.open_article(ids[0])

    # -- reading -----------------------------------------------------------------------------
    def open_article(self, article_id: str) -> None:
        """Show an article and select it in the tree (when the filter lets it be there)."""
        article = self.library.article(article_id)
        if article is None:
            return
        self._show(article)
        self._select_in_tree(article_id, open_it=False)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.data(ARTICLE_ID_ROLE) if current.isValid() else None
        if article_id:
            article = self.library.article(article_id)
            if article is not None and article is not self.current:
                self._show(article)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.data(ARTICLE_ID_ROLE):
            self.focus_reader()
        else:
            self.pane.tree.setExpanded(index, not self.pane.tree.isExpanded(index))

    def _show(self, article: Article) -> None:
        self._save_position()
        self.current = article
        before = self._links(article.continued_from)
        after = self._links(article.continues_to)
        self.reader.article_view.show_article(article, before, after, self._needles())
        self.entity_control.show(article)
        self.mark_control.show(article)
        page = self.library.page_of(article.id)
        self.reader.printed_view.show_page(page, [(s.start, s.end) for s in article.spans])
        self.prefs.last_article = article.id
        self.prefs.last_position = 0
        self.setWindowTitle(f"{article.title} — {self.tr('Press Reader')}")
        self.articleShown.emit(article.id)

    def _links(self, article_id: str | None) -> list[Link]:
        other = self.library.article(article_id) if article_id else None
        return [Link(other.title, other.id)] if other else []

    def _step(self, delta: int) -> None:
        ids = self.pane.model.article_ids()
        if not ids:
            return
        if self.current is None or self.current.id not in ids:
            target = ids[0] if delta > 0 else ids[-1]
        else:
            i = ids.index(self.current.id) + delta
            if not 0 <= i < len(ids):
                self.status_label.setText(
                    self.tr("This is the last article.")
                    if delta > 0
                    else self.tr("This is the first article.")
                )
                return
            target = ids[i]
        self.open_article(target)

    def next_article(self) -> None:
        self._step(1)

    def previous_article(self) -> None:
        self._step(-1)

    def focus_tree(self) -> None:
        self.dock.show()
        self.pane.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_reader(self) -> None:
        view = self.reader.printed_view if self.reader.printed else self.reader.article_view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        self.dock.show()
        self.pane.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pane.filter.selectAll()

    def _apply_filter(self) -> None:
        model = self.pane.model
        expanded = self._expanded_keys() if not model.query else set()
        model.set_query(self.pane.filter.text())
        if model.query and model.total <= 500:
            self.pane.tree.expandAll()
            if self.current:
                self._select_in_tree(self.current.id, open_it=False)
        else:
            self._after_reset(expanded, self.current.id if self.current else None)
        self._refresh_count()

    def _refresh_count(self) -> None:
        model = self.pane.model
        if model.query:
            self.count_label.setText(
                self.tr("%1 of %2 articles")
                .replace("%1", str(model.total))
                .replace("%2", str(len(self.library.articles)))
            )
        else:
            self.count_label.setText(self.tr("%n article(s)", "", model.total))

    def _filter_return(self) -> None:
        self._filter_timer.stop()
        self._apply_filter()
        ids = self.pane.model.article_ids()
        if ids:
            if self.current is None or self.current.id not in ids:
                self.open_article(ids[0])
            self.focus_tree()

    def _set_order(self, newest_first: bool) -> None:
        self.prefs.newest_first = newest_first
        expanded = self._expanded_keys()
        self.pane.model.set_newest_first(newest_first)
        self._after_reset(expanded, self.current.id if self.current else None)
        self._update_order_button()

    def _update_order_button(self) -> None:
        newest = self.actions_by_name["newest_first"].isChecked()
        self.pane.order.setText("↓" if newest else "↑")
        self.pane.order.setToolTip(
            self.tr("Newest first (click for oldest first)")
            if newest
            else self.tr("Oldest first (click for newest first)")
        )

    def _set_printed(self, printed: bool) -> None:
        self.reader.set_printed(printed)
        self.prefs.printed = printed

    def _set_font_size(self, size: int, save: bool = True) -> None:
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        if save:
            self.prefs.font_size = size
        self.reader.set_reading_font(theme.reading_font(size, self.prefs.font_family))
        self.actions_by_name["zoom_in"].setEnabled(size < MAX_FONT_SIZE)
        self.actions_by_name["zoom_out"].setEnabled(size > MIN_FONT_SIZE)

    @property
    def font_size(self) -> int:
        return int(self.reader.article_view.reading_font().pointSize())

    def set_theme(self, key: str) -> None:
        self.prefs.theme = key
        if self._apply_theme is not None:
            self._apply_theme(key)
        for act in self.theme_group.actions():
            act.setChecked(act.data() == key)

    # -- files ---------------------------------------------------------------------------------
    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a Folder of Pages"))
        if folder:
            self.open_paths([Path(folder)])

    def add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add Pages"), "", self.tr("Pages (*.txt *.md *.markdown)")
        )
        if files:
            self.open_paths([Path(f) for f in files])

    def open_paths(self, paths: list[Path]) -> None:
        """Add folders or page files to the library (remembered for the next start) and load
        them in the background. The user's files are only read."""
        for p in paths:
            try:
                self.data.add_corpus(p)
            except OSError as exc:  # read-only or full: read it now, not at the next start
                self.statusBar().showMessage(
                    self.tr("%1 is open for this session only: %2")
                    .replace("%1", str(p))
                    .replace("%2", exc.strerror or str(exc)),
                    15000,
                )
        self.load(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def show_problems(self, problems: list[Problem]) -> None:
        if not problems:
            self.status_label.setText(self.tr("Every file was read."))
            return
        if self.problems_dialog is not None:
            self.problems_dialog.close()
        self.problems_dialog = ProblemsDialog(problems, self)
        self.problems_dialog.show()
        self.problemsShown.emit(self.problems_dialog)

    # -- menus --------------------------------------------------------------------------------------
    def reader_menu(self, pos: QPoint) -> QMenu:
        """The reader's context menu at a viewport point: copy, marks, entities."""
        view = self.reader.article_view
        menu = view.createStandardContextMenu(pos)
        self.mark_control.fill_menu(menu)
        self.entity_control.fill_menu(menu, pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    def _reader_menu(self, pos: QPoint) -> None:
        self._menu = self.reader_menu(pos)
        self._menu.popup(self.reader.article_view.viewport().mapToGlobal(pos))

    # -- metadata ------------------------------------------------------------------------------
    def _tree_menu(self, pos: QPoint) -> None:
        idx = self.pane.tree.indexAt(pos)
        article_id = idx.data(ARTICLE_ID_ROLE) if idx.isValid() else None
        if not article_id:
            return
        self.open_article(article_id)
        menu = QMenu(self)
        menu.addAction(self.actions_by_name["edit_meta"])
        menu.addAction(self.actions_by_name["printed"])
        menu.exec(self.pane.tree.viewport().mapToGlobal(pos))

    def edit_metadata(self) -> MetadataDialog | None:
        """Edit the source and date of the current article's page."""
        if self.current is None:
            return None
        page = self.library.page_of(self.current.id)
        if page is None:
            return None
        sources = sorted({p.source for p in self.library.pages if p.source})
        dialog = MetadataDialog(page, sources, self)

        def done(result: int) -> None:
            key = corpus_mod.page_key(page)
            try:
                if result == MetadataDialog.RESET:
                    corpus_mod.clear_override(page)
                    self.data.set_override(key, None, None)
                elif result == MetadataDialog.DialogCode.Accepted:
                    source, date = dialog.value
                    corpus_mod.apply_override(page, source, date)
                    self.data.set_override(key, source, date)
                else:
                    return
            except OSError as exc:  # applied for this session; saying so is all we can do
                self.status_label.setText(
                    self.tr("The change applies until you quit; it could not be saved: %1").replace(
                        "%1", exc.strerror or str(exc)
                    )
                )
            self._refresh_tree()
            self.reader.article_view.refresh()
            self.mark_control.reanchor()  # marks cite the page's new source and date

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    # -- other dialogs ---------------------------------------------------------------------------
    def preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.prefs, self)

        def done(result: int) -> None:
            if result == PreferencesDialog.DialogCode.Accepted:
                self.set_theme(self.prefs.theme)
                self._set_font_size(self.prefs.font_size)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        extra = [
            (self.tr("Next / previous article (in the reader)"), "J / K"),
            (self.tr("Search (in the reader)"), "/"),
            (self.tr("Results: open / back to the search box"), "Enter / Esc"),
            (self.tr("Recent searches (in the empty search box)"), "↑"),
            (self.tr("Next / previous match (in the find bar)"), "Enter / Shift+Enter"),
            (self.tr("Open the article (in the list)"), "Enter"),
            (self.tr("Delete the mark (in the reader or the marks list)"), "Delete"),
            (self.tr("Marks list: open / edit the note"), "Enter / F2"),
            (self.tr("Move in the list"), "↑ ↓ ← →"),
        ]
        dialog = ShortcutsDialog(list(self.actions_by_name.values()), extra, self)
        dialog.show()
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Press Reader"),
            self.tr("Press Reader %1\nRead, search and quote Chinese newspaper pages.").replace(
                "%1", __version__
            ),
        )

    # -- state ---------------------------------------------------------------------------------
    def _save_position(self) -> None:
        if self.current is not None:
            self.prefs.last_position = self.reader.article_view.top_position()

    def save_state(self) -> None:
        self._save_position()
        self.prefs.recent_queries = self.search.recent
        self.prefs.geometry = self.saveGeometry()
        self.prefs.window_state = self.saveState()
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self._queue.clear()
        self.runner.shutdown()
        self.entity_control.close()
        self.mark_control.close()
        if self._session_index is not None:
            self.search_index.close()
            self._session_index.cleanup()
        super().closeEvent(event)


def window_icon() -> QIcon:
    from reader.paths import resources_dir

    return QIcon(str(resources_dir() / "press-reader.svg"))
