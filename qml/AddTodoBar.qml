// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// The line that adds a todo to the shown day: its text, its priority, and Add (or Enter).
RowLayout {
    id: root

    required property string day

    readonly property alias field: addField

    // Enter or Add with some text; the receiver adds the todo and clears the field.
    signal submitted(string text, int priority)
    signal downPressed()

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
        Keys.onReturnPressed: root.submitted(addField.text, priorityBox.currentValue)
        Keys.onEnterPressed: root.submitted(addField.text, priorityBox.currentValue)
        Keys.onDownPressed: root.downPressed()
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
        enabled: addField.text.trim().length > 0
        Accessible.name: qsTr("Add todo")
        onClicked: root.submitted(addField.text, priorityBox.currentValue)
    }
}
