// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// One todo row: status check, text (edited in place), signs of notes, reminder and repeat,
// priority chip, menu, drag handle.
// Every change is a call on the day's DayModel; the row itself keeps no state but `editing`.
Item {
    id: root

    // The row's todo (model roles).
    required property int index
    required property string todoId
    required property string text
    required property int priority
    required property int status
    required property bool done
    required property bool hasNotes
    required property string remind
    required property string series
    // What the row works with: its list (current row, focus, drop line), the day's model for
    // every change, the filter model for reordering.
    required property TodoList list
    required property DayModel dayModel
    required property TodoFilterModel filterModel

    // Verbs that tell the user what happened (toasts) belong to the window.
    signal removeRequested(string todoId)
    signal moveToDayRequested(string todoId, string isoDate)
    signal pickDayRequested(string todoId)
    // "notes", "remind" or "repeat": the window opens that panel or dialog for the todo.
    signal openRequested(string what, string todoId)

    readonly property bool current: ListView.isCurrentItem
    // The current row always looks selected; stronger while the list has the keyboard.
    readonly property bool showsSelection: current && !handle.active
    property bool editing: false
    // An expanded long todo keeps its controls at the top, next to its first line.
    readonly property int controlsAlignment: label.expanded ? Qt.AlignTop : Qt.AlignVCenter

    width: list.width
    // A long todo wraps (up to three lines, or all of it when expanded).
    height: editing ? Theme.rowHeight : Math.max(Theme.rowHeight, label.implicitHeight + 2 * Theme.spacingM + 4)
    z: handle.active ? 10 : 0
    objectName: "todo_" + index
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2, priority %3").arg(root.text).arg(statusLabel(root.status)).arg(card.priorityLabel)

    function statusLabel(s) {
        return s === Todo.Done ? qsTr("done") : s === Todo.InProgress ? qsTr("in progress") : qsTr("not done")
    }

    function startEditing() {
        editing = true
        editor.text = root.text
        editor.forceActiveFocus()
        editor.selectAll()
    }
    function commitEdit() {
        if (!editing)
            return
        editing = false
        root.dayModel.setText(root.todoId, editor.text)
        cancelEdit()
    }
    // The hidden editor lets go of the focus, else the list (a focus scope) hands it back to it.
    function cancelEdit() {
        editing = false
        editor.focus = false
        root.list.forceActiveFocus()
    }

    Connections {
        target: root.list
        function onEditCurrentRequested() {
            if (root.current)
                root.startEditing()
        }
    }

    Rectangle {
        id: card
        readonly property string priorityLabel: chip.label
        width: root.width
        height: root.height - 4
        y: 2
        radius: Theme.radiusSmall
        color: handle.active ? Theme.surface
             : root.showsSelection && root.list.activeFocus ? Theme.selection
             : hover.hovered ? Theme.surfaceHover
             : root.showsSelection ? Theme.surfaceAlt : "transparent"
        border.color: handle.active ? Theme.borderStrong : root.showsSelection ? Theme.accentSoft : "transparent"
        Rectangle {
            objectName: "selectionMark"
            visible: root.showsSelection
            width: 3; height: parent.height - 2 * Theme.spacingS; radius: 1.5
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.accent
        }
        Behavior on color { ColorAnimation { duration: Theme.animationMs } }

        HoverHandler { id: hover }
        TapHandler {
            onTapped: { root.list.currentIndex = root.index; root.list.forceActiveFocus() }
            onDoubleTapped: root.startEditing()
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingXs
            anchors.rightMargin: Theme.spacingS
            anchors.topMargin: label.expanded ? Theme.spacingS : 0
            spacing: Theme.spacingS

            TodoDragHandle {
                id: handle
                Layout.preferredWidth: 20
                Layout.fillHeight: true
                row: root
                card: card
                list: root.list
                filterModel: root.filterModel
                index: root.index
                todoId: root.todoId
                text: root.text
                hovered: hover.hovered
            }

            StatusButton {
                objectName: "statusButton"
                Layout.alignment: root.controlsAlignment
                status: root.status
                onClicked: root.dayModel.toggleDone(root.todoId)
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                TodoText {
                    id: label
                    visible: !root.editing
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.text
                    color: root.done ? Theme.textFaint : Theme.text
                    font.strikeout: root.done
                }
                TextField {
                    id: editor
                    objectName: "editor"
                    visible: root.editing
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.text
                    selectionColor: Theme.accentSoft
                    selectedTextColor: Theme.text
                    leftPadding: Theme.spacingS
                    Accessible.name: qsTr("Edit todo text")
                    background: Rectangle {
                        radius: Theme.radiusSmall
                        color: Theme.surface
                        border.color: Theme.accent
                        border.width: 1.5
                    }
                    Keys.onReturnPressed: root.commitEdit()
                    Keys.onEnterPressed: root.commitEdit()
                    Keys.onEscapePressed: root.cancelEdit()
                    onActiveFocusChanged: if (!activeFocus && root.editing) root.commitEdit()
                }
            }

            TodoIndicators {
                Layout.alignment: root.controlsAlignment
                day: root.dayModel.date; todoId: root.todoId; editing: root.editing
                hasNotes: root.hasNotes; remind: root.remind; series: root.series
            }
            Text {
                visible: root.status === Todo.InProgress && !root.editing
                text: qsTr("In progress")
                color: Theme.progress
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
            }

            IconButton {
                objectName: "expandButton"
                Layout.alignment: root.controlsAlignment
                visible: label.hasMore && !root.editing
                iconName: label.expanded ? "chevron-up" : "chevron-down"
                text: label.expanded ? qsTr("Show less") : qsTr("Show all of this todo")
                iconColor: Theme.textMuted
                implicitWidth: 30
                implicitHeight: 30
                onClicked: label.expanded = !label.expanded
            }

            PriorityChip {
                id: chip
                Layout.alignment: root.controlsAlignment
                priority: root.priority
                opacity: root.done ? 0.55 : 1
            }

            IconButton {
                id: menuButton
                objectName: "menuButton"
                Layout.alignment: root.controlsAlignment
                iconName: "more"
                text: qsTr("More actions for “%1”").arg(root.text)
                iconColor: Theme.textMuted
                implicitWidth: 30
                implicitHeight: 30
                onClicked: { root.list.currentIndex = root.index; menu.popup(menuButton, menuButton.width - menu.width, menuButton.height) }
            }
        }
    }

    DayMenu {
        id: menu
        DayMenuItem { text: qsTr("Edit text"); onTriggered: root.startEditing() }
        DayMenuItem { text: root.done ? qsTr("Mark as not done") : qsTr("Mark as done"); onTriggered: root.dayModel.toggleDone(root.todoId) }
        DayMenuItem {
            text: root.status === Todo.InProgress ? qsTr("Clear “in progress”") : qsTr("Mark as in progress")
            onTriggered: root.dayModel.setStatus(root.todoId, root.status === Todo.InProgress ? Todo.NotSet : Todo.InProgress)
        }
        MenuSeparator {}
        DayMenu {
            title: qsTr("Priority")
            DayMenuItem { text: qsTr("↑ High"); checkable: true; checked: root.priority === Todo.High; onTriggered: root.dayModel.setPriority(root.todoId, Todo.High) }
            DayMenuItem { text: qsTr("– Medium"); checkable: true; checked: root.priority === Todo.Medium; onTriggered: root.dayModel.setPriority(root.todoId, Todo.Medium) }
            DayMenuItem { text: qsTr("↓ Low"); checkable: true; checked: root.priority === Todo.Low; onTriggered: root.dayModel.setPriority(root.todoId, Todo.Low) }
        }
        DayMenuItem { text: qsTr("Notes…"); onTriggered: root.openRequested("notes", root.todoId) }
        DayMenuItem { text: qsTr("Reminder…"); onTriggered: root.openRequested("remind", root.todoId) }
        DayMenuItem { objectName: "repeatMenuItem"; text: qsTr("Repeat…"); onTriggered: root.openRequested("repeat", root.todoId) }
        MenuSeparator {}
        DayMenuItem { text: qsTr("Move to tomorrow"); onTriggered: root.moveToDayRequested(root.todoId, App.addDays(root.dayModel.date, 1)) }
        DayMenuItem { text: qsTr("Move to another day…"); onTriggered: root.pickDayRequested(root.todoId) }
        MenuSeparator {}
        DayMenuItem { text: qsTr("Delete"); onTriggered: root.removeRequested(root.todoId) }
    }
}
