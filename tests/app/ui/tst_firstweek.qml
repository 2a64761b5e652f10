// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// What a first week with Dayboard hit, against the real window and the embedded
// server: the "Moved …" note and its Undo, notes that wrap and stay, menus that fit their
// shortcuts, focus after a pick, long todos, the Ctrl+M calendar, a visible selection.
WindowTestCase {
    id: testCase
    name: "FirstWeek"
    // Each test gets its own far-away days (not the ones the other files use).
    firstDay: "2041-07-01"

    function toastTexts(window) {
        return findAllIn(window.toasts, "toastText").map(t => t.text)
    }
    function actionOf(window, text) {
        const toasts = findAllIn(window.toasts, "toast")
        for (let i = 0; i < toasts.length; ++i) {
            if (findIn(toasts[i], "toastText").text.indexOf(text) >= 0)
                return findIn(toasts[i], "toastAction")
        }
        return null
    }

    // Bug 2: the note names the todo that moved, and its Undo brings that todo back where it was.
    function test_moved_note_names_the_moved_todo() {
        const window = openWindow()
        add(window, "Write report")
        add(window, "Water the plants")
        add(window, "Call Ana")
        synced()
        const tomorrow = App.addDays(window.day, 1)
        const plants = window.dayModel.get(1).todoId
        window.actions.moveToDay(plants, tomorrow)
        compare(texts(window), ["Write report", "Call Ana"])
        compare(toastTexts(window), ["Moved “Water the plants” to " + App.dayTitle(tomorrow)])

        // The last row: its own name, not "the todo".
        window.actions.moveToDay(window.dayModel.get(1).todoId, tomorrow)
        verify(toastTexts(window).indexOf("Moved “Call Ana” to " + App.dayTitle(tomorrow)) >= 0,
               JSON.stringify(toastTexts(window)))

        // Each note's Undo moves its own todo back, by id, to where it was.
        mouseClick(actionOf(window, "Call Ana"))
        compare(texts(window), ["Write report", "Call Ana"])
        mouseClick(actionOf(window, "Water the plants"))
        compare(texts(window), ["Write report", "Water the plants", "Call Ana"])
        synced()
    }

    // Notes wrap instead of being cut off; errors stay until dismissed; Undo drops its note.
    function test_notes_wrap_and_stay() {
        const window = openWindow()
        const longText = "This note is long on purpose, so that it cannot fit on one line of the note at the bottom of the window, and must wrap instead of being cut off."
        window.toasts.show(longText)
        const text = findIn(window.toasts, "toastText")
        compare(text.text, longText)
        verify(!text.truncated)
        verify(text.lineCount > 1)
        const toast = findIn(window.toasts, "toast")
        verify(toast.height >= text.implicitHeight)
        verify(toast.fading)
        window.toasts.dismiss(toast.key)

        // An edit the model refuses is an error: no timer, a × to dismiss it.
        add(window, "keep me")
        verify(!window.dayModel.setText(window.dayModel.get(0).todoId, "   "))
        const error = findIn(window.toasts, "toast")
        compare(findIn(error, "toastText").text, "A todo needs some text; the old text was kept.")
        verify(!error.fading)
        const close = findIn(error, "toastClose")
        verify(close.visible)
        mouseClick(close)
        compare(toastTexts(window), [])

        // Ctrl+Z after Delete: the todo is back and its "Deleted" note (with Undo) is gone.
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 0
        keyClick(Qt.Key_Delete)
        compare(toastTexts(window), ["Deleted “keep me”"])
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        compare(texts(window), ["keep me"])
        compare(toastTexts(window), [])
        synced()
    }

    // Menus are as wide as their longest entry and its shortcut; every action's shortcut shows.
    function test_menus_fit_text_and_shortcuts() {
        const window = openWindow()
        const bar = window.menuBar
        for (let m = 0; m < bar.count; ++m) {
            const menu = bar.menuAt(m)
            menu.open()
            tryVerify(() => menu.opened)
            for (let i = 0; i < menu.count; ++i) {
                const item = menu.itemAt(i)
                const label = findIn(item, "menuItemText")
                if (!label)
                    continue // a separator
                const keys = findIn(item, "menuItemKeys")
                if (item.action && item.action.shortcut)
                    verify(keys.text.length > 0, label.text + " shows its shortcut")
                // In the menu's coordinates: the text ends before the shortcut starts, inside the item.
                const textEnd = label.mapToItem(item, label.implicitWidth, 0).x
                const keysStart = keys.text.length > 0 ? keys.mapToItem(item, 0, 0).x : item.width - item.rightPadding
                verify(textEnd + 8 <= keysStart, label.text + ": " + textEnd + " vs " + keysStart)
                verify(keysStart + keys.implicitWidth <= item.width, label.text + " fits")
                verify(item.width <= menu.width)
            }
            menu.close()
            tryVerify(() => !menu.visible)
        }
        const shortcuts = window.actions
        compare(shortcuts.quitAction.shortcut, "Ctrl+Q")
        compare(shortcuts.closeAction.shortcut, "Ctrl+W")
        compare(shortcuts.undoAction.shortcut, "Ctrl+Z")
    }

    // A new window has the keyboard in the add field; after a priority pick by mouse it goes back.
    function test_focus_returns_to_add_field() {
        const window = openWindow()
        verify(window.addField.activeFocus)

        const box = findIn(window.contentItem, "priorityBox")
        mouseClick(box)
        tryVerify(() => box.popup.opened)
        const high = box.popup.contentItem.itemAtIndex(0)
        verify(high)
        mouseClick(high)
        tryVerify(() => !box.popup.visible)
        compare(box.currentValue, Todo.High)
        verify(window.addField.activeFocus)
        typeText("Typed after the pick")
        keyClick(Qt.Key_Return)
        compare(texts(window), ["Typed after the pick"])
        compare(window.dayModel.get(0).priority, Todo.High)
        synced()
    }

    // A 5 000-character todo wraps to three lines ending in "…", with a tooltip and an expand.
    function test_long_todo_wraps() {
        const window = openWindow()
        let longText = ""
        while (longText.length < 5000)
            longText += "a longText todo text "
        longText = longText.slice(0, 5000)
        window.dayModel.add(longText, Todo.Medium)
        add(window, "short")
        const row = window.todoList.itemAtIndex(0)
        const text = findIn(row, "todoText")
        compare(text.text, longText.trim())
        const oneLine = findIn(window.todoList.itemAtIndex(1), "todoText").implicitHeight
        fuzzyCompare(text.implicitHeight, 3 * oneLine, oneLine / 2)
        verify(text.truncated)
        verify(row.height > window.todoList.itemAtIndex(1).height)
        verify(row.height >= text.implicitHeight)
        verify(text.ToolTip.text.length > 100)
        const expand = findIn(row, "expandButton")
        verify(expand.visible)
        mouseClick(expand)
        verify(text.expanded)
        verify(!text.truncated)
        verify(text.implicitHeight > 10 * oneLine)
        mouseClick(expand)
        fuzzyCompare(text.implicitHeight, 3 * oneLine, oneLine / 2)
        synced()
    }

    // Ctrl+M: the calendar names the todo it will move and marks the days that have todos.
    function test_move_calendar_names_todo_and_marks_days() {
        const window = openWindow()
        add(window, "Water the plants")
        add(window, "Write report")
        synced()
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 0
        keyClick(Qt.Key_M, Qt.ControlModifier)
        const popup = window.actions.picker
        tryVerify(() => popup.opened)
        compare(findIn(popup.contentItem, "pickerSubject").text, "“Water the plants”")
        verify(findIn(popup.contentItem, "pickerSubject").visible)
        const today = findIn(popup.contentItem, "day_" + window.day)
        verify(today)
        tryVerify(() => findIn(today, "todoMark").visible)
        const empty = findIn(popup.contentItem, "day_" + App.addDays(window.day, 1))
        verify(!findIn(empty, "todoMark").visible)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !popup.visible)
    }

    // After Ctrl+H a row is still selected, and it looks it.
    function test_selection_visible_after_ctrl_h() {
        const window = openWindow()
        add(window, "done already")
        add(window, "still open")
        window.dayModel.toggleDone(window.dayModel.get(0).todoId)
        const showDone = App.showDone
        App.showDone = true
        window.todoList.forceActiveFocus()
        window.todoList.currentIndex = 1
        keyClick(Qt.Key_H, Qt.ControlModifier)
        compare(App.showDone, false)
        compare(window.todoList.count, 1)
        compare(window.todoList.currentIndex, 0)
        verify(window.todoList.currentItem.showsSelection)
        verify(findIn(window.todoList.currentItem, "selectionMark").visible)

        // Selected while the keyboard is in the add field too.
        window.addField.forceActiveFocus()
        verify(findIn(window.todoList.currentItem, "selectionMark").visible)
        App.showDone = showDone
        synced()
    }

    // F1 in a small window: the list scrolls, Close stays in view; it lists Ctrl+W and Ctrl+Q.
    function test_help_sheet_fits_small_window() {
        const window = openWindow()
        window.width = 600
        window.height = 480
        keyClick(Qt.Key_F1)
        const sheet = findIn(window.contentItem.parent, "helpClose")
        verify(sheet)
        tryVerify(() => sheet.visible)
        waitForRendering(window.contentItem)
        const bottom = sheet.mapToItem(window.contentItem.parent, 0, sheet.height).y
        verify(bottom <= window.contentItem.parent.height, bottom + " <= " + window.contentItem.parent.height)
        const list = findIn(window.contentItem.parent, "shortcutsScroll")
        verify(list)
        keyClick(Qt.Key_Escape)
    }
}
