// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A menu in Dayboard's style: a rounded card; its items are DayMenuItems. The menu is as wide as
// its widest item (text + shortcut) needs, whatever the language; 240 at least.
Menu {
    id: root

    // The widest item's implicit width (a binding: it follows a change of language or text).
    readonly property real widestItem: {
        let widest = 0
        for (let i = 0; i < count; ++i) {
            const item = itemAt(i)
            if (item)
                widest = Math.max(widest, item.implicitWidth)
        }
        return widest
    }

    padding: 6
    implicitWidth: Math.max(240, widestItem + leftPadding + rightPadding)
    delegate: DayMenuItem {}
    background: Rectangle {
        implicitWidth: 240
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }
}
