// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// Search (Ctrl+F): every day's todos by text and notes, as you type, grouped by day, newest first.
// Up/Down pick a result, Enter (or a click) jumps to its day and selects it, Escape closes.
Popup {
    id: root

    readonly property alias field: queryField
    readonly property alias results: resultList
    readonly property alias searchModel: searchModel

    // The window shows `isoDate` and selects the todo `todoId` there.
    signal jumpRequested(string isoDate, string todoId)

    function jump(row) {
        if (row < 0 || row >= searchModel.count)
            return
        const hit = searchModel.get(row)
        close()
        jumpRequested(hit.day, hit.todoId)
    }

    objectName: "searchPanel"
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, (Overlay.overlay ? Overlay.overlay.width : 620) - 2 * Theme.spacingL)
    height: Math.min(560, (Overlay.overlay ? Overlay.overlay.height : 560) - 2 * Theme.spacingL)
    padding: Theme.spacingL
    modal: true
    focus: true
    onOpened: {
        resultList.currentIndex = searchModel.count > 0 ? 0 : -1
        queryField.selectAll()
        queryField.forceActiveFocus()
    }
    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.border }

    SearchModel {
        id: searchModel
        controller: App
        active: root.visible
        query: queryField.text
        onResultsChanged: resultList.currentIndex = count > 0 ? 0 : -1
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Icon { name: "search"; color: Theme.textFaint }
            TextField {
                id: queryField
                objectName: "searchField"
                Layout.fillWidth: true
                placeholderText: qsTr("Search every day's todos and notes…")
                placeholderTextColor: Theme.textFaint
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                selectionColor: Theme.accentSoft
                selectedTextColor: Theme.text
                background: null
                Accessible.name: qsTr("Search todos")
                Keys.onDownPressed: resultList.incrementCurrentIndex()
                Keys.onUpPressed: resultList.decrementCurrentIndex()
                Keys.onReturnPressed: root.jump(resultList.currentIndex)
                Keys.onEnterPressed: root.jump(resultList.currentIndex)
                Keys.onEscapePressed: root.close()
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
        Label {
            objectName: "searchStatus"
            Layout.fillWidth: true
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            text: searchModel.error.length > 0 ? qsTr("The history could not be read: %1").arg(searchModel.error)
                : searchModel.loading && searchModel.indexedTodos === 0 ? qsTr("Reading every day from the server…")
                : queryField.text.trim().length === 0 ? qsTr("%n todo(s) on every day", "", searchModel.indexedTodos)
                : searchModel.totalMatches > searchModel.count ? qsTr("%1 of %2 matches shown").arg(searchModel.count).arg(searchModel.totalMatches)
                : qsTr("%n match(es)", "", searchModel.totalMatches)
        }
        ListView {
            id: resultList
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: searchModel
            currentIndex: -1
            highlightMoveDuration: 0
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar {}
            section.property: "day"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                topPadding: Theme.spacingS
                bottomPadding: Theme.spacingXs
                // "Tomorrow · Tuesday, 8 December", but "Friday, 11 December" rather than "Friday · Friday, …".
                readonly property string date: App.longDate(section)
                readonly property string title: App.dayTitle(section)
                text: date.startsWith(title) ? date : title + " · " + date
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            delegate: SearchResultRow {
                width: ListView.view.width
                current: ListView.isCurrentItem
                onClicked: root.jump(index)
            }
        }
    }
}
