// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// A month calendar in a popup: six weeks from the week of the month's first day, from a WeekModel
// (the week strip's source: the DayCache, so each day's counts come from where the strip's do).
// A day with todos has a dot (open todos: accent; all done: the done colour). `subject`, when
// set, names what the pick is for (Ctrl+M: the todo that will move). Dates are "yyyy-MM-dd".
Popup {
    id: root

    property string selectedDate
    property string title: qsTr("Go to day")
    property string subject
    property int month: App.monthOf(selectedDate)
    property int year: App.yearOf(selectedDate)
    signal picked(string isoDate)

    function openAt(isoDate) {
        selectedDate = isoDate
        month = App.monthOf(isoDate)
        year = App.yearOf(isoDate)
        open()
    }
    function pad(n) {
        return (n < 10 ? "0" : "") + n
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
        Text {
            objectName: "pickerSubject"
            visible: root.subject.length > 0
            Layout.fillWidth: true
            Layout.maximumWidth: grid.implicitWidth
            text: qsTr("“%1”").arg(root.subject)
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
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
        WeekModel {
            id: days
            controller: App
            weeks: 6
            // Watched only while the calendar is open.
            date: root.visible ? root.year + "-" + root.pad(root.month + 1) + "-01" : ""
        }
        Grid {
            id: grid
            objectName: "pickerGrid"
            Layout.fillWidth: true
            columns: 7
            spacing: 2
            Repeater {
                model: days
                delegate: Rectangle {
                    id: cell
                    required property string date
                    required property int dayNumber
                    required property int openCount
                    required property int doneCount
                    required property bool isToday
                    readonly property bool selected: date === root.selectedDate
                    readonly property bool inMonth: App.monthOf(date) === root.month
                    readonly property bool hasTodos: openCount + doneCount > 0
                    objectName: "day_" + date
                    implicitWidth: 36
                    implicitHeight: 34
                    radius: Theme.radiusSmall
                    color: selected ? Theme.accent : cellHover.hovered ? Theme.surfaceAlt : "transparent"
                    border.color: isToday && !selected ? Theme.accent : "transparent"
                    Accessible.role: Accessible.Button
                    Accessible.name: !hasTodos ? App.longDate(date) : qsTr("%1, %2 open, %3 done").arg(App.longDate(date)).arg(openCount).arg(doneCount)
                    HoverHandler { id: cellHover }
                    TapHandler {
                        onTapped: {
                            root.picked(cell.date)
                            root.close()
                        }
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.verticalCenterOffset: -2
                        text: cell.dayNumber
                        color: cell.selected ? Theme.textOnAccent : cell.inMonth ? Theme.text : Theme.textFaint
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.weight: cell.isToday ? Font.Bold : Font.Normal
                    }
                    Rectangle {
                        objectName: "todoMark"
                        visible: cell.hasTodos
                        anchors.horizontalCenter: parent.horizontalCenter
                        anchors.bottom: parent.bottom
                        anchors.bottomMargin: 4
                        width: 5
                        height: 5
                        radius: 2.5
                        color: cell.selected ? Theme.textOnAccent : cell.openCount > 0 ? Theme.accent : Theme.done
                        opacity: cell.inMonth ? 1 : 0.5
                    }
                }
            }
        }
        DayButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Today")
            onClicked: { root.picked(App.today); root.close() }
        }
    }
}
