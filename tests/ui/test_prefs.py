from PySide6.QtCore import QByteArray

from reader.ui.prefs import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, Prefs


def test_defaults_round_trip_and_damaged_values(tmp_path):
    prefs = Prefs.in_folder(tmp_path)
    assert (prefs.font_size, prefs.theme, prefs.newest_first) == (DEFAULT_FONT_SIZE, "system", True)
    assert prefs.geometry.isEmpty()
    prefs.font_size = 99
    prefs.theme = "dark"
    prefs.newest_first = False
    prefs.geometry = QByteArray(b"\x01\x02")
    prefs.sync()
    again = Prefs.in_folder(tmp_path)
    assert (again.font_size, again.theme, again.newest_first) == (MAX_FONT_SIZE, "dark", False)
    assert bytes(again.geometry.data()) == b"\x01\x02"
    # a hand-edited settings file with nonsense falls back to the defaults
    again.settings.setValue("view/theme", "purple")
    again.settings.setValue("view/font_size", "large")
    again.settings.setValue("library/newest_first", "perhaps")
    assert (again.font_size, again.theme, again.newest_first) == (DEFAULT_FONT_SIZE, "system", True)
