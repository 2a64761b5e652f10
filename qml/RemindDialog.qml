// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// Sets or removes a todo's reminder: a time of day ("HH:mm", 24-hour) on the todo's day. At that
// time Dayboard shows a desktop notification with Done and Snooze 10 min (ReminderScheduler).
Popup {
    id: root

    required property DayModel dayModel
    property string todoId
    property string subject
    property bool hadReminder: false

    function openFor(id) {
        const row = dayModel.indexOf(id)
        if (row < 0)
            return
        const todo = dayModel.get(row)
        todoId = id
        subject = todo.text
        hadReminder = (todo.remind || "").length > 0
        timeField.text = hadReminder ? todo.remind : ""
        open()
        timeField.forceActiveFocus()
        timeField.selectAll()
    }
    // "9:05" → "09:05"; "" for anything that is not a time of day.
    function normalized(text) {
        const m = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$/.exec(text)
        return m ? (m[1].length === 1 ? "0" : "") + m[1] + ":" + m[2] : ""
    }
    function accept() {
        const time = normalized(timeField.text)
        if (time.length === 0)
            return
        dayModel.setRemind(todoId, time)
        close()
    }

    objectName: "remindDialog"
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacingL
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS
        Text {
            text: qsTr("Reminder")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        Text {
            Layout.maximumWidth: 320
            text: qsTr("“%1”").arg(root.subject)
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        RowLayout {
            Text { text: qsTr("Time"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
            TextField {
                id: timeField
                objectName: "remindTimeField"
                Layout.preferredWidth: 90
                placeholderText: qsTr("14:30")
                inputMethodHints: Qt.ImhTime
                Accessible.name: qsTr("Reminder time, hours and minutes")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                Keys.onReturnPressed: root.accept()
                Keys.onEnterPressed: root.accept()
            }
            Text {
                text: root.normalized(timeField.text).length > 0 || timeField.text.length === 0 ? qsTr("on this todo's day")
                                                                                              : qsTr("Use hours:minutes, e.g. 09:15")
                color: root.normalized(timeField.text).length > 0 || timeField.text.length === 0 ? Theme.textMuted : Theme.danger
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacingS
            DayButton {
                objectName: "removeReminder"
                visible: root.hadReminder
                text: qsTr("Remove reminder")
                onClicked: { root.dayModel.setRemind(root.todoId, ""); root.close() }
            }
            DayButton { text: qsTr("Cancel"); onClicked: root.close() }
            DayButton {
                objectName: "setReminder"
                primary: true
                text: qsTr("Set reminder")
                enabled: root.normalized(timeField.text).length > 0
                onClicked: root.accept()
            }
        }
    }
}
