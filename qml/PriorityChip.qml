// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard

// "High ↑", "Medium –", "Low ↓": a word and an arrow, tinted, so it reads without colour.
Rectangle {
    id: root

    property int priority: Todo.Medium
    readonly property string label: priority === Todo.High ? qsTr("High") : priority === Todo.Low ? qsTr("Low") : qsTr("Medium")

    implicitWidth: row.implicitWidth + 2 * Theme.spacingS
    implicitHeight: 22
    radius: 11
    color: Qt.rgba(tint.r, tint.g, tint.b, Theme.dark ? 0.16 : 0.10)
    readonly property color tint: Theme.priorityColor(priority)
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Priority: %1").arg(label)

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 3
        Icon {
            anchors.verticalCenter: parent.verticalCenter
            name: root.priority === Todo.High ? "arrow-up" : root.priority === Todo.Low ? "arrow-down" : "minus"
            size: 12
            strokeWidth: 2
            color: root.tint
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: root.label
            color: root.tint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
    }
}
