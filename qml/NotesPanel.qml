// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// The notes of one todo, beside the list: plain text, links clickable (NoteText builds the rich
// text). Click the text (or press Ctrl+E / Enter in the panel) to edit; what is typed is saved
// 700 ms after the last keystroke and when the field loses focus, so nothing needs a Save button.
// Esc leaves the editor (saving), Esc again closes the panel.
Rectangle {
    id: root

    required property DayModel dayModel
    // The todo whose notes are shown; "" closes the panel.
    property string todoId
    readonly property bool open: todoId.length > 0
    readonly property alias editor: editor
    property string todoText
    property string notes

    signal closeRequested()

    function refresh() {
        const row = dayModel.indexOf(todoId)
        if (row < 0) {
            if (open)
                closeRequested() // the todo went (deleted, moved, another day shown)
            return
        }
        const todo = dayModel.get(row)
        todoText = todo.text
        notes = todo.notes
        if (!editor.activeFocus)
            editor.text = notes
    }
    function save() {
        saveTimer.stop()
        if (open && editor.text !== notes)
            dayModel.setNotes(todoId, editor.text)
    }
    function edit() {
        editor.text = notes
        editor.forceActiveFocus()
        editor.cursorPosition = editor.length
    }

    onTodoIdChanged: { saveTimer.stop(); editor.text = ""; refresh() }
    Connections {
        target: root.dayModel
        function onDataChanged() { root.refresh() }
        function onCountChanged() { root.refresh() }
        function onDateChanged() { root.refresh() }
    }

    objectName: "notesPanel"
    visible: open
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Notes of “%1”").arg(todoText)

    Timer { id: saveTimer; interval: 700; onTriggered: root.save() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            Icon { name: "note"; color: Theme.textMuted; size: 16 }
            Text {
                Layout.fillWidth: true
                text: qsTr("Notes · %1").arg(root.todoText)
                elide: Text.ElideRight
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
            }
            IconButton {
                objectName: "notesCloseButton"
                iconName: "close"
                text: qsTr("Close notes")
                iconColor: Theme.textMuted
                implicitWidth: 28
                implicitHeight: 28
                onClicked: { root.save(); root.closeRequested() }
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: editor.activeFocus || root.notes.trim().length === 0
            TextArea {
                id: editor
                objectName: "notesEditor"
                wrapMode: TextEdit.Wrap
                textFormat: TextEdit.PlainText
                placeholderText: qsTr("Add notes… (links like https://… become clickable)")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                placeholderTextColor: Theme.textFaint
                selectionColor: Theme.accentSoft
                selectedTextColor: Theme.text
                Accessible.name: qsTr("Notes")
                background: Rectangle {
                    radius: Theme.radiusSmall
                    color: Theme.surfaceAlt
                    border.color: editor.activeFocus ? Theme.accent : Theme.border
                }
                onTextChanged: if (activeFocus) saveTimer.restart()
                onActiveFocusChanged: if (!activeFocus) root.save()
                Keys.onEscapePressed: { root.save(); root.forceActiveFocus() }
            }
        }

        // The saved notes with their links; a click outside a link edits them.
        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !editor.activeFocus && root.notes.trim().length > 0
            contentHeight: view.implicitHeight
            clip: true
            Text {
                id: view
                objectName: "notesView"
                width: parent.width
                // Text.linkColor does not reach rich text: the links' colour comes with the text.
                readonly property string linkStyle: "<style>a { color: %1; }</style>".arg(Theme.accent)
                text: linkStyle + NoteText.toHtml(root.notes)
                textFormat: Text.RichText
                wrapMode: Text.Wrap
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                onLinkActivated: (link) => Qt.openUrlExternally(link)
                HoverHandler { cursorShape: view.hoveredLink ? Qt.PointingHandCursor : Qt.IBeamCursor }
                // Whether the tap hit a link is read at the tap (hoveredLink is stale without hover: touch).
                TapHandler { onTapped: (eventPoint) => { if (!view.linkAt(eventPoint.position.x, eventPoint.position.y)) root.edit() } }
            }
        }

        Text {
            Layout.fillWidth: true
            text: editor.activeFocus ? qsTr("Saved as you type · Esc: done") : qsTr("Click the notes or press Enter to edit")
            color: Theme.textFaint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }

    Keys.onReturnPressed: edit()
    Keys.onEnterPressed: edit()
    Keys.onEscapePressed: closeRequested()
}
