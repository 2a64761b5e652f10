// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// The window's commands: Actions (the menus and buttons show them, their shortcuts work anywhere
// in the window) and the verbs behind them, which tell the user what happened in a toast.
QtObject {
    id: root

    required property Window window
    required property string day
    required property DayModel dayModel
    required property TodoList list
    required property TextField addField
    required property ToastArea toasts
    required property DatePicker picker
    required property Popup settings
    required property Popup help

    // The reminder time and repeat dialogs of the list (TodoListPane sets them).
    property var remindDialog: null
    property var repeatDialog: null
    // The picker moves this todo; empty: it goes to the picked day.
    property string pickTarget

    signal goToRequested(string isoDate)

    // The notes whose Undo undoes one step ({ step, key }): undone however, the note goes.
    property var undoNotes: []
    // Earlier days' unfinished todos (today's note and its carry-over).
    readonly property OverdueTodos overdue: OverdueTodos { controller: App; undoStack: root.dayModel.undoStack }

    function noteUndo(text) {
        const step = dayModel.undoStack.lastStep
        undoNotes.push({ step: step, key: toasts.show(text, qsTr("Undo"), () => root.undoStep(step)) })
    }
    function dropNote(step) {
        const i = undoNotes.findIndex(note => note.step === step)
        if (i >= 0)
            toasts.dismiss(undoNotes.splice(i, 1)[0].key)
    }
    function removeTodo(todoId) {
        const row = dayModel.indexOf(todoId)
        if (row < 0)
            return
        const text = dayModel.get(row).text
        if (dayModel.remove(todoId))
            noteUndo(qsTr("Deleted “%1”").arg(text))
    }
    function undoStep(step) {
        dropNote(step)
        dayModel.undoStack.undoStep(step)
    }
    function undo() {
        const step = dayModel.undoStack.lastStep
        if (!dayModel.undoStack.undo()) {
            toasts.show(qsTr("Nothing to undo"))
            return
        }
        dropNote(step)
    }
    function redo() {
        if (!dayModel.undoStack.redo())
            toasts.show(qsTr("Nothing to redo"))
    }
    function carryOverdue() {
        const moved = overdue.carryOver()
        if (moved > 0)
            noteUndo(qsTr("Carried %n todo(s) over to today", "", moved))
    }
    // The note names the todo, read before it leaves this day's rows; its Undo is the move's undo step.
    function moveToDay(todoId, isoDate) {
        const row = dayModel.indexOf(todoId)
        if (row < 0)
            return
        const text = dayModel.get(row).text
        if (dayModel.moveToDay(todoId, isoDate))
            noteUndo(qsTr("Moved “%1” to %2").arg(text).arg(App.dayTitle(isoDate)))
    }
    function carryOver() {
        const moved = dayModel.carryOverUnfinishedTo(App.today)
        if (moved > 0)
            toasts.show(qsTr("Carried %n todo(s) over to today", "", moved),
                        qsTr("Show"), () => root.goToRequested(App.today))
    }
    function pickDayFor(todoId) {
        const row = dayModel.indexOf(todoId)
        if (row < 0)
            return
        picker.title = qsTr("Move to day")
        picker.subject = dayModel.get(row).text
        pickTarget = todoId
        picker.openAt(App.addDays(day, 1))
    }
    function dayPicked(isoDate) {
        if (pickTarget.length > 0)
            moveToDay(pickTarget, isoDate)
        else
            goToRequested(isoDate)
        // After any pick the next thing typed goes into a new todo.
        addField.forceActiveFocus()
    }

    readonly property Action newTodoAction: Action { text: qsTr("New Todo"); shortcut: "Ctrl+N"; onTriggered: root.addField.forceActiveFocus() }
    readonly property Action newWindowAction: Action { text: qsTr("New Window"); shortcut: "Ctrl+Shift+N"; onTriggered: App.newWindow(root.day) }
    readonly property Action closeAction: Action { text: qsTr("Close Window"); shortcut: "Ctrl+W"; onTriggered: root.window.close() }
    readonly property Action settingsAction: Action { text: qsTr("Settings…"); shortcut: "Ctrl+,"; onTriggered: root.settings.open() }
    readonly property Action quitAction: Action { text: qsTr("Quit"); shortcut: "Ctrl+Q"; onTriggered: Qt.quit() }
    readonly property Action undoAction: Action { text: root.dayModel.undoStack.canUndo ? qsTr("Undo %1").arg(root.dayModel.undoStack.undoText) : qsTr("Undo"); enabled: root.dayModel.undoStack.canUndo; shortcut: "Ctrl+Z"; onTriggered: root.undo() }
    readonly property Action redoAction: Action { text: root.dayModel.undoStack.canRedo ? qsTr("Redo %1").arg(root.dayModel.undoStack.redoText) : qsTr("Redo"); enabled: root.dayModel.undoStack.canRedo; shortcut: "Ctrl+Shift+Z"; onTriggered: root.redo() }
    readonly property Action editAction: Action { text: qsTr("Edit Todo"); shortcut: "F2"; enabled: root.list.currentIndex >= 0; onTriggered: root.list.editCurrent() }
    readonly property Action toggleAction: Action { text: qsTr("Toggle Done"); shortcut: "Ctrl+D"; enabled: root.list.currentIndex >= 0; onTriggered: root.dayModel.toggleDone(root.list.currentId()) }
    readonly property Action removeAction: Action { text: qsTr("Delete Todo"); shortcut: "Delete"; enabled: root.list.currentIndex >= 0; onTriggered: root.removeTodo(root.list.currentId()) }
    readonly property Action moveUpAction: Action { text: qsTr("Move Up"); shortcut: "Ctrl+Up"; enabled: root.list.currentIndex > 0; onTriggered: root.list.moveCurrent(-1) }
    readonly property Action moveDownAction: Action { text: qsTr("Move Down"); shortcut: "Ctrl+Down"; enabled: root.list.currentIndex >= 0 && root.list.currentIndex < root.list.count - 1; onTriggered: root.list.moveCurrent(1) }
    readonly property Action moveDayAction: Action { text: qsTr("Move to Another Day…"); shortcut: "Ctrl+M"; enabled: root.list.currentIndex >= 0; onTriggered: root.pickDayFor(root.list.currentId()) }
    readonly property Action remindAction: Action { text: qsTr("Reminder…"); shortcut: "Ctrl+R"; enabled: root.list.currentIndex >= 0 && root.remindDialog !== null; onTriggered: root.remindDialog.openFor(root.list.currentId()) }
    readonly property Action repeatAction: Action { text: qsTr("Repeat…"); shortcut: "Ctrl+Shift+R"; enabled: root.list.currentIndex >= 0 && root.repeatDialog !== null; onTriggered: root.repeatDialog.openFor(root.list.currentId()) }
    readonly property Action carryAction: Action { text: qsTr("Carry Unfinished Over to Today"); enabled: root.day !== App.today && root.dayModel.openCount > 0; onTriggered: root.carryOver() }
    readonly property Action carryOverdueAction: Action { text: qsTr("Carry Over Earlier Todos"); enabled: root.overdue.count > 0; onTriggered: root.carryOverdue() }
    readonly property Action previousDayAction: Action { text: qsTr("Previous Day"); shortcut: "Alt+Left"; onTriggered: root.goToRequested(App.addDays(root.day, -1)) }
    readonly property Action nextDayAction: Action { text: qsTr("Next Day"); shortcut: "Alt+Right"; onTriggered: root.goToRequested(App.addDays(root.day, 1)) }
    readonly property Action todayAction: Action { text: qsTr("Today"); shortcut: "Ctrl+T"; onTriggered: root.goToRequested(App.today) }
    readonly property Action goToDayAction: Action {
        text: qsTr("Go to Day…")
        shortcut: "Ctrl+G"
        onTriggered: { root.picker.title = qsTr("Go to day"); root.picker.subject = ""; root.pickTarget = ""; root.picker.openAt(root.day) }
    }
    readonly property Action showDoneAction: Action { text: qsTr("Show Done Todos"); checkable: true; checked: App.showDone; shortcut: "Ctrl+H"; onTriggered: root.list.keepingSelection(() => App.showDone = !App.showDone) }
    readonly property Action helpAction: Action { text: qsTr("Keyboard Shortcuts"); shortcut: "F1"; onTriggered: root.help.open() }
}
