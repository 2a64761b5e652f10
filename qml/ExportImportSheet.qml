// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// The frame ExportSheet and ImportSheet share: a modal sheet with a title whose content scrolls
// in a small window, and the ExchangeController that does the work.
Popup {
    id: root

    required property string day
    property string title
    default property alias content: column.data
    readonly property alias exchange: exchange

    anchors.centerIn: Overlay.overlay
    width: Math.min(540, (Overlay.overlay ? Overlay.overlay.width : 540) - 2 * Theme.spacingM)
    padding: Theme.spacingXl
    modal: true
    dim: true
    focus: true
    closePolicy: exchange.busy ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside

    ExchangeController {
        id: exchange
        controller: App
    }

    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.border }
    Overlay.modal: Rectangle { color: Theme.dark ? "#99000000" : "#4d1f2329" }

    contentItem: Flickable {
        implicitHeight: Math.min(column.implicitHeight, (root.parent ? root.parent.height : 700) - 4 * Theme.spacingXl)
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: column.implicitHeight > parent.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            width: parent.width
            spacing: Theme.spacingS

            Text {
                text: root.title
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge + 3
                font.weight: Font.Bold
                Layout.bottomMargin: Theme.spacingS
            }
        }
    }
}
