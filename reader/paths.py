"""Where things are: bundled seeds and resources (checkout or PyInstaller bundle) and the user's
data folder (platform standard, or --data-dir)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from reader.core.files import atomic_write_json

APP_DIR_NAME = "press-reader"


def bundle_root() -> Path:
    """The folder holding seeds/ and resources/: the checkout, or the frozen app's folder."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return bundle_root() / "seeds"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "PressReader"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Press Reader"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


class DataDir:
    """The user's data folder: added corpora, metadata overrides, index, entities and marks."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_data_dir()
        # Why nothing may be written here this session: "" (it may), "instance" (another Press
        # Reader owns the folder) or "folder" (it cannot be written; `read_only_detail` says why).
        self.read_only = ""
        self.read_only_detail = ""

    @property
    def corpora_file(self) -> Path:
        return self.path / "corpora.json"

    @property
    def overrides_file(self) -> Path:
        return self.path / "overrides.json"

    def _read_json(self, path: Path, default: object) -> object:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return default
        except (OSError, ValueError):
            # A damaged settings file must not stop the app; it is kept for the user to inspect.
            return default

    def _write_json(self, path: Path, data: object) -> None:
        if self.read_only:
            raise PermissionError(f"the data folder is open read-only: {self.path}")
        atomic_write_json(path, data)

    def corpora(self) -> list[Path]:
        data = self._read_json(self.corpora_file, [])
        return [Path(p) for p in data if isinstance(p, str)] if isinstance(data, list) else []

    def add_corpus(self, folder: Path) -> bool:
        """Remember a folder (or a single page file) to read at every start."""
        folder = folder.resolve()
        current = self.corpora()
        if folder in current:
            return False
        self._write_json(self.corpora_file, [str(p) for p in [*current, folder]])
        return True

    def remove_corpus(self, folder: Path) -> bool:
        folder = folder.resolve()
        current = self.corpora()
        if folder not in current:
            return False
        self._write_json(self.corpora_file, [str(p) for p in current if p != folder])
        return True

    def overrides(self) -> dict[str, dict[str, object]]:
        data = self._read_json(self.overrides_file, {})
        return data if isinstance(data, dict) else {}

    def set_override(self, key: str, source: str | None, date: str | None) -> None:
        """Record the user's source and date for a page (key: corpus/relative path); None for
        both removes the override."""
        data = self.overrides()
        if source is None and date is None:
            data.pop(key, None)
        else:
            data[key] = {"source": source, "date": date}
        self._write_json(self.overrides_file, data)

    @property
    def index_dir(self) -> Path:
        return self.path / "index"

    @property
    def entity_cache_file(self) -> Path:
        return self.path / "entities.sqlite"

    @property
    def entity_corrections_file(self) -> Path:
        return self.path / "entity-corrections.json"

    @property
    def marks_file(self) -> Path:
        return self.path / "marks.sqlite"

    @property
    def backups_dir(self) -> Path:
        return self.path / "backups"

    @property
    def settings_file(self) -> Path:
        return self.path / "settings.ini"
