// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A menu in Dayboard's style: a rounded card; its items are DayMenuItems.
Menu {
    id: root

    padding: 6
    delegate: DayMenuItem {}
    background: Rectangle {
        implicitWidth: 240
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }
}
