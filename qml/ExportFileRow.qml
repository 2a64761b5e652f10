// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Dayboard

// The file of an export or import: a path to type, or Choose… for the file dialog.
ExportField {
    id: root

    required property ExchangeController exchange
    property bool saving: false
    property var nameFilters: []
    property alias path: field.text
    property alias field: field

    signal chosen()

    label: qsTr("File")

    TextField {
        id: field
        objectName: root.saving ? "exportPathField" : "importPathField"
        Layout.fillWidth: true
        selectByMouse: true
        placeholderText: root.saving ? qsTr("Where to save the file") : qsTr("The file to import")
        Accessible.name: root.saving ? qsTr("Export file") : qsTr("Import file")
        onAccepted: root.chosen()
    }
    DayButton {
        text: qsTr("Choose…")
        onClicked: dialog.open()
    }
    FileDialog {
        id: dialog
        title: root.saving ? qsTr("Export to") : qsTr("Import from")
        fileMode: root.saving ? FileDialog.SaveFile : FileDialog.OpenFile
        nameFilters: root.nameFilters
        onAccepted: {
            field.text = root.exchange.localPath(String(selectedFile))
            root.chosen()
        }
    }
}
