// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Dayboard

// The bottom line: the day's counts, the done filter and the shortcuts sheet.
RowLayout {
    id: root

    required property DayModel dayModel
    required property WindowActions actions

    Text {
        objectName: "countsText"
        Layout.fillWidth: true
        text: qsTr("%1 open · %2 done").arg(root.dayModel.openCount).arg(root.dayModel.doneCount)
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }
    IconButton {
        showLabel: true
        iconName: "eye"
        iconColor: Theme.textMuted
        iconSize: 16
        implicitHeight: 28
        text: App.showDone ? qsTr("Hide done") : qsTr("Show done")
        onClicked: root.actions.showDoneAction.trigger()
    }
    IconButton {
        showLabel: true
        iconName: "help"
        iconColor: Theme.textMuted
        iconSize: 16
        implicitHeight: 28
        text: qsTr("Shortcuts")
        onClicked: root.actions.helpAction.trigger()
    }
}
