// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls

// Non-blocking notes at the bottom of the window. A note wraps (never cut off with "…"), fades
// away by itself unless it is an error (showError: it stays until its × is clicked), and can carry
// one action (e.g. Undo). Nothing here ever takes focus from the list.
Column {
    id: root

    property int nextKey: 1
    property var actions: ({})

    // Returns the note's key (for dismiss()).
    function show(text, actionText, action) {
        return add(text, actionText, action, false)
    }
    function showError(text) {
        return add(text, "", null, true)
    }
    function add(text, actionText, action, persistent) {
        const key = nextKey++
        if (action)
            actions[key] = action
        toasts.append({ "message": text, "actionText": actionText || "", "key": key, "persistent": persistent })
        // Keep the stack short: old notes go first.
        while (toasts.count > 3)
            dismiss(toasts.get(0).key)
        return key
    }
    function dismiss(key) {
        for (let i = 0; i < toasts.count; ++i) {
            if (toasts.get(i).key === key) {
                toasts.remove(i)
                delete actions[key]
                return
            }
        }
    }
    function trigger(key) {
        const action = actions[key]
        dismiss(key)
        if (action)
            action()
    }

    spacing: Theme.spacingS
    objectName: "toastArea"

    ListModel { id: toasts }

    Repeater {
        model: toasts
        delegate: Rectangle {
            id: toast
            required property string message
            required property string actionText
            required property int key
            required property bool persistent

            objectName: "toast"
            anchors.horizontalCenter: parent.horizontalCenter
            width: row.implicitWidth + 2 * Theme.spacingL
            height: Math.max(44, row.implicitHeight + 2 * Theme.spacingS)
            radius: Math.min(22, height / 2)
            // The buttons' room, then what is left of at most 560 (or the window) for the text.
            readonly property real extraWidth: (toastAction.visible ? toastAction.implicitWidth + row.spacing : 0)
                                               + (toastClose.visible ? toastClose.implicitWidth + row.spacing : 0)
            readonly property real maxTextWidth: Math.max(120, Math.min(root.width - 2 * Theme.spacingXl, 560) - 2 * Theme.spacingL - extraWidth)
            // False for an error: it stays until dismissed.
            readonly property bool fading: fadeTimer.running
            color: Theme.toastBackground
            opacity: 0
            Accessible.role: Accessible.AlertMessage
            Accessible.name: message
            Component.onCompleted: opacity = 0.97
            Behavior on opacity { NumberAnimation { duration: 180 } }

            Timer {
                id: fadeTimer
                running: !toast.persistent && !toastHover.hovered
                interval: toast.actionText.length > 0 ? 7000 : 4000
                onTriggered: root.dismiss(toast.key)
            }
            HoverHandler { id: toastHover }

            Row {
                id: row
                anchors.centerIn: parent
                spacing: Theme.spacingM
                Text {
                    id: messageText
                    objectName: "toastText"
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.min(implicitWidth, toast.maxTextWidth)
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    text: toast.message
                    color: Theme.toastText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
                AbstractButton {
                    id: toastAction
                    visible: toast.actionText.length > 0
                    anchors.verticalCenter: parent.verticalCenter
                    implicitWidth: contentItem.implicitWidth + 2 * Theme.spacingM
                    implicitHeight: 30
                    text: toast.actionText
                    Accessible.name: text
                    objectName: "toastAction"
                    background: Rectangle { radius: 15; color: toastAction.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.25) : "transparent" }
                    contentItem: Text {
                        text: toastAction.text
                        color: Theme.dark ? Theme.accent.darker(1.6) : Theme.accent.lighter(1.7)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.Bold
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    onClicked: root.trigger(toast.key)
                }
                IconButton {
                    id: toastClose
                    objectName: "toastClose"
                    visible: toast.persistent
                    anchors.verticalCenter: parent.verticalCenter
                    iconName: "close"
                    iconColor: Theme.toastText
                    text: qsTr("Dismiss")
                    onClicked: root.dismiss(toast.key)
                }
            }
        }
    }
}
