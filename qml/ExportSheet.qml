// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// File → Export…: every day or a range of days, as JSON (re-importable, as stored), iCalendar
// (for other apps) or a Markdown checklist, to a file.
ExportImportSheet {
    id: root
    objectName: "exportSheet"

    title: qsTr("Export")

    function refreshPath() {
        fileRow.path = root.exchange.suggestedExportPath(formatBox.currentValue, everything.checked ? "" : fromField.text,
                                                    everything.checked ? "" : toField.text)
    }
    function start() {
        root.exchange.exportDays(fileRow.path, formatBox.currentValue, everything.checked ? "" : fromField.text.trim(),
                            everything.checked ? "" : toField.text.trim())
    }

    onOpened: {
        root.exchange.reset()
        fromField.text = root.day
        toField.text = App.addDays(root.day, 6)
        refreshPath()
        formatBox.forceActiveFocus()
    }

    ExportField {
        label: qsTr("Days")
        ButtonGroup { id: rangeGroup }
        RadioButton {
            id: everything
            objectName: "exportEverything"
            text: qsTr("Everything")
            checked: true
            ButtonGroup.group: rangeGroup
            palette.windowText: Theme.text
            onToggled: root.refreshPath()
        }
        RadioButton {
            id: range
            objectName: "exportRange"
            text: qsTr("From – to")
            ButtonGroup.group: rangeGroup
            palette.windowText: Theme.text
            onToggled: root.refreshPath()
        }
    }
    ExportField {
        label: ""
        visible: range.checked
        TextField {
            id: fromField
            objectName: "exportFrom"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD")
            Accessible.name: qsTr("First day")
            onEditingFinished: root.refreshPath()
        }
        Text { text: "–"; color: Theme.textMuted; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
        TextField {
            id: toField
            objectName: "exportTo"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD")
            Accessible.name: qsTr("Last day")
            onEditingFinished: root.refreshPath()
        }
    }
    ExportField {
        label: qsTr("Format")
        ExportCombo {
            id: formatBox
            objectName: "exportFormat"
            model: [
                { value: "json", label: qsTr("JSON — Dayboard's own, can be imported again") },
                { value: "ics", label: qsTr("iCalendar (.ics) — for calendar and todo apps") },
                { value: "markdown", label: qsTr("Markdown checklist — for pasting elsewhere") }
            ]
            onActivated: root.refreshPath()
        }
    }
    ExportFileRow {
        id: fileRow
        exchange: root.exchange
        saving: true
        nameFilters: [formatBox.currentIndex === 1 ? qsTr("iCalendar (*.ics)") : formatBox.currentIndex === 2
                      ? qsTr("Markdown (*.md)") : qsTr("JSON (*.json)")]
        onChosen: root.start()
    }

    Text {
        objectName: "exportMessage"
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        visible: text.length > 0
        wrapMode: Text.Wrap
        text: root.exchange.busy ? qsTr("Exporting…") : root.exchange.error.length > 0 ? root.exchange.error : root.exchange.result
        color: root.exchange.error.length > 0 ? Theme.danger : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    RowLayout {
        Layout.alignment: Qt.AlignRight
        Layout.topMargin: Theme.spacingM
        spacing: Theme.spacingS
        DayButton {
            text: root.exchange.result.length > 0 ? qsTr("Done") : qsTr("Cancel")
            enabled: !root.exchange.busy
            onClicked: root.close()
        }
        DayButton {
            objectName: "exportButton"
            primary: true
            text: qsTr("Export")
            enabled: !root.exchange.busy && fileRow.path.trim().length > 0
            onClicked: root.start()
        }
    }
}
