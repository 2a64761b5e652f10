// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A todo row's quiet signs of what it holds besides its text: notes, a reminder (a bell and its
// time) and a repeat rule. Each has a tooltip and an accessible name; the repeat sign's is the
// rule in words ("Repeats every weekday (Monday to Friday)"), read by a RepeatEditor that exists
// only for a repeating row.
Row {
    id: root

    required property string day // ISO
    required property string todoId
    property bool hasNotes: false
    property string remind // "HH:mm" or ""
    property string series // the series id or ""
    property bool editing: false // the row's text is being edited: the signs step aside

    spacing: Theme.spacingS
    visible: !editing && (hasNotes || remind.length > 0 || series.length > 0)

    component Sign: Row {
        id: sign
        property string iconName
        property string label
        property string description
        spacing: 3
        Accessible.role: Accessible.StaticText
        Accessible.name: description
        HoverHandler { id: signHover }
        ToolTip.visible: signHover.hovered && description.length > 0
        ToolTip.delay: 500
        ToolTip.text: description
        Icon {
            anchors.verticalCenter: parent.verticalCenter
            name: sign.iconName
            size: 16
            strokeWidth: 1.5
            color: Theme.textMuted
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            visible: sign.label.length > 0
            text: sign.label
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
    }

    Sign {
        objectName: "notesIndicator"
        anchors.verticalCenter: parent.verticalCenter
        visible: root.hasNotes
        iconName: "note"
        description: qsTr("Has notes")
    }
    Sign {
        objectName: "remindIndicator"
        anchors.verticalCenter: parent.verticalCenter
        visible: root.remind.length > 0
        iconName: "bell"
        label: root.remind
        description: qsTr("Reminder at %1").arg(root.remind)
    }
    Sign {
        objectName: "repeatIndicator"
        anchors.verticalCenter: parent.verticalCenter
        visible: root.series.length > 0
        iconName: "repeat"
        description: rule.summary
        // Follows the rule only for a repeating row (no controller: no work for the others).
        RepeatEditor {
            id: rule
            controller: root.series.length > 0 ? App : null
            day: root.day
            todoId: root.todoId
        }
    }
}
