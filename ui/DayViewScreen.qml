// The store manager's day: counts, a filter by outcome, and one row per registration (time, clerk,
// masked name and ID number, outcome, reasons, distance, liveness, sync state, review), each opening
// the record; or the day's charts; or the per-clerk signals of the last 7 days; or the SIM reconciliation. The model (src/app/gui/day_view_model.h) reads and masks; every
// customer field it reads is audited. Exports: CSV and PDF; the audit log.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import SimKyc.Kiosk 1.0

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject day
    objectName: "dayViewScreen"
    property string view: "list" // "list", "charts", "clerks" or "sims"
    readonly property bool showCharts: view === "charts"
    readonly property bool showList: view === "list"

    Component.onCompleted: backButton.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("Registrations of %1").arg(screen.day.date)
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "dayCounts"
            Layout.fillWidth: true
            text: qsTr("%1 in all: %2 passed, %3 failed, %4 for the manager; %5 not yet acknowledged by the carrier.")
                      .arg(screen.day.total).arg(screen.day.passed).arg(screen.day.failed).arg(screen.day.manual)
                      .arg(screen.day.notSynced)
            font.pixelSize: Theme.smallFontSize
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "dayFigures"
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.day.figures
            font.pixelSize: Theme.smallFontSize - 4
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "syncHealth"
            Layout.fillWidth: true
            text: screen.day.syncHealth
            font.pixelSize: Theme.smallFontSize - 4
            color: screen.day.parked.length > 0 ? Theme.error : Theme.mutedText
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: screen.day.parked
            delegate: Text {
                required property string modelData
                Layout.fillWidth: true
                text: qsTr("Parked: %1").arg(modelData)
                font.pixelSize: Theme.smallFontSize - 6
                color: Theme.error
                wrapMode: Text.WordWrap
                elide: Text.ElideRight
                maximumLineCount: 2
            }
        }
        Text {
            objectName: "dayError"
            visible: screen.day.error !== ""
            text: qsTr("The store could not be read: %1").arg(screen.day.error)
            color: Theme.error
            font.pixelSize: Theme.smallFontSize
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "showChartsButton"
                text: screen.showCharts ? qsTr("Show the list") : qsTr("Show the charts")
                onClicked: screen.view = screen.showCharts ? "list" : "charts"
            }
            KioskButton {
                objectName: "showSimsButton"
                text: screen.view === "sims" ? qsTr("Show the list") : qsTr("SIM reconciliation")
                onClicked: screen.view = screen.view === "sims" ? "list" : "sims"
            }
            KioskButton {
                objectName: "showClerksButton"
                primary: screen.workflow.clerkSignals.anyFlagged && screen.view !== "clerks"
                text: screen.view === "clerks" ? qsTr("Show the list") : qsTr("Clerks")
                onClicked: screen.view = screen.view === "clerks" ? "list" : "clerks"
            }
            Repeater {
                model: [["all", qsTr("All")], ["passed", qsTr("Passed")], ["failed", qsTr("Failed")],
                        ["manual", qsTr("Manual check")]]
                delegate: KioskButton {
                    required property var modelData
                    visible: screen.showList
                    objectName: "filter_" + modelData[0]
                    primary: screen.day.filter === modelData[0]
                    text: modelData[1]
                    onClicked: screen.day.filter = modelData[0]
                }
            }
        }
        RowLayout { // the day's charts (src/app/gui/day_charts.h)
            objectName: "dayCharts"
            visible: screen.showCharts
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            DayChart { objectName: "chartHourly"; kind: "hourly"; dayView: screen.day; Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 3 }
            DayChart { objectName: "chartOutcomes"; kind: "outcomes"; dayView: screen.day; Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 2 }
            DayChart { objectName: "chartDistances"; kind: "distances"; dayView: screen.day; Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 3 }
        }
        ClerkSignalsPanel { // the per-clerk signals of the day or the last 7 days
            model: screen.workflow.clerkSignals
            visible: screen.view === "clerks"
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        SimReconciliationPanel { // the day's activated SIMs against its registrations
            model: screen.workflow.simReconciliation
            visible: screen.view === "sims"
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        Rectangle { // the column heads
            visible: screen.showList
            Layout.fillWidth: true
            implicitHeight: heads.implicitHeight + 8
            color: Theme.panel
            RowLayout {
                id: heads
                anchors.left: parent.left
                anchors.leftMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                spacing: 8
                Repeater {
                    model: [[qsTr("Time"), 70], [qsTr("Clerk"), 110], [qsTr("Name"), 70], [qsTr("ID number"), 210],
                            [qsTr("Outcome"), 140], [qsTr("Distance"), 80], [qsTr("Liveness"), 80],
                            [qsTr("Upload"), 100], [qsTr("Review"), 160]]
                    delegate: Text {
                        required property var modelData
                        Layout.preferredWidth: modelData[1]
                        Layout.maximumWidth: modelData[1]
                        text: modelData[0]
                        elide: Text.ElideRight
                        font.pixelSize: Theme.smallFontSize - 4
                        font.bold: true
                        color: Theme.text
                    }
                }
            }
        }
        ListView {
            id: list
            objectName: "dayList"
            visible: screen.showList
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: screen.day
            spacing: 2
            delegate: Rectangle {
                required property int index
                required property string time
                required property string clerk
                required property string name
                required property string idNumber
                required property string outcome
                required property string distance
                required property string liveness
                required property string syncState
                required property string syncWords
                required property string outcomeWords
                required property string livenessWords
                required property string reasons
                required property string recordId
                required property string reviewWords
                id: rowItem
                objectName: "dayRow_" + index
                width: list.width
                implicitHeight: cells.implicitHeight + 8
                color: index % 2 ? "#f6f8fb" : Theme.background
                ColumnLayout {
                    id: cells
                    anchors.fill: parent
                    anchors.margins: 4
                    spacing: 2
                RowLayout {
                    id: row
                    spacing: 8
                    Text { Layout.preferredWidth: 70; text: rowItem.time; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text { Layout.preferredWidth: 110; text: rowItem.clerk; elide: Text.ElideRight; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text { Layout.preferredWidth: 70; text: rowItem.name; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text { Layout.preferredWidth: 210; text: rowItem.idNumber; font.family: "monospace"; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text {
                        Layout.preferredWidth: 140
                        text: rowItem.outcomeWords
                        font.pixelSize: Theme.smallFontSize - 4
                        font.bold: true
                        color: rowItem.outcome === "match" ? Theme.ok : rowItem.outcome === "no_match" ? Theme.error : Theme.accent
                    }
                    Text { Layout.preferredWidth: 80; text: rowItem.distance; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text { Layout.preferredWidth: 80; text: rowItem.livenessWords; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text { Layout.preferredWidth: 100; text: rowItem.syncWords; elide: Text.ElideRight; font.pixelSize: Theme.smallFontSize - 4; color: Theme.text }
                    Text {
                        Layout.preferredWidth: 160
                        text: rowItem.reviewWords !== "" ? rowItem.reviewWords
                                                        : rowItem.outcome === "manual_review" ? qsTr("Waiting for your decision") : "-"
                        elide: Text.ElideRight
                        font.pixelSize: Theme.smallFontSize - 4
                        color: rowItem.outcome === "manual_review" ? Theme.accent : Theme.text
                    }
                    KioskButton {
                        objectName: "openRecord_" + rowItem.index
                        Layout.preferredWidth: 90
                        Layout.preferredHeight: 40
                        padding: 4
                        font.pixelSize: Theme.smallFontSize - 4
                        text: qsTr("Open")
                        onClicked: screen.workflow.openRecord(rowItem.recordId)
                    }
                }
                Text {
                    Layout.fillWidth: true
                    Layout.leftMargin: 70 + Theme.spacing
                    text: rowItem.reasons
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallFontSize - 6
                    color: Theme.mutedText
                }
                }
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No registrations to show.")
                font.pixelSize: Theme.fontSize
                color: Theme.mutedText
            }
        }
        Text {
            Layout.fillWidth: true
            visible: screen.showList
            text: qsTr("Names and ID numbers are masked; reading them for this list is recorded in the audit log. "
                       + "Open a record to see it in full and to approve or flag it (also recorded).")
            font.pixelSize: Theme.smallFontSize - 4
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.spacing * 2
            KioskButton {
                id: backButton
                objectName: "backButton"
                text: qsTr("Back")
                onClicked: screen.workflow.closeDayView()
            }
            KioskButton {
                objectName: "exportCsvButton"
                text: qsTr("Export the day (CSV)")
                onClicked: exported.text = screen.workflow.exportDayReport("csv")
            }
            KioskButton {
                objectName: "exportPdfButton"
                text: qsTr("Day report (PDF)")
                onClicked: exported.text = screen.workflow.exportDayReport("pdf")
            }
            KioskButton {
                objectName: "auditLogButton"
                text: qsTr("Audit log")
                onClicked: screen.workflow.openAuditLog()
            }
            Text {
                id: exported
                objectName: "exportedPath"
                Layout.fillWidth: true
                font.pixelSize: Theme.smallFontSize - 4
                color: Theme.mutedText
                wrapMode: Text.WrapAnywhere
            }
        }
    }
}
