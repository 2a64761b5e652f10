// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// One Dayboard window: one day's list, the week around it, and the app's menus and shortcuts.
// Every window has its own `day`; all windows share the same data through App.
ApplicationWindow {
    id: root

    required property string day

    readonly property bool isPast: day < App.today
    readonly property alias dayModel: dayModel
    readonly property alias filterModel: filterModel
    readonly property alias todoList: list
    readonly property alias addField: addField
    readonly property alias toasts: toasts

    function goTo(isoDate) {
        if (isoDate && isoDate.length === 10)
            day = isoDate
    }
    function currentId() {
        return list.currentIndex >= 0 ? filterModel.idAt(list.currentIndex) : ""
    }
    function addTodo() {
        if (dayModel.add(addField.text, priorityBox.currentValue).length > 0) {
            addField.clear()
            list.currentIndex = list.count - 1
            list.positionViewAtEnd()
        }
        addField.forceActiveFocus()
    }
    function removeTodo(todoId) {
        const row = dayModel.indexOf(todoId)
        if (row < 0)
            return
        const text = dayModel.get(row).text
        if (dayModel.remove(todoId))
            toasts.show(qsTr("Deleted “%1”").arg(text), qsTr("Undo"), () => dayModel.undo())
    }
    function undo() {
        if (!dayModel.undo())
            toasts.show(qsTr("Nothing to undo"))
    }
    function moveToDay(todoId, isoDate) {
        const row = dayModel.indexOf(todoId)
        if (row >= 0 && dayModel.moveToDay(todoId, isoDate))
            toasts.show(qsTr("Moved “%1” to %2").arg(dayModel.get(row).text || qsTr("the todo")).arg(App.dayTitle(isoDate)),
                        qsTr("Show"), () => root.goTo(isoDate))
    }
    function carryOver() {
        const moved = dayModel.carryOverUnfinishedTo(App.today)
        if (moved > 0)
            toasts.show((moved === 1 ? qsTr("Carried 1 todo over to today") : qsTr("Carried %1 todos over to today").arg(moved)), qsTr("Show"), () => root.goTo(App.today))
    }
    function editCurrent() {
        const current = list.currentItem as TodoDelegate
        if (current)
            current.startEditing()
    }
    function moveCurrent(delta) {
        const from = list.currentIndex
        if (from >= 0 && filterModel.moveRow(from, from + delta))
            list.currentIndex = from + delta
    }

    width: 1000
    height: 760
    minimumWidth: 600
    minimumHeight: 480
    title: qsTr("%1 — Dayboard").arg(App.longDate(day))
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.brightText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.onAccent
    palette.light: Theme.surface
    palette.midlight: Theme.surfaceAlt
    palette.mid: Theme.borderStrong
    palette.dark: Theme.textMuted
    palette.shadow: Theme.shadow
    palette.placeholderText: Theme.textFaint
    palette.toolTipBase: Theme.toastBackground
    palette.toolTipText: Theme.toastText

    DayModel {
        id: dayModel
        controller: App
        date: root.day
        onMessage: (text) => toasts.show(text)
    }
    TodoFilterModel {
        id: filterModel
        dayModel: dayModel
        showDone: App.showDone
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

    // Actions: the menus show them, the help sheet lists them.
    Action { id: newTodoAction; text: qsTr("New Todo"); shortcut: "Ctrl+N"; onTriggered: addField.forceActiveFocus() }
    Action { id: newWindowAction; text: qsTr("New Window"); shortcut: "Ctrl+Shift+N"; onTriggered: App.newWindow(root.day) }
    Action { id: closeAction; text: qsTr("Close Window"); shortcut: StandardKey.Close; onTriggered: root.close() }
    Action { id: settingsAction; text: qsTr("Settings…"); shortcut: "Ctrl+,"; onTriggered: settings.open() }
    Action { id: quitAction; text: qsTr("Quit"); shortcut: StandardKey.Quit; onTriggered: Qt.quit() }
    Action { id: undoAction; text: dayModel.canUndo ? qsTr("Undo Delete") : qsTr("Undo"); shortcut: StandardKey.Undo; onTriggered: root.undo() }
    Action { id: editAction; text: qsTr("Edit Todo"); shortcut: "F2"; enabled: list.currentIndex >= 0; onTriggered: root.editCurrent() }
    Action { id: toggleAction; text: qsTr("Toggle Done"); shortcut: "Ctrl+D"; enabled: list.currentIndex >= 0; onTriggered: dayModel.toggleDone(root.currentId()) }
    Action { id: deleteAction; text: qsTr("Delete Todo"); shortcut: StandardKey.Delete; enabled: list.currentIndex >= 0; onTriggered: root.removeTodo(root.currentId()) }
    Action { id: moveUpAction; text: qsTr("Move Up"); shortcut: "Ctrl+Up"; enabled: list.currentIndex > 0; onTriggered: root.moveCurrent(-1) }
    Action { id: moveDownAction; text: qsTr("Move Down"); shortcut: "Ctrl+Down"; enabled: list.currentIndex >= 0 && list.currentIndex < list.count - 1; onTriggered: root.moveCurrent(1) }
    Action { id: moveDayAction; text: qsTr("Move to Another Day…"); shortcut: "Ctrl+M"; enabled: list.currentIndex >= 0; onTriggered: list.pickDayFor(root.currentId(), header) }
    Action { id: carryAction; text: qsTr("Carry Unfinished Over to Today"); enabled: root.day !== App.today && dayModel.openCount > 0; onTriggered: root.carryOver() }
    Action { id: prevAction; text: qsTr("Previous Day"); shortcut: "Alt+Left"; onTriggered: root.goTo(App.addDays(root.day, -1)) }
    Action { id: nextAction; text: qsTr("Next Day"); shortcut: "Alt+Right"; onTriggered: root.goTo(App.addDays(root.day, 1)) }
    Action { id: todayAction; text: qsTr("Today"); shortcut: "Ctrl+T"; onTriggered: root.goTo(App.today) }
    Action { id: goToAction; text: qsTr("Go to Day…"); shortcut: "Ctrl+G"; onTriggered: { picker.title = qsTr("Go to day"); picker.target = ""; picker.openAt(root.day) } }
    Action { id: showDoneAction; text: qsTr("Show Done Todos"); checkable: true; checked: App.showDone; shortcut: "Ctrl+H"; onTriggered: App.showDone = !App.showDone }
    Action { id: helpAction; text: qsTr("Keyboard Shortcuts"); shortcut: "F1"; onTriggered: help.open() }

    menuBar: MenuBar {
        palette.window: Theme.background
        background: Rectangle { color: Theme.background; Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border } }
        delegate: MenuBarItem {
            id: barItem
            contentItem: Text {
                text: barItem.text.replace("&", "")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle { radius: 6; color: barItem.highlighted ? Theme.surfaceAlt : "transparent" }
        }
        DayMenu {
            title: qsTr("&File")
            DayMenuItem { action: newTodoAction }
            DayMenuItem { action: newWindowAction }
            MenuSeparator {}
            DayMenuItem { action: settingsAction }
            MenuSeparator {}
            DayMenuItem { action: closeAction }
            DayMenuItem { action: quitAction }
        }
        DayMenu {
            title: qsTr("&Edit")
            DayMenuItem { action: undoAction }
            MenuSeparator {}
            DayMenuItem { action: editAction }
            DayMenuItem { action: toggleAction }
            DayMenuItem { action: moveUpAction }
            DayMenuItem { action: moveDownAction }
            DayMenuItem { action: moveDayAction }
            DayMenuItem { action: carryAction }
            MenuSeparator {}
            DayMenuItem { action: deleteAction }
        }
        DayMenu {
            title: qsTr("&View")
            DayMenuItem { action: prevAction }
            DayMenuItem { action: nextAction }
            DayMenuItem { action: todayAction }
            DayMenuItem { action: goToAction }
            MenuSeparator {}
            DayMenuItem { action: showDoneAction }
        }
        DayMenu {
            title: qsTr("&Help")
            DayMenuItem { action: helpAction }
            DayMenuItem { text: qsTr("About Dayboard"); onTriggered: toasts.show(qsTr("Dayboard %1 — calm per-day todo lists").arg(App.version)) }
        }
    }

    Shortcut { sequences: ["Alt+Home"]; onActivated: root.goTo(App.today) }
    Shortcut { sequences: ["Ctrl+PgUp"]; onActivated: root.goTo(App.addDays(root.day, -1)) }
    Shortcut { sequences: ["Ctrl+PgDown"]; onActivated: root.goTo(App.addDays(root.day, 1)) }

    Item {
        anchors.fill: parent

        ColumnLayout {
            id: page
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width - 2 * Theme.spacingXl, Theme.contentWidth)
            anchors.topMargin: Theme.spacingXl
            anchors.bottomMargin: Theme.spacingXl
            spacing: Theme.spacingL

            // Header: the day, navigation, sync status.
            RowLayout {
                id: header
                Layout.fillWidth: true
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
                        onClicked: goToAction.trigger()
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

                IconButton { iconName: "chevron-left"; text: prevAction.text; onClicked: prevAction.trigger(); objectName: "prevButton" }
                DayButton {
                    id: todayButton
                    objectName: "todayButton"
                    text: qsTr("Today")
                    enabled: root.day !== App.today
                    Accessible.name: qsTr("Go to today")
                    onClicked: todayAction.trigger()
                }
                IconButton { iconName: "chevron-right"; text: nextAction.text; onClicked: nextAction.trigger(); objectName: "nextButton" }
                IconButton { iconName: "settings"; text: qsTr("Settings"); onClicked: settings.open() }
            }

            WeekStrip {
                Layout.fillWidth: true
                selectedDate: root.day
                onDayClicked: (isoDate) => root.goTo(isoDate)
            }

            // The day's list.
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacingS
                    spacing: 0

                    // Add a todo.
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.margins: Theme.spacingS
                        spacing: Theme.spacingS

                        Icon { name: "plus"; color: addField.activeFocus ? Theme.accent : Theme.textFaint; Layout.leftMargin: Theme.spacingS }
                        TextField {
                            id: addField
                            objectName: "addField"
                            Layout.fillWidth: true
                            placeholderText: root.day === App.today ? qsTr("Add a todo for today…") : qsTr("Add a todo for %1…").arg(App.longDate(root.day))
                            placeholderTextColor: Theme.textFaint
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            selectionColor: Theme.accentSoft
                            selectedTextColor: Theme.text
                            Accessible.name: qsTr("New todo text")
                            background: null
                            Keys.onReturnPressed: root.addTodo()
                            Keys.onEnterPressed: root.addTodo()
                            Keys.onDownPressed: list.forceActiveFocus()
                        }
                        ComboBox {
                            id: priorityBox
                            objectName: "priorityBox"
                            Accessible.name: qsTr("Priority of the new todo")
                            implicitWidth: 124
                            textRole: "label"
                            valueRole: "value"
                            currentIndex: 1
                            model: [
                                { value: "high", label: qsTr("↑ High") },
                                { value: "medium", label: qsTr("– Medium") },
                                { value: "low", label: qsTr("↓ Low") }
                            ]
                            background: Rectangle {
                                radius: Theme.radiusSmall
                                color: priorityBox.hovered ? Theme.surfaceAlt : Theme.surface
                                border.color: Theme.border
                            }
                        }
                        DayButton {
                            id: addButton
                            objectName: "addButton"
                            primary: true
                            text: qsTr("Add")
                            enabled: addField.text.trim().length > 0
                            Accessible.name: qsTr("Add todo")
                            onClicked: root.addTodo()
                        }
                    }

                    Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }

                    // Unfinished todos of a past day.
                    Rectangle {
                        objectName: "carryBanner"
                        visible: root.isPast && dayModel.openCount > 0
                        Layout.fillWidth: true
                        Layout.margins: Theme.spacingS
                        Layout.preferredHeight: 44
                        radius: Theme.radiusSmall
                        color: Theme.accentSoft
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.spacingM
                            anchors.rightMargin: Theme.spacingXs
                            Icon { name: "carry"; color: Theme.accent; size: 16 }
                            Text {
                                Layout.fillWidth: true
                                text: dayModel.openCount === 1 ? qsTr("1 unfinished todo left on this day.")
                                                                : qsTr("%1 unfinished todos left on this day.").arg(dayModel.openCount)
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                elide: Text.ElideRight
                            }
                            IconButton {
                                objectName: "carryButton"
                                showLabel: true
                                iconName: "move"
                                iconColor: Theme.accent
                                text: qsTr("Carry over to today")
                                onClicked: root.carryOver()
                            }
                        }
                    }

                    ListView {
                        id: list
                        objectName: "todoList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.topMargin: Theme.spacingXs
                        clip: true
                        model: filterModel
                        currentIndex: -1
                        keyNavigationEnabled: true
                        boundsBehavior: Flickable.StopAtBounds
                        activeFocusOnTab: true
                        highlightMoveDuration: 0
                        Accessible.role: Accessible.List
                        Accessible.name: qsTr("Todos for %1").arg(App.longDate(root.day))
                        ScrollBar.vertical: ScrollBar {}

                        property int dropIndex: -1  // where a dragged row would land (the current row is the one dragged)
                        readonly property DayModel dayModel: dayModel
                        readonly property TodoFilterModel filterModel: filterModel
                        function removeTodo(todoId) { root.removeTodo(todoId) }
                        function moveToDay(todoId, isoDate) { root.moveToDay(todoId, isoDate) }
                        function pickDayFor(todoId, anchor) {
                            picker.title = qsTr("Move to day")
                            picker.target = todoId
                            picker.openAt(App.addDays(root.day, 1))
                        }

                        delegate: TodoDelegate {}

                        displaced: Transition { NumberAnimation { properties: "y"; duration: Theme.animationMs; easing.type: Easing.OutCubic } }
                        add: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationMs } }

                        Keys.onSpacePressed: toggleAction.trigger()
                        Keys.onReturnPressed: root.editCurrent()
                        Keys.onEnterPressed: root.editCurrent()
                        onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0

                        Rectangle {
                            visible: list.dropIndex >= 0 && list.dropIndex !== list.currentIndex
                            x: Theme.spacingS
                            width: list.width - 2 * Theme.spacingS
                            height: 2
                            radius: 1
                            color: Theme.accent
                            // A Flickable's children live in its content: item coordinates as they are.
                            readonly property Item target: list.dropIndex >= 0 ? list.itemAtIndex(list.dropIndex) : null
                            y: !target ? 0 : list.dropIndex > list.currentIndex ? target.y + target.height - 1 : target.y - 1
                        }
                    }
                }

                // Empty, loading and error states.
                Column {
                    anchors.centerIn: parent
                    anchors.verticalCenterOffset: 24
                    spacing: Theme.spacingS
                    visible: list.count === 0
                    objectName: "emptyState"
                    width: parent.width - 2 * Theme.spacingXl

                    Rectangle {
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 56
                        height: 56
                        radius: 28
                        color: dayModel.error.length > 0 ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12) : Theme.accentSoft
                        Icon {
                            anchors.centerIn: parent
                            name: dayModel.error.length > 0 ? "help" : dayModel.doneCount > 0 ? "check" : "calendar"
                            size: 26
                            color: dayModel.error.length > 0 ? Theme.danger : Theme.accent
                        }
                    }
                    Text {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: dayModel.error.length > 0 ? qsTr("This day's list can't be read")
                            : dayModel.loading ? qsTr("Loading…")
                            : dayModel.doneCount > 0 ? qsTr("All done for this day")
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
                        text: dayModel.error.length > 0 ? qsTr("It was left untouched. %1").arg(dayModel.error)
                            : dayModel.loading ? ""
                            : dayModel.doneCount > 0 ? (dayModel.doneCount === 1 ? qsTr("1 done todo is hidden. Press Ctrl+H to show it.")
                                                         : qsTr("%1 done todos are hidden. Press Ctrl+H to show them.").arg(dayModel.doneCount))
                            : qsTr("Type above and press Enter to add a todo.")
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                }
            }

            // Footer: counts and the done filter.
            RowLayout {
                Layout.fillWidth: true
                Text {
                    objectName: "countsText"
                    Layout.fillWidth: true
                    text: qsTr("%1 open · %2 done").arg(dayModel.openCount).arg(dayModel.doneCount)
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
                    onClicked: showDoneAction.trigger()
                }
                IconButton {
                    showLabel: true
                    iconName: "help"
                    iconColor: Theme.textMuted
                    iconSize: 16
                    implicitHeight: 28
                    text: qsTr("Shortcuts")
                    onClicked: help.open()
                }
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
        property string target
        x: Math.round((root.width - width) / 2)
        y: 96
        onPicked: (isoDate) => {
            if (target.length > 0)
                root.moveToDay(target, isoDate)
            else
                root.goTo(isoDate)
        }
    }

    SettingsSheet { id: settings }

    HelpSheet {
        id: help
        shortcuts: [
            { label: qsTr("New todo"), keys: "Ctrl+N" },
            { label: qsTr("Edit the selected todo"), keys: "F2 / Enter" },
            { label: qsTr("Toggle done"), keys: "Space / Ctrl+D" },
            { label: qsTr("Delete the selected todo"), keys: "Delete" },
            { label: qsTr("Undo delete"), keys: "Ctrl+Z" },
            { label: qsTr("Move the selected todo up / down"), keys: "Ctrl+↑ / Ctrl+↓" },
            { label: qsTr("Move to another day"), keys: "Ctrl+M" },
            { label: qsTr("Previous / next day"), keys: "Alt+← / Alt+→" },
            { label: qsTr("Today"), keys: "Ctrl+T" },
            { label: qsTr("Go to a day"), keys: "Ctrl+G" },
            { label: qsTr("Show / hide done todos"), keys: "Ctrl+H" },
            { label: qsTr("New window"), keys: "Ctrl+Shift+N" },
            { label: qsTr("Settings"), keys: "Ctrl+," },
            { label: qsTr("This help"), keys: "F1" }
        ]
    }
}
