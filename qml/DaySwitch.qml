// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// An on/off switch in Dayboard's look.
Switch {
    id: root

    Accessible.name: text
    indicator: Rectangle {
        x: root.leftPadding
        y: (root.height - height) / 2
        width: 36
        height: 20
        radius: 10
        color: root.checked ? Theme.accent : Theme.borderStrong
        border.color: root.visualFocus ? Theme.text : "transparent"
        Behavior on color { ColorAnimation { duration: Theme.animationMs } }
        Rectangle {
            x: root.checked ? parent.width - width - 2 : 2
            y: 2
            width: 16
            height: 16
            radius: 8
            color: Theme.surface
            Behavior on x { NumberAnimation { duration: Theme.animationMs } }
        }
    }
    contentItem: Text {
        leftPadding: root.indicator.width + root.spacing
        text: root.text
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
}
