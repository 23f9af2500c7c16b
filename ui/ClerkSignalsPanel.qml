// The per-clerk signals of the day or the last 7 days on the day view
// (src/app/gui/clerk_signals_model.h): one row per clerk with the counts in words, flagged rows in
// red with what to look at. Nothing decrypted.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SimKyc.Kiosk 1.0

ColumnLayout {
    id: panel
    required property QtObject model
    objectName: "clerkSignals"
    spacing: 4
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        KioskButton {
            objectName: "clerkSignalsDay"
            primary: panel.model.days === 1
            text: qsTr("This day")
            onClicked: panel.model.days = 1
        }
        KioskButton {
            objectName: "clerkSignalsWeek"
            primary: panel.model.days === 7
            text: qsTr("Last 7 days")
            onClicked: panel.model.days = 7
        }
        Text {
            objectName: "clerkSignalsPeriod"
            Layout.fillWidth: true
            text: panel.model.openingHours !== ""
                  ? qsTr("%1; opening hours %2").arg(panel.model.period)
                        .arg(panel.model.openingHours)
                  : qsTr("%1; opening hours not set (store.opening_hours): registrations outside them are not counted")
                        .arg(panel.model.period)
            font.pixelSize: Theme.smallFontSize - 4
            color: Theme.text
            wrapMode: Text.WordWrap
        }
    }
    Text {
        objectName: "clerkSignalsError"
        visible: text !== ""
        text: panel.model.error
        color: Theme.error
        font.pixelSize: Theme.smallFontSize - 4
    }
    ListView {
        id: clerkList
        objectName: "clerkList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 2
        model: panel.model.clerks
        delegate: Rectangle {
            required property int index
            required property var modelData
            objectName: "clerkRow_" + index
            width: clerkList.width
            implicitHeight: clerkCells.implicitHeight + 8
            color: modelData.flagged ? "#fdecea" : index % 2 ? "#f6f8fb" : Theme.background
            ColumnLayout {
                id: clerkCells
                anchors.fill: parent
                anchors.margins: 4
                spacing: 2
                Text {
                    text: modelData.name
                    font.pixelSize: Theme.smallFontSize - 4
                    font.bold: true
                    color: modelData.flagged ? Theme.error : Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: modelData.line
                    font.pixelSize: Theme.smallFontSize - 6
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "clerkFlags_" + index
                    Layout.fillWidth: true
                    visible: modelData.flagged
                    text: qsTr("Look at: %1").arg(modelData.flags)
                    font.pixelSize: Theme.smallFontSize - 6
                    font.bold: true
                    color: Theme.error
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("Each clerk against the store's other clerks: a rate more than twice theirs (at least 3 records; "
                   + "a staff face from the first) is a reason to look at that clerk's records, not a finding. "
                   + "Nothing here is decrypted.")
        font.pixelSize: Theme.smallFontSize - 6
        color: Theme.mutedText
        wrapMode: Text.WordWrap
    }
}
