// The customer's face check: a mirrored live preview with an oval guide, one large instruction at a
// time with its symbol, a ring that empties while the prompt's time runs, and the quality hint in
// words. The workflow (src/app/gui/registration_workflow.h) runs the check; this only shows it.
// When the check cannot run (no camera, models missing, camera lost, too many attempts) it says why
// and offers a new try or the manager's manual check (the clerk's choices: not on the customer's own
// screen, customerView).
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    readonly property QtObject check: workflow.faceCheck
    readonly property bool running: check.status === "running"
    property bool customerView: false // on the customer's screen: no clerk buttons
    // The screen that faces the customer plays the screen-light colours: the customer's window when
    // there is one, else this single window (Main.qml).
    property bool lightsTheFace: true
    objectName: "faceCheckScreen"

    Component.onCompleted: cancelButton.forceActiveFocus()

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        // The preview: mirrored like a mirror, with the oval the face should fill.
        Rectangle {
            id: previewFrame
            Layout.preferredWidth: Math.min(parent.width * 0.55, 720)
            Layout.preferredHeight: Layout.preferredWidth * 3 / 4
            Layout.alignment: Qt.AlignVCenter
            color: "#000000"
            Image {
                objectName: "livePreview"
                anchors.fill: parent
                fillMode: Image.PreserveAspectFit
                cache: false
                mirror: true
                visible: screen.running && screen.check.previewSerial > 0
                source: visible ? "image://kiosk/live/" + screen.check.previewSerial : ""
            }
            Rectangle { // the oval guide
                objectName: "ovalGuide"
                anchors.centerIn: parent
                width: parent.height * 0.5
                height: parent.height * 0.68
                radius: width / 2
                color: "transparent"
                border.width: 6
                border.color: screen.check.faceFound && screen.check.hints.length === 0 ? "#2fbf4f" : "#ffffff"
            }
            Text {
                anchors.centerIn: parent
                visible: !screen.running || screen.check.previewSerial === 0
                width: parent.width - 2 * Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: "#ffffff"
                font.pixelSize: Theme.fontSize
                text: screen.check.status === "loading_models" ? qsTr("Preparing the face check…")
                      : screen.running ? qsTr("Starting the camera…") : ""
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing * 2

            Label {
                Layout.fillWidth: true
                text: qsTr("Face check")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            LanguageBar { workflow: screen.workflow }
            Text {
                objectName: "recordingNotice"
                visible: screen.running && screen.check.recording
                Layout.fillWidth: true
                text: qsTr("Demo: the camera is a recording, not a live camera.")
                font.pixelSize: Theme.smallFontSize
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }

            // One instruction at a time, with its symbol and the time left.
            RowLayout {
                visible: screen.running
                spacing: Theme.spacing * 2
                Item {
                    Layout.preferredWidth: 140
                    Layout.preferredHeight: 140
                    Canvas {
                        id: ring
                        objectName: "countdownRing"
                        anchors.fill: parent
                        property real fraction: 1.0
                        onFractionChanged: requestPaint()
                        onPaint: {
                            const ctx = getContext("2d")
                            ctx.reset()
                            ctx.lineWidth = 12
                            ctx.strokeStyle = "#d0d7e2"
                            ctx.beginPath()
                            ctx.arc(width / 2, height / 2, width / 2 - 8, 0, 2 * Math.PI)
                            ctx.stroke()
                            if (screen.check.prompt === "")
                                return
                            ctx.strokeStyle = Theme.accent
                            ctx.beginPath()
                            ctx.arc(width / 2, height / 2, width / 2 - 8, -Math.PI / 2,
                                    -Math.PI / 2 + 2 * Math.PI * fraction)
                            ctx.stroke()
                        }
                        NumberAnimation on fraction {
                            id: countdown
                            from: 1.0
                            to: 0.0
                            duration: Math.max(screen.check.promptTimeoutMs, 1)
                            running: false
                        }
                        Connections {
                            target: screen.check
                            function onPromptSerialChanged() { countdown.restart() }
                        }
                    }
                    Text {
                        objectName: "promptSymbol"
                        anchors.centerIn: parent
                        font.pixelSize: 64
                        color: Theme.accent
                        text: screen.check.prompt === "blink" ? "◉"
                              : screen.check.prompt === "left" ? "←"
                              : screen.check.prompt === "right" ? "→" : "☺"
                        SequentialAnimation on opacity { // the eye closing and opening again
                            running: screen.check.prompt === "blink"
                            loops: Animation.Infinite
                            NumberAnimation { to: 0.15; duration: 350 }
                            NumberAnimation { to: 1.0; duration: 350 }
                            PauseAnimation { duration: 500 }
                        }
                    }
                }
                Text {
                    objectName: "promptText"
                    Layout.fillWidth: true
                    font.pixelSize: Theme.titleFontSize
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    text: screen.check.prompt === "blink" ? qsTr("Blink slowly")
                          : screen.check.prompt === "left" ? qsTr("Turn your head to the left")
                          : screen.check.prompt === "right" ? qsTr("Turn your head to the right")
                          : screen.check.state === "waiting_for_face" ? qsTr("Look into the camera")
                          : qsTr("Hold still")
                }
            }
            Text {
                objectName: "promptProgress"
                visible: screen.running && screen.check.promptNumber > 0
                text: qsTr("Step %1 of %2").arg(screen.check.promptNumber).arg(screen.check.promptCount)
                font.pixelSize: Theme.smallFontSize
                color: Theme.mutedText
            }
            Rectangle { // the quality hint, in words
                visible: screen.running && screen.check.hintText !== ""
                Layout.fillWidth: true
                implicitHeight: hint.implicitHeight + 2 * Theme.spacing
                color: "#fff4d6"
                border.color: "#8a6d00"
                radius: 6
                Text {
                    id: hint
                    objectName: "qualityHint"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: screen.check.hintText
                    font.pixelSize: Theme.fontSize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }

            // The check cannot run: say why and what can be done.
            Text {
                objectName: "faceCheckProblem"
                visible: !screen.running && screen.check.status !== "loading_models" && screen.check.status !== "idle"
                Layout.fillWidth: true
                font.pixelSize: Theme.fontSize
                color: Theme.error
                wrapMode: Text.WordWrap
                text: {
                    switch (screen.check.status) {
                    case "no_camera":
                        if (screen.check.message !== "")
                            return qsTr("The demo has no picture for the face check: %1. Connect a camera, or "
                                        + "hand over to the manager for a manual check.").arg(screen.check.message)
                        return qsTr("No camera is configured for the face check. Set camera.device in the kiosk "
                                    + "configuration or start the kiosk with --camera; or hand over to the manager "
                                    + "for a manual check.")
                    case "no_backend":
                        return qsTr("The face check is not available in this window.")
                    case "models_failed":
                        return qsTr("The face models could not be loaded (%1). Run simkyc-cli selftest.")
                                   .arg(screen.check.message)
                    case "passive_model_missing":
                        return qsTr("The face check is switched off: the anti-spoofing models are not installed on "
                                    + "this kiosk. The manager installs them with simkyc-cli models install; until "
                                    + "then, hand over to the manager for a manual check.")
                    case "too_many_attempts":
                        return screen.check.message
                    default:
                        return qsTr("The face check stopped: %1").arg(screen.check.message)
                    }
                }
            }
            Item { Layout.fillHeight: true }
            Flow {
                visible: !screen.customerView
                Layout.fillWidth: true
                spacing: Theme.spacing * 2
                KioskButton {
                    objectName: "retryFaceCheckButton"
                    visible: screen.check.status === "error"
                    primary: true
                    text: qsTr("Try again")
                    onClicked: screen.workflow.retryFaceCheck()
                }
                KioskButton {
                    objectName: "handToManagerButton"
                    visible: !screen.running && screen.check.status !== "loading_models"
                             && screen.check.status !== "idle"
                    text: qsTr("Manual check by the manager")
                    onClicked: screen.workflow.handToManager()
                }
                KioskButton {
                    id: cancelButton
                    objectName: "cancelButton"
                    text: qsTr("Cancel")
                    onClicked: screen.workflow.cancelRegistration()
                }
            }
        }
    }

    // The screen-light challenge: the whole screen in the workflow's colours for 1.5 to 4 seconds,
    // lighting the customer's face (the check measures the reflection). Not on the clerk's screen when
    // the customer has their own: the clerk's screen would light the face from the side.
    Rectangle {
        objectName: "screenFlash"
        anchors.fill: parent
        z: 1000
        visible: screen.lightsTheFace && screen.workflow.screenFlash.active
        color: screen.workflow.screenFlash.color
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.margin
            font.pixelSize: Theme.fontSize
            color: "#808080"
            text: qsTr("Please keep looking at the screen")
        }
    }
}
