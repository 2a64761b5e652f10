// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Dayboard

// The built-in server in Settings: its address and API key (to reach it from the HPKV web
// app, a script or another device), each with a Copy button, and the switch that shares it on
// the local network (otherwise it only listens on 127.0.0.1).
GridLayout {
    id: root

    columns: 3
    columnSpacing: Theme.spacingM
    rowSpacing: Theme.spacingS

    component FieldLabel: Text {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
    component Value: TextField {
        Layout.fillWidth: true
        readOnly: true
        selectByMouse: true
        font.family: "monospace"
        font.pixelSize: Theme.fontSmall
    }
    component CopyButton: DayButton {
        property string value
        property string what
        text: qsTr("Copy")
        enabled: value.length > 0
        Accessible.name: qsTr("Copy the %1").arg(what)
        onClicked: {
            App.copyToClipboard(value)
            App.notify(qsTr("Copied the %1.").arg(what))
        }
    }

    FieldLabel { text: qsTr("Address") }
    Value {
        objectName: "builtInAddress"
        text: App.embeddedUrl
        Accessible.name: qsTr("Built-in server address")
    }
    CopyButton { value: App.embeddedUrl; what: qsTr("address") }

    FieldLabel { text: qsTr("On the network"); visible: App.shareEmbedded && App.embeddedNetworkUrl.length > 0 }
    Value {
        visible: App.shareEmbedded && App.embeddedNetworkUrl.length > 0
        text: App.embeddedNetworkUrl
        Accessible.name: qsTr("Built-in server address on the network")
    }
    CopyButton {
        visible: App.shareEmbedded && App.embeddedNetworkUrl.length > 0
        value: App.embeddedNetworkUrl
        what: qsTr("network address")
    }

    FieldLabel { text: qsTr("API key") }
    Value {
        id: keyField
        objectName: "builtInKey"
        text: App.embeddedKey
        echoMode: showKey.checked ? TextInput.Normal : TextInput.Password
        Accessible.name: qsTr("Built-in server API key")
    }
    RowLayout {
        spacing: Theme.spacingS
        DayButton {
            id: showKey
            checkable: true
            text: checked ? qsTr("Hide") : qsTr("Show")
            Accessible.name: checked ? qsTr("Hide the API key") : qsTr("Show the API key")
        }
        CopyButton { value: App.embeddedKey; what: qsTr("API key") }
    }

    DaySwitch {
        objectName: "shareSwitch"
        Layout.columnSpan: 3
        Layout.fillWidth: true
        text: qsTr("Share on the local network")
        checked: App.shareEmbedded
        onToggled: App.shareEmbedded = checked
    }
    Text {
        Layout.columnSpan: 3
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        text: App.shareEmbedded
              ? qsTr("Other devices on your network can reach it with the address and key above. Turn this off to keep it to this computer.")
              : qsTr("Only this computer can reach it (127.0.0.1). Your lists stay here and work offline.")
    }
}
