// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard
import DayboardTestSupport

// Notes (Ctrl+E): the selected todo's notes open in the panel beside the list, ready to type;
// what is typed (several lines) is saved as you type, stored on the server and seen by a second
// client; a web address is shown as a link and a click on it opens it (Qt.openUrlExternally, here
// recorded by OpenedUrls) without starting to edit, while a click elsewhere on the notes (or Enter)
// edits them; notes cleared to white space lose the member; Esc twice closes the panel.
WindowTestCase {
    id: testCase
    name: "Notes"
    firstDay: "2039-02-07"

    // What Qt.openUrlExternally is asked to open, instead of a browser.
    OpenedUrls { id: opened; scheme: "https" }

    // A point of `text` where `link` is (linkAt), scanned on a grid; fails when there is none.
    function linkPoint(text, link) {
        for (let y = 2; y < text.height; y += 4) {
            for (let x = 2; x < text.width; x += 4) {
                if (text.linkAt(x, y) === link)
                    return Qt.point(x, y)
            }
        }
        fail("no link " + link + " in the notes shown")
    }
    // Whether `item` shows a pixel of `color` (the link's underline) in the row of `point`.
    function showsColor(item, point, color) {
        const scene = item.Window.contentItem
        const image = grabImage(scene)
        const at = item.mapToItem(scene, 0, point.y)
        for (let y = Math.max(0, at.y - 12); y < at.y + 12; ++y) {
            for (let x = at.x; x < at.x + item.width; ++x) {
                const pixel = image.pixel(x, y)
                if (Math.abs(pixel.r - color.r) < 0.02 && Math.abs(pixel.g - color.g) < 0.02
                        && Math.abs(pixel.b - color.b) < 0.02)
                    return true
            }
        }
        return false
    }
    function notesOf(todo) {
        return todo && todo.notes !== undefined ? todo.notes : "<none>"
    }

    function test_notes_are_typed_stored_linked_and_cleared() {
        const window = openWindow()
        const day = window.day
        add(window, "Plan the trip")
        add(window, "Pack")
        synced()
        const panel = findIn(window.contentItem, "notesPanel")
        verify(panel)
        verify(!panel.visible)

        // Select the first todo from the add field (↓, ↑), Ctrl+E: the panel, ready to type.
        keyClick(Qt.Key_Down)
        tryVerify(() => window.todoList.activeFocus)
        keyClick(Qt.Key_Up)
        compare(window.todoList.currentIndex, 0)
        keySequence("Ctrl+E")
        tryVerify(() => panel.visible)
        const todoId = window.dayModel.get(0).todoId
        compare(panel.todoId, todoId)
        const editor = findIn(panel, "notesEditor")
        tryVerify(() => editor.activeFocus)
        // Beside the list, at its width (Qt 6.4's nested RowLayout once left it at 0 × 0 over the list).
        const listRight = () => window.todoList.mapToItem(window.contentItem, window.todoList.width, 0).x
        tryVerify(() => panel.width >= 200 && panel.height >= 200
                  && panel.mapToItem(window.contentItem, 0, 0).x >= listRight(), 5000,
                  "the panel is not beside the list: " + panel.width + " × " + panel.height)

        const link = "https://example.org/ferry?day=2"
        const notes = "Book the ferry\nTimes: " + link + ".\nThen the hotel"
        typeText("Book the ferry")
        keyClick(Qt.Key_Return)
        typeText("Times: " + link + ".")
        keyClick(Qt.Key_Return)
        typeText("Then the hotel")
        compare(editor.text, notes)
        // Saved as typed (no Save button): the model, the server, a second client.
        tryVerify(() => window.dayModel.get(0).notes === notes, 5000, "the notes were never saved")
        synced()
        compare(notesOf(stored(day)[0]), notes)
        compare(notesOf(stored(day)[1]), "<none>")
        peer.watch(day)
        tryVerify(() => notesOf(peer.todos(day)[0]) === notes, 10000, "the second client never saw the notes")

        // Esc leaves the editor: the notes as rich text with the address as a link.
        keyClick(Qt.Key_Escape)
        tryVerify(() => !editor.activeFocus)
        const view = findIn(panel, "notesView")
        tryVerify(() => view.visible)
        compare(view.textFormat, Text.RichText)
        verify(view.text.indexOf("<a href=\"" + link + "\">" + link + "</a>") >= 0, view.text)
        verify(view.text.indexOf("Book the ferry<br>") >= 0, view.text)
        // The sentence's full stop is not part of the address.
        verify(view.text.indexOf("</a>.<br>") >= 0, view.text)
        waitForRendering(view)
        const point = linkPoint(view, link)
        // In the theme's link colour (Text.linkColor does not reach rich text).
        verify(showsColor(view, point, Theme.accent), "the link is not in the accent colour")
        mouseMove(view, point.x, point.y)
        opened.clear()
        mouseClick(view, point.x, point.y)
        tryCompare(opened, "urls", [link])
        verify(!editor.activeFocus, "a click on a link does not start editing")
        compare(window.dayModel.get(0).notes, notes)

        // A click on the notes away from the link edits them; Esc, then Enter in the panel, too.
        const plain = Qt.point(4, 4)
        compare(view.linkAt(plain.x, plain.y), "")
        mouseClick(view, plain.x, plain.y)
        tryVerify(() => editor.activeFocus, 5000, "a click on the notes did not edit them")
        keyClick(Qt.Key_Escape)
        tryVerify(() => !editor.activeFocus)
        tryVerify(() => panel.activeFocus)
        keyClick(Qt.Key_Return)
        tryVerify(() => editor.activeFocus)
        // White space only removes the notes from the todo.
        keySequence("Ctrl+A")
        typeText("   ")
        tryVerify(() => window.dayModel.get(0).notes === "", 5000, "the cleared notes were never saved")
        synced()
        compare(notesOf(stored(day)[0]), "<none>")
        compare(stored(day)[0].text, "Plan the trip")
        tryVerify(() => notesOf(peer.todos(day)[0]) === "<none>", 10000,
                  "the second client still has notes")

        // Esc leaves the editor, Esc again closes the panel and gives the list the keyboard.
        keyClick(Qt.Key_Escape)
        tryVerify(() => !editor.activeFocus)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !panel.visible)
        compare(panel.todoId, "")
        tryVerify(() => window.todoList.activeFocus)
        compare(storedTexts(day), ["Plan the trip", "Pack"])
    }
}
