// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls

// A quiet, round-cornered button with a line icon; `text` is its accessible name and tooltip.
AbstractButton {
    id: root

    property string iconName
    property color iconColor: Theme.text
    property real iconSize: 18
    property bool showLabel: false

    implicitWidth: showLabel ? row.implicitWidth + 2 * Theme.spacingM : Theme.controlHeight
    implicitHeight: Theme.controlHeight
    hoverEnabled: true
    focusPolicy: Qt.TabFocus
    Accessible.name: text
    Accessible.role: Accessible.Button

    ToolTip.visible: hovered && !showLabel && text.length > 0
    ToolTip.delay: 600
    ToolTip.text: text

    background: Rectangle {
        radius: Theme.radiusSmall
        color: root.down ? Theme.border : (root.hovered || root.visualFocus) ? Theme.surfaceAlt : "transparent"
        border.color: root.visualFocus ? Theme.accent : "transparent"
        border.width: 1
        Behavior on color { ColorAnimation { duration: Theme.animationMs } }
    }

    contentItem: Item {
        Row {
            id: row
            anchors.centerIn: parent
            spacing: Theme.spacingS
            Icon {
                anchors.verticalCenter: parent.verticalCenter
                name: root.iconName
                color: root.enabled ? root.iconColor : Theme.textFaint
                size: root.iconSize
            }
            Text {
                visible: root.showLabel
                anchors.verticalCenter: parent.verticalCenter
                text: root.text
                color: root.enabled ? root.iconColor : Theme.textFaint
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
