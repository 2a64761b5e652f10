// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Layouts

// The seven days around the shown one, each with its open and done counts (as text).
Item {
    id: root

    property string selectedDate
    // Marks the days someone else has open (PresenceModel.busyDates); null: no marks.
    property PresenceModel presence: null
    signal dayClicked(string isoDate)
    // A todo row was dragged onto another day (TodoDragHandle); the window moves it there.
    signal todoDropped(string todoId, string isoDate)

    implicitHeight: 66

    WeekModel {
        id: week
        controller: App
        date: root.selectedDate
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacingS

        Repeater {
            model: week
            delegate: Rectangle {
                id: cell
                required property string date
                required property string dayName
                required property int dayNumber
                required property int openCount
                required property int doneCount
                required property bool isToday
                readonly property bool selected: date === root.selectedDate
                readonly property bool dropTarget: dayDrop.containsDrag

                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                objectName: "weekDay_" + date
                color: dropTarget ? Theme.accentSoft : selected ? Theme.surface : cellHover.hovered ? Theme.surfaceHover : "transparent"
                border.color: dropTarget ? Theme.accent : selected ? Theme.border : "transparent"
                border.width: dropTarget ? 2 : 1
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("%1, %2 open, %3 done").arg(App.longDate(date)).arg(openCount).arg(doneCount)

                Rectangle {
                    objectName: "presenceMark_" + cell.date
                    visible: root.presence !== null && root.presence.busyDates.indexOf(cell.date) >= 0
                    anchors { top: parent.top; right: parent.right; margins: 6 }
                    width: 6; height: 6; radius: 3
                    color: Theme.accent
                    Accessible.ignored: true
                }
                HoverHandler { id: cellHover }
                TapHandler { onTapped: root.dayClicked(cell.date) }
                // A row dragged here moves to this day once the drag (and its handler) is done.
                DropArea {
                    id: dayDrop
                    anchors.fill: parent
                    keys: ["application/x-dayboard-todo"]
                    enabled: !cell.selected
                    onDropped: (drop) => {
                        const todoId = drop.source.todoId
                        drop.accept(Qt.MoveAction)
                        Qt.callLater(() => root.todoDropped(todoId, cell.date))
                    }
                }

                Column {
                    anchors.centerIn: parent
                    spacing: 2
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: cell.isToday ? qsTr("Today") : cell.dayName
                        color: cell.isToday ? Theme.accent : Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        font.weight: cell.isToday ? Font.Bold : Font.Normal
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: cell.dayNumber
                        color: cell.selected ? Theme.text : Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge + 2
                        font.weight: cell.selected ? Font.Bold : Font.Normal
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: cell.openCount + cell.doneCount === 0 ? "·"
                              : cell.openCount === 0 ? qsTr("✓ %1").arg(cell.doneCount)
                              : cell.doneCount === 0 ? qsTr("%1 open").arg(cell.openCount)
                              : qsTr("%1 open · %2 ✓").arg(cell.openCount).arg(cell.doneCount)
                        color: cell.openCount === 0 && cell.doneCount > 0 ? Theme.done : Theme.textFaint
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall - 1
                    }
                }
                Rectangle {
                    visible: cell.selected
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 4
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: 18
                    height: 3
                    radius: 1.5
                    color: Theme.accent
                }
            }
        }
    }
}
