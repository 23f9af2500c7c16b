// Sign-in: name, password, the error (with the lockout countdown) from the workflow, and the demo
// account in demo mode. Enter in either field signs in.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    objectName: "loginScreen"

    function submit() {
        if (screen.workflow.busy)
            return
        screen.workflow.login(nameField.text, passwordField.text)
        passwordField.text = ""
        passwordField.input.forceActiveFocus()
    }

    Component.onCompleted: nameField.input.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing * 1.5

        Label {
            text: qsTr("SimKYC: sign in")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        FormField {
            id: nameField
            fieldName: "loginName"
            label: qsTr("Name")
            onAccepted: passwordField.input.forceActiveFocus()
        }
        FormField {
            id: passwordField
            fieldName: "loginPassword"
            label: qsTr("Password")
            echoMode: TextInput.Password
            onAccepted: screen.submit()
        }
        Text {
            objectName: "loginError"
            Layout.preferredWidth: Theme.fieldWidth
            visible: text !== ""
            text: screen.workflow.loginError
            color: Theme.error
            font.pixelSize: Theme.fontSize
            font.bold: true
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.spacing * 2
            KioskButton {
                objectName: "loginButton"
                primary: true
                enabled: !screen.workflow.busy
                text: qsTr("Sign in")
                onClicked: screen.submit()
            }
            Text {
                objectName: "loginBusy"
                visible: screen.workflow.busy
                text: qsTr("Checking…")
                color: Theme.text
                font.pixelSize: Theme.fontSize
            }
        }
        Text {
            objectName: "demoHint"
            Layout.preferredWidth: Theme.fieldWidth
            visible: text !== ""
            text: screen.workflow.demoHint
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.WordWrap
        }
    }
}
