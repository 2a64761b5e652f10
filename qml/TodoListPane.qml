// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Dayboard

// The day's list on its card: the add bar, the carry-over banner of a past day, the todos, and
// what an empty list says.
Rectangle {
    id: root

    required property string day
    required property bool isPast
    required property DayModel dayModel
    required property TodoFilterModel filterModel
    required property WindowActions actions

    readonly property alias todoList: list
    readonly property alias addField: addBar.field

    // A row's menu asks for the todo's notes (the window has the notes panel).
    signal notesRequested(string todoId)

    function addTodo(text, priority, isoDate, remind) {
        const elsewhere = isoDate.length > 0 && isoDate !== root.day
        if (dayModel.add(text, priority, isoDate, remind).length > 0) {
            addBar.field.clear()
            if (elsewhere) {
                root.actions.toasts.show(qsTr("Added “%1” to %2").arg(text).arg(App.longDate(isoDate)))
            } else {
                list.currentIndex = list.count - 1
                list.positionViewAtEnd()
            }
        }
        addBar.field.forceActiveFocus()
    }

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingS
        spacing: 0

        AddTodoBar {
            id: addBar
            Layout.fillWidth: true
            Layout.margins: Theme.spacingS
            day: root.day
            onSubmitted: (text, priority, isoDate, remind) => root.addTodo(text, priority, isoDate, remind)
            onDownPressed: list.forceActiveFocus()
            onUndoRequested: root.actions.undoAction.trigger()
            onRedoRequested: root.actions.redoAction.trigger()
        }

        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }

        CarryBanner {
            visible: root.isPast && root.dayModel.openCount > 0
            Layout.fillWidth: true
            Layout.margins: Theme.spacingS
            openCount: root.dayModel.openCount
            onCarryRequested: root.actions.carryOver()
        }
        // Today: the unfinished todos of earlier days (OverdueTodos), carried over in one step.
        CarryBanner {
            objectName: "overdueBanner"
            buttonName: "overdueButton"
            visible: root.day === App.today && root.actions.overdue.count > 0
            Layout.fillWidth: true
            Layout.margins: Theme.spacingS
            openCount: root.actions.overdue.count
            message: qsTr("%n unfinished todo(s) from earlier days", "", openCount)
            onCarryRequested: root.actions.carryOverdue()
        }

        TodoList {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacingXs
            filterModel: root.filterModel
            Accessible.name: qsTr("Todos for %1").arg(App.longDate(root.day))
            Keys.onSpacePressed: root.actions.toggleAction.trigger()

            // The delegate is its own context: unqualified names there are the row's own properties.
            delegate: TodoDelegate {
                list: root.todoList
                dayModel: root.dayModel
                filterModel: root.filterModel
                onRemoveRequested: (todoId) => root.actions.removeTodo(todoId)
                onMoveToDayRequested: (todoId, isoDate) => root.actions.moveToDay(todoId, isoDate)
                onPickDayRequested: (todoId) => root.actions.pickDayFor(todoId)
                onOpenRequested: (what, todoId) => what === "notes" ? root.notesRequested(todoId)
                                                 : what === "remind" ? remindDialog.openFor(todoId) : repeatDialog.openFor(todoId)
            }
        }
    }

    RemindDialog {
        id: remindDialog
        dayModel: root.dayModel
        Component.onCompleted: root.actions.remindDialog = remindDialog
        onClosed: list.forceActiveFocus()
    }
    RepeatDialog {
        id: repeatDialog
        day: root.day
        Component.onCompleted: root.actions.repeatDialog = repeatDialog
        onClosed: list.forceActiveFocus()
    }
    EmptyState {
        anchors.centerIn: parent
        anchors.verticalCenterOffset: 24
        width: parent.width - 2 * Theme.spacingXl
        visible: list.count === 0
        dayModel: root.dayModel
    }
}
