// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// The window's menus (File, Edit, View, Help): every entry is one of the window's actions.
MenuBar {
    id: root

    required property WindowActions actions
    property PlannerActions planner

    signal aboutRequested()
    signal searchRequested()
    // File → Export… / Import…: the window's actions (their shortcuts work anywhere in it).
    property Action exportAction
    property Action importAction

    palette.window: Theme.background
    background: Rectangle {
        color: Theme.background
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
    }
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
        DayMenuItem { action: root.actions.newTodoAction }
        DayMenuItem { action: root.actions.newWindowAction }
        MenuSeparator {}
        DayMenuItem { action: root.exportAction }
        DayMenuItem { action: root.importAction }
        MenuSeparator {}
        DayMenuItem { action: root.actions.settingsAction }
        MenuSeparator {}
        DayMenuItem { action: root.actions.closeAction }
        DayMenuItem { action: root.actions.quitAction }
    }
    DayMenu {
        title: qsTr("&Edit")
        DayMenuItem { action: root.actions.undoAction }
        DayMenuItem { action: root.actions.redoAction }
        MenuSeparator {}
        DayMenuItem { action: Action { text: qsTr("Find…"); shortcut: "Ctrl+F"; onTriggered: root.searchRequested() } }
        MenuSeparator {}
        DayMenuItem { action: root.actions.editAction }
        DayMenuItem { action: root.actions.toggleAction }
        DayMenuItem { action: root.actions.moveUpAction }
        DayMenuItem { action: root.actions.moveDownAction }
        DayMenuItem { action: root.actions.moveDayAction }
        DayMenuItem { action: root.actions.remindAction }
        DayMenuItem { action: root.actions.repeatAction }
        DayMenuItem { action: root.planner ? root.planner.notesAction : null }
        DayMenuItem { action: root.actions.carryAction }
        DayMenuItem { action: root.actions.carryOverdueAction }
        MenuSeparator {}
        DayMenuItem { action: root.actions.removeAction }
    }
    DayMenu {
        title: qsTr("&View")
        DayMenuItem { action: root.actions.previousDayAction }
        DayMenuItem { action: root.actions.nextDayAction }
        DayMenuItem { action: root.actions.todayAction }
        DayMenuItem { action: root.actions.goToDayAction }
        MenuSeparator {}
        DayMenuItem { action: root.actions.showDoneAction }
        DayMenu {
            title: qsTr("Sort")
            DayMenuItem { action: root.planner ? root.planner.sortOrderAction : null }
            DayMenuItem { action: root.planner ? root.planner.sortPriorityAction : null }
            DayMenuItem { action: root.planner ? root.planner.sortStatusAction : null }
        }
    }
    DayMenu {
        title: qsTr("&Help")
        DayMenuItem { action: root.actions.helpAction }
        DayMenuItem { text: qsTr("About Dayboard"); onTriggered: root.aboutRequested() }
    }
}
