// SPDX-License-Identifier: MIT
import QtQuick
import Dayboard
import QtQuick.Controls
import QtQuick.Layouts

// Settings: the connection's state in full (what is wrong and what to do), where to sync
// (built-in server, with its address and key, or a remote one, switched without a restart,
// optionally bringing the lists along), where the API key is kept, theme and the done filter.
Popup {
    id: root
    objectName: "settingsSheet"

    anchors.centerIn: Overlay.overlay
    width: 520
    padding: Theme.spacingXl
    modal: true
    dim: true
    focus: true

    // The selection names another server than the one in use: offer to bring the lists along.
    readonly property bool switching: embeddedRadio.checked ? App.serverMode !== "embedded"
                                                            : App.serverMode !== "remote" || urlField.text.trim() !== App.remoteUrl

    onOpened: {
        embeddedRadio.checked = App.serverMode === "embedded"
        remoteRadio.checked = App.serverMode === "remote"
        urlField.text = App.remoteUrl
        keyField.text = ""
        bringLists.checked = true
        App.refreshKeyStorage()
    }

    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.border }
    Overlay.modal: Rectangle { color: Theme.dark ? "#99000000" : "#4d1f2329" }

    component SectionTitle: Text {
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        font.capitalization: Font.AllUppercase
        Layout.topMargin: Theme.spacingM
    }
    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere // a long file path must not widen the sheet
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }

    component DayRadio: RadioButton {
        id: radio
        Accessible.name: text
        indicator: Rectangle {
            x: radio.leftPadding
            y: (radio.height - height) / 2
            width: 18
            height: 18
            radius: 9
            color: Theme.surface
            border.width: radio.visualFocus ? 2 : 1.5
            border.color: radio.checked || radio.visualFocus ? Theme.accent : Theme.borderStrong
            Rectangle {
                anchors.centerIn: parent
                width: 8
                height: 8
                radius: 4
                color: Theme.accent
                visible: radio.checked
            }
        }
        contentItem: Text {
            leftPadding: radio.indicator.width + radio.spacing
            text: radio.text
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            verticalAlignment: Text.AlignVCenter
        }
    }

    contentItem: Flickable {
        id: flick; contentWidth: width // the column is as wide as the sheet, never wider
        implicitHeight: Math.min(column.implicitHeight, (root.parent ? root.parent.height : 700) - 4 * Theme.spacingXl)
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: column.implicitHeight > parent.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            width: flick.width
            spacing: Theme.spacingS

            Text {
                text: qsTr("Settings")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge + 3
                font.weight: Font.Bold
            }

            SectionTitle { text: qsTr("Connection") }
            RowLayout {
                objectName: "connectionStatus"
                Layout.fillWidth: true
                spacing: Theme.spacingS
                ConnectionIndicator { Layout.alignment: Qt.AlignTop }
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: App.connectionDetail
                    color: App.connectionProblem ? Theme.danger : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
            }

            SectionTitle { text: qsTr("Server") }
            DayRadio {
                id: embeddedRadio
                objectName: "embeddedRadio"
                text: qsTr("Built-in server on this computer")
            }
            BuiltInServerPanel {
                visible: embeddedRadio.checked && App.serverMode === "embedded"
                Layout.leftMargin: 32
                Layout.fillWidth: true
            }
            DayRadio {
                id: remoteRadio
                objectName: "remoteRadio"
                text: qsTr("A Dayboard or HPKV server")
            }
            GridLayout {
                visible: remoteRadio.checked
                Layout.leftMargin: 32
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacingM
                Text { text: qsTr("Address"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                TextField {
                    id: urlField
                    objectName: "serverUrlField"
                    Layout.fillWidth: true
                    placeholderText: "https://example.com"
                    Accessible.name: qsTr("Server address")
                }
                Text { text: qsTr("API key"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
                TextField {
                    id: keyField
                    objectName: "serverKeyField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    placeholderText: App.hasApiKey && App.serverMode === "remote" ? qsTr("Saved (leave empty to keep)") : qsTr("Paste your API key")
                    Accessible.name: qsTr("API key")
                }
                Item { width: 1; height: 1 }
                Note { text: App.keyStorageText }
            }
            Note {
                visible: App.serverError.length > 0
                color: Theme.danger
                text: App.serverError
            }
            CheckBox {
                id: bringLists
                objectName: "bringLists"
                visible: root.switching
                text: qsTr("Bring my lists along (copies every day's todos to the new server; nothing is duplicated)")
                Accessible.name: text
                Layout.fillWidth: true
                contentItem: Text {
                    leftPadding: bringLists.indicator.width + bringLists.spacing
                    text: bringLists.text
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    verticalAlignment: Text.AlignVCenter
                }
            }
            DayButton {
                Layout.alignment: Qt.AlignRight
                primary: true
                text: qsTr("Apply server")
                enabled: embeddedRadio.checked || urlField.text.trim().length > 0
                onClicked: App.applyServerSettings(remoteRadio.checked ? "remote" : "embedded", urlField.text, keyField.text,
                                                   root.switching && bringLists.checked)
            }

            SectionTitle { text: qsTr("Appearance") }
            RowLayout {
                Text { text: qsTr("Theme"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; Layout.fillWidth: true }
                ComboBox {
                    id: themeBox
                    Accessible.name: qsTr("Theme")
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "system", label: qsTr("Follow the system") },
                        { value: "light", label: qsTr("Light") },
                        { value: "dark", label: qsTr("Dark") }
                    ]
                    Component.onCompleted: currentIndex = indexOfValue(App.themeOverride)
                    background: Rectangle {
                        implicitWidth: 180
                        implicitHeight: Theme.controlHeight
                        radius: Theme.radiusSmall
                        color: themeBox.hovered ? Theme.surfaceAlt : Theme.surface
                        border.color: themeBox.visualFocus ? Theme.accent : Theme.border
                    }
                    onActivated: App.themeOverride = currentValue
                }
            }
            RowLayout {
                PresenceModel { id: presenceSettings; controller: App }
                Text { text: qsTr("Device name (others see it)"); color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; Layout.fillWidth: true }
                TextField {
                    objectName: "deviceNameField"
                    Layout.preferredWidth: 180
                    text: presenceSettings.deviceName
                    Accessible.name: qsTr("Device name")
                    onEditingFinished: presenceSettings.deviceName = text
                }
            }
            DaySwitch {
                id: doneSwitch
                text: qsTr("Show done todos")
                checked: App.showDone
                onToggled: App.showDone = checked
            }
            DaySwitch {
                objectName: "keepRunningSwitch"; Layout.fillWidth: true // wraps instead of widening the sheet
                text: qsTr("Keep running in the background (tray icon; reminders fire with no window open)")
                checked: App.keepRunning
                onToggled: App.keepRunning = checked
            }

            DayButton {
                Layout.alignment: Qt.AlignRight
                Layout.topMargin: Theme.spacingM
                text: qsTr("Close")
                onClicked: root.close()
            }
        }
    }
}
