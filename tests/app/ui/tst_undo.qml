// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// Undo and redo (Ctrl+Z, Ctrl+Shift+Z) of an add, a text edit, a priority, a status, a delete and
// a move to another day, each step checked on the server; and an undo that keeps what a second
// client changed meanwhile in another field of the same todo (undo is the inverse operation, not
// the todo as it was).
WindowTestCase {
    id: testCase
    name: "Undo"
    firstDay: "2040-03-05"

    // The row's menu (a DayMenu inside the delegate), opened with its button.
    function openRowMenu(window, row) {
        const delegate = window.todoList.itemAtIndex(row)
        const button = findIn(delegate, "menuButton")
        verify(button)
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
    function pickPriority(window, row, label) {
        const priority = menuItem(openRowMenu(window, row), qsTr("Priority"))
        mouseClick(priority)
        tryVerify(() => priority.subMenu.opened, 5000)
        mouseClick(menuItem(priority.subMenu, label))
        tryVerify(() => !priority.subMenu.visible, 5000)
    }
    // The window's date picker, once open, with `isoDate`'s cell clicked.
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
        waitForRendering(window.contentItem)
        const cell = findByName(window, "day_" + isoDate)
        verify(cell, "no day " + isoDate + " in the date picker")
        mouseClick(cell)
        tryVerify(() => !picker.visible, 5000)
    }
    function same(a, b) {
        return JSON.stringify(a) === JSON.stringify(b)
    }
    // Waits until the window shows `expected` (texts, in order), then until the server stores it.
    function shownAndStored(window, expected, day) {
        // Polls like tryVerify, then compares (a failure shows what the window has).
        for (let i = 0; i < 200 && !same(texts(window), expected); ++i)
            wait(50)
        compare(texts(window), expected)
        synced()
        compare(storedTexts(day || window.day), expected)
    }
    function storedField(day, row, field) {
        const todos = stored(day)
        return row < todos.length ? todos[row][field] : "<no todo " + row + ">"
    }
    function fieldIs(window, row, role, value) {
        const current = () => window.dayModel.count > row ? window.dayModel.get(row)[role] : "<no row " + row + ">"
        for (let i = 0; i < 200 && current() !== value; ++i)
            wait(50)
        compare(current(), value, role + " of row " + row)
    }
    function selectRow(window, row) {
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = row
    }

    function test_add() {
        const window = openWindow()
        add(window, "Buy milk")
        shownAndStored(window, ["Buy milk"])
        const id = stored(window.day)[0].id
        // Still in the add field, like after typing a todo.
        verify(window.addField.activeFocus)
        keySequence("Ctrl+Z")
        shownAndStored(window, [])
        keySequence("Ctrl+Shift+Z")
        shownAndStored(window, ["Buy milk"])
        compare(stored(window.day)[0].id, id)
        compare(stored(window.day)[0].priority, "medium")
    }

    function test_text_edit() {
        const window = openWindow()
        add(window, "Draft")
        keyClick(Qt.Key_Down) // the list, the new todo selected
        tryVerify(() => window.todoList.activeFocus)
        keyClick(Qt.Key_F2)
        const editor = findIn(window.todoList.itemAtIndex(0), "editor")
        tryVerify(() => editor.activeFocus)
        keySequence("Ctrl+A")
        typeText("Draft the intro")
        keyClick(Qt.Key_Return)
        shownAndStored(window, ["Draft the intro"])
        keySequence("Ctrl+Z")
        shownAndStored(window, ["Draft"])
        keySequence("Ctrl+Shift+Z")
        shownAndStored(window, ["Draft the intro"])
        keySequence("Ctrl+Z")
        keySequence("Ctrl+Z") // and the add
        shownAndStored(window, [])
    }

    function test_priority() {
        const window = openWindow()
        add(window, "Urgent")
        synced()
        pickPriority(window, 0, "↑ High")
        fieldIs(window, 0, "priority", Todo.High)
        synced()
        compare(storedField(window.day, 0, "priority"), "high")
        keySequence("Ctrl+Z")
        fieldIs(window, 0, "priority", Todo.Medium)
        synced()
        compare(storedField(window.day, 0, "priority"), "medium")
        keySequence("Ctrl+Shift+Z")
        fieldIs(window, 0, "priority", Todo.High)
        synced()
        compare(storedField(window.day, 0, "priority"), "high")
        peerSees(window.day, ["Urgent"])
        tryVerify(() => peer.priorities(window.day)[0] === "high", 10000)
    }

    function test_status() {
        const window = openWindow()
        add(window, "Laundry")
        selectRow(window, 0)
        keySequence("Ctrl+D")
        fieldIs(window, 0, "status", Todo.Done)
        mouseClick(menuItem(openRowMenu(window, 0), qsTr("Mark as in progress")))
        fieldIs(window, 0, "status", Todo.InProgress)
        synced()
        compare(storedField(window.day, 0, "status"), "in progress")
        keySequence("Ctrl+Z")
        fieldIs(window, 0, "status", Todo.Done)
        synced()
        compare(storedField(window.day, 0, "status"), "done")
        keySequence("Ctrl+Z")
        fieldIs(window, 0, "status", Todo.NotSet)
        synced()
        compare(storedField(window.day, 0, "status"), "not set")
        keySequence("Ctrl+Shift+Z")
        fieldIs(window, 0, "status", Todo.Done)
        synced()
        compare(storedField(window.day, 0, "status"), "done")
        keySequence("Ctrl+Shift+Z")
        fieldIs(window, 0, "status", Todo.InProgress)
        synced()
        compare(storedField(window.day, 0, "status"), "in progress")
    }

    function test_delete() {
        const window = openWindow()
        add(window, "first")
        add(window, "middle")
        add(window, "last")
        synced()
        const before = stored(window.day)
        selectRow(window, 1)
        keyClick(Qt.Key_Delete)
        shownAndStored(window, ["first", "last"])
        keySequence("Ctrl+Z")
        shownAndStored(window, ["first", "middle", "last"])
        // The same todo, every field as it was.
        compare(stored(window.day)[1].id, before[1].id)
        compare(stored(window.day)[1].created, before[1].created)
        keySequence("Ctrl+Shift+Z")
        shownAndStored(window, ["first", "last"])
        peerSees(window.day, ["first", "last"])
    }

    function test_move_to_another_day() {
        const window = openWindow()
        const day = window.day
        const target = App.addDays(day, 3)
        add(window, "moves")
        add(window, "stays")
        synced()
        selectRow(window, 0)
        keySequence("Ctrl+M")
        pickInPicker(window, target)
        shownAndStored(window, ["stays"])
        compare(storedTexts(target), ["moves"])
        // Undo: back where it was (first), and gone from the other day.
        keySequence("Ctrl+Z")
        shownAndStored(window, ["moves", "stays"])
        compare(storedTexts(target), [])
        peerSees(target, [])
        keySequence("Ctrl+Shift+Z")
        shownAndStored(window, ["stays"])
        compare(storedTexts(target), ["moves"])
        peerSees(target, ["moves"])
        peerSees(day, ["stays"])
    }

    function test_undo_keeps_a_second_clients_change_of_another_field() {
        const window = openWindow()
        const day = window.day
        add(window, "Draft")
        selectRow(window, 0)
        keyClick(Qt.Key_F2)
        const editor = findIn(window.todoList.itemAtIndex(0), "editor")
        tryVerify(() => editor.activeFocus)
        keySequence("Ctrl+A")
        typeText("Draft v2")
        keyClick(Qt.Key_Return)
        shownAndStored(window, ["Draft v2"])
        const id = window.dayModel.get(0).todoId

        // The second client sets the priority meanwhile.
        verify(peer.submit({ kind: "setPriority", day: day, todoId: id, text: "high", timestamp: Date.now() }))
        fieldIs(window, 0, "priority", Todo.High)
        synced()
        tryVerify(() => storedField(day, 0, "priority") === "high", 10000, "the second client's priority never reached the server")

        // Undoing the text edit sets the old text only: the priority stays.
        keySequence("Ctrl+Z")
        shownAndStored(window, ["Draft"])
        compare(window.dayModel.get(0).priority, Todo.High)
        compare(storedField(day, 0, "priority"), "high")
        peerSees(day, ["Draft"])
        compare(peer.priorities(day), ["high"])
        keySequence("Ctrl+Shift+Z")
        shownAndStored(window, ["Draft v2"])
        compare(storedField(day, 0, "priority"), "high")

        // The other way round: the window marks it done, the second client edits the text, undo.
        selectRow(window, 0)
        keySequence("Ctrl+D")
        fieldIs(window, 0, "status", Todo.Done)
        synced()
        verify(peer.submit({ kind: "setText", day: day, todoId: id, text: "Draft v3", timestamp: Date.now() }))
        tryVerify(() => same(texts(window), ["Draft v3"]), 10000, "the second client's text never arrived")
        synced()
        tryVerify(() => same(storedTexts(day), ["Draft v3"]), 10000)
        keySequence("Ctrl+Z")
        fieldIs(window, 0, "status", Todo.NotSet)
        synced()
        compare(storedField(day, 0, "status"), "not set")
        compare(storedTexts(day), ["Draft v3"])
        compare(storedField(day, 0, "priority"), "high")
        peerSees(day, ["Draft v3"])
    }
}
