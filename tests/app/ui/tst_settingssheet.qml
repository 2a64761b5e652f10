// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard
import DayboardTestSupport

// Switching servers through the Settings sheet, as a user does it: choose "A Dayboard or HPKV
// server", type its address and key, Apply. The window then syncs with that server (a second
// real server, PeerServer): what is added is stored there and not on the built-in one, and the
// lists brought along arrive there. Switching back through the sheet returns to the built-in server.
WindowTestCase {
    id: testCase
    name: "SettingsSheet"
    firstDay: "2038-09-01"

    PeerServer {
        id: remote
    }

    function openSheet(window) {
        keyClick(Qt.Key_Comma, Qt.ControlModifier)
        const sheet = findPopup(window, "settingsSheet")
        tryVerify(() => sheet.opened, 5000)
        waitForRendering(window.contentItem)
        return sheet
    }
    function button(sheet, text) {
        const found = findWhere(sheet.contentItem, item => item.text === text && typeof item.clicked === "function")
        verify(found, "no button " + text)
        return found
    }
    // The sheet scrolls when the window is short: scroll `item` into view, then click it.
    function clickIn(sheet, item) {
        verify(item)
        // Inside the sheet, not cut off by its edge (a click there would close it).
        const inSheet = item.mapToItem(sheet.contentItem, 0, 0)
        verify(inSheet.x >= 0 && inSheet.x + item.width <= sheet.contentItem.width,
               (item.text || item.objectName) + " sticks out of the sheet: " + inSheet.x + "+" + item.width + " > " + sheet.contentItem.width)
        const flick = sheet.contentItem
        const top = item.mapToItem(flick.contentItem, 0, 0).y
        flick.contentY = Math.max(0, Math.min(top - 20, flick.contentHeight - flick.height))
        waitForRendering(flick)
        mouseClick(item)
    }
    function clickAndType(sheet, field, text) {
        clickIn(sheet, field)
        field.selectAll()
        typeText(text)
    }

    function test_switch_to_a_remote_server_and_back() {
        compare(remote.error, "")
        verify(remote.url.length > 0)
        const window = openWindow()
        const day = window.day
        add(window, "before the switch")
        synced()
        compare(storedTexts(day), ["before the switch"])

        // To the remote server, bringing the lists along.
        let sheet = openSheet(window)
        clickIn(sheet, findIn(sheet.contentItem, "remoteRadio"))
        clickAndType(sheet, findIn(sheet.contentItem, "serverUrlField"), remote.url)
        clickAndType(sheet, findIn(sheet.contentItem, "serverKeyField"), remote.apiKey)
        verify(findIn(sheet.contentItem, "bringLists").checked)
        clickIn(sheet, button(sheet, qsTr("Apply server")))
        tryCompare(App, "serverMode", "remote", 10000)
        tryCompare(App, "connectionState", "connected", 20000)
        clickIn(sheet, button(sheet, qsTr("Close")))
        tryVerify(() => !sheet.visible, 5000)

        // The copied list is on the remote server, and what is added now goes there only.
        tryVerify(() => JSON.stringify(storedTexts(day, remote.url, remote.apiKey)) === '["before the switch"]', 20000)
        add(window, "after the switch")
        synced()
        compare(storedTexts(day, remote.url, remote.apiKey), ["before the switch", "after the switch"])
        compare(texts(window), ["before the switch", "after the switch"])

        // Back to the built-in server through the sheet, without the lists: the remote's addition stays there.
        sheet = openSheet(window)
        clickIn(sheet, findIn(sheet.contentItem, "embeddedRadio"))
        const bring = findIn(sheet.contentItem, "bringLists")
        if (bring.checked)
            clickIn(sheet, bring)
        verify(!bring.checked)
        clickIn(sheet, button(sheet, qsTr("Apply server")))
        tryCompare(App, "serverMode", "embedded", 10000)
        tryCompare(App, "connectionState", "connected", 20000)
        clickIn(sheet, button(sheet, qsTr("Close")))
        tryVerify(() => JSON.stringify(texts(window)) === '["before the switch"]', 20000)
        compare(storedTexts(day), ["before the switch"])
    }
}
