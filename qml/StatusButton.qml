// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls

// The round check in front of a todo: empty (not set), half (in progress), ticked (done).
// The state is drawn as a shape and named in the accessible description, never colour alone.
AbstractButton {
    id: root

    property int status: Todo.NotSet

    implicitWidth: 28
    implicitHeight: 28
    hoverEnabled: true
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: status === Todo.Done
    Accessible.name: status === Todo.Done ? qsTr("Done") : status === Todo.InProgress ? qsTr("In progress") : qsTr("Not done")

    background: null
    contentItem: Item {
        Rectangle {
            anchors.centerIn: parent
            width: 20
            height: 20
            radius: 10
            color: root.status === Todo.Done ? Theme.done : "transparent"
            border.width: 1.6
            border.color: root.status === Todo.Done ? Theme.done
                        : root.status === Todo.InProgress ? Theme.progress
                        : root.hovered ? Theme.accent : Theme.borderStrong
            Behavior on color { ColorAnimation { duration: Theme.animationMs } }

            Icon {
                anchors.centerIn: parent
                visible: root.status === Todo.Done || (root.hovered && root.status === Todo.NotSet)
                name: "check"
                size: 14
                strokeWidth: 2.2
                color: root.status === Todo.Done ? Theme.surface : Theme.textFaint
            }
            Icon {
                anchors.centerIn: parent
                visible: root.status === Todo.InProgress
                name: "progress"
                size: 14
                filled: true
                color: Theme.progress
            }
        }
    }
}
