"""The theme: what cannot be used now looks it (disabled menu items, buttons, boxes)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QCheckBox, QMenu, QWidget

from bnaura_desk.domain.roles import Role
from tests.ui.conftest import Shell, sign_in


def darkest(image: QImage, rect: QRect) -> int:
    """Return the lowest lightness (0-255) of the pixels in ``rect``: the colour of its text."""
    rect = rect.intersected(image.rect())
    return min(
        QColor(image.pixel(x, y)).lightness()
        for y in range(rect.top(), rect.bottom() + 1)
        for x in range(rect.left(), rect.right() + 1)
    )


def shown_menu(qtbot, menu: QMenu) -> QImage:
    """Render ``menu`` as it would drop down (without popping it up: the
    offscreen platform cannot grab the keyboard for a popup)."""
    menu.ensurePolished()
    menu.resize(menu.sizeHint())
    return menu.grab().toImage()


def item_lightness(qtbot, menu: QMenu, *actions: QAction) -> list[int]:
    image = shown_menu(qtbot, menu)
    scale = image.devicePixelRatio()
    out = []
    for action in actions:
        geometry = menu.actionGeometry(action)
        out.append(darkest(image, QRect(geometry.topLeft() * scale, geometry.size() * scale)))
    return out


def test_a_disabled_menu_item_is_drawn_muted(qtbot, shell: Shell) -> None:
    window = shell.window
    # On the sign-in page "Connect to clinic server…" cannot be used; Quit can.
    assert not window.connect_action.isEnabled() and window.quit_action.isEnabled()
    disabled, enabled = item_lightness(qtbot, window.file_menu, window.connect_action, window.quit_action)
    assert enabled < 80  # ink
    assert disabled > enabled + 60  # visibly muted, not the same ink

    # A beautician may not connect the terminal: the item stays muted for her,
    # and becomes ink for a manager.
    beautician = shell.staffed.beautician
    sign_in(qtbot, window, beautician.staff_id, shell.staffed.pins[Role.BEAUTICIAN])
    assert not window.connect_action.isEnabled()
    (muted,) = item_lightness(qtbot, window.file_menu, window.connect_action)
    assert muted > enabled + 60
    window.switch_user()
    manager = shell.staffed.manager
    sign_in(qtbot, window, manager.staff_id, shell.staffed.pins[Role.MANAGER])
    assert window.connect_action.isEnabled()
    (ink,) = item_lightness(qtbot, window.file_menu, window.connect_action)
    assert ink == enabled


def test_disabled_controls_use_the_muted_palette_colour(qtbot, desk_app) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    on, off = QCheckBox("พร้อมใช้", host), QCheckBox("ใช้ไม่ได้", host)
    off.move(0, 40)
    off.setEnabled(False)
    host.resize(200, 80)
    host.show()
    qtbot.waitExposed(host)
    image = host.grab().toImage()
    scale = image.devicePixelRatio()

    def text_of(box: QCheckBox) -> int:
        g = box.geometry()
        return darkest(image, QRect(g.topLeft() * scale, g.size() * scale))

    assert text_of(off) > text_of(on) + 60
    assert on.palette().color(on.palette().ColorGroup.Disabled, on.palette().ColorRole.WindowText) != on.palette().color(
        on.palette().ColorGroup.Active, on.palette().ColorRole.WindowText
    )
