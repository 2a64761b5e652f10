// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard

// "Connected", "Reconnecting…", "Offline", with the number of edits still waiting to sync.
// A dot for the eye, the words for everyone.
Rectangle {
    id: root

    readonly property color dotColor: App.connectionState === "connected" ? Theme.done
                                    : App.connectionState === "offline" ? Theme.textFaint : Theme.mediumPriority
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    implicitHeight: 28
    radius: 14
    color: Theme.surfaceAlt
    objectName: "connectionIndicator"
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Sync status: %1").arg(App.connectionText)

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacingS
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 8
            height: 8
            radius: 4
            color: root.dotColor
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: App.connectionText
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
    }
}
