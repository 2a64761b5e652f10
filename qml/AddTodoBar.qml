// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// The line that adds a todo to the shown day: its text, its priority, and Add (or Enter).
// Quick add (QuickAdd): words like "fri", "14:30", "!high" are shown as chips under the field
// before Enter; clicking a chip keeps that word as text, a leading backslash ("\\fri") too.
ColumnLayout {
    id: root

    required property string day

    readonly property alias field: addField
    readonly property alias quickAdd: quick

    // Enter or Add with some text; the receiver adds the todo (to `isoDate` when not empty, with
    // the reminder time `remind`) and clears the field.
    signal submitted(string text, int priority, string isoDate, string remind)
    signal downPressed()
    // Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) in the empty field: the window's undo and redo.
    signal undoRequested()
    signal redoRequested()

    function submit() {
        root.submitted(quick.text, quick.priority >= 0 ? quick.priority : priorityBox.currentValue, quick.day, quick.remind)
    }

    spacing: Theme.spacingXs

    QuickAdd {
        id: quick
        input: addField.text
        today: App.today
    }
    Connections {
        target: addField
        function onTextChanged() { if (addField.text.length === 0) quick.reset() }
    }

    RowLayout {
        Layout.fillWidth: true
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
            Keys.onReturnPressed: root.submit()
            Keys.onEnterPressed: root.submit()
            Keys.onDownPressed: root.downPressed()
            // A text field takes Ctrl+Z for its own typing, even when there is none to undo (the
            // field is empty after each add): then it is the window's undo, as everywhere else.
            Keys.onPressed: (event) => {
                if (addField.length > 0)
                    return
                if (event.matches(StandardKey.Undo)) {
                    event.accepted = true
                    root.undoRequested()
                } else if (event.matches(StandardKey.Redo) || (event.key === Qt.Key_Y && event.modifiers === Qt.ControlModifier)) {
                    event.accepted = true
                    root.redoRequested()
                }
            }
        }
        ComboBox {
            id: priorityBox
            objectName: "priorityBox"
            Accessible.name: qsTr("Priority of the new todo")
            implicitWidth: 124
            textRole: "label"
            valueRole: "value"
            currentIndex: 1
            // A pick (mouse or keys) hands the keyboard back to the text: Enter adds, typing goes on.
            onActivated: addField.forceActiveFocus()
            model: [
                { value: Todo.High, label: qsTr("↑ High") },
                { value: Todo.Medium, label: qsTr("– Medium") },
                { value: Todo.Low, label: qsTr("↓ Low") }
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
            enabled: quick.text.length > 0
            Accessible.name: qsTr("Add todo")
            onClicked: root.submit()
        }
    }
    QuickAddChips {
        Layout.fillWidth: true
        Layout.leftMargin: 26 + Theme.spacingS
        quickAdd: quick
        onDismissed: addField.forceActiveFocus()
    }
}
