// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// "Connected", "Reconnecting…", "API key refused", …, with the number of edits still waiting to
// sync. A dot for the eye, the words for everyone; on hover, what it is connected to, or what
// went wrong and what to do (the same text Settings shows).
Rectangle {
    id: root

    readonly property bool problem: App.connectionProblem
    readonly property color dotColor: problem ? Theme.danger
                                    : App.connectionState === "connected" ? Theme.done
                                    : App.connectionState === "offline" ? Theme.textFaint : Theme.mediumPriority
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    implicitHeight: 28
    radius: 14
    color: problem ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, Theme.dark ? 0.18 : 0.1) : Theme.surfaceAlt
    border.color: problem ? Theme.danger : "transparent"
    objectName: "connectionIndicator"
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Sync status: %1").arg(App.connectionText)
    Accessible.description: App.connectionDetail

    HoverHandler { id: hover }
    ToolTip {
        objectName: "connectionToolTip"
        visible: hover.hovered
        delay: 300
        width: Math.min(implicitWidth, 380)
        contentItem: Text {
            text: App.connectionDetail
            wrapMode: Text.WordWrap
            color: Theme.toastText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        background: Rectangle { radius: Theme.radiusSmall; color: Theme.toastBackground }
    }

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
            color: root.problem ? Theme.danger : Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.weight: root.problem ? Font.DemiBold : Font.Normal
        }
    }
}
