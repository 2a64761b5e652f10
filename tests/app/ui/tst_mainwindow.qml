// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// The main window end to end, against the embedded server: add, edit, complete, delete with
// undo, reorder and navigate, through the keyboard and the mouse like a user.
WindowTestCase {
    id: testCase
    name: "MainWindow"
    // Each test gets its own far-away day, so tests never see each other's todos.
    firstDay: "2032-01-05"

    function test_add() {
        const window = openWindow()
        compare(window.todoList.count, 0)
        verify(findIn(window.contentItem, "emptyState").visible)

        add(window, "Buy milk")
        compare(window.todoList.count, 1)
        compare(window.dayModel.get(0).text, "Buy milk")
        compare(window.dayModel.get(0).priority, Todo.Medium)
        compare(window.addField.text, "")
        verify(window.addField.activeFocus)
        verify(!findIn(window.contentItem, "emptyState").visible)

        // The Add button with a chosen priority.
        const priorityBox = findIn(window.contentItem, "priorityBox")
        priorityBox.currentIndex = 0
        window.addField.text = "Call Ana"
        mouseClick(findIn(window.contentItem, "addButton"))
        compare(texts(window), ["Buy milk", "Call Ana"])
        compare(window.dayModel.get(1).priority, Todo.High)

        // Blank text adds nothing.
        add(window, "   ")
        compare(window.todoList.count, 2)
        synced()
        compare(findIn(window.contentItem, "countsText").text, "2 open · 0 done")
        compare(storedTexts(window.day), ["Buy milk", "Call Ana"])
        compare(stored(window.day).map(todo => todo.priority), ["medium", "high"])
        peerSees(window.day, ["Buy milk", "Call Ana"])
    }

    function test_edit_in_place() {
        const window = openWindow()
        add(window, "Draft")
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 0
        keyClick(Qt.Key_F2)
        const row = window.todoList.itemAtIndex(0)
        verify(row.editing)
        const editor = findIn(row, "editor")
        tryVerify(() => editor.activeFocus)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        typeText("Draft the intro")
        keyClick(Qt.Key_Return)
        verify(!row.editing)
        compare(window.dayModel.get(0).text, "Draft the intro")

        // Escape keeps the old text.
        keyClick(Qt.Key_F2)
        typeText(" and more")
        keyClick(Qt.Key_Escape)
        compare(window.dayModel.get(0).text, "Draft the intro")
        synced()
        compare(storedTexts(window.day), ["Draft the intro"])
        peerSees(window.day, ["Draft the intro"])
    }

    function test_complete() {
        const window = openWindow()
        add(window, "One")
        add(window, "Two")
        const row = window.todoList.itemAtIndex(0)
        mouseClick(findIn(row, "statusButton"))
        compare(window.dayModel.get(0).status, Todo.Done)
        compare(window.dayModel.doneCount, 1)
        compare(findIn(window.contentItem, "countsText").text, "1 open · 1 done")

        // Space toggles the selected todo back.
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 0
        keyClick(Qt.Key_Space)
        compare(window.dayModel.get(0).status, Todo.NotSet)

        // Ctrl+D completes; Ctrl+H hides done todos, and shows them again.
        keyClick(Qt.Key_D, Qt.ControlModifier)
        compare(window.dayModel.get(0).done, true)
        const showDone = App.showDone
        if (!showDone)
            App.showDone = true
        keyClick(Qt.Key_H, Qt.ControlModifier)
        compare(App.showDone, false)
        compare(window.todoList.count, 1)
        compare(window.filterModel.idAt(0), window.dayModel.get(1).todoId)
        keyClick(Qt.Key_H, Qt.ControlModifier)
        compare(App.showDone, true)
        compare(window.todoList.count, 2)
        synced()
        compare(stored(window.day).map(todo => todo.status), ["done", "not set"])
    }

    function test_delete_and_undo() {
        const window = openWindow()
        add(window, "first")
        add(window, "middle")
        add(window, "last")
        synced()
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 1
        keyClick(Qt.Key_Delete)
        compare(texts(window), ["first", "last"])

        // An undo toast, not a dialog; its Undo puts the todo back where it was.
        const toasts = window.toasts
        let action = null
        tryVerify(() => (action = findIn(toasts, "toastAction")) !== null && action.visible)
        mouseClick(action)
        compare(texts(window), ["first", "middle", "last"])
        synced()

        // Ctrl+Z does the same.
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 0
        keyClick(Qt.Key_Delete)
        compare(texts(window), ["middle", "last"])
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(texts(window), ["first", "middle", "last"])
        synced()
        compare(storedTexts(window.day), ["first", "middle", "last"])
        peerSees(window.day, ["first", "middle", "last"])
    }

    function test_reorder_by_keyboard() {
        const window = openWindow()
        add(window, "a")
        add(window, "b")
        add(window, "c")
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 2
        keyClick(Qt.Key_Up, Qt.ControlModifier)
        compare(texts(window), ["a", "c", "b"])
        compare(window.todoList.currentIndex, 1)
        keyClick(Qt.Key_Up, Qt.ControlModifier)
        compare(texts(window), ["c", "a", "b"])

        // Dragging the handle of the first row two rows down.
        const handle = findIn(window.todoList.itemAtIndex(0), "dragHandle")
        verify(handle)
        // Coordinates in the list, which stays put while the row moves under the pointer.
        const start = handle.mapToItem(window.todoList, handle.width / 2, handle.height / 2)
        const distance = 2 * Theme.rowHeight + 6
        mousePress(window.todoList, start.x, start.y)
        for (let step = 1; step <= 8; ++step)
            mouseMove(window.todoList, start.x, start.y + distance * step / 8, 10)
        mouseRelease(window.todoList, start.x, start.y + distance)
        tryCompare(window.dayModel, "count", 3)
        compare(texts(window), ["a", "b", "c"])
        synced()
        compare(storedTexts(window.day), ["a", "b", "c"])
        peerSees(window.day, ["a", "b", "c"])
    }

    function test_navigate_days() {
        const window = openWindow()
        const start = window.day
        add(window, "only on the first day")
        keyClick(Qt.Key_Right, Qt.AltModifier)
        compare(window.day, App.addDays(start, 1))
        compare(window.todoList.count, 0)
        mouseClick(findIn(window.contentItem, "nextButton"))
        compare(window.day, App.addDays(start, 2))
        keyClick(Qt.Key_Left, Qt.AltModifier)
        keyClick(Qt.Key_Left, Qt.AltModifier)
        compare(window.day, start)
        compare(window.todoList.count, 1)

        keyClick(Qt.Key_T, Qt.ControlModifier)
        compare(window.day, App.today)
        compare(findIn(window.contentItem, "dayTitle").text, "Today")
        mouseClick(findIn(window.contentItem, "prevButton"))
        compare(findIn(window.contentItem, "dayTitle").text, "Yesterday")
        synced()
        compare(storedTexts(start), ["only on the first day"])
        compare(storedTexts(App.addDays(start, 1)), [])
    }

    function test_carry_over() {
        const window = openWindow()
        window.day = App.addDays(App.today, -3 - dayCounter)
        add(window, "unfinished")
        add(window, "finished")
        window.dayModel.toggleDone(window.dayModel.get(1).todoId)
        const banner = findIn(window.contentItem, "carryBanner")
        verify(banner.visible)
        mouseClick(findIn(banner, "carryButton"))
        compare(texts(window), ["finished"])
        verify(!banner.visible)
        const earlier = window.day
        window.day = App.today
        verify(texts(window).indexOf("unfinished") >= 0)
        synced()
        compare(storedTexts(earlier), ["finished"])
        verify(storedTexts(App.today).indexOf("unfinished") >= 0)
        peerSees(earlier, ["finished"])
    }
}
