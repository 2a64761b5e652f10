// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// A month calendar in a popup. MonthGrid hands out local-midnight dates; they are turned into
// "yyyy-MM-dd" with Qt.formatDate (local time), never toISOString (UTC).
Popup {
    id: root

    property string selectedDate
    property string title: qsTr("Go to day")
    property int month: App.monthOf(selectedDate)
    property int year: App.yearOf(selectedDate)
    signal picked(string isoDate)

    function openAt(isoDate) {
        selectedDate = isoDate
        month = App.monthOf(isoDate)
        year = App.yearOf(isoDate)
        open()
    }
    function shiftMonth(delta) {
        let m = month + delta
        year += Math.floor(m / 12)
        month = ((m % 12) + 12) % 12
    }

    padding: Theme.spacingL
    focus: true
    modal: false
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        Rectangle { z: -1; anchors.fill: parent; anchors.topMargin: 4; radius: Theme.radius; color: Theme.shadow; anchors.margins: -1 }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS

        Text {
            text: root.title
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        RowLayout {
            Layout.fillWidth: true
            IconButton { iconName: "chevron-left"; text: qsTr("Previous month"); onClicked: root.shiftMonth(-1) }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: App.monthTitle(root.year, root.month + 1)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.weight: Font.DemiBold
            }
            IconButton { iconName: "chevron-right"; text: qsTr("Next month"); onClicked: root.shiftMonth(1) }
        }
        DayOfWeekRow {
            Layout.fillWidth: true
            delegate: Text {
                required property string shortName
                text: shortName
                horizontalAlignment: Text.AlignHCenter
                color: Theme.textFaint
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
        MonthGrid {
            id: grid
            Layout.fillWidth: true
            month: root.month
            year: root.year
            spacing: 2
            delegate: Rectangle {
                id: cell
                required property var model
                readonly property string iso: Qt.formatDate(model.date, "yyyy-MM-dd")
                readonly property bool selected: iso === root.selectedDate
                implicitWidth: 36
                implicitHeight: 32
                radius: Theme.radiusSmall
                color: selected ? Theme.accent : cellHover.hovered ? Theme.surfaceAlt : "transparent"
                border.color: iso === App.today && !selected ? Theme.accent : "transparent"
                Accessible.role: Accessible.Button
                Accessible.name: App.longDate(iso)
                HoverHandler { id: cellHover }
                Text {
                    anchors.centerIn: parent
                    text: cell.model.day
                    color: cell.selected ? Theme.onAccent : cell.model.month === root.month ? Theme.text : Theme.textFaint
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: cell.iso === App.today ? Font.Bold : Font.Normal
                }
            }
            onClicked: (date) => {
                root.picked(Qt.formatDate(date, "yyyy-MM-dd"))
                root.close()
            }
        }
        DayButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Today")
            onClicked: { root.picked(App.today); root.close() }
        }
    }
}
