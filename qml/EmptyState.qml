// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard

// What an empty list says: loading, nothing planned, all done (done todos hidden), that the
// day's stored list could not be read, or, while it cannot load, why (App.connectionDetail).
Column {
    id: root

    required property DayModel dayModel

    readonly property bool failed: dayModel.error.length > 0
    readonly property bool cannotLoad: dayModel.loading && App.connectionProblem

    objectName: "emptyState"
    spacing: Theme.spacingS

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        width: 56
        height: 56
        radius: 28
        color: root.failed || root.cannotLoad ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12) : Theme.accentSoft
        Icon {
            anchors.centerIn: parent
            name: root.failed || root.cannotLoad ? "help" : root.dayModel.doneCount > 0 ? "check" : "calendar"
            size: 26
            color: root.failed || root.cannotLoad ? Theme.danger : Theme.accent
        }
    }
    Text {
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        text: root.failed ? qsTr("This day's list can't be read")
            : root.cannotLoad ? qsTr("Not connected to the sync server")
            : root.dayModel.loading ? qsTr("Loading…")
            : root.dayModel.doneCount > 0 ? qsTr("All done for this day")
            : qsTr("Nothing planned yet")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge + 1
        font.weight: Font.DemiBold
    }
    Text {
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: root.failed ? qsTr("It was left untouched. %1").arg(root.dayModel.error)
            : root.cannotLoad ? App.connectionDetail
            : root.dayModel.loading ? ""
            : root.dayModel.doneCount > 0 ? qsTr("%n done todo(s) hidden. Press Ctrl+H to show them.", "", root.dayModel.doneCount)
            : qsTr("Type above and press Enter to add a todo.")
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
