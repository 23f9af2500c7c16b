// Signed in, no registration open: start one, see today's registrations (managers), or sign out.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    objectName: "homeScreen"

    Component.onCompleted: newButton.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing * 2

        Label {
            objectName: "signedInAs"
            text: qsTr("Signed in as %1").arg(screen.workflow.clerkName)
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        KioskButton {
            id: newButton
            objectName: "newRegistrationButton"
            primary: true
            Layout.preferredWidth: Theme.fieldWidth
            text: qsTr("New registration")
            onClicked: screen.workflow.startRegistration()
        }
        KioskButton {
            objectName: "dayViewButton"
            visible: screen.workflow.isManager
            Layout.preferredWidth: Theme.fieldWidth
            text: qsTr("Today's registrations")
            onClicked: screen.workflow.openDayView()
        }
        KioskButton {
            objectName: "staffButton"
            visible: screen.workflow.isManager
            Layout.preferredWidth: Theme.fieldWidth
            text: qsTr("Staff accounts")
            onClicked: screen.workflow.openStaff()
        }
        KioskButton {
            objectName: "settingsButton"
            visible: screen.workflow.isManager
            Layout.preferredWidth: Theme.fieldWidth
            text: qsTr("Settings")
            onClicked: screen.workflow.openSettings()
        }
        KioskButton {
            objectName: "logoutButton"
            Layout.preferredWidth: Theme.fieldWidth
            text: qsTr("Sign out")
            onClicked: screen.workflow.logout()
        }
        Text {
            Layout.preferredWidth: Theme.fieldWidth
            text: qsTr("You are signed out after %n minute(s) without activity.", "", screen.workflow.idleLockMinutes)
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.WordWrap
        }
    }
}
