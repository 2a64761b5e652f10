// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// File → Import…: a JSON file exported by Dayboard or an iCalendar (.ics) file from another app.
// The file is read and checked first (a malformed one names its line and imports nothing); todos
// without a date go to a day the user picks; then a summary says what was added, updated and
// skipped, and why.
ExportImportSheet {
    id: root
    objectName: "importSheet"

    title: qsTr("Import")

    function read() {
        if (fileRow.path.trim().length > 0)
            root.exchange.readFile(fileRow.path)
    }
    // Enter in the file field: read the file; once read, Enter again imports it.
    function proceed() {
        if (root.exchange.fileReady)
            root.exchange.importFile(undatedField.text.trim())
        else if (root.exchange.result.length === 0)
            read()
    }

    onOpened: {
        root.exchange.reset()
        undatedField.text = root.day
        fileRow.field.forceActiveFocus()
    }

    Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("A JSON file exported from Dayboard, or an iCalendar (.ics) file from another app. Todos are matched by their id, so importing a file again adds nothing twice.")
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }
    ExportFileRow {
        id: fileRow
        exchange: root.exchange
        nameFilters: [qsTr("Calendars and Dayboard files (*.ics *.json)"), qsTr("All files (*)")]
        onChosen: root.proceed()
    }
    // A new file name: what was read or imported before no longer applies.
    Connections {
        target: fileRow.field
        function onTextEdited() { root.exchange.reset() }
    }
    Text {
        objectName: "importFileInfo"
        Layout.fillWidth: true
        visible: root.exchange.fileReady
        wrapMode: Text.Wrap
        text: root.exchange.itemCount === 1 ? qsTr("1 todo in this file.") : qsTr("%1 todos in this file.").arg(root.exchange.itemCount)
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
    ExportField {
        label: qsTr("Undated go to")
        visible: root.exchange.fileReady && root.exchange.undatedCount > 0
        TextField {
            id: undatedField
            objectName: "importUndatedDay"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD")
            Accessible.name: qsTr("Day for todos without a date")
        }
        Text {
            text: root.exchange.undatedCount === 1 ? qsTr("(1 todo has no date)") : qsTr("(%1 todos have no date)").arg(root.exchange.undatedCount)
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
    }

    Text {
        objectName: "importMessage"
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        visible: text.length > 0
        wrapMode: Text.Wrap
        text: root.exchange.busy ? qsTr("Importing…") : root.exchange.error.length > 0 ? root.exchange.error : root.exchange.result
        color: root.exchange.error.length > 0 ? Theme.danger : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.weight: root.exchange.result.length > 0 ? Font.DemiBold : Font.Normal
    }
    ListView {
        id: summaryList
        objectName: "importSummary"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 220)
        visible: count > 0
        clip: true
        spacing: Theme.spacingXs
        model: root.exchange.summary
        ScrollBar.vertical: ScrollBar {}
        delegate: RowLayout {
            id: entry
            required property var modelData
            width: ListView.view.width - Theme.spacingM
            spacing: Theme.spacingS
            Rectangle {
                Layout.alignment: Qt.AlignTop
                implicitWidth: outcome.implicitWidth + Theme.spacingM
                implicitHeight: outcome.implicitHeight + 4
                radius: height / 2
                color: entry.modelData.outcome === "skipped" ? Theme.surfaceAlt : Theme.accentSoft
                Text {
                    id: outcome
                    anchors.centerIn: parent
                    text: entry.modelData.outcome === "added" ? qsTr("added") : entry.modelData.outcome === "updated" ? qsTr("updated") : qsTr("skipped")
                    color: entry.modelData.outcome === "skipped" ? Theme.textMuted : Theme.accent
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                }
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                text: entry.modelData.text + (entry.modelData.day.length > 0 ? " — " + App.dayTitle(entry.modelData.day) : "")
                      + (entry.modelData.reason.length > 0 ? "\n" + entry.modelData.reason : "")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
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
            objectName: "importButton"
            primary: true
            text: root.exchange.fileReady ? qsTr("Import") : qsTr("Read file")
            enabled: !root.exchange.busy && fileRow.path.trim().length > 0 && root.exchange.result.length === 0
            onClicked: root.proceed()
        }
    }
}
