// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// View → Sort (Ctrl+Alt+1/2/3): by priority and by status change the order the window shows, not
// the order the server stores; Your Order shows the stored order again. While sorted, Ctrl+↑/↓
// and dragging a row leave the stored order alone and a note says why.
WindowTestCase {
    id: testCase
    name: "Sort"
    firstDay: "2039-05-02"

    // The sort mode is remembered by the app: every test leaves it as the others expect it.
    function cleanup() {
        App.daySort = TodoFilterModel.StoredOrder
    }

    function storeDay(day, todos) {
        let status = 0
        const request = new XMLHttpRequest()
        request.onreadystatechange = () => {
            if (request.readyState === XMLHttpRequest.DONE)
                status = request.status
        }
        request.open("POST", App.embeddedUrl.replace(/\/$/, "") + "/record")
        request.setRequestHeader("x-api-key", App.embeddedKey)
        request.setRequestHeader("Content-Type", "application/json")
        request.send(JSON.stringify({ key: "todos-" + day.replace(/-/g, ""), value: JSON.stringify(todos) }))
        tryVerify(() => status !== 0, 10000)
        compare(status, 200)
    }
    function todo(id, priority, status) {
        return { id: id, text: id, priority: priority, status: status, created: 1 }
    }
    // The texts in the order the window's list shows them.
    function shown(window) {
        const result = []
        for (let row = 0; row < window.todoList.count; ++row)
            result.push(window.todoList.itemAtIndex(row) ? window.todoList.itemAtIndex(row).text : "<no row>")
        return result
    }
    function toastTexts(window) {
        return findAllIn(window.toasts, "toastText").map(text => text.text)
    }
    function dismissToasts(window) {
        for (const toast of findAllIn(window.toasts, "toast"))
            window.toasts.dismiss(toast.key)
        tryVerify(() => toastTexts(window).length === 0)
    }
    // Opens a window on a day that the server holds as a, b, c, d, e (in that order).
    function openSortedDay() {
        App.daySort = TodoFilterModel.StoredOrder
        App.showDone = true
        const day = App.addDays(firstDay, 10 * dayCounter)
        storeDay(day, [todo("a", "low", ""), todo("b", "high", "done"), todo("c", "medium", "in progress"),
                       todo("d", "high", ""), todo("e", "low", "in progress")])
        const window = openWindow()
        compare(window.day, day)
        tryCompare(window.todoList, "count", 5, 10000)
        waitForRendering(window.todoList)
        compare(shown(window), ["a", "b", "c", "d", "e"])
        return window
    }

    function test_sorting_changes_the_view_not_the_stored_order() {
        const window = openSortedDay()
        const day = window.day
        const storedOrder = ["a", "b", "c", "d", "e"]
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 3 // "d"

        // By priority: high, medium, low; equal ones in the stored order. The selection stays on "d".
        keySequence("Ctrl+Alt+2")
        compare(App.daySort, TodoFilterModel.ByPriority)
        verify(window.filterModel.sorted)
        tryVerify(() => JSON.stringify(shown(window)) === JSON.stringify(["b", "d", "c", "a", "e"]), 5000,
                  "not shown by priority: " + shown(window))
        compare(window.todoList.currentId(), "d")
        compare(texts(window), storedOrder)
        synced()
        compare(storedTexts(day), storedOrder)

        // By status: in progress, not set, done.
        keySequence("Ctrl+Alt+3")
        compare(App.daySort, TodoFilterModel.ByStatus)
        tryVerify(() => JSON.stringify(shown(window)) === JSON.stringify(["c", "e", "a", "d", "b"]), 5000,
                  "not shown by status: " + shown(window))
        synced()
        compare(storedTexts(day), storedOrder)

        // A second client keeps the stored order too.
        peerSees(day, storedOrder)

        // Your Order: the stored order again.
        keySequence("Ctrl+Alt+1")
        compare(App.daySort, TodoFilterModel.StoredOrder)
        verify(!window.filterModel.sorted)
        tryVerify(() => JSON.stringify(shown(window)) === JSON.stringify(storedOrder), 5000,
                  "not shown in the stored order: " + shown(window))
        compare(window.todoList.currentId(), "d")
        compare(storedTexts(day), storedOrder)
    }

    function test_reordering_while_sorted_keeps_the_stored_order() {
        const window = openSortedDay()
        const day = window.day
        const storedOrder = ["a", "b", "c", "d", "e"]
        const byPriority = ["b", "d", "c", "a", "e"]
        keySequence("Ctrl+Alt+2")
        tryVerify(() => JSON.stringify(shown(window)) === JSON.stringify(byPriority), 5000)

        // Ctrl+↑ on "c" (shown third): nothing moves, a note says why.
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 2
        compare(window.todoList.currentId(), "c")
        keySequence("Ctrl+Up")
        compare(texts(window), storedOrder)
        synced()
        compare(storedTexts(day), storedOrder)
        compare(shown(window), byPriority)
        compare(window.todoList.currentId(), "c")
        const note = "Sorted by priority: choose View → Sort → Your Order to reorder"
        tryVerify(() => toastTexts(window).indexOf(note) >= 0, 5000, "no note: " + toastTexts(window))
        keySequence("Ctrl+Down")
        compare(texts(window), storedOrder)
        synced()
        compare(storedTexts(day), storedOrder)
        compare(shown(window), byPriority)

        // Dragging the first row ("b") two rows down: nothing moves either, the note again.
        dismissToasts(window)
        const handle = findIn(window.todoList.itemAtIndex(0), "dragHandle")
        verify(handle)
        const start = handle.mapToItem(window.todoList, handle.width / 2, handle.height / 2)
        const distance = 2 * Theme.rowHeight + 6
        mousePress(window.todoList, start.x, start.y)
        for (let step = 1; step <= 8; ++step)
            mouseMove(window.todoList, start.x, start.y + distance * step / 8, 10)
        tryVerify(() => handle.active, 5000, "the drag never started")
        mouseRelease(window.todoList, start.x, start.y + distance)
        tryVerify(() => !handle.active)
        compare(texts(window), storedOrder)
        synced()
        compare(storedTexts(day), storedOrder)
        compare(shown(window), byPriority)
        tryVerify(() => toastTexts(window).indexOf(note) >= 0, 5000, "no note after the drag: " + toastTexts(window))
        peerSees(day, storedOrder)

        // Back in Your Order, Ctrl+↑ moves again (and is stored).
        keySequence("Ctrl+Alt+1")
        tryVerify(() => JSON.stringify(shown(window)) === JSON.stringify(storedOrder), 5000)
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 2
        keySequence("Ctrl+Up")
        tryVerify(() => JSON.stringify(texts(window)) === JSON.stringify(["a", "c", "b", "d", "e"]), 5000)
        synced()
        compare(storedTexts(day), ["a", "c", "b", "d", "e"])
    }
}
