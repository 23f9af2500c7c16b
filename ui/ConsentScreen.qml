// Consent to the face check (customer-facing), separate from any other terms (PIPL art. 29): the
// notice comes from the workflow (workflow.consentNotice, versioned in src/app/gui/consent_notice.h);
// the three choices are the customer's. No rules here.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    objectName: "consentScreen"

    Component.onCompleted: agreeButton.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Your consent to the face check")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: screen.workflow.consentNotice
            delegate: ColumnLayout {
                required property var modelData
                objectName: "consent_" + modelData.key
                Layout.preferredWidth: screen.width - 2 * Theme.margin
                spacing: 2
                Text {
                    Layout.fillWidth: true
                    text: parent.modelData.heading
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    objectName: "consentText_" + parent.modelData.key
                    Layout.fillWidth: true
                    text: parent.modelData.body
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
        }
        Item { Layout.fillHeight: true }
        Flow { // wraps when a language's labels are long
            Layout.preferredWidth: screen.width - 2 * Theme.margin
            spacing: Theme.spacing * 2
            KioskButton {
                id: agreeButton
                objectName: "agreeButton"
                primary: true
                text: qsTr("I agree to the face check")
                onClicked: screen.workflow.agreeToFaceCheck()
            }
            KioskButton {
                objectName: "manualCheckButton"
                text: qsTr("I prefer a manual check")
                onClicked: screen.workflow.chooseManualCheck()
            }
            KioskButton {
                objectName: "cancelButton"
                text: qsTr("Cancel")
                onClicked: screen.workflow.cancelRegistration()
            }
            LanguageBar { // the customer's language, next to the choices they make
                workflow: screen.workflow
                topPadding: 8
            }
        }
    }
}
