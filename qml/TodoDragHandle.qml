// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard

// A row's drag handle. Dragged up or down, the row follows and a line shows where it lands in the
// day; dragged out of the list (onto a day of the week strip), a copy of the row follows the
// pointer and the row waits in its place until the drop is done. Escape cancels the drag.
Item {
    id: root

    required property Item row
    required property Item card
    required property TodoList list
    required property TodoFilterModel filterModel
    required property int index
    required property string todoId
    required property string text
    property bool hovered: false

    readonly property bool active: dragArea.active
    // Outside the list: the copy shows and the week strip's days take the drop.
    property bool outsideList: false
    readonly property bool outside: active && outsideList
    property bool cancelled: false

    function follow() {
        const p = dragArea.centroid.scenePosition
        const inList = root.list.mapFromItem(null, p.x, p.y)
        const inside = inList.x >= 0 && inList.x <= root.list.width && inList.y >= 0 && inList.y <= root.list.height
        root.outsideList = !inside
        root.card.y = inside ? 2 + dragArea.translation.y : 2
        root.list.dropIndex = inside ? root.list.indexAt(10, root.row.y + root.card.y + root.card.height / 2) : -1
        copy.x = p.x - copy.Drag.hotSpot.x
        copy.y = p.y - copy.Drag.hotSpot.y
    }
    function finish() {
        const target = root.list.dropIndex
        root.card.y = 2
        root.list.dropIndex = -1
        if (!root.cancelled && copy.Drag.target) {
            copy.Drag.drop()
            return
        }
        copy.Drag.active = false
        if (!root.cancelled && target >= 0 && target !== root.index)
            root.filterModel.moveRow(root.index, target)
    }
    function cancel() {
        root.cancelled = true
        copy.Drag.active = false
        // Disabling the handler ends its grab: the drag ends as if released, and is dropped nowhere.
        dragArea.enabled = false
        dragArea.enabled = true
    }

    objectName: "dragHandle"
    opacity: hovered || dragArea.active ? 1 : 0
    Accessible.ignored: true

    Icon { anchors.centerIn: parent; name: "drag"; size: 16; strokeWidth: 2.6; color: Theme.textFaint }
    HoverHandler { cursorShape: Qt.OpenHandCursor }
    DragHandler {
        id: dragArea
        target: null
        // The list must not turn this drag into a flick.
        grabPermissions: PointerHandler.CanTakeOverFromAnything
        onActiveChanged: {
            if (active) {
                root.cancelled = false
                root.list.currentIndex = root.index
                root.follow()
                copy.Drag.active = true
                return
            }
            root.finish()
        }
        onTranslationChanged: if (active) root.follow()
    }
    Shortcut { sequence: "Escape"; enabled: dragArea.active; onActivated: root.cancel() }

    // The copy of the row that follows the pointer outside the list (the drag's source).
    Rectangle {
        id: copy
        readonly property string todoId: root.todoId
        objectName: "dragCopy"
        parent: root.Window.contentItem
        visible: root.outside
        z: 1000
        width: Math.min(copyText.implicitWidth + 2 * Theme.spacingM + 20, 360)
        height: 36
        radius: Theme.radiusSmall
        color: Theme.surface
        border.color: Theme.accent
        border.width: 1.5
        Drag.keys: ["application/x-dayboard-todo"]
        Drag.hotSpot.x: 16
        Drag.hotSpot.y: 18
        Icon { x: Theme.spacingS; anchors.verticalCenter: parent.verticalCenter; name: "drag"; size: 14; color: Theme.textFaint }
        Text {
            id: copyText
            x: Theme.spacingS + 20
            width: parent.width - x - Theme.spacingM
            anchors.verticalCenter: parent.verticalCenter
            text: root.text
            elide: Text.ElideRight
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
    }
}
