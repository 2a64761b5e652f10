// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Dayboard
import DayboardTestSupport

// What every main-window test shares: a window on a far-away day of its own, typing, finding
// items (popups too), waiting for the queue to drain, the day as the server stores it (read over
// its REST API, not from the window's model) and as a second client of the server sees it.
TestCase {
    id: testCase
    when: windowShown

    // The first day this file's windows show; each window gets the day 10 days after the last.
    property string firstDay: "2032-01-05"
    property int dayCounter: 0

    // A second client of the built-in server (its own session and cache), kept live by the
    // monitor's notifications like another app instance.
    readonly property PeerSession peer: PeerSession {
        url: App.embeddedUrl
        apiKey: App.embeddedKey
    }

    Component {
        id: mainComponent
        Main {}
    }

    function findWhere(item, accept) {
        if (!item)
            return null
        if (accept(item))
            return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findWhere(kids[i], accept)
            if (found)
                return found
        }
        return null
    }
    function findAllWhere(item, accept, into) {
        if (!item)
            return into
        if (accept(item))
            into.push(item)
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i)
            findAllWhere(kids[i], accept, into)
        return into
    }
    // Popups live in the window's overlay, next to contentItem: search from their common parent.
    function findByName(window, name) {
        return findWhere(window.contentItem.parent, item => item.objectName === name)
    }
    // A Popup (a sheet, a panel) is no Item: it is among the window's content data.
    function findPopup(window, name) {
        for (const list of [window.contentData, window.contentItem.data]) {
            for (let i = 0; list && i < list.length; ++i) {
                if (list[i] && list[i].objectName === name)
                    return list[i]
            }
        }
        fail("no popup " + name + " in the window")
    }
    function findIn(item, name) {
        return findWhere(item, candidate => candidate.objectName === name)
    }
    function findAllIn(item, name) {
        return findAllWhere(item, candidate => candidate.objectName === name, [])
    }

    function openWindow() {
        const day = App.addDays(firstDay, 10 * dayCounter++)
        peer.watch(day)
        const window = createTemporaryObject(mainComponent, testCase, { day: day })
        verify(window)
        window.show()
        window.requestActivate()
        tryVerify(() => window.active, 5000)
        waitForRendering(window.contentItem)
        return window
    }
    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    function add(window, text) {
        window.addField.forceActiveFocus()
        typeText(text)
        keyClick(Qt.Key_Return)
    }
    function texts(window) {
        const result = []
        for (let i = 0; i < window.dayModel.count; ++i)
            result.push(window.dayModel.get(i).text)
        return result
    }
    function synced() {
        tryCompare(App, "pendingCount", 0, 20000)
    }

    // The value the server at `url` (default: the built-in one) holds under `key`, parsed from
    // its JSON; null when there is no such key.
    function storedRecord(key, url, apiKey) {
        const base = (url || App.embeddedUrl).replace(/\/$/, "")
        let reply = null
        const request = new XMLHttpRequest()
        request.onreadystatechange = () => {
            if (request.readyState === XMLHttpRequest.DONE)
                reply = { status: request.status, body: request.responseText }
        }
        request.open("GET", base + "/record/" + key)
        request.setRequestHeader("x-api-key", apiKey || App.embeddedKey)
        request.send()
        tryVerify(() => reply !== null, 10000)
        if (reply.status === 404)
            return null
        compare(reply.status, 200, reply.body)
        const value = JSON.parse(reply.body).value
        return typeof value === "string" ? JSON.parse(value) : value
    }
    // The todos the server at `url` (default: the built-in one) holds for `day`.
    function stored(day, url, key) {
        return storedRecord("todos-" + day.replace(/-/g, ""), url, key) || []
    }
    function storedTexts(day, url, key) {
        return stored(day, url, key).map(todo => todo.text)
    }
    // Waits until the second client shows `expected` (texts, in order) for `day`.
    function peerSees(day, expected) {
        peer.watch(day)
        const want = JSON.stringify(expected)
        tryVerify(() => JSON.stringify(peer.texts(day)) === want, 10000,
                  "the second client of the server never showed " + want + " on " + day)
    }
}
