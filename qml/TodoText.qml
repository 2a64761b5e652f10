// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A todo's text in its row: wrapped to at most `lines` lines, ending with "…" when there is more.
// The whole text is then one hover away (a tooltip, its first part for a very long todo) or shown
// in the row with `expanded` (TodoDelegate's chevron).
Text {
    id: root

    property bool expanded: false
    property int lines: 3
    // A tooltip longer than this would not fit on a screen; expanding shows the rest.
    readonly property int tooltipChars: 600
    readonly property bool hasMore: truncated || expanded

    objectName: "todoText"
    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    maximumLineCount: expanded ? 100000 : lines
    elide: Text.ElideRight
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge

    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && root.truncated
    ToolTip.delay: 500
    ToolTip.text: root.text.length <= tooltipChars ? root.text
                  : qsTr("%1… (expand the row to read all %2 characters)").arg(root.text.slice(0, tooltipChars)).arg(root.text.length)
}
