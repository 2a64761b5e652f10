// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// Search (Ctrl+F): another client's history on two far-away days (written over REST) is found as
// you type, grouped by day with its open/done state; Enter jumps to the day and selects the todo.
WindowTestCase {
    id: testCase
    name: "Search"
    firstDay: "2037-05-04"

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
    function todo(id, text, status, notes) {
        const t = { id: id, text: text, priority: "medium", status: status, created: 1 }
        if (notes)
            t.notes = notes
        return t
    }

    function test_typing_shows_grouped_results_and_enter_jumps_to_the_todo() {
        storeDay("2037-01-10", [todo("q1", "Feed the quokka", "done"), todo("q0", "Water plants", "")])
        storeDay("2037-02-20", [todo("x1", "Buy milk", ""), todo("q2", "Vet visit", "", "Quokka has a cough")])
        const window = openWindow()
        keySequence("Ctrl+F")
        const panel = findPopup(window, "searchPanel")
        verify(panel)
        tryVerify(() => panel.opened, 5000)
        const field = findByName(window, "searchField")
        tryVerify(() => field.activeFocus, 5000)
        typeText("quok")
        const model = panel.searchModel
        tryCompare(model, "count", 2, 10000)
        compare(model.query, "quok")
        // Newest day first; the day is the section, the state is on the row.
        compare(model.get(0).day, "2037-02-20")
        compare(model.get(0).text, "Vet visit")
        compare(model.get(0).done, false)
        compare(model.get(0).inNotes, true)
        compare(model.get(1).day, "2037-01-10")
        compare(model.get(1).done, true)
        compare(panel.results.section.property, "day")
        waitForRendering(panel.results)
        verify(panel.results.itemAtIndex(1), "the second result is shown")
        typeText("ka has")
        tryCompare(model, "count", 1, 10000)
        compare(model.get(0).todoId, "q2")
        field.text = "quokka"
        tryCompare(model, "count", 2, 10000)

        // Down to the done one, Enter: its day, the todo selected (done todos shown).
        keyClick(Qt.Key_Down)
        compare(panel.results.currentIndex, 1)
        keyClick(Qt.Key_Return)
        tryVerify(() => !panel.visible, 5000)
        compare(window.day, "2037-01-10")
        tryVerify(() => window.todoList.currentIndex >= 0 && window.todoList.currentId() === "q1", 10000)
        verify(App.showDone)

        // Escape closes without jumping.
        keySequence("Ctrl+F")
        tryVerify(() => field.activeFocus, 5000)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !panel.visible, 5000)
        compare(window.day, "2037-01-10")
    }
}
