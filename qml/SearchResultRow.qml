// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// One search result: open/done state, the todo's text, and the matching note under it.
ItemDelegate {
    id: root

    required property int index
    required property var model
    required property string notes
    required property bool done
    required property int priority
    required property bool inNotes
    property bool current: false

    highlighted: current
    padding: Theme.spacingS
    Accessible.name: (done ? qsTr("Done: %1") : qsTr("Open: %1")).arg(model.text)
    background: Rectangle {
        radius: Theme.radiusSmall
        color: root.current ? Theme.selection : root.hovered ? Theme.surfaceHover : "transparent"
    }
    contentItem: RowLayout {
        spacing: Theme.spacingS
        Rectangle {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 2
            implicitWidth: 16
            implicitHeight: 16
            radius: 8
            color: root.done ? Theme.done : "transparent"
            border.color: root.done ? Theme.done : Theme.borderStrong
            border.width: 1.5
            Icon { anchors.centerIn: parent; visible: root.done; name: "check"; size: 12; color: Theme.textOnAccent }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: root.model.text
                color: root.done ? Theme.textMuted : Theme.text
                font.strikeout: root.done
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: root.notes.length > 0
                text: root.notes.replace(/\s+/g, " ")
                color: root.inNotes ? Theme.textMuted : Theme.textFaint
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }
        Label {
            Layout.alignment: Qt.AlignTop
            text: root.done ? qsTr("done") : qsTr("open")
            color: root.done ? Theme.done : Theme.textFaint
            font.pixelSize: Theme.fontSmall
        }
    }
}
