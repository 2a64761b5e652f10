// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// Repeating todos through the window (docs/user-guide.md, "Repeating todos"): the Repeat dialog
// (Ctrl+Shift+R and the row menu) makes a todo repeat every weekday, changes it to weekly with a
// new text from its day on ("all future") and stops it; each step is checked on the server (the
// series key and the occurrences of the next days), in a second client and in the row's repeat
// sign. The notes and reminder signs follow the todo's notes and reminder.
WindowTestCase {
    id: testCase
    name: "Repeat"
    firstDay: "2039-03-07"

    function compact(day) {
        return day.replace(/-/g, "")
    }
    function isoWeekDay(day) {
        const js = new Date(day + "T12:00:00").getDay()
        return js === 0 ? 7 : js
    }
    function nextWeekday(day) {
        let next = App.addDays(day, 1)
        while (isoWeekDay(next) > 5)
            next = App.addDays(next, 1)
        return next
    }
    function storedTodo(day, id) {
        return stored(day).find(todo => todo.id === id) || null
    }
    function peerHas(day, text) {
        peer.watch(day)
        tryVerify(() => peer.texts(day).indexOf(text) >= 0, 10000,
                  "the second client never showed “" + text + "” on " + day)
    }
    function peerLacks(day, text) {
        peer.watch(day)
        tryVerify(() => { const texts = peer.texts(day); return texts.indexOf("<not loaded>") < 0 && texts.indexOf(text) < 0 },
                  10000, "the second client still showed “" + text + "” on " + day)
    }
    // The window on `day` with one new todo, selected; returns its id.
    function addSelected(window, day, text) {
        window.day = day
        peer.watch(day)
        tryCompare(window.dayModel, "loading", false, 10000)
        add(window, text)
        tryVerify(() => idOf(window, text).length > 0, 5000)
        const id = idOf(window, text)
        window.todoList.currentIndex = window.filterModel.rowOf(id)
        window.todoList.forceActiveFocus()
        return id
    }
    function idOf(window, text) {
        for (let i = 0; i < window.dayModel.count; ++i) {
            if (window.dayModel.get(i).text === text)
                return window.dayModel.get(i).todoId
        }
        return ""
    }
    function rowItem(window, id) {
        const item = window.todoList.itemAtIndex(window.filterModel.rowOf(id))
        verify(item, "no row for " + id)
        return item
    }
    function dialogOf(window) {
        const dialog = window.actions.repeatDialog
        verify(dialog)
        tryVerify(() => dialog.opened, 5000, "the Repeat dialog did not open")
        return dialog
    }
    function clickIn(window, name) {
        const control = findByName(window, name)
        verify(control, "no " + name)
        verify(control.visible, name + " is hidden")
        mouseClick(control)
        return control
    }
    function saveAndWait(window, dialog) {
        // Save waits until the series of the server are read (just after a connect).
        tryVerify(() => findByName(window, "repeatSave").enabled, 20000, "Save never became available")
        clickIn(window, "repeatSave")
        tryVerify(() => !dialog.visible, 15000, "the Repeat dialog stayed open: " + dialog.error)
        compare(dialog.error, "")
    }

    function test_weekdays_then_weekly_then_not() {
        const window = openWindow()
        const day = App.addDays(App.today, 1) // occurrences exist up to two weeks ahead only
        const text = "Stretch " + Date.now()
        const id = addSelected(window, day, text)
        synced()

        // Every weekday, through the shortcut.
        keyClick(Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
        let dialog = dialogOf(window)
        compare(dialog.editor.frequency, "never")
        verify(findByName(window, "repeatNever").checked)
        clickIn(window, "repeatWeekdays")
        saveAndWait(window, dialog)
        let seriesId = ""
        tryVerify(() => { seriesId = window.dayModel.get(window.dayModel.indexOf(id)).series; return seriesId.length > 0 }, 10000)
        const first = storedRecord("series-" + seriesId)
        verify(first, "no series-" + seriesId + " on the server")
        compare(first.rule.freq, "weekdays")
        compare(first.from, compact(day))
        compare(first.text, text)
        tryVerify(() => { const todo = storedTodo(day, id); return todo && todo.series === seriesId }, 10000)
        const weekday = nextWeekday(day)
        tryVerify(() => { const todo = storedTodo(weekday, seriesId + "-" + compact(weekday)); return todo && todo.text === text },
                  15000, "no occurrence on " + weekday)
        peerHas(weekday, text)
        const sign = findIn(rowItem(window, id), "repeatIndicator")
        verify(sign)
        tryVerify(() => sign.visible, 5000, "the repeat sign did not show")
        compare(sign.description, "Repeats every weekday (Monday to Friday)")

        // Weekly on this day's and the day after next's weekdays with a new text, from the row menu.
        mouseClick(findIn(rowItem(window, id), "menuButton"))
        const menuItem = findByName(window, "repeatMenuItem")
        verify(menuItem)
        tryVerify(() => menuItem.visible)
        mouseClick(menuItem)
        dialog = dialogOf(window)
        compare(dialog.editor.frequency, "weekdays")
        verify(findByName(window, "repeatWeekdays").checked)
        clickIn(window, "repeatWeekly")
        const later = App.addDays(day, 2)
        clickIn(window, "repeatDay" + isoWeekDay(later))
        compare(dialog.weekDays.slice().sort(), [isoWeekDay(day), isoWeekDay(later)].sort())
        const field = clickIn(window, "repeatText")
        field.selectAll()
        const weeklyText = "Stretch weekly " + Date.now()
        typeText(weeklyText)
        saveAndWait(window, dialog)
        let weeklyId = ""
        tryVerify(() => { weeklyId = window.dayModel.get(window.dayModel.indexOf(id)).series; return weeklyId.length > 0 && weeklyId !== seriesId }, 10000)
        compare(window.dayModel.get(window.dayModel.indexOf(id)).text, weeklyText)
        compare(storedRecord("series-" + seriesId).until, compact(App.addDays(day, -1)))
        const weekly = storedRecord("series-" + weeklyId)
        compare(weekly.rule.freq, "weekly")
        compare(weekly.rule.days, [isoWeekDay(day), isoWeekDay(later)].sort())
        compare(weekly.text, weeklyText)
        synced()
        tryVerify(() => { const todo = storedTodo(day, id); return todo && todo.text === weeklyText && todo.series === weeklyId }, 10000)
        const nextWeek = App.addDays(day, 7)
        for (const occurrenceDay of [later, nextWeek]) {
            tryVerify(() => { const todo = storedTodo(occurrenceDay, weeklyId + "-" + compact(occurrenceDay)); return todo && todo.text === weeklyText },
                      15000, "no weekly occurrence on " + occurrenceDay)
        }
        // The weekday occurrences after this day went.
        tryVerify(() => stored(weekday).every(todo => todo.series !== seriesId), 10000, "weekday occurrences left on " + weekday)
        peerHas(nextWeek, weeklyText)
        peerLacks(weekday, text)
        tryCompare(sign, "description", dialog.editor.describe(weeklyId))
        verify(sign.description.indexOf("every week") >= 0, sign.description)

        // Does not repeat: this day's todo stays, the later ones go.
        window.todoList.forceActiveFocus()
        keyClick(Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
        dialog = dialogOf(window)
        compare(dialog.editor.frequency, "weekly")
        clickIn(window, "repeatNever")
        saveAndWait(window, dialog)
        tryVerify(() => !sign.visible, 10000, "the repeat sign stayed")
        compare(storedRecord("series-" + weeklyId).until, compact(day))
        synced()
        tryVerify(() => { const todo = storedTodo(day, id); return todo && todo.series === undefined && todo.text === weeklyText }, 10000)
        for (const occurrenceDay of [later, nextWeek])
            tryVerify(() => stored(occurrenceDay).every(todo => todo.series !== weeklyId), 10000, "weekly occurrence left on " + occurrenceDay)
        peerLacks(nextWeek, weeklyText)

        window.dayModel.remove(id)
        synced()
    }

    function deleteRecord(key) {
        let done = false
        const request = new XMLHttpRequest()
        request.onreadystatechange = () => { if (request.readyState === XMLHttpRequest.DONE) done = true }
        request.open("DELETE", App.embeddedUrl.replace(/\/$/, "") + "/record/" + key)
        request.setRequestHeader("x-api-key", App.embeddedKey)
        request.send()
        tryVerify(() => done, 10000)
        compare(request.status, 200, request.responseText)
    }

    // A change the server refuses is said in the dialog, which stays open with the choice.
    function test_error_stays_in_the_dialog() {
        const window = openWindow()
        const day = App.addDays(App.today, 2)
        const text = "Water the plants " + Date.now()
        const id = addSelected(window, day, text)
        synced()
        keyClick(Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
        let dialog = dialogOf(window)
        verify(!findByName(window, "repeatSave").enabled) // nothing chosen yet
        // Monthly on this day: its next occurrence is beyond the two weeks created ahead.
        clickIn(window, "repeatMonthly")
        compare(findByName(window, "repeatMonthDay").value, Number(day.slice(8)))
        saveAndWait(window, dialog)
        let seriesId = ""
        tryVerify(() => { seriesId = window.dayModel.get(window.dayModel.indexOf(id)).series; return seriesId.length > 0 }, 10000)
        // Someone removes the series from the server behind the app's back.
        deleteRecord("series-" + seriesId)
        window.todoList.forceActiveFocus()
        keyClick(Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
        dialog = dialogOf(window)
        clickIn(window, "repeatWeekdays")
        tryVerify(() => findByName(window, "repeatSave").enabled, 20000, "Save never became available")
        clickIn(window, "repeatSave")
        const error = findByName(window, "repeatError")
        tryVerify(() => error.visible, 10000, "no error shown")
        compare(error.text, "This repeating todo is not on the server any more.")
        verify(dialog.opened)
        verify(findByName(window, "repeatWeekdays").checked)
        clickIn(window, "repeatCancel")
        tryVerify(() => !dialog.visible)
        window.dayModel.remove(id)
        synced()
    }

    function test_notes_and_reminder_signs() {
        const window = openWindow()
        add(window, "Call the plumber")
        tryCompare(window.dayModel, "count", 1, 5000)
        const id = window.dayModel.get(0).todoId
        const row = rowItem(window, id)
        const notes = findIn(row, "notesIndicator")
        const remind = findIn(row, "remindIndicator")
        verify(notes && remind)
        verify(!notes.visible && !remind.visible)
        window.dayModel.setNotes(id, "Ask about the boiler")
        window.dayModel.setRemind(id, "14:30")
        tryVerify(() => notes.visible && remind.visible, 5000, "the notes and reminder signs did not show")
        compare(remind.label, "14:30")
        compare(remind.description, "Reminder at 14:30")
        compare(notes.description, "Has notes")
        verify(!findIn(row, "repeatIndicator").visible)
        window.dayModel.setRemind(id, "")
        window.dayModel.setNotes(id, "")
        tryVerify(() => !notes.visible && !remind.visible, 5000)
    }
}
