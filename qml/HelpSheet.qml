// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// The keyboard shortcuts, one line each (F1).
Popup {
    id: root

    property var shortcuts: [
        { label: qsTr("New todo"), keys: "Ctrl+N" },
        { label: qsTr("Edit the selected todo"), keys: "F2 / Enter" },
        { label: qsTr("Toggle done"), keys: "Space / Ctrl+D" },
        { label: qsTr("Delete the selected todo"), keys: "Delete" },
        { label: qsTr("Undo the last edit (any day, this window)"), keys: "Ctrl+Z" },
        { label: qsTr("Redo"), keys: "Ctrl+Shift+Z / Ctrl+Y" },
        { label: qsTr("Move the selected todo up / down"), keys: "Ctrl+↑ / Ctrl+↓" },
        { label: qsTr("Move to another day"), keys: "Ctrl+M" },
        { label: qsTr("Set or remove the todo's reminder"), keys: "Ctrl+R" },
        { label: qsTr("Make the todo repeat, change or stop it"), keys: "Ctrl+Shift+R" },
        { label: qsTr("Move to a day of the week strip"), keys: qsTr("drag ⠿ onto the day") },
        { label: qsTr("Cancel a drag"), keys: "Escape" },
        { label: qsTr("Previous / next day"), keys: "Alt+← / Alt+→" },
        { label: qsTr("Today"), keys: "Ctrl+T" },
        { label: qsTr("Go to a day"), keys: "Ctrl+G" },
        { label: qsTr("Search every day's todos and notes"), keys: "Ctrl+F" },
        { label: qsTr("In search: pick / open / close"), keys: "↑ ↓ / Enter / Escape" },
        { label: qsTr("Quick add: a day, a reminder, a priority"), keys: "fri 14:30 !high" },
        { label: qsTr("Quick add: keep a word as text"), keys: qsTr("%1 or click its chip").arg("\\fri") },
        { label: qsTr("Show / hide done todos"), keys: "Ctrl+H" },
        { label: qsTr("Notes of the selected todo (Esc: done, Esc again: close)"), keys: "Ctrl+E" },
        { label: qsTr("Sort: your order / by priority / by status"), keys: "Ctrl+Alt+1 / 2 / 3" },
        { label: qsTr("New window"), keys: "Ctrl+Shift+N" },
        { label: qsTr("Close this window"), keys: "Ctrl+W" },
        { label: qsTr("Quit Dayboard"), keys: "Ctrl+Q" },
        { label: qsTr("Export days to a file"), keys: "Ctrl+Shift+E" },
        { label: qsTr("Import a file (JSON, iCalendar)"), keys: "Ctrl+Shift+I" },
        { label: qsTr("Settings"), keys: "Ctrl+," },
        { label: qsTr("This help"), keys: "F1" }
    ]

    anchors.centerIn: Overlay.overlay
    // Wide enough for the German labels beside their keys; a label that still does not fit wraps.
    width: Math.min(560, (Overlay.overlay ? Overlay.overlay.width : 560) - 2 * Theme.spacingM)
    // In a small window the list scrolls; the title and Close stay in view.
    height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : implicitHeight) - 2 * Theme.spacingM)
    padding: Theme.spacingXl
    modal: true
    dim: true
    focus: true

    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.border }
    Overlay.modal: Rectangle { color: Theme.dark ? "#99000000" : "#4d1f2329" }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS
        Text {
            text: qsTr("Keyboard shortcuts")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge + 3
            font.weight: Font.Bold
            Layout.bottomMargin: Theme.spacingS
        }
        ScrollView {
            objectName: "shortcutsScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            // Shown while the list is longer than the sheet: the rest is only a scroll away.
            ScrollBar.vertical.policy: contentHeight > height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            ColumnLayout {
                width: parent.width - Theme.spacingM // room for the scroll bar
                spacing: Theme.spacingS
                Repeater {
                    model: root.shortcuts
                    // Anchored, not a RowLayout: a wrapping label in a RowLayout kept the height of
                    // a narrower pass, so rows overlapped and keys sat below their labels.
                    delegate: Item {
                        id: shortcutRow
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: Math.max(label.implicitHeight, keyBox.implicitHeight)
                        Text {
                            id: label
                            anchors.left: parent.left
                            anchors.right: keyBox.left
                            anchors.rightMargin: Theme.spacingM
                            anchors.verticalCenter: parent.verticalCenter
                            text: shortcutRow.modelData.label
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                        }
                        Rectangle {
                            id: keyBox
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            implicitWidth: keyText.implicitWidth + 2 * Theme.spacingS
                            implicitHeight: 24
                            radius: 6
                            color: Theme.surfaceAlt
                            border.color: Theme.border
                            Text {
                                id: keyText
                                anchors.centerIn: parent
                                text: KeyNames.nativeText(shortcutRow.modelData.keys)
                                color: Theme.textMuted
                                font.family: "monospace"
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }
            }
        }
        DayButton {
            objectName: "helpClose"
            Layout.alignment: Qt.AlignRight
            Layout.topMargin: Theme.spacingM
            text: qsTr("Close")
            onClicked: root.close()
        }
    }
}
