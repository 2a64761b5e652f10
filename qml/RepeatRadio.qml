// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A choice of the Repeat dialog: a radio button in Dayboard's look (wraps a long label), with
// the frequency it stands for ("never", "daily", "weekdays", "weekly", "monthly").
RadioButton {
    id: radio
    required property string value
    Accessible.name: text
    indicator: Rectangle {
        x: radio.leftPadding
        y: (radio.height - height) / 2
        width: 18; height: 18; radius: 9
        color: Theme.surface
        border.width: radio.visualFocus ? 2 : 1.5
        border.color: radio.checked || radio.visualFocus ? Theme.accent : Theme.borderStrong
        Rectangle { anchors.centerIn: parent; width: 8; height: 8; radius: 4; color: Theme.accent; visible: radio.checked }
    }
    contentItem: Text {
        leftPadding: radio.indicator.width + radio.spacing
        text: radio.text
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
}
