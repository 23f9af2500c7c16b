// One registration opened by the store manager: the review picture (the ID photo's face beside the
// live face), the customer's data in full, the outcome and its evidence, the reviews so far, and the
// decisions the record accepts, each with its reasons. The model (src/app/gui/record_detail_model.h)
// reads (audited) and records the decision (audited); this screen only shows and asks.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject record
    objectName: "recordDetailScreen"

    Component.onCompleted: backButton.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("Registration of %1").arg(screen.record.when)
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "recordError"
            visible: screen.record.error !== ""
            Layout.fillWidth: true
            text: screen.record.error
            color: Theme.error
            font.pixelSize: Theme.smallFontSize - 2
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing * 2

            ColumnLayout { // the picture and the customer
                Layout.preferredWidth: 520
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing / 2
                Rectangle {
                    Layout.preferredWidth: 500
                    Layout.preferredHeight: 250
                    color: Theme.panel
                    Image {
                        id: picture
                        objectName: "reviewPicture"
                        anchors.fill: parent
                        anchors.margins: 6
                        visible: screen.record.hasPicture
                        fillMode: Image.PreserveAspectFit
                        cache: false
                        source: screen.record.hasPicture ? "image://kiosk/review/" + screen.record.pictureSerial : ""
                    }
                    Text {
                        objectName: "pictureNote"
                        anchors.fill: parent
                        anchors.margins: 12
                        visible: !screen.record.hasPicture
                        text: screen.record.pictureNote
                        wrapMode: Text.WordWrap
                        verticalAlignment: Text.AlignVCenter
                        font.pixelSize: Theme.smallFontSize - 4
                        color: Theme.mutedText
                    }
                }
                Text {
                    visible: screen.record.hasPicture
                    text: qsTr("Left: the face on the ID photo. Right: the face at the kiosk.")
                    font.pixelSize: Theme.smallFontSize - 6
                    color: Theme.mutedText
                }
                Repeater {
                    model: screen.record.customer
                    delegate: Text {
                        required property string modelData
                        Layout.fillWidth: true
                        text: modelData
                        font.pixelSize: Theme.smallFontSize - 4
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
            }
            ColumnLayout { // the outcome, the reviews, the decision
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing / 2
                Text {
                    objectName: "recordOutcome"
                    Layout.fillWidth: true
                    text: qsTr("Outcome: %1   Liveness: %2   Distance: %3   Face checks: %4   Upload: %5")
                              .arg(screen.record.outcomeWords).arg(screen.record.livenessWords)
                              .arg(screen.record.distance === "" ? "-" : screen.record.distance)
                              .arg(screen.record.faceChecks).arg(screen.record.syncWords)
                    font.pixelSize: Theme.smallFontSize - 4
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Clerk: %1. %2").arg(screen.record.clerk).arg(screen.record.reasons)
                    font.pixelSize: Theme.smallFontSize - 4
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }
                Label {
                    text: qsTr("Reviews")
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    visible: screen.record.reviews.length === 0
                    text: screen.record.needsDecision ? qsTr("The clerk handed this customer to you: decide below.")
                                                      : qsTr("Not reviewed yet.")
                    font.pixelSize: Theme.smallFontSize - 4
                    color: screen.record.needsDecision ? Theme.accent : Theme.mutedText
                }
                Repeater {
                    objectName: "reviewList"
                    model: screen.record.reviews
                    delegate: Text {
                        required property string modelData
                        Layout.fillWidth: true
                        text: modelData
                        font.pixelSize: Theme.smallFontSize - 4
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
                Text {
                    objectName: "decisionNote"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: screen.record.decisionNote
                    font.pixelSize: Theme.smallFontSize - 4
                    color: Theme.accent
                    wrapMode: Text.WordWrap
                }
                Repeater { // one line per decision: its reasons, and the button that records it
                    model: screen.record.decisions
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        ComboBox {
                            id: reasonBox
                            objectName: "reason_" + modelData.decision
                            Layout.fillWidth: true
                            Layout.preferredHeight: 56
                            font.pixelSize: Theme.smallFontSize - 4
                            model: modelData.reasons
                            textRole: "words"
                            valueRole: "code"
                        }
                        KioskButton {
                            objectName: "decide_" + modelData.decision
                            Layout.preferredHeight: 56
                            padding: 6
                            font.pixelSize: Theme.smallFontSize - 2
                            primary: screen.record.needsDecision
                            text: modelData.label
                            onClicked: screen.record.decide(modelData.decision, reasonBox.currentValue)
                        }
                    }
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Opening this record, its picture and every decision are recorded in the audit log. "
                       + "Decisions go to the carrier with the next upload, once it holds the record.")
            font.pixelSize: Theme.smallFontSize - 6
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        KioskButton {
            id: backButton
            objectName: "backButton"
            text: qsTr("Back to the day")
            onClicked: screen.workflow.closeRecord()
        }
    }
}
