// The audit log for the store manager: the chain's verification first, then the newest entries
// (when, who, action, record, detail; codes only). The model (src/app/gui/audit_view_model.h) audits
// the view itself before reading.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject audit
    objectName: "auditLogScreen"

    Component.onCompleted: backButton.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("Audit log")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: chain.implicitHeight + 20
            color: screen.audit.chainOk ? "#e6f4ea" : "#fde7e7"
            border.color: screen.audit.chainOk ? Theme.ok : Theme.error
            border.width: 2
            Text {
                id: chain
                objectName: "auditChain"
                anchors.fill: parent
                anchors.margins: 10
                text: screen.audit.error !== "" ? screen.audit.error : screen.audit.chainText
                font.pixelSize: Theme.smallFontSize - 2
                font.bold: true
                color: screen.audit.chainOk ? Theme.ok : Theme.error
                wrapMode: Text.WordWrap
            }
        }
        ListView {
            id: list
            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: screen.audit
            spacing: 1
            delegate: Rectangle {
                required property int index
                required property string when
                required property string who
                required property string action
                required property string record
                required property string detail
                id: entry
                width: list.width
                implicitHeight: line.implicitHeight + 6
                color: index % 2 ? "#f6f8fb" : Theme.background
                RowLayout {
                    id: line
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: 4
                    spacing: 10
                    Text { Layout.preferredWidth: 240; text: entry.when; font.pixelSize: Theme.smallFontSize - 6; color: Theme.text }
                    Text { Layout.preferredWidth: 140; text: entry.who; elide: Text.ElideRight; font.pixelSize: Theme.smallFontSize - 6; color: Theme.text }
                    Text { Layout.preferredWidth: 240; text: entry.action; font.pixelSize: Theme.smallFontSize - 6; font.bold: true; color: Theme.text }
                    Text { Layout.preferredWidth: 190; text: entry.record === "" ? "-" : entry.record.substring(0, 13) + "..."; font.family: "monospace"; font.pixelSize: Theme.smallFontSize - 6; color: Theme.mutedText }
                    Text { Layout.fillWidth: true; text: entry.detail; elide: Text.ElideRight; font.pixelSize: Theme.smallFontSize - 6; color: Theme.mutedText }
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("The newest %1 entries. The log holds codes only, never customer data; opening it is recorded too.")
                      .arg(list.count)
            font.pixelSize: Theme.smallFontSize - 6
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        KioskButton {
            id: backButton
            objectName: "backButton"
            text: qsTr("Back to the day")
            onClicked: screen.workflow.closeAuditLog()
        }
    }
}
