// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// The Reminder dialog through the window (docs/user-guide.md, "Reminders"): Ctrl+R on the selected
// todo, a time typed as "9:05" is stored as "09:05" (the todo's `remind`), which a second client
// sees; a time that is not one cannot be set; "Remove reminder" removes the member. (The
// notification itself, with Done and Snooze, is tst_reminders against a real dunst.)
WindowTestCase {
    id: testCase
    name: "Remind"
    firstDay: "2039-05-02"

    function storedTodo(day, text) {
        return stored(day).find(todo => todo.text === text) || null
    }
    function peerTodo(day, text) {
        return peer.todos(day).find(todo => todo.text === text) || null
    }
    function openDialog(window) {
        window.todoList.currentIndex = 0
        window.todoList.forceActiveFocus()
        keyClick(Qt.Key_R, Qt.ControlModifier)
        const dialog = window.actions.remindDialog
        verify(dialog)
        tryVerify(() => dialog.opened, 5000, "the Reminder dialog did not open")
        return dialog
    }

    function test_set_and_remove_a_reminder() {
        const window = openWindow()
        add(window, "Water the plants")
        tryCompare(window.dayModel, "count", 1, 5000)
        synced()

        let dialog = openDialog(window)
        const field = findByName(window, "remindTimeField")
        const set = findByName(window, "setReminder")
        verify(field && set)
        verify(field.activeFocus, "the time field has the keyboard")
        typeText("25:99")
        verify(!set.enabled, "25:99 is not a time of day")
        field.selectAll()
        typeText("9:05")
        verify(set.enabled)
        keyClick(Qt.Key_Return)
        tryVerify(() => !dialog.visible, 5000)
        synced()
        compare(storedTodo(window.day, "Water the plants").remind, "09:05")
        peer.watch(window.day)
        tryVerify(() => peerTodo(window.day, "Water the plants") !== null
                  && peerTodo(window.day, "Water the plants").remind === "09:05", 10000,
                  "the second client never saw the reminder")

        dialog = openDialog(window)
        compare(findByName(window, "remindTimeField").text, "09:05")
        const remove = findByName(window, "removeReminder")
        tryVerify(() => remove.visible && remove.width > 0, 5000)
        waitForRendering(window.contentItem)
        mouseClick(remove)
        tryVerify(() => !dialog.visible, 5000)
        synced()
        tryVerify(() => !("remind" in storedTodo(window.day, "Water the plants")), 5000,
                  "the remind member is still stored: " + JSON.stringify(storedTodo(window.day, "Water the plants")))
    }
}
