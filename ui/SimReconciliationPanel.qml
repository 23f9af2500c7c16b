// The day's SIM reconciliation on the day view (src/app/gui/sim_reconciliation_model.h): the
// carrier's export of the day's activated SIMs (a CSV file) against the day's registrations, in four
// lists. ICCIDs are masked; reading the registrations' ICCIDs is recorded in the audit log.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SimKyc.Kiosk 1.0

ColumnLayout {
    id: panel
    required property QtObject model
    objectName: "simReconciliation"
    spacing: 4
    Text {
        Layout.fillWidth: true
        text: qsTr("Save the carrier's export of the SIMs activated on %1 (UTC) as a CSV file with an \"iccid\" column, then reconcile it with this kiosk's registrations of that day.")
                  .arg(panel.model.date)
        font.pixelSize: Theme.smallFontSize - 4
        color: Theme.text
        wrapMode: Text.WordWrap
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: fileField
            objectName: "activationsFile"
            Layout.fillWidth: true
            font.pixelSize: Theme.smallFontSize - 4
            text: panel.model.defaultFile
            onAccepted: panel.model.reconcile(text)
        }
        KioskButton {
            objectName: "reconcileButton"
            text: qsTr("Reconcile")
            onClicked: panel.model.reconcile(fileField.text)
        }
    }
    Text {
        objectName: "simError"
        Layout.fillWidth: true
        visible: text !== ""
        text: panel.model.error
        color: Theme.error
        font.pixelSize: Theme.smallFontSize - 4
        wrapMode: Text.WordWrap
    }
    Text {
        objectName: "simSummary"
        Layout.fillWidth: true
        visible: panel.model.done
        text: panel.model.summary
        font.pixelSize: Theme.smallFontSize - 4
        font.bold: true
        color: panel.model.clean ? Theme.ok : Theme.error
        wrapMode: Text.WordWrap
    }
    ListView {
        id: lists
        objectName: "simLists"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 6
        model: panel.model.lists
        delegate: ColumnLayout {
            required property int index
            required property var modelData
            width: lists.width
            spacing: 2
            Text {
                objectName: "simList_" + modelData.kind
                Layout.fillWidth: true
                text: modelData.title
                font.pixelSize: Theme.smallFontSize - 4
                font.bold: true
                color: modelData.items.length > 0 ? Theme.error : Theme.text
            }
            Repeater {
                model: modelData.items
                delegate: Text {
                    required property string modelData
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacing
                    text: modelData
                    font.family: "monospace"
                    font.pixelSize: Theme.smallFontSize - 6
                    color: Theme.text
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }
}
