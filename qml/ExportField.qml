// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// A labelled row of the export and import sheets: the label, then its control.
RowLayout {
    id: root

    property string label
    default property alias control: slot.data

    Layout.fillWidth: true
    spacing: Theme.spacingM

    Text {
        Layout.preferredWidth: 110
        text: root.label
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        elide: Text.ElideRight
    }
    RowLayout {
        id: slot
        Layout.fillWidth: true
        spacing: Theme.spacingS
    }
}
