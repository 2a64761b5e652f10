// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Dayboard

// Who else has this day open (PresenceModel): "Also here: Anna's laptop, another window".
// Hidden while nobody else is, and against a server without presence.
RowLayout {
    id: root

    required property PresenceModel presence

    objectName: "presenceBar"
    visible: presence.text !== ""
    spacing: Theme.spacingS
    Accessible.role: Accessible.StaticText
    Accessible.name: presence.text

    Rectangle {
        Layout.alignment: Qt.AlignVCenter
        implicitWidth: 8
        implicitHeight: 8
        radius: 4
        color: Theme.accent
    }
    Text {
        objectName: "presenceText"
        Layout.fillWidth: true
        text: root.presence.text
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        elide: Text.ElideRight
    }
}
