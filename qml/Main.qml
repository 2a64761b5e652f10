// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// One Dayboard window: one day's list, the week around it, and the app's menus and shortcuts.
// Every window has its own `day`; all windows share the same data through App. The parts:
// DayHeader, WeekStrip, TodoListPane, DayFooter, AppMenuBar; WindowActions holds the commands.
DayWindow {
    id: root

    required property string day

    readonly property bool isPast: day < App.today
    readonly property alias dayModel: dayModel
    readonly property alias filterModel: filterModel
    readonly property alias todoList: listPane.todoList
    readonly property alias addField: listPane.addField
    readonly property alias toasts: toasts
    readonly property alias actions: actions

    function goTo(isoDate) {
        if (isoDate && isoDate.length === 10)
            day = isoDate
    }
    // Search's jump: show the day and select the todo once its row is there (done ones shown too).
    property string pendingSelection
    function showTodo(isoDate, todoId) {
        goTo(isoDate)
        pendingSelection = todoId
        selectPending()
    }
    function selectPending() {
        if (pendingSelection.length === 0 || dayModel.indexOf(pendingSelection) < 0)
            return
        if (filterModel.rowOf(pendingSelection) < 0)
            App.showDone = true
        const row = filterModel.rowOf(pendingSelection)
        if (row < 0)
            return
        pendingSelection = ""
        todoList.currentIndex = row
        todoList.positionViewAtIndex(row, ListView.Contain)
        todoList.forceActiveFocus()
    }
    Connections { target: filterModel; function onCountChanged() { root.selectPending() } }

    title: qsTr("%1 — Dayboard").arg(App.longDate(day))
    // A new window is ready for typing a todo.
    Component.onCompleted: listPane.addField.forceActiveFocus()

    // Who else has this day open (docs/user-guide.md "Who else is here").
    PresenceModel { id: presence; controller: App; date: root.day }

    DayModel {
        id: dayModel
        controller: App
        date: root.day
        onMessage: (text) => toasts.showError(text)
    }
    TodoFilterModel {
        id: filterModel
        dayModel: dayModel
        showDone: App.showDone
        sortMode: App.daySort
    }
    // A window left on "today" overnight moves on to the new today.
    property string knownToday: App.today
    Connections {
        target: App
        function onToast(text) { toasts.show(text) }
        function onTodayChanged() {
            if (root.day === root.knownToday)
                root.day = App.today
            root.knownToday = App.today
        }
    }

    WindowActions {
        id: actions
        window: root
        day: root.day
        dayModel: dayModel
        list: listPane.todoList
        addField: listPane.addField
        toasts: toasts
        picker: picker
        settings: settings
        help: help
        onGoToRequested: (isoDate) => root.goTo(isoDate)
    }

    PlannerActions {
        id: planner
        list: listPane.todoList
        filterModel: filterModel
        notesPanel: notesPanel
        toasts: toasts
    }
    // A reorder refused while sorted: say why (the order shown is not the stored one).
    Connections { target: filterModel; function onMoveRefusedWhileSorted() { planner.explainSorted() } }

    menuBar: AppMenuBar {
        planner: planner
        actions: actions
        onAboutRequested: toasts.show(qsTr("Dayboard %1 — calm per-day todo lists").arg(App.version))
        onSearchRequested: search.open()
        exportAction: root.exportAction
        importAction: root.importAction
    }

    Shortcut { sequences: ["Alt+Home"]; onActivated: root.goTo(App.today) }
    Shortcut { sequences: ["Ctrl+Y"]; enabled: dayModel.undoStack.canRedo; onActivated: actions.redo() }
    Shortcut { sequences: ["Ctrl+PgUp"]; onActivated: root.goTo(App.addDays(root.day, -1)) }
    Shortcut { sequences: ["Ctrl+PgDown"]; onActivated: root.goTo(App.addDays(root.day, 1)) }

    Item {
        anchors.fill: parent

        ColumnLayout {
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            // The notes panel widens the window's content beside the list.
            width: Math.min(parent.width - 2 * Theme.spacingXl, Theme.contentWidth + (notesPanel.open ? 320 : 0))
            anchors.topMargin: Theme.spacingXl
            anchors.bottomMargin: Theme.spacingXl
            spacing: Theme.spacingL

            DayHeader {
                Layout.fillWidth: true
                day: root.day
                actions: actions
            }
            PresenceBar {
                Layout.fillWidth: true
                Layout.topMargin: -Theme.spacingS
                presence: presence
            }
            WeekStrip {
                Layout.fillWidth: true
                selectedDate: root.day
                presence: presence
                onDayClicked: (isoDate) => root.goTo(isoDate)
                onTodoDropped: (todoId, isoDate) => actions.moveToDay(todoId, isoDate)
            }
            // The list and, beside it, the notes panel. Anchored, not a RowLayout: Qt 6.4's nested
            // layouts miss the panel showing while this column widens for it (it stayed 0 × 0).
            // Too narrow for both (a list under 400 px wraps its todos letter by letter): the notes
            // take the list's place until they close.
            Item {
                id: listArea
                readonly property bool notesBeside: notesPanel.visible && width - 320 - Theme.spacingM >= 400
                Layout.fillWidth: true
                Layout.fillHeight: true
                TodoListPane {
                    id: listPane
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    anchors.right: listArea.notesBeside ? notesPanel.left : parent.right
                    anchors.rightMargin: listArea.notesBeside ? Theme.spacingM : 0
                    visible: !notesPanel.visible || listArea.notesBeside
                    day: root.day
                    isPast: root.isPast
                    dayModel: dayModel
                    filterModel: filterModel
                    actions: actions
                    onNotesRequested: (todoId) => planner.openNotes(todoId)
                }
                NotesPanel {
                    id: notesPanel
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    width: listArea.notesBeside ? 320 : parent.width
                    dayModel: dayModel
                    onCloseRequested: planner.closeNotes()
                }
            }
            DayFooter {
                Layout.fillWidth: true
                dayModel: dayModel
                actions: actions
            }
        }

        ToastArea {
            id: toasts
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: 56
            width: parent.width
        }
    }

    DatePicker {
        id: picker
        x: Math.round((root.width - width) / 2)
        y: 96
        onPicked: (isoDate) => actions.dayPicked(isoDate)
    }
    SettingsSheet { id: settings }
    HelpSheet { id: help }
    SearchPanel { id: search; onJumpRequested: (isoDate, todoId) => root.showTodo(isoDate, todoId) }
    readonly property Action exportAction: Action { text: qsTr("Export…"); shortcut: "Ctrl+Shift+E"; onTriggered: exportSheet.open() }
    readonly property Action importAction: Action { text: qsTr("Import…"); shortcut: "Ctrl+Shift+I"; onTriggered: importSheet.open() }
    ExportSheet { id: exportSheet; day: root.day }
    ImportSheet { id: importSheet; day: root.day }
}
