"""The Qt binding itself: a release that miscounts references brings a long session down."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qt_calls_that_return_nothing_keep_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 drops one reference to None per call of a method returning
    nothing; after some thousands of calls (opening a few hundred articles) Python aborts with
    "deallocating None". pyproject.toml keeps such a release out; this test catches it again."""
    label, fmt, colour = QLabel(), QTextCharFormat(), QColor("#0072B2")
    calls = [
        lambda: label.setText("x"),
        lambda: fmt.setUnderlineColor(colour),
        lambda: fmt.setBackground(colour),
    ]
    for call in calls:
        call()
    before = sys.getrefcount(None)
    for _ in range(200):
        for call in calls:
            call()
    assert sys.getrefcount(None) - before > -100
