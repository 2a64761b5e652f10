// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls

// Non-blocking notes at the bottom of the window; they fade away by themselves. A toast can
// carry one action (e.g. Undo). Nothing here ever takes focus from the list.
Column {
    id: root

    property int nextKey: 1
    property var actions: ({})

    function show(text, actionText, action) {
        const key = nextKey++
        if (action)
            actions[key] = action
        toasts.append({ "message": text, "actionText": actionText || "", "key": key })
        // Keep the stack short: old notes go first.
        while (toasts.count > 3)
            dismiss(toasts.get(0).key)
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

            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(row.implicitWidth + 2 * Theme.spacingL, 520)
            height: 44
            radius: 22
            color: Theme.toastBackground
            opacity: 0
            Accessible.role: Accessible.AlertMessage
            Accessible.name: message
            Component.onCompleted: opacity = 0.97
            Behavior on opacity { NumberAnimation { duration: 180 } }

            Timer {
                running: !toastHover.hovered
                interval: toast.actionText.length > 0 ? 7000 : 4000
                onTriggered: root.dismiss(toast.key)
            }
            HoverHandler { id: toastHover }

            Row {
                id: row
                anchors.centerIn: parent
                spacing: Theme.spacingM
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.min(implicitWidth, 380)
                    elide: Text.ElideRight
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
            }
        }
    }
}
