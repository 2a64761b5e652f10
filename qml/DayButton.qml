// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A text button in Dayboard's style: `primary` is the one accent action of a view.
Button {
    id: root

    property bool primary: false

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    hoverEnabled: true
    Accessible.name: text

    background: Rectangle {
        radius: Theme.radiusSmall
        color: !root.enabled ? Theme.surfaceAlt
             : root.primary ? (root.down ? Qt.darker(Theme.accent, 1.15) : root.hovered ? Qt.lighter(Theme.accent, 1.08) : Theme.accent)
             : root.down ? Theme.border : root.hovered ? Theme.surfaceAlt : Theme.surface
        border.color: root.visualFocus ? Theme.accent : root.primary ? "transparent" : Theme.border
        border.width: root.visualFocus ? 2 : 1
        Behavior on color { ColorAnimation { duration: Theme.animationMs } }
    }
    contentItem: Text {
        text: root.text
        color: !root.enabled ? Theme.textFaint : root.primary ? Theme.textOnAccent : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.weight: root.primary ? Font.DemiBold : Font.Normal
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
