// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// A choice of the export and import sheets, in Dayboard's style: `model` entries are {value, label}.
ComboBox {
    id: root

    Layout.fillWidth: true
    textRole: "label"
    valueRole: "value"
    Accessible.name: displayText
    background: Rectangle {
        implicitWidth: 200
        implicitHeight: Theme.controlHeight
        radius: Theme.radiusSmall
        color: root.hovered ? Theme.surfaceAlt : Theme.surface
        border.color: root.visualFocus ? Theme.accent : Theme.border
    }
    contentItem: Text {
        leftPadding: Theme.spacingM
        text: root.displayText
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
