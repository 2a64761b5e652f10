// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// The day's todos in their order, for the keyboard and for dragging: the current row is the one
// the commands act on, and a line shows where a dragged row would land. TodoListPane sets the
// delegate (TodoDelegate).
ListView {
    id: root

    required property TodoFilterModel filterModel

    // Where a dragged row would land (the current row is the one dragged); -1: no drag.
    property int dropIndex: -1

    // The current row starts editing its text (TodoDelegate listens).
    signal editCurrentRequested()

    function currentId() {
        return currentIndex >= 0 ? filterModel.idAt(currentIndex) : ""
    }
    function editCurrent() {
        editCurrentRequested()
    }
    // Runs `change` (e.g. hiding done todos) and keeps a row selected: the same todo if it is
    // still shown, else the nearest row.
    function keepingSelection(change) {
        const id = currentId()
        const row = currentIndex
        change()
        const again = id.length > 0 ? filterModel.rowOf(id) : -1
        currentIndex = again >= 0 ? again : count === 0 ? -1 : Math.min(Math.max(row, 0), count - 1)
    }
    function moveCurrent(delta) {
        const from = currentIndex
        if (from >= 0 && filterModel.moveRow(from, from + delta))
            currentIndex = from + delta
    }

    objectName: "todoList"
    clip: true
    model: filterModel
    currentIndex: -1
    keyNavigationEnabled: true
    boundsBehavior: Flickable.StopAtBounds
    activeFocusOnTab: true
    highlightMoveDuration: 0
    Accessible.role: Accessible.List
    ScrollBar.vertical: ScrollBar {}

    displaced: Transition { NumberAnimation { properties: "y"; duration: Theme.animationMs; easing.type: Easing.OutCubic } }
    add: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationMs } }

    Keys.onReturnPressed: editCurrent()
    Keys.onEnterPressed: editCurrent()
    onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0

    Rectangle {
        visible: root.dropIndex >= 0 && root.dropIndex !== root.currentIndex && !root.filterModel.sorted
        x: Theme.spacingS
        width: root.width - 2 * Theme.spacingS
        height: 2
        radius: 1
        color: Theme.accent
        // A Flickable's children live in its content: item coordinates as they are.
        readonly property Item target: root.dropIndex >= 0 ? root.itemAtIndex(root.dropIndex) : null
        y: !target ? 0 : root.dropIndex > root.currentIndex ? target.y + target.height - 1 : target.y - 1
    }
}
