// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// Unfinished todos of earlier days (another client's, written to the server over REST): today
// says how many ("from earlier days", OverdueTodos; an occurrence of a repeating todo is not
// counted), its button carries them to the end of today's list and off their days, Ctrl+Z puts
// them back in one step and Ctrl+Shift+Z carries them again, each checked on the server.
WindowTestCase {
    id: testCase
    name: "Overdue"
    firstDay: "2039-08-01"

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
    function todo(id, text, status, series) {
        const t = { id: id, text: text, priority: "medium", status: status, created: 1 }
        if (series)
            t.series = series
        return t
    }
    function ids(todos) {
        return todos.map(t => t.id)
    }
    function modelIds(window) {
        const result = []
        for (let i = 0; i < window.dayModel.count; ++i)
            result.push(window.dayModel.get(i).todoId)
        return result
    }
    function same(a, b) {
        return JSON.stringify(a) === JSON.stringify(b)
    }

    function test_earlier_days_are_counted_carried_over_and_undone() {
        const today = App.today
        const twoDaysAgo = App.addDays(today, -2)
        const yesterday = App.addDays(today, -1)
        const stamp = Date.now()
        const id = name => "overdue_" + name + "_" + stamp
        // Two days ago: open, done, and an occurrence of a repeating todo (not counted, not moved).
        const older = [todo(id("open"), "Renew passport", ""), todo(id("done"), "Water plants", "done"),
                       todo(id("series"), "Daily standup", "", "series_" + stamp)]
        // Yesterday: in progress and open.
        const newer = [todo(id("progress"), "Write report", "in progress"), todo(id("later"), "Call the bank", "")]
        storeDay(twoDaysAgo, older)
        storeDay(yesterday, newer)
        const carried = [id("open"), id("progress"), id("later")]

        const window = openWindow()
        window.day = today
        tryCompare(window.dayModel, "loading", false, 10000)
        const todayBefore = ids(stored(today))
        tryVerify(() => same(modelIds(window), todayBefore), 10000, "today's list never loaded")

        // The note on today: 3 (the series' occurrence and the done one are not counted).
        const banner = findIn(window.contentItem, "overdueBanner")
        verify(banner)
        tryVerify(() => banner.visible, 10000, "no note of earlier days' todos on today")
        tryCompare(window.actions.overdue, "count", 3, 10000)
        compare(window.actions.overdue.dayCount, 2)
        compare(banner.message, "3 unfinished todos from earlier days")
        // The note is only on today.
        verify(!findIn(window.contentItem, "carryBanner").visible)

        // Carry over: to the end of today's list, oldest day first, each day in its order.
        mouseClick(findIn(banner, "overdueButton"))
        tryVerify(() => same(modelIds(window), todayBefore.concat(carried)), 10000,
                  "today's list never got the carried todos: " + modelIds(window))
        tryVerify(() => !banner.visible)
        compare(window.actions.overdue.count, 0)
        synced()
        compare(ids(stored(today)), todayBefore.concat(carried))
        compare(ids(stored(twoDaysAgo)), [id("done"), id("series")])
        compare(ids(stored(yesterday)), [])
        const moved = stored(today).filter(t => carried.indexOf(t.id) >= 0)
        compare(moved.map(t => t.text), ["Renew passport", "Write report", "Call the bank"])
        compare(moved.map(t => t.status), ["", "in progress", ""])
        peerSees(yesterday, [])
        peerSees(twoDaysAgo, ["Water plants", "Daily standup"])

        // Ctrl+Z: one step puts every one back where it was; nothing older is left to undo.
        keySequence("Ctrl+Z")
        tryVerify(() => same(modelIds(window), todayBefore), 10000, "the undo left " + modelIds(window))
        verify(!window.dayModel.undoStack.canUndo)
        synced()
        compare(ids(stored(today)), todayBefore)
        compare(ids(stored(twoDaysAgo)), ids(older))
        compare(ids(stored(yesterday)), ids(newer))
        peerSees(yesterday, ["Write report", "Call the bank"])
        tryVerify(() => banner.visible)
        tryCompare(window.actions.overdue, "count", 3, 10000)

        // Ctrl+Shift+Z carries them over again.
        keySequence("Ctrl+Shift+Z")
        tryVerify(() => same(modelIds(window), todayBefore.concat(carried)), 10000, "the redo left " + modelIds(window))
        synced()
        compare(ids(stored(today)), todayBefore.concat(carried))
        compare(ids(stored(twoDaysAgo)), [id("done"), id("series")])
        compare(ids(stored(yesterday)), [])
        tryVerify(() => !banner.visible)
    }
}
