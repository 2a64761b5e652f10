// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Dayboard

// On a past day: how many todos were left unfinished, and a button that carries them to today.
Rectangle {
    id: root

    required property int openCount

    signal carryRequested()

    objectName: "carryBanner"
    implicitHeight: 44
    radius: Theme.radiusSmall
    color: Theme.accentSoft

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM
        anchors.rightMargin: Theme.spacingXs
        Icon { name: "carry"; color: Theme.accent; size: 16 }
        Text {
            Layout.fillWidth: true
            text: qsTr("%n unfinished todo(s) left on this day.", "", root.openCount)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            elide: Text.ElideRight
        }
        IconButton {
            objectName: "carryButton"
            showLabel: true
            iconName: "move"
            iconColor: Theme.accent
            text: qsTr("Carry over to today")
            onClicked: root.carryRequested()
        }
    }
}
