// Consent to the face check (customer-facing), separate from any other terms (PIPL art. 29): the
// notice comes from the workflow (workflow.consentNotice, versioned in src/app/gui/consent_notice.h);
// the three choices are the customer's. With a customer screen the choices are made there: this
// (clerk's) copy then only shows the notice, that the customer answers on their screen, and Cancel.
// No rules here.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    property bool answeredElsewhere: false // the customer answers on their own screen
    objectName: "consentScreen"

    Component.onCompleted: (answeredElsewhere ? cancelButton : agreeButton).forceActiveFocus()

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
        ScrollView { // a long notice (German, Chinese) scrolls; the choices below never move off screen
            id: noticeArea
            objectName: "consentNoticeArea"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth
            ScrollBar.vertical.policy: contentHeight > height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            ColumnLayout {
                width: noticeArea.availableWidth - (noticeArea.ScrollBar.vertical.visible ? 16 : 0)
                spacing: Theme.spacing
                Repeater {
                    model: screen.workflow.consentNotice
                    delegate: ColumnLayout {
                        required property var modelData
                        objectName: "consent_" + modelData.key
                        Layout.fillWidth: true
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
            }
        }
        Text {
            objectName: "consentOnCustomerScreen"
            visible: screen.answeredElsewhere
            Layout.fillWidth: true
            text: qsTr("The customer reads this on their screen and answers there.")
            font.pixelSize: Theme.fontSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Flow { // wraps when a language's labels are long
            Layout.preferredWidth: screen.width - 2 * Theme.margin
            spacing: Theme.spacing * 2
            KioskButton {
                id: agreeButton
                objectName: "agreeButton"
                visible: !screen.answeredElsewhere
                primary: true
                text: qsTr("I agree to the face check")
                onClicked: screen.workflow.agreeToFaceCheck()
            }
            KioskButton {
                objectName: "manualCheckButton"
                visible: !screen.answeredElsewhere
                text: qsTr("I prefer a manual check")
                onClicked: screen.workflow.chooseManualCheck()
            }
            KioskButton {
                id: cancelButton
                objectName: "cancelButton"
                text: qsTr("Cancel")
                onClicked: screen.workflow.cancelRegistration()
            }
            LanguageBar { // the customer's language, next to the choices they make
                visible: !screen.answeredElsewhere
                workflow: screen.workflow
                topPadding: 8
            }
        }
    }
}
