"""``python3 dev.py start`` on a fresh Linux machine: when Qt's X11 plugin
lacks system libraries, it says which packages to install instead of
letting Qt abort with a misleading message (it named xcb-cursor0, which was
installed; icccm4 and keysyms1 were missing)."""
from __future__ import annotations

import subprocess

import dev

# ldd of PySide6's libqxcb.so on a Debian machine with the two missing (trimmed)
LDD = """\
\tlinux-vdso.so.1 (0x00007ffd5a5f6000)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f6e8a000000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f6e89fd0000)
\tlibxcb-icccm.so.4 => not found
"""


def test_the_missing_libraries_and_their_packages_are_named():
    missing = dev.missing_libraries(LDD, loadable=lambda name: True)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    words = dev.explain_missing(missing)
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in words


def test_the_cursor_library_qt_loads_later_is_checked_too():
    assert dev.missing_libraries("", loadable=lambda name: name != "libxcb-cursor.so.0") == ["libxcb-cursor.so.0"]
    assert "libxcb-cursor0" in dev.explain_missing(["libxcb-cursor.so.0"])


def test_an_unknown_library_is_named_as_it_is():
    words = dev.explain_missing(["libxcb-icccm.so.4", "libweird.so.9"])
    assert "libxcb-icccm4" in words and "libweird.so.9" in words


def test_start_says_so_and_does_not_start_the_window(monkeypatch, capsys):
    monkeypatch.setattr(dev, "window_libraries_missing", lambda: ["libxcb-keysyms.so.1"])
    started = []
    monkeypatch.setattr(subprocess, "call", lambda *a, **k: started.append(a) or 0)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a))
    assert dev.start([]) == 1 and started == []
    assert "libxcb-keysyms1" in capsys.readouterr().err


def test_offscreen_and_wayland_need_no_x11_libraries(monkeypatch):
    monkeypatch.setattr(dev.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert dev.window_libraries_missing() == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert dev.window_libraries_missing() == []
