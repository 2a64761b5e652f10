// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// The window's commands for notes and the sort view (the menus and the F1 sheet show them).
// Notes: Ctrl+E opens the selected todo's notes beside the list, ready to type. Sort: a view
// option of every window, remembered (App.daySort); the stored order is never rewritten, and
// reordering by drag or Ctrl+↑/↓ waits until "Your Order" is back.
QtObject {
    id: root

    required property TodoList list
    required property TodoFilterModel filterModel
    required property NotesPanel notesPanel
    required property ToastArea toasts

    function openNotes(todoId) {
        if (todoId.length === 0)
            return
        notesPanel.todoId = todoId
        notesPanel.edit()
    }
    function closeNotes() {
        notesPanel.save()
        notesPanel.todoId = ""
        list.forceActiveFocus()
    }
    function sortBy(mode) {
        list.keepingSelection(() => App.daySort = mode)
    }
    // Reordering while sorted would move rows the user does not see in that order.
    function explainSorted() {
        toasts.show(qsTr("Sorted by %1: choose View → Sort → Your Order to reorder")
                    .arg(filterModel.sortMode === TodoFilterModel.ByPriority ? qsTr("priority") : qsTr("status")))
    }

    readonly property Action notesAction: Action {
        text: qsTr("Notes…")
        shortcut: "Ctrl+E"
        enabled: root.list.currentIndex >= 0
        onTriggered: root.openNotes(root.list.currentId())
    }
    readonly property Action sortOrderAction: Action {
        text: qsTr("Your Order"); shortcut: "Ctrl+Alt+1"; checkable: true
        checked: App.daySort === TodoFilterModel.StoredOrder
        onTriggered: root.sortBy(TodoFilterModel.StoredOrder)
    }
    readonly property Action sortPriorityAction: Action {
        text: qsTr("By Priority"); shortcut: "Ctrl+Alt+2"; checkable: true
        checked: App.daySort === TodoFilterModel.ByPriority
        onTriggered: root.sortBy(TodoFilterModel.ByPriority)
    }
    readonly property Action sortStatusAction: Action {
        text: qsTr("By Status"); shortcut: "Ctrl+Alt+3"; checkable: true
        checked: App.daySort === TodoFilterModel.ByStatus
        onTriggered: root.sortBy(TodoFilterModel.ByStatus)
    }
}
