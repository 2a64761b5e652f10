// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// The main window end to end, against the embedded server: add, edit, complete, delete with
// undo, reorder and navigate, through the keyboard and the mouse like a user.
TestCase {
    id: testCase
    name: "MainWindow"
    when: windowShown

    property int dayCounter: 0

    Component {
        id: mainComponent
        Main {}
    }

    function findByName(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findByName(kids[i], name)
            if (found)
                return found
        }
        return null
    }

    // Each test gets its own far-away day, so tests never see each other's todos.
    function openWindow() {
        const day = App.addDays("2032-01-05", 10 * dayCounter++)
        const window = createTemporaryObject(mainComponent, testCase, { day: day })
        verify(window)
        window.show()
        window.requestActivate()
        tryVerify(() => window.active, 5000)
        waitForRendering(window.contentItem)
        return window
    }
    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    function addByKeyboard(window, text) {
        window.addField.forceActiveFocus()
        typeText(text)
        keyClick(Qt.Key_Return)
    }
    function texts(window) {
        const result = []
        for (let i = 0; i < window.dayModel.count; ++i)
            result.push(window.dayModel.get(i).text)
        return result
    }
    function synced() {
        tryCompare(App, "pendingCount", 0, 20000)
    }

    function test_add() {
        const window = openWindow()
        compare(window.todoList.count, 0)
        verify(findByName(window.contentItem, "emptyState").visible)

        addByKeyboard(window, "Buy milk")
        compare(window.todoList.count, 1)
        compare(window.dayModel.get(0).text, "Buy milk")
        compare(window.dayModel.get(0).priority, Todo.Medium)
        compare(window.addField.text, "")
        verify(window.addField.activeFocus)
        verify(!findByName(window.contentItem, "emptyState").visible)

        // The Add button with a chosen priority.
        const priorityBox = findByName(window.contentItem, "priorityBox")
        priorityBox.currentIndex = 0
        window.addField.text = "Call Ana"
        mouseClick(findByName(window.contentItem, "addButton"))
        compare(texts(window), ["Buy milk", "Call Ana"])
        compare(window.dayModel.get(1).priority, Todo.High)

        // Blank text adds nothing.
        addByKeyboard(window, "   ")
        compare(window.todoList.count, 2)
        synced()
        compare(findByName(window.contentItem, "countsText").text, "2 open · 0 done")
    }

    function test_edit_in_place() {
        const window = openWindow()
        addByKeyboard(window, "Draft")
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 0
        keyClick(Qt.Key_F2)
        const row = window.todoList.itemAtIndex(0)
        verify(row.editing)
        const editor = findByName(row, "editor")
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
    }

    function test_complete() {
        const window = openWindow()
        addByKeyboard(window, "One")
        addByKeyboard(window, "Two")
        const row = window.todoList.itemAtIndex(0)
        mouseClick(findByName(row, "statusButton"))
        compare(window.dayModel.get(0).status, Todo.Done)
        compare(window.dayModel.doneCount, 1)
        compare(findByName(window.contentItem, "countsText").text, "1 open · 1 done")

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
    }

    function test_delete_and_undo() {
        const window = openWindow()
        addByKeyboard(window, "first")
        addByKeyboard(window, "middle")
        addByKeyboard(window, "last")
        synced()
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 1
        keyClick(Qt.Key_Delete)
        compare(texts(window), ["first", "last"])

        // An undo toast, not a dialog; its Undo puts the todo back where it was.
        const toasts = window.toasts
        let action = null
        tryVerify(() => (action = findByName(toasts, "toastAction")) !== null && action.visible)
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
    }

    function test_reorder_by_keyboard() {
        const window = openWindow()
        addByKeyboard(window, "a")
        addByKeyboard(window, "b")
        addByKeyboard(window, "c")
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 2
        keyClick(Qt.Key_Up, Qt.ControlModifier)
        compare(texts(window), ["a", "c", "b"])
        compare(window.todoList.currentIndex, 1)
        keyClick(Qt.Key_Up, Qt.ControlModifier)
        compare(texts(window), ["c", "a", "b"])

        // Dragging the handle of the first row two rows down.
        const handle = findByName(window.todoList.itemAtIndex(0), "dragHandle")
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
    }

    function test_navigate_days() {
        const window = openWindow()
        const start = window.day
        addByKeyboard(window, "only on the first day")
        keyClick(Qt.Key_Right, Qt.AltModifier)
        compare(window.day, App.addDays(start, 1))
        compare(window.todoList.count, 0)
        mouseClick(findByName(window.contentItem, "nextButton"))
        compare(window.day, App.addDays(start, 2))
        keyClick(Qt.Key_Left, Qt.AltModifier)
        keyClick(Qt.Key_Left, Qt.AltModifier)
        compare(window.day, start)
        compare(window.todoList.count, 1)

        keyClick(Qt.Key_T, Qt.ControlModifier)
        compare(window.day, App.today)
        compare(findByName(window.contentItem, "dayTitle").text, "Today")
        mouseClick(findByName(window.contentItem, "prevButton"))
        compare(findByName(window.contentItem, "dayTitle").text, "Yesterday")
        synced()
    }

    function test_carry_over() {
        const window = openWindow()
        window.day = App.addDays(App.today, -3 - dayCounter)
        addByKeyboard(window, "unfinished")
        addByKeyboard(window, "finished")
        window.dayModel.toggleDone(window.dayModel.get(1).todoId)
        const banner = findByName(window.contentItem, "carryBanner")
        verify(banner.visible)
        mouseClick(findByName(banner, "carryButton"))
        compare(texts(window), ["finished"])
        verify(!banner.visible)
        window.day = App.today
        verify(texts(window).indexOf("unfinished") >= 0)
        synced()
    }
}
