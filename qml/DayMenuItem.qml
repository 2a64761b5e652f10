// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A menu entry: a check mark when checked, the text, and the shortcut when it has one.
MenuItem {
    id: root

    readonly property string shortcutText: action && typeof action.shortcut === "string" ? KeyNames.nativeText(action.shortcut) : ""

    // Tighter in a short window, so the Edit menu fits a 480 px high one (the last entries were cut).
    implicitHeight: Window.height > 0 && Window.height < 600 ? 30 : 34
    implicitWidth: leftPadding + contentItem.implicitWidth + rightPadding
    leftPadding: Theme.spacingS
    rightPadding: Theme.spacingM
    Accessible.name: text.replace("&", "")

    indicator: Item {
        x: root.leftPadding
        width: 18
        height: root.height
        Icon {
            anchors.centerIn: parent
            visible: root.checked
            name: "check"
            size: 14
            color: Theme.accent
        }
    }
    arrow: Icon {
        x: root.width - width - Theme.spacingS
        anchors.verticalCenter: parent.verticalCenter
        visible: root.subMenu
        name: "chevron-right"
        size: 14
        color: Theme.textMuted
    }
    // The text starts after the check mark; the shortcut keeps at least `gap` from it.
    readonly property real gap: Theme.spacingXl
    contentItem: Item {
        implicitWidth: label.anchors.leftMargin + label.implicitWidth + (keys.text.length > 0 ? root.gap + keys.implicitWidth : 0)
                       + (root.subMenu ? root.gap : 0)
        Text {
            id: label
            objectName: "menuItemText"
            anchors.left: parent.left
            anchors.leftMargin: 22
            anchors.verticalCenter: parent.verticalCenter
            text: root.text.replace("&", "")
            color: !root.enabled ? Theme.textFaint : root.text === qsTr("Delete") || root.text === qsTr("Delete Todo") ? Theme.danger : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Text {
            id: keys
            objectName: "menuItemKeys"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: root.shortcutText
            color: Theme.textFaint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
    }
    background: Rectangle {
        implicitWidth: 220
        radius: Theme.radiusSmall
        color: root.highlighted && root.enabled ? Theme.surfaceAlt : "transparent"
    }
}
