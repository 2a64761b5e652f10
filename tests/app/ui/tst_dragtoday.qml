// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// Drag to a day of the week strip, through the mouse like a user, checked on the server itself
// (REST) and in a second client's view; Escape cancels a drag.
WindowTestCase {
    id: testCase
    name: "DragToDay"
    // Far-away days of their own, apart from the other files'.
    firstDay: "2037-06-03"

    // Another day of the window's week strip (the next one when it is in the week, else the previous).
    function otherDayCell(window) {
        for (const delta of [1, -1]) {
            const cell = findIn(window.contentItem, "weekDay_" + App.addDays(window.day, delta))
            if (cell)
                return cell
        }
        fail("no other day in the week strip")
    }
    // Presses row `row`'s handle and moves, in steps, to the middle of `cell`; returns the end point.
    function dragRowTo(window, row, cell) {
        const handle = findIn(window.todoList.itemAtIndex(row), "dragHandle")
        verify(handle)
        const start = handle.mapToItem(window.contentItem, handle.width / 2, handle.height / 2)
        const end = cell.mapToItem(window.contentItem, cell.width / 2, cell.height / 2)
        mousePress(window.contentItem, start.x, start.y)
        for (let step = 1; step <= 12; ++step)
            mouseMove(window.contentItem, start.x + (end.x - start.x) * step / 12, start.y + (end.y - start.y) * step / 12, 10)
        return end
    }

    function test_drag_to_a_day_of_the_week_strip() {
        const window = openWindow()
        add(window, "a")
        add(window, "b")
        synced()
        const cell = otherDayCell(window)
        const end = dragRowTo(window, 0, cell)
        // Mid-drag: the target day highlights, a copy follows the pointer, the row is still there.
        tryVerify(() => cell.dropTarget)
        verify(findByName(window, "dragCopy").visible)
        compare(texts(window), ["a", "b"])
        mouseRelease(window.contentItem, end.x, end.y)
        // The drop moves the todo once the drag is over (a queued call): wait for the row to go.
        tryVerify(() => JSON.stringify(texts(window)) === '["b"]', 10000)
        synced()
        compare(storedTexts(window.day), ["b"])
        compare(storedTexts(cell.date), ["a"])
        peerSees(cell.date, ["a"])
        verify(!cell.dropTarget)
    }

    function test_escape_cancels_a_drag() {
        const window = openWindow()
        add(window, "stays")
        synced()
        const cell = otherDayCell(window)
        const end = dragRowTo(window, 0, cell)
        // Mid-drag: the target day highlights, a copy follows the pointer, the row is still there.
        tryVerify(() => cell.dropTarget)
        verify(findByName(window, "dragCopy").visible)
        compare(texts(window), ["stays"])
        keyClick(Qt.Key_Escape)
        mouseRelease(window.contentItem, end.x, end.y)
        synced()
        compare(texts(window), ["stays"])
        compare(storedTexts(window.day), ["stays"])
        compare(storedTexts(cell.date), [])
        verify(!findByName(window, "dragCopy").visible)
    }
}
