// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Dayboard

// On a past day: how many todos were left unfinished, and a button that carries them to today.
Rectangle {
    id: root

    required property int openCount
    // What it says and its button's objectName (today's note of earlier days sets both).
    property string message: qsTr("%n unfinished todo(s) left on this day.", "", openCount)
    property string buttonName: "carryButton"

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
            text: root.message
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            elide: Text.ElideRight
        }
        IconButton {
            objectName: root.buttonName
            showLabel: true
            iconName: "move"
            iconColor: Theme.accent
            text: qsTr("Carry over to today")
            onClicked: root.carryRequested()
        }
    }
}
