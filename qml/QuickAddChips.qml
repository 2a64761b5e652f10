// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// What quick add understood in the add field, before Enter: one chip per word taken ("Friday
// 11 Dec", "14:30", "High"). Clicking a chip (or Space on it) keeps that word as text.
Flow {
    id: root

    required property QuickAdd quickAdd

    signal dismissed()

    objectName: "quickAddChips"
    spacing: Theme.spacingXs
    visible: quickAdd.chips.length > 0
    Accessible.name: qsTr("Understood: %1").arg(quickAdd.summary)

    Repeater {
        model: root.quickAdd.chips
        delegate: AbstractButton {
            id: chip
            required property var modelData
            objectName: "quickAddChip" + modelData.part
            focusPolicy: Qt.TabFocus
            padding: Theme.spacingXs
            leftPadding: Theme.spacingS
            rightPadding: Theme.spacingS
            Accessible.name: qsTr("%1 (from “%2”); press to keep “%2” as text").arg(modelData.label).arg(modelData.source)
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Read from “%1”. Click to keep it as text.").arg(chip.modelData.source)
            // ignore() rebuilds the chips and so destroys this one: take what it needs first.
            onClicked: {
                const owner = root
                const part = chip.modelData.part
                owner.quickAdd.ignore(part)
                owner.dismissed()
            }
            contentItem: RowLayout {
                spacing: Theme.spacingXs
                // Drawn icons, not emoji: without an emoji font those showed as empty boxes.
                Icon {
                    visible: chip.modelData.part !== QuickAdd.PriorityPart
                    name: chip.modelData.part === QuickAdd.DayPart ? "calendar" : "bell"
                    size: 13
                    color: Theme.accent
                }
                Label {
                    visible: chip.modelData.part === QuickAdd.PriorityPart
                    text: "!"
                    color: Theme.accent
                    font.pixelSize: Theme.fontSmall
                }
                Label { text: chip.modelData.label; color: Theme.text; font.pixelSize: Theme.fontSmall }
                Icon { name: "close"; size: 10; color: Theme.textFaint }
            }
            background: Rectangle {
                radius: height / 2
                color: chip.hovered || chip.activeFocus ? Theme.surfaceAlt : Theme.accentSoft
                border.color: chip.activeFocus ? Theme.accent : "transparent"
            }
        }
    }
}
