// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Dayboard

// A window in Dayboard's look: the theme's background, type and control palette.
ApplicationWindow {
    width: 1000
    height: 760
    minimumWidth: 600
    minimumHeight: 480
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.brightText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.light: Theme.surface
    palette.midlight: Theme.surfaceAlt
    palette.mid: Theme.borderStrong
    palette.dark: Theme.textMuted
    palette.shadow: Theme.shadow
    palette.placeholderText: Theme.textFaint
    palette.toolTipBase: Theme.toastBackground
    palette.toolTipText: Theme.toastText
}
