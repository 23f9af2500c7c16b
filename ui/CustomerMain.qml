// The customer's window, on a second screen facing them (screens.customer / --customer-screen): the
// consent, the face check and the verdict, the same view-model as the clerk's window; a welcome
// while the clerk prepares the registration. The clerk's choices (retry, hand over, finish) stay on
// the clerk's window. No rules here.
import QtQuick
import QtQuick.Controls.Basic

Window {
    id: root
    required property QtObject workflow

    objectName: "customerWindow"
    width: 1280
    height: 800
    visible: true
    title: qsTr("SimKYC: customer screen")
    color: Theme.background

    Loader {
        id: screenLoader
        objectName: "customerScreenLoader"
        anchors.fill: parent
        sourceComponent: {
            switch (root.workflow.screen) {
            case "consent": return consentScreen
            case "face_check": return faceCheckScreen
            case "outcome": return outcomeScreen
            default: return welcomeScreen
            }
        }
    }

    Component { id: consentScreen; ConsentScreen { workflow: root.workflow } }
    Component { id: faceCheckScreen; FaceCheckScreen { workflow: root.workflow; customerView: true } }
    Component { id: outcomeScreen; OutcomeScreen { workflow: root.workflow; customerView: true } }
    Component {
        id: welcomeScreen
        Item {
            objectName: "customerWelcome"
            Text {
                anchors.centerIn: parent
                width: parent.width * 0.8
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Welcome. The clerk is preparing your registration; this screen will ask for your consent in a moment.")
                font.pixelSize: Theme.titleFontSize
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }
}
