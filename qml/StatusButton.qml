// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls

// The round check in front of a todo: empty (not set), half (in progress), ticked (done).
// The state is drawn as a shape and named in the accessible description, never colour alone.
AbstractButton {
    id: root

    property string status: "not set"

    implicitWidth: 28
    implicitHeight: 28
    hoverEnabled: true
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: status === "done"
    Accessible.name: status === "done" ? qsTr("Done") : status === "in progress" ? qsTr("In progress") : qsTr("Not done")

    background: null
    contentItem: Item {
        Rectangle {
            anchors.centerIn: parent
            width: 20
            height: 20
            radius: 10
            color: root.status === "done" ? Theme.done : "transparent"
            border.width: 1.6
            border.color: root.status === "done" ? Theme.done
                        : root.status === "in progress" ? Theme.progress
                        : root.hovered ? Theme.accent : Theme.borderStrong
            Behavior on color { ColorAnimation { duration: Theme.animationMs } }

            Icon {
                anchors.centerIn: parent
                visible: root.status === "done" || (root.hovered && root.status === "not set")
                name: "check"
                size: 14
                strokeWidth: 2.2
                color: root.status === "done" ? Theme.surface : Theme.textFaint
            }
            Icon {
                anchors.centerIn: parent
                visible: root.status === "in progress"
                name: "progress"
                size: 14
                filled: true
                color: Theme.progress
            }
        }
    }
}
