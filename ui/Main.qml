// The kiosk window: one screen per workflow state (workflow.screen), nothing else. The workflow
// (src/app/gui/registration_workflow.h) decides every change; the screens only call it.
import QtQuick
import QtQuick.Controls.Basic

ApplicationWindow {
    id: root
    required property QtObject workflow
    property bool customerWindow: false // the customer has a window of their own (CustomerMain.qml)

    objectName: "kioskWindow"
    width: 1280
    height: 800
    visible: true
    title: qsTr("SimKYC kiosk")
    color: Theme.background
    font.pixelSize: Theme.fontSize

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.fill: parent
        focus: true
        sourceComponent: {
            switch (root.workflow.screen) {
            case "home": return homeScreen
            case "customer_form": return customerFormScreen
            case "id_photo": return idPhotoScreen
            case "consent": return consentScreen
            case "face_check": return faceCheckScreen
            case "outcome": return outcomeScreen
            case "day_view": return dayViewScreen
            case "record_detail": return recordDetailScreen
            case "audit_log": return auditLogScreen
            case "staff": return staffScreen
            case "settings": return settingsScreen
            default: return loginScreen
            }
        }
    }

    Component { id: loginScreen; LoginScreen { workflow: root.workflow } }
    Component { id: homeScreen; HomeScreen { workflow: root.workflow } }
    Component { id: customerFormScreen; CustomerFormScreen { workflow: root.workflow; form: root.workflow.form } }
    Component { id: idPhotoScreen; IdPhotoScreen { workflow: root.workflow; model: root.workflow.idPhoto } }
    Component { id: consentScreen; ConsentScreen { workflow: root.workflow; answeredElsewhere: root.customerWindow } }
    Component { id: faceCheckScreen; FaceCheckScreen { workflow: root.workflow; lightsTheFace: !root.customerWindow } }
    Component { id: outcomeScreen; OutcomeScreen { workflow: root.workflow } }
    Component { id: dayViewScreen; DayViewScreen { workflow: root.workflow; day: root.workflow.dayView } }
    Component { id: recordDetailScreen; RecordDetailScreen { workflow: root.workflow; record: root.workflow.recordDetail } }
    Component { id: auditLogScreen; AuditLogScreen { workflow: root.workflow; audit: root.workflow.auditView } }
    Component { id: staffScreen; StaffScreen { workflow: root.workflow; staff: root.workflow.staffView } }
    Component { id: settingsScreen; SettingsScreen { workflow: root.workflow; settings: root.workflow.settingsView } }
}
