// The step after the consent (liveness and face match, or the manager's manual check; then the
// outcome) is not part of this build. This screen says which step comes next and that nothing was
// stored; nothing is captured, matched or stored here.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    objectName: "notBuiltScreen"

    Component.onCompleted: endButton.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        spacing: Theme.spacing * 2

        Label {
            Layout.fillWidth: true
            text: qsTr("Next step not built yet")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "notBuiltMessage"
            Layout.fillWidth: true
            text: screen.workflow.nextStep === "manual_review"
                  ? qsTr("The customer chose the manual check: no face data is taken. Next step: the manager "
                         + "checks the ID card in person. That step is not built in this version of SimKYC, so "
                         + "this registration cannot be completed and nothing has been stored.")
                  : qsTr("The customer agreed to the face check. Next step: the liveness check (blink, turn "
                         + "the head), then the face match with the ID photo. These steps are not built in this "
                         + "version of SimKYC, so this registration cannot be completed and nothing has been "
                         + "stored.")
            color: Theme.text
            font.pixelSize: Theme.fontSize
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.spacing * 2
            KioskButton {
                id: endButton
                objectName: "endRegistrationButton"
                primary: true
                text: qsTr("End this registration")
                onClicked: screen.workflow.cancelRegistration()
            }
            KioskButton {
                objectName: "logoutButton"
                text: qsTr("Sign out")
                onClicked: screen.workflow.logout()
            }
        }
    }
}
