// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick
import Dayboard

// The calm palette, spacing and type scale every Dayboard view uses.
QtObject {
    readonly property bool dark: App.darkTheme

    readonly property color background: dark ? "#16181d" : "#f4f3ef"
    readonly property color surface: dark ? "#1e2128" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#252933" : "#f0eee9"
    readonly property color surfaceHover: dark ? "#2a2e38" : "#f6f5f1"
    readonly property color selection: dark ? "#233a37" : "#e3f0ec"
    readonly property color border: dark ? "#2f343f" : "#e3e0d8"
    readonly property color borderStrong: dark ? "#3d4350" : "#cfcabf"
    readonly property color text: dark ? "#e7e5e0" : "#1f2329"
    readonly property color textMuted: dark ? "#9499a3" : "#6a6f78"
    readonly property color textFaint: dark ? "#6a707b" : "#9a9ea5"
    readonly property color accent: dark ? "#5cc2a8" : "#2c7a69"
    readonly property color accentSoft: dark ? "#1f3a35" : "#dcefe9"
    readonly property color textOnAccent: dark ? "#0f1a17" : "#ffffff"
    readonly property color danger: dark ? "#ef8a76" : "#b6472f"
    readonly property color highPriority: dark ? "#ef8a76" : "#b6472f"
    readonly property color mediumPriority: dark ? "#e2b65f" : "#a7731b"
    readonly property color lowPriority: dark ? "#8fb1c7" : "#56788f"
    readonly property color done: dark ? "#7cc492" : "#3b8654"
    readonly property color progress: dark ? "#8fa8ff" : "#4b62c9"
    readonly property color toastBackground: dark ? "#e7e5e0" : "#23272e"
    readonly property color toastText: dark ? "#16181d" : "#f4f3ef"
    readonly property color shadow: dark ? "#66000000" : "#1a1f2329"

    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int spacingXxl: 32

    readonly property int radius: 12
    readonly property int radiusSmall: 8
    readonly property int controlHeight: 36
    readonly property int rowHeight: 52
    readonly property int contentWidth: 760

    // The desktop's own UI font: Dayboard should feel native wherever it runs.
    readonly property string fontFamily: Qt.application.font.family
    readonly property int fontSmall: 11
    readonly property int fontBody: 13
    readonly property int fontLarge: 15
    readonly property int fontTitle: 24

    readonly property int animationMs: 140

    function priorityColor(priority) {
        return priority === Todo.High ? highPriority : priority === Todo.Medium ? mediumPriority : lowPriority
    }
}
