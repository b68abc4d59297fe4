"""Light and dark palettes, the reading font, and colours derived from the palette."""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import QApplication, QStyleFactory

# Preferred reading fonts with Chinese coverage, in order; the first installed one leads and the
# rest stay as fallbacks for characters it lacks.
CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)


def chinese_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def reading_font(size: int, preferred: str = "") -> QFont:
    """A font with Chinese coverage at `size` points, falling back through installed CJK fonts."""
    installed = set(QFontDatabase.families())
    chinese = chinese_families()
    ordered = [preferred] if preferred and preferred in installed else []
    ordered += [f for f in CJK_FAMILIES if f in installed and f not in ordered]
    ordered += [f for f in chinese if f not in ordered][:3]
    font = QFont(QGuiApplication.font())
    if ordered:
        font.setFamilies(ordered)
    font.setPointSize(size)
    return font


def has_chinese_font() -> bool:
    return bool(chinese_families())


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = (
        QColor(0x2B, 0x2B, 0x2E),
        QColor(0x1F, 0x1F, 0x22),
        QColor(0xE6, 0xE6, 0xE6),
    )
    disabled = QColor(0x80, 0x80, 0x80)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(0x9A, 0x9A, 0x9E),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(0xFF, 0x6B, 0x6B),
        QPalette.ColorRole.Link: QColor(0x7F, 0xB2, 0xFF),
        QPalette.ColorRole.LinkVisited: QColor(0xB3, 0x9D, 0xFF),
        QPalette.ColorRole.Highlight: QColor(0x3D, 0x6F, 0xB6),
        QPalette.ColorRole.HighlightedText: QColor(0xFF, 0xFF, 0xFF),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


class ThemeManager:
    """Applies "system", "light" or "dark". The system choice leaves the platform's own style and
    palette alone; an explicit choice uses Fusion, which honours a palette on every platform."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        style = app.style()
        self._system_style = style.name() if style is not None else "fusion"
        self._system_palette = QPalette(app.palette())

    def apply(self, theme: str) -> None:
        if theme == "system":
            self.app.setStyle(QStyleFactory.create(self._system_style))
            self.app.setPalette(self._system_palette)
            return
        self.app.setStyle(QStyleFactory.create("Fusion"))
        if theme == "dark":
            self.app.setPalette(_dark_palette())
        else:
            style = self.app.style()
            self.app.setPalette(style.standardPalette() if style is not None else QPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def printed_highlight(palette: QPalette) -> tuple[QColor, QColor]:
    """Background and text colours for this article's part of the printed page (contrast ≥ 7:1
    in both themes)."""
    if is_dark(palette):
        return QColor(0x5C, 0x4B, 0x0F), QColor(0xFF, 0xF6, 0xD5)
    return QColor(0xFF, 0xEC, 0x99), QColor(0x1A, 0x1A, 0x1A)


def hit_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Search and find hits: an orange distinct from the printed-page yellow and from the
    selection blue, readable in both themes."""
    if is_dark(palette):
        return QColor(0x8A, 0x4B, 0x08), QColor(0xFF, 0xFF, 0xFF)
    return QColor(0xFF, 0xD0, 0x8A), QColor(0x1A, 0x1A, 0x1A)


def current_hit(palette: QPalette) -> QColor:
    return QColor(0xE0, 0x7B, 0x00) if not is_dark(palette) else QColor(0xC2, 0x6A, 0x00)


# Entity highlights: Okabe–Ito hues (told apart with the common colour-vision deficiencies),
# each type also with its own underline style so that colour is never the only cue. Tints are
# light in the light theme and deep in the dark one, so body text keeps its contrast.
ENTITY_STYLES = {
    # type: (underline colour, light tint, dark tint, underline style)
    "PERSON": ("#0072B2", "#DCEBF7", "#163A57", QTextCharFormat.UnderlineStyle.SingleUnderline),
    "PLACE": ("#009E73", "#D8F2E9", "#114436", QTextCharFormat.UnderlineStyle.DashUnderline),
    "ORG": ("#CC79A7", "#F7E1EE", "#4F2541", QTextCharFormat.UnderlineStyle.DotLine),
    "DATE": ("#D55E00", "", "", QTextCharFormat.UnderlineStyle.WaveUnderline),
    "NUMBER": ("#56B4E9", "", "", QTextCharFormat.UnderlineStyle.DashDotLine),
}


def entity_format(kind: str, palette: QPalette) -> QTextCharFormat:
    line, light, dark, style = ENTITY_STYLES[kind]
    fmt = QTextCharFormat()
    tint = dark if is_dark(palette) else light
    if tint:
        fmt.setBackground(QColor(tint))
    colour = QColor(line)
    if is_dark(palette):
        colour = colour.lighter(130)
    fmt.setUnderlineColor(colour)
    fmt.setUnderlineStyle(style)
    return fmt


# Marks: the user's colours, as a highlighter pen would leave them. Light tints in the light
# theme and deep ones in the dark, so the text on them keeps a contrast of at least 7:1.
MARK_COLOURS = {
    # colour: (light, dark)
    "yellow": ("#FFEB7A", "#6B5A00"),
    "green": ("#BDEBB5", "#2C5A27"),
    "blue": ("#BBD7F7", "#22466F"),
    "pink": ("#F7C4DB", "#6C2B4B"),
    "purple": ("#D9CBF5", "#4A3872"),
}


def mark_colour(colour: str, palette: QPalette) -> QColor:
    light, dark = MARK_COLOURS.get(colour, MARK_COLOURS["yellow"])
    return QColor(dark if is_dark(palette) else light)


def mark_format(colour: str, palette: QPalette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(mark_colour(colour, palette))
    return fmt
