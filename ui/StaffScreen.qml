// The store manager's staff accounts: each account with its role and lockout state (locking one is
// a button), and a form to add a clerk or to set a new password (which unlocks). The model
// (src/app/gui/staff_view_model.h) checks, hashes and audits; the fields are cleared after each try.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject staff
    objectName: "staffScreen"

    Component.onCompleted: nameField.input.forceActiveFocus()

    function clearPasswords() {
        passwordField.text = ""
        repeatField.text = ""
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("Staff accounts")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        ListView {
            id: list
            objectName: "staffList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 260)
            clip: true
            model: screen.staff
            spacing: 2
            delegate: Rectangle {
                required property int index
                required property string name
                required property string role
                required property string accountState
                required property bool locked
                required property bool isSelf
                id: account
                objectName: "staffRow_" + name
                width: list.width
                implicitHeight: 52
                color: index % 2 ? "#f6f8fb" : Theme.background
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 4
                    spacing: 12
                    Text { Layout.preferredWidth: 220; text: account.name; font.pixelSize: Theme.smallFontSize - 2; font.bold: true; color: Theme.text; elide: Text.ElideRight }
                    Text { Layout.preferredWidth: 140; text: account.role === "manager" ? qsTr("manager") : qsTr("clerk"); font.pixelSize: Theme.smallFontSize - 2; color: Theme.text }
                    Text { Layout.fillWidth: true; text: account.accountState; font.pixelSize: Theme.smallFontSize - 4; color: account.locked ? Theme.error : Theme.mutedText; elide: Text.ElideRight }
                    KioskButton {
                        objectName: "lock_" + account.name
                        visible: !account.locked && !account.isSelf
                        Layout.preferredWidth: 120
                        Layout.preferredHeight: 44
                        padding: 4
                        font.pixelSize: Theme.smallFontSize - 4
                        text: qsTr("Lock")
                        onClicked: screen.staff.lockAccount(account.name)
                    }
                }
            }
        }
        RowLayout {
            spacing: Theme.spacing * 2
            FormField {
                id: nameField
                Layout.alignment: Qt.AlignTop
                fieldName: "staffName"
                label: qsTr("Login name")
            }
            ColumnLayout {
                FormField {
                    id: passwordField
                    fieldName: "staffPassword"
                    label: qsTr("Password (at least 8 characters)")
                    echoMode: TextInput.Password
                }
                FormField {
                    id: repeatField
                    fieldName: "staffPasswordRepeated"
                    label: qsTr("The password again")
                    echoMode: TextInput.Password
                }
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "addClerkButton"
                primary: true
                text: qsTr("Add as a clerk")
                onClicked: {
                    if (screen.staff.addClerk(nameField.text, passwordField.text, repeatField.text))
                        nameField.text = ""
                    screen.clearPasswords()
                }
            }
            KioskButton {
                objectName: "setPasswordButton"
                text: qsTr("Set this new password")
                onClicked: {
                    screen.staff.setPassword(nameField.text, passwordField.text, repeatField.text)
                    screen.clearPasswords()
                }
            }
        }
        Text {
            objectName: "staffMessage"
            Layout.fillWidth: true
            text: screen.staff.message
            color: screen.staff.failed ? Theme.error : Theme.ok
            font.pixelSize: Theme.smallFontSize - 2
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
        Text {
            Layout.fillWidth: true
            text: qsTr("Every change is recorded in the audit log under your name. A locked account opens again "
                       + "when you set a new password for it.")
            font.pixelSize: Theme.smallFontSize - 6
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        KioskButton {
            objectName: "backButton"
            text: qsTr("Back")
            onClicked: screen.workflow.closeStaff()
        }
    }
}
