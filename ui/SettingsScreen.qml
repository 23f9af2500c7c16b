// The store manager's settings: the match threshold, the face check's gestures, time and attempts,
// and the retention periods, each with its value, the configuration file's value and the allowed
// range; Save checks and applies one value (audited), Reset goes back to the file's value. The model
// (src/app/gui/settings_view_model.h) checks the range and writes; no rules here.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject settings
    objectName: "settingsScreen"

    Component.onCompleted: backButton.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout { // the title, and Back where it always fits
            Layout.preferredWidth: screen.width - 2 * Theme.margin
            Label {
                Layout.fillWidth: true
                text: qsTr("Settings")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            KioskButton {
                id: backButton
                objectName: "backButton"
                text: qsTr("Back")
                onClicked: screen.workflow.closeSettings()
            }
        }
        Text {
            Layout.preferredWidth: screen.width - 2 * Theme.margin
            text: screen.settings.available
                  ? qsTr("Changes apply to the next face check and are recorded in the audit log. The operator's configuration file holds the starting values.")
                  : qsTr("Settings cannot be changed on this kiosk.")
            font.pixelSize: Theme.smallFontSize
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: screen.settings.rows
            delegate: RowLayout {
                required property var modelData
                objectName: "setting_" + modelData.key
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    Layout.preferredWidth: 470
                    text: parent.modelData.label
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                TextField {
                    id: valueField
                    objectName: "settingValue_" + parent.modelData.key
                    Layout.preferredWidth: 120
                    text: parent.modelData.value
                    font.pixelSize: Theme.smallFontSize
                    onAccepted: screen.settings.change(parent.modelData.key, text)
                }
                Text {
                    Layout.preferredWidth: 210
                    text: qsTr("%1 (file: %2)").arg(parent.modelData.range).arg(parent.modelData.fileValue)
                    font.pixelSize: Theme.smallFontSize - 4
                    color: parent.modelData.changed ? Theme.accent : Theme.mutedText
                }
                KioskButton {
                    objectName: "settingSave_" + parent.modelData.key
                    Layout.preferredWidth: 140
                    text: qsTr("Save")
                    onClicked: screen.settings.change(parent.modelData.key, valueField.text)
                }
                KioskButton {
                    objectName: "settingReset_" + parent.modelData.key
                    Layout.preferredWidth: 140
                    enabled: parent.modelData.changed
                    text: qsTr("Reset")
                    onClicked: screen.settings.reset(parent.modelData.key)
                }
            }
        }
        Text {
            objectName: "settingsMessage"
            Layout.preferredWidth: screen.width - 2 * Theme.margin
            visible: screen.settings.message !== ""
            text: screen.settings.message
            font.pixelSize: Theme.smallFontSize
            font.bold: true
            color: screen.settings.failed ? Theme.error : Theme.ok
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
    }
}
