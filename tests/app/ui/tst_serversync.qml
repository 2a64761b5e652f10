// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// What the main window's interactions store on the server. After an add, a drag, a delete and
// its undo, the row menu (priority, move to tomorrow, move to a picked day), the week strip and
// the date picker, the day is read back from the server itself over its REST API
// (GET /record/todos-YYYYMMDD with the embedded server's key), not from the window's model, and
// checked in a second client's view of the server (PeerSession, live through the monitor).
WindowTestCase {
    id: testCase
    name: "ServerSync"
    // Far-away days of their own, apart from the other files'.
    firstDay: "2036-03-02"

    // The row's menu (a DayMenu inside the delegate), opened with its button.
    function openRowMenu(window, row) {
        const button = findWhere(window.todoList.itemAtIndex(row), item => item.objectName === "menuButton")
        verify(button)
        const delegate = window.todoList.itemAtIndex(row)
        let menu = null
        for (let i = 0; i < delegate.data.length && !menu; ++i) {
            const candidate = delegate.data[i]
            if (candidate && typeof candidate.itemAt === "function" && typeof candidate.popup === "function")
                menu = candidate
        }
        verify(menu, "no menu in the row")
        mouseClick(button)
        tryVerify(() => menu.opened, 5000)
        return menu
    }
    function menuItem(menu, text) {
        for (let i = 0; i < menu.count; ++i) {
            const item = menu.itemAt(i)
            if (item && item.text === text)
                return item
        }
        fail("no menu item " + text)
    }
    // Waits until the window's date picker has opened (its enter transition moves the cells),
    // then clicks the day.
    function pickInPicker(window, isoDate) {
        let picker = null
        for (const list of [window.data, window.contentData, window.contentItem.data]) {
            for (let i = 0; list && i < list.length && !picker; ++i) {
                if (list[i] && typeof list[i].openAt === "function")
                    picker = list[i]
            }
        }
        verify(picker, "no date picker in the window")
        tryVerify(() => picker.opened, 5000)
        // The month's cells are bound after the picker opens: click once they show the month.
        waitForRendering(window.contentItem)
        const cell = findByName(window, "day_" + isoDate)
        verify(cell, "no day " + isoDate + " in the date picker")
        compare(cell.date, isoDate)
        mouseClick(cell)
    }

    function test_add_is_stored() {
        const window = openWindow()
        add(window, "Buy milk")
        findByName(window, "priorityBox").currentIndex = 0
        window.addField.text = "Call Ana"
        mouseClick(findByName(window, "addButton"))
        synced()
        const todos = stored(window.day)
        compare(todos.map(todo => todo.text), ["Buy milk", "Call Ana"])
        compare(todos.map(todo => todo.priority), ["medium", "high"])
        compare(todos[0].id, window.dayModel.get(0).todoId)
        peerSees(window.day, ["Buy milk", "Call Ana"])
        compare(peer.priorities(window.day), ["medium", "high"])
    }

    function test_drag_is_stored() {
        const window = openWindow()
        add(window, "a")
        add(window, "b")
        add(window, "c")
        synced()
        // The first row's handle dragged two rows down.
        const handle = findWhere(window.todoList.itemAtIndex(0), item => item.objectName === "dragHandle")
        verify(handle)
        const start = handle.mapToItem(window.todoList, handle.width / 2, handle.height / 2)
        const distance = 2 * Theme.rowHeight + 6
        mousePress(window.todoList, start.x, start.y)
        for (let step = 1; step <= 8; ++step)
            mouseMove(window.todoList, start.x, start.y + distance * step / 8, 10)
        mouseRelease(window.todoList, start.x, start.y + distance)
        synced()
        compare(storedTexts(window.day), ["b", "c", "a"])
        peerSees(window.day, ["b", "c", "a"])
    }

    function test_delete_and_undo_are_stored() {
        const window = openWindow()
        add(window, "first")
        add(window, "middle")
        add(window, "last")
        synced()
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 1
        keyClick(Qt.Key_Delete)
        synced()
        compare(storedTexts(window.day), ["first", "last"])
        peerSees(window.day, ["first", "last"])
        let action = null
        tryVerify(() => (action = findByName(window, "toastAction")) !== null && action.visible)
        mouseClick(action)
        synced()
        compare(storedTexts(window.day), ["first", "middle", "last"])
        peerSees(window.day, ["first", "middle", "last"])
    }

    function test_row_menu_priority_is_stored() {
        const window = openWindow()
        add(window, "urgent now")
        synced()
        compare(stored(window.day)[0].priority, "medium")
        const menu = openRowMenu(window, 0)
        const priority = menuItem(menu, qsTr("Priority"))
        mouseClick(priority)
        tryVerify(() => priority.subMenu.opened, 5000)
        mouseClick(menuItem(priority.subMenu, "↑ High"))
        synced()
        compare(stored(window.day)[0].priority, "high")
        peerSees(window.day, ["urgent now"])
        tryVerify(() => peer.priorities(window.day)[0] === "high", 10000)
    }

    function test_row_menu_move_to_tomorrow_is_stored() {
        const window = openWindow()
        const day = window.day
        add(window, "stays")
        add(window, "moves")
        synced()
        mouseClick(menuItem(openRowMenu(window, 1), qsTr("Move to tomorrow")))
        synced()
        compare(storedTexts(day), ["stays"])
        compare(storedTexts(App.addDays(day, 1)), ["moves"])
        peerSees(day, ["stays"])
        peerSees(App.addDays(day, 1), ["moves"])
    }

    function test_row_menu_move_to_picked_day_is_stored() {
        const window = openWindow()
        const day = window.day
        const target = App.addDays(day, 3)
        add(window, "picked")
        synced()
        mouseClick(menuItem(openRowMenu(window, 0), qsTr("Move to another day…")))
        pickInPicker(window, target)
        synced()
        compare(storedTexts(day), [])
        compare(storedTexts(target), ["picked"])
        peerSees(day, [])
        peerSees(target, ["picked"])
    }

    function test_week_strip_goes_to_the_day_and_counts_what_is_stored() {
        const window = openWindow()
        const day = window.day
        const cellFor = date => findWhere(window.contentItem, item => item.dayName !== undefined && item.date === date)
        // Another day of the shown week (the strip is the week around the day).
        const other = findWhere(window.contentItem, item => item.dayName !== undefined && item.date !== day)
        verify(other)
        const next = other.date
        mouseClick(other)
        compare(window.day, next)
        add(window, "on the next day")
        synced()
        compare(storedTexts(next), ["on the next day"])
        compare(storedTexts(day), [])
        peerSees(next, ["on the next day"])
        tryCompare(cellFor(next), "openCount", 1)
        compare(cellFor(day).openCount, 0)
    }

    function test_date_picker_goes_to_the_picked_day() {
        const window = openWindow()
        const target = App.addDays(window.day, 5)
        keyClick(Qt.Key_G, Qt.ControlModifier)
        pickInPicker(window, target)
        compare(window.day, target)
        add(window, "picked day")
        synced()
        compare(storedTexts(target), ["picked day"])
        peerSees(target, ["picked day"])
    }
}
