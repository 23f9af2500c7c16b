// The registration's outcome: pass or fail in large type for the customer (never a score), the
// reasons in words for the clerk, whether the record is stored and synced, and the clerk's choices
// after a failure (try again while attempts are left, the manager's manual check, finish). On the
// customer's own screen (customerView) only the verdict.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    readonly property string outcome: workflow.outcome
    property bool customerView: false // on the customer's screen: the verdict only
    objectName: "outcomeScreen"

    Component.onCompleted: if (!customerView)
                               (outcome === "failed" && workflow.canRetry ? retryButton : finishButton).forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing * 2

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: verdict.implicitHeight + 2 * Theme.margin
            radius: 8
            color: screen.outcome === "passed" ? "#e3f4e6" : screen.outcome === "manual_review" ? Theme.panel : "#fbe5e5"
            Text {
                id: verdict
                objectName: "outcomeVerdict"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.titleFontSize + 8
                font.bold: true
                color: screen.outcome === "passed" ? Theme.ok : screen.outcome === "manual_review" ? Theme.accent
                                                                                                    : Theme.error
                text: screen.outcome === "passed" ? qsTr("✓ Identity confirmed")
                      : screen.outcome === "manual_review" ? qsTr("The manager will check the ID card in person")
                      : screen.outcome === "not_stored" ? qsTr("Not saved yet")
                      : qsTr("✗ The face check did not succeed")
            }
        }

        // For the clerk: why, stored or not, synced or not.
        Label {
            visible: !screen.customerView
            text: qsTr("For the clerk")
            font.pixelSize: Theme.fontSize
            font.bold: true
            color: Theme.text
        }
        Repeater {
            model: screen.customerView ? [] : screen.workflow.outcomeReasons
            delegate: Text {
                required property string modelData
                Layout.fillWidth: true
                text: "• " + modelData
                font.pixelSize: Theme.smallFontSize
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
        Text {
            objectName: "outcomeRecord"
            visible: !screen.customerView
            Layout.fillWidth: true
            font.pixelSize: Theme.smallFontSize
            color: screen.outcome === "not_stored" ? Theme.error : Theme.mutedText
            wrapMode: Text.WordWrap
            text: screen.outcome === "not_stored"
                  ? qsTr("The registration could not be saved: %1. Nothing is lost while this screen is open; "
                         + "free disk space or ask the manager, then save again.").arg(screen.workflow.outcomeMessage)
                  : screen.workflow.recordId !== ""
                    ? qsTr("Saved (encrypted) as %1; upload to the carrier: %2.").arg(screen.workflow.recordId)
                          .arg(screen.workflow.syncWords)
                    : qsTr("Not saved yet: choose below. Finishing records the failed check.")
        }
        Item { Layout.fillHeight: true }
        Flow {
            visible: !screen.customerView
            Layout.fillWidth: true
            spacing: Theme.spacing * 2
            KioskButton {
                id: retryButton
                objectName: "retryButton"
                visible: screen.outcome === "failed"
                enabled: screen.workflow.canRetry
                primary: true
                text: screen.workflow.canRetry ? qsTr("Try the face check again")
                                               : qsTr("No attempts left (%1 per 10 minutes)").arg(screen.workflow.maxFaceChecks)
                onClicked: screen.workflow.retryFaceCheck()
            }
            KioskButton {
                objectName: "handToManagerButton"
                visible: screen.outcome === "failed"
                text: qsTr("Manual check by the manager")
                onClicked: screen.workflow.handToManager()
            }
            KioskButton {
                objectName: "saveAgainButton"
                visible: screen.outcome === "not_stored"
                primary: true
                text: qsTr("Save again")
                onClicked: screen.workflow.saveAgain()
            }
            KioskButton {
                id: finishButton
                objectName: "finishButton"
                primary: screen.outcome !== "failed" && screen.outcome !== "not_stored"
                text: screen.outcome === "failed" ? qsTr("Finish (record as failed)") : qsTr("Next customer")
                onClicked: screen.workflow.finishRegistration()
            }
        }
    }
}
