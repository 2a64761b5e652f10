// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// Makes a todo repeat, changes how it repeats or stops it (docs/user-guide.md, "Repeating
// todos"). A RepeatEditor reads the todo's rule and saves the choice: a plain todo starts
// repeating from its day; for a repeating one the rule and text change from this day on ("all
// future": earlier days keep theirs); "Does not repeat" ends it after this day. Saving needs the
// server: an error stays in the dialog, success closes it.
Popup {
    id: root

    required property string day // ISO, the window's day
    property string todoId
    property string error
    // The choice being edited (loaded from the editor when the dialog opens).
    readonly property string frequency: dailyRadio.checked ? "daily" : weekdaysRadio.checked ? "weekdays"
        : weeklyRadio.checked ? "weekly" : monthlyRadio.checked ? "monthly" : "never"
    property var weekDays: []
    readonly property alias editor: editor
    // Save only what differs from the rule the todo has.
    readonly property bool changed: frequency !== editor.frequency
        || (frequency === "weekly" && JSON.stringify(weekDays.slice().sort()) !== JSON.stringify(Array.from(editor.weekDays).sort()))
        || (frequency === "monthly" && monthDaySpin.value !== editor.monthDay)
        || (editor.repeating && frequency !== "never" && textField.text.trim().length > 0 && textField.text.trim() !== editor.text)
    readonly property bool complete: frequency !== "weekly" || weekDays.length > 0

    function openFor(id) {
        if (id.length === 0)
            return
        todoId = id
        error = ""
        for (const radio of [neverRadio, dailyRadio, weekdaysRadio, weeklyRadio, monthlyRadio])
            radio.checked = radio.value === editor.frequency
        weekDays = Array.from(editor.weekDays)
        monthDaySpin.value = editor.monthDay
        textField.text = editor.text
        open()
        if (choice.checkedButton)
            choice.checkedButton.forceActiveFocus()
    }
    function toggleDay(isoDay) {
        const days = weekDays.filter(d => d !== isoDay)
        weekDays = days.length < weekDays.length ? days : days.concat([isoDay])
        weeklyRadio.checked = true
    }
    function save() {
        if (!changed || !complete || editor.busy)
            return
        error = ""
        if (!editor.apply(frequency, weekDays, monthDaySpin.value, editor.repeating ? textField.text : ""))
            error = qsTr("This todo cannot be changed now.")
    }

    RepeatEditor {
        id: editor
        controller: App
        day: root.day
        todoId: root.todoId
        onFinished: (error) => {
            root.error = error
            if (error.length === 0)
                root.close()
        }
    }
    onDayChanged: close()

    objectName: "repeatDialog"
    anchors.centerIn: Overlay.overlay
    width: Math.min(420, (Overlay.overlay ? Overlay.overlay.width : 420) - 2 * Theme.spacingM)
    padding: Theme.spacingL
    modal: true
    focus: true
    // While saving a click outside must not hide the outcome.
    closePolicy: editor.busy ? Popup.CloseOnEscape : Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    ButtonGroup { id: choice; buttons: [neverRadio, dailyRadio, weekdaysRadio, weeklyRadio, monthlyRadio] }

    component Muted: Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }

    // In a short window the choices scroll; Save and Cancel scroll with them.
    contentItem: Flickable {
        id: flick
        implicitHeight: Math.min(column.implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 600) - 2 * root.padding)
        contentWidth: width
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: column.implicitHeight > flick.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            width: flick.width
            spacing: Theme.spacingXs
            Keys.onReturnPressed: root.save()
            Keys.onEnterPressed: root.save()
            Text {
                text: qsTr("Repeat")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("“%1”").arg(editor.text)
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                maximumLineCount: 2
                elide: Text.ElideRight
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
            // How it repeats now (a plain todo's "Does not repeat" is the first choice below).
            Muted { objectName: "repeatSummary"; visible: editor.repeating; text: editor.summary }
            Item { implicitHeight: Theme.spacingS }

            RepeatRadio { id: neverRadio; objectName: "repeatNever"; value: "never"; text: qsTr("Does not repeat") }
            RepeatRadio { id: dailyRadio; objectName: "repeatDaily"; value: "daily"; text: qsTr("Every day") }
            RepeatRadio { id: weekdaysRadio; objectName: "repeatWeekdays"; value: "weekdays"; text: qsTr("Every weekday (Monday to Friday)") }
            RepeatRadio { id: weeklyRadio; objectName: "repeatWeekly"; value: "weekly"; text: qsTr("Every week on") }
            Flow {
                objectName: "repeatDays"
                Layout.fillWidth: true
                Layout.leftMargin: 26
                spacing: Theme.spacingXs
                Repeater {
                    model: editor.weekOrder()
                    delegate: AbstractButton {
                        id: dayToggle
                        required property int modelData
                        readonly property RepeatDialog dialog: root
                        readonly property bool weekly: dialog.frequency === "weekly"
                        objectName: "repeatDay" + modelData
                        text: dialog.editor.weekDayName(modelData)
                        checked: dialog.weekDays.indexOf(modelData) >= 0
                        implicitWidth: Math.max(40, implicitContentWidth + 2 * Theme.spacingS)
                        implicitHeight: 30
                        hoverEnabled: true
                        Accessible.role: Accessible.CheckBox
                        Accessible.name: text
                        Accessible.checkable: true
                        Accessible.checked: checked
                        onClicked: dialog.toggleDay(modelData)
                        background: Rectangle {
                            radius: Theme.radiusSmall
                            color: dayToggle.checked ? (dayToggle.weekly ? Theme.accent : Theme.accentSoft)
                                 : dayToggle.hovered ? Theme.surfaceAlt : Theme.surface
                            border.color: dayToggle.visualFocus ? Theme.text : dayToggle.checked ? "transparent" : Theme.border
                        }
                        contentItem: Text {
                            text: dayToggle.text
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            color: dayToggle.checked && dayToggle.weekly ? Theme.textOnAccent : Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
            RowLayout {
                spacing: Theme.spacingS
                RepeatRadio { id: monthlyRadio; objectName: "repeatMonthly"; value: "monthly"; text: qsTr("Every month on day") }
                SpinBox {
                    id: monthDaySpin
                    objectName: "repeatMonthDay"
                    from: 1
                    to: 31
                    editable: true
                    Accessible.name: qsTr("Day of the month")
                    onValueModified: monthlyRadio.checked = true
                }
            }

            ColumnLayout {
                visible: editor.repeating && root.frequency !== "never"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingS
                spacing: Theme.spacingXs
                Text { text: qsTr("Text"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                TextField {
                    id: textField
                    objectName: "repeatText"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Text of this and all later occurrences")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
            }
            Muted {
                Layout.topMargin: Theme.spacingS
                text: editor.repeating ? qsTr("Changes apply to this day and every later one; earlier days keep theirs. Editing the todo in the list changes only that day.")
                                       : qsTr("It repeats from this day on. Later occurrences are created two weeks ahead.")
            }
            Text {
                objectName: "repeatError"
                Layout.fillWidth: true
                visible: root.error.length > 0
                text: root.error
                wrapMode: Text.WordWrap
                color: Theme.danger
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Layout.topMargin: Theme.spacingS
                spacing: Theme.spacingS
                BusyIndicator { running: editor.busy || !editor.ready; visible: running; implicitWidth: 24; implicitHeight: 24 }
                DayButton { objectName: "repeatCancel"; text: qsTr("Cancel"); onClicked: root.close() }
                DayButton {
                    objectName: "repeatSave"
                    primary: true
                    text: editor.busy ? qsTr("Saving…") : qsTr("Save")
                    enabled: root.changed && root.complete && !editor.busy && editor.ready
                    onClicked: root.save()
                }
            }
        }
    }
}
