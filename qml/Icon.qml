// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Shapes

// A line icon drawn from a 24×24 SVG path, tinted with `color` (so it follows the theme).
Item {
    id: root

    property string name
    property color color: Theme.text
    property real size: 18
    property real strokeWidth: 1.8
    property bool filled: false

    readonly property var paths: ({
        "chevron-left": "M15 5 L8 12 L15 19",
        "chevron-right": "M9 5 L16 12 L9 19",
        "chevron-up": "M5 15 L12 8 L19 15",
        "chevron-down": "M5 9 L12 16 L19 9",
        "check": "M5 12.5 L10 17.5 L19 7",
        "plus": "M12 5 L12 19 M5 12 L19 12",
        "more": "M6 12 L6.01 12 M12 12 L12.01 12 M18 12 L18.01 12",
        "drag": "M9 6 L9.01 6 M15 6 L15.01 6 M9 12 L9.01 12 M15 12 L15.01 12 M9 18 L9.01 18 M15 18 L15.01 18",
        "calendar": "M4.5 6.5 L19.5 6.5 L19.5 19.5 L4.5 19.5 Z M4.5 10.5 L19.5 10.5 M8.5 4 L8.5 8 M15.5 4 L15.5 8",
        "settings": "M4 7 L20 7 M4 17 L20 17 M9 4.5 L9 9.5 M15 14.5 L15 19.5",
        "undo": "M9 6 L4.5 10.5 L9 15 M4.5 10.5 L14.5 10.5 C17.5 10.5 19.5 12.5 19.5 15 C19.5 17.5 17.5 19.5 14.5 19.5 L11 19.5",
        "arrow-up": "M12 19 L12 5 M6.5 10.5 L12 5 L17.5 10.5",
        "arrow-down": "M12 5 L12 19 M6.5 13.5 L12 19 L17.5 13.5",
        "minus": "M6 12 L18 12",
        "close": "M6.5 6.5 L17.5 17.5 M17.5 6.5 L6.5 17.5",
        "trash": "M5 7 L19 7 M10 7 L10 4.5 L14 4.5 L14 7 M6.5 7 L7.5 19.5 L16.5 19.5 L17.5 7",
        "edit": "M5 19 L5 15.5 L15.5 5 L19 8.5 L8.5 19 Z M13 7.5 L16.5 11",
        "move": "M4 12 L18 12 M13 7 L18 12 L13 17",
        "carry": "M5 5 L5 11 C5 13.5 7 15 9.5 15 L19 15 M14.5 10.5 L19 15 L14.5 19.5",
        "help": "M9.2 9.2 C9.2 7.6 10.4 6.5 12 6.5 C13.6 6.5 14.8 7.6 14.8 9 C14.8 11.2 12 11.3 12 13.8 M12 17.3 L12 17.4",
        "cloud": "M7 18 C4.5 18 3 16.3 3 14.3 C3 12.3 4.5 10.8 6.5 10.7 C7 8 9.3 6 12 6 C15 6 17.3 8.2 17.6 11 C19.6 11.2 21 12.7 21 14.6 C21 16.5 19.5 18 17.5 18 Z",
        "window": "M4 5.5 L20 5.5 L20 18.5 L4 18.5 Z M4 9.5 L20 9.5",
        "progress": "M12 4 A8 8 0 0 1 12 20 Z",
        "circle": "M12 4 A8 8 0 1 1 11.99 4 Z",
        "note": "M6 4.5 L18 4.5 L18 19.5 L6 19.5 Z M9 9 L15 9 M9 12.5 L15 12.5 M9 16 L13 16",
        "search": "M10.5 4.5 A6 6 0 1 1 10.49 4.5 Z M15 15 L19.5 19.5",
        "bell": "M16.5 9 A4.5 4.5 0 0 0 7.5 9 C7.5 14.25 5.25 15.75 5.25 15.75 L18.75 15.75 C18.75 15.75 16.5 14.25 16.5 9 Z M13.3 18.75 A1.5 1.5 0 0 1 10.7 18.75",
        "repeat": "M15.75 3.75 L18.75 6.75 L15.75 9.75 M5.25 11.25 L5.25 9.75 A3 3 0 0 1 8.25 6.75 L18.75 6.75 M8.25 20.25 L5.25 17.25 L8.25 14.25 M18.75 12.75 L18.75 14.25 A3 3 0 0 1 15.75 17.25 L5.25 17.25",
        "eye": "M2.5 12 C5 7.5 8.3 5.5 12 5.5 C15.7 5.5 19 7.5 21.5 12 C19 16.5 15.7 18.5 12 18.5 C8.3 18.5 5 16.5 2.5 12 Z M12 9.2 A2.8 2.8 0 1 1 11.99 9.2 Z"
    })

    implicitWidth: size
    implicitHeight: size
    Accessible.ignored: true

    Shape {
        anchors.centerIn: parent
        width: 24
        height: 24
        scale: root.size / 24
        antialiasing: true
        ShapePath {
            strokeColor: root.filled ? "transparent" : root.color
            fillColor: root.filled ? root.color : "transparent"
            strokeWidth: root.strokeWidth * 24 / root.size
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            PathSvg { path: root.paths[root.name] || "" }
        }
    }
}
