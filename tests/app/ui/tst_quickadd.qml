// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard

// Quick add in the add field: the chips say what was understood before Enter, and "Call Anna fri
// !high 14:30" lands on the next Friday's key on the server with priority high and remind 14:30;
// a clicked-off chip and a backslash keep words as text.
WindowTestCase {
    id: testCase
    name: "QuickAdd"
    firstDay: "2037-09-07"

    function nextFriday() {
        let day = App.addDays(App.today, 1)
        while (new Date(day + "T12:00:00").getDay() !== 5)
            day = App.addDays(day, 1)
        return day
    }

    function test_call_anna_lands_on_friday_with_priority_and_reminder() {
        const window = openWindow()
        const shown = window.day
        const text = "Call Anna " + Date.now()
        window.addField.forceActiveFocus()
        typeText(text + " fri !high 14:30")
        const chips = findByName(window, "quickAddChips")
        verify(chips)
        tryVerify(() => chips.visible)
        const friday = nextFriday()
        const fridayLabel = new Date(friday + "T12:00:00").toLocaleDateString(Qt.locale(), "dddd d MMM")
        compare(chips.quickAdd.summary, fridayLabel + " · High · 14:30")
        compare(chips.quickAdd.day, friday)
        keyClick(Qt.Key_Return)
        compare(window.addField.text, "")
        compare(window.day, shown) // the window stays on its day
        synced()
        let stored = []
        tryVerify(() => { stored = testCase.stored(friday).filter(t => t.text === text); return stored.length === 1 }, 10000)
        compare(stored[0].priority, "high")
        compare(stored[0].remind, "14:30")
        compare(texts(window), [])
    }

    function test_chip_clicked_off_and_backslash_keep_words_as_text() {
        const window = openWindow()
        window.addField.forceActiveFocus()
        typeText("Read chapter 14:30 minutes")
        const chips = findByName(window, "quickAddChips")
        tryVerify(() => chips.visible)
        const chip = findByName(window, "quickAddChip2")
        verify(chip)
        mouseClick(chip)
        tryVerify(() => !chips.visible)
        window.addField.forceActiveFocus()
        keyClick(Qt.Key_Return)
        tryCompare(window.dayModel, "count", 1, 5000)
        compare(texts(window), ["Read chapter 14:30 minutes"])
        compare(window.dayModel.get(0).remind, "")
        typeText("Thank God it's \\fri")
        verify(!chips.visible)
        keyClick(Qt.Key_Return)
        tryCompare(window.dayModel, "count", 2, 5000)
        compare(texts(window)[1], "Thank God it's fri")
        synced()
        compare(storedTexts(window.day), ["Read chapter 14:30 minutes", "Thank God it's fri"])
    }
}
