// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// The top of the window: the day's name and date (a button that opens the date picker), the
// connection state, and day navigation.
RowLayout {
    id: root

    required property string day
    required property WindowActions actions

    spacing: Theme.spacingS

    ColumnLayout {
        spacing: 2
        Layout.fillWidth: true
        Text {
            objectName: "dayTitle"
            Layout.fillWidth: true
            text: App.dayTitle(root.day)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.weight: Font.Bold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        AbstractButton {
            id: dateButton
            implicitWidth: contentItem.implicitWidth
            implicitHeight: contentItem.implicitHeight + 4
            hoverEnabled: true
            text: App.longDate(root.day)
            Accessible.name: qsTr("%1, choose another day").arg(text)
            onClicked: root.actions.goToDayAction.trigger()
            contentItem: Row {
                spacing: Theme.spacingXs
                Text {
                    text: dateButton.text
                    color: dateButton.hovered ? Theme.accent : Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
                Icon { anchors.verticalCenter: parent.verticalCenter; name: "calendar"; size: 14; color: dateButton.hovered ? Theme.accent : Theme.textFaint }
            }
            background: null
        }
    }

    ConnectionIndicator { Layout.rightMargin: Theme.spacingS }

    IconButton {
        objectName: "prevButton"
        iconName: "chevron-left"
        text: root.actions.previousDayAction.text
        onClicked: root.actions.previousDayAction.trigger()
    }
    DayButton {
        objectName: "todayButton"
        text: qsTr("Today")
        enabled: root.day !== App.today
        Accessible.name: qsTr("Go to today")
        onClicked: root.actions.todayAction.trigger()
    }
    IconButton {
        objectName: "nextButton"
        iconName: "chevron-right"
        text: root.actions.nextDayAction.text
        onClicked: root.actions.nextDayAction.trigger()
    }
    IconButton { iconName: "settings"; text: qsTr("Settings"); onClicked: root.actions.settingsAction.trigger() }
}
