// The customer's data. Every field is checked by the view-model as it is typed; its error line
// names the failing rule. The birth date and sex derived from the ID number are shown for the
// clerk to compare with the card. Enter moves to the next field; on the last, it continues.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject form
    objectName: "customerFormScreen"

    function next(item) {
        if (item === iccidField.input) {
            screen.workflow.continueRegistration()
            return
        }
        item.nextItemInFocusChain(true).forceActiveFocus()
    }

    Component.onCompleted: nameField.input.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("New registration: customer data")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            spacing: Theme.margin
            Layout.alignment: Qt.AlignTop
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing
                FormField {
                    id: nameField
                    fieldName: "customerName"
                    label: qsTr("Name (as on the ID card)")
                    text: screen.form.name
                    error: screen.form.nameError
                    onEdited: (value) => screen.form.name = value
                    onAccepted: screen.next(input)
                }
                FormField {
                    id: idField
                    fieldName: "customerIdNumber"
                    label: qsTr("ID number (18 characters)")
                    text: screen.form.idNumber
                    error: screen.form.idNumberError
                    onEdited: (value) => screen.form.idNumber = value
                    onAccepted: screen.next(input)
                }
                Rectangle {
                    objectName: "idConfirmation"
                    Layout.preferredWidth: Theme.fieldWidth
                    implicitHeight: confirmation.implicitHeight + 2 * Theme.spacing
                    visible: screen.form.birthDate !== ""
                    color: Theme.panel
                    border.color: Theme.ok
                    border.width: 2
                    radius: 6
                    ColumnLayout {
                        id: confirmation
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        Text {
                            text: qsTr("Compare with the ID card:")
                            font.pixelSize: Theme.smallFontSize
                            color: Theme.text
                        }
                        Text {
                            objectName: "birthDateText"
                            text: qsTr("Date of birth: %1").arg(screen.form.birthDate)
                            font.pixelSize: Theme.fontSize
                            font.bold: true
                            color: Theme.text
                        }
                        Text {
                            objectName: "sexText"
                            text: qsTr("Sex: %1").arg(screen.form.sex)
                            font.pixelSize: Theme.fontSize
                            font.bold: true
                            color: Theme.text
                        }
                    }
                }
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing
                FormField {
                    id: addressField
                    fieldName: "customerAddress"
                    label: qsTr("Address")
                    text: screen.form.address
                    error: screen.form.addressError
                    onEdited: (value) => screen.form.address = value
                    onAccepted: screen.next(input)
                }
                FormField {
                    id: phoneField
                    fieldName: "customerPhone"
                    label: qsTr("Mobile phone number")
                    text: screen.form.phone
                    error: screen.form.phoneError
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                    onEdited: (value) => screen.form.phone = value
                    onAccepted: screen.next(input)
                }
                FormField {
                    id: iccidField
                    fieldName: "customerIccid"
                    label: qsTr("SIM card number (ICCID)")
                    text: screen.form.iccid
                    error: screen.form.iccidError
                    inputMethodHints: Qt.ImhDigitsOnly
                    onEdited: (value) => screen.form.iccid = value
                    onAccepted: screen.next(input)
                }
            }
        }
        Item { Layout.fillHeight: true }
        // The carrier is asked about the ID number's places (a few seconds at most).
        Text {
            objectName: "quotaChecking"
            Layout.fillWidth: true
            visible: screen.workflow.quotaChecking
            text: qsTr("Asking the carrier how many numbers this ID number already has…")
            color: Theme.mutedText
            font.pixelSize: Theme.fontSize
            wrapMode: Text.WordWrap
        }
        // Why a valid form did not continue (the ID number's quota is full, the store could not count).
        Text {
            objectName: "formRefusal"
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.workflow.formRefusal
            color: Theme.error
            font.pixelSize: Theme.fontSize
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        RowLayout {
            spacing: Theme.spacing * 2
            KioskButton {
                objectName: "continueButton"
                primary: true
                enabled: screen.form.valid && !screen.workflow.quotaChecking
                text: qsTr("Continue")
                onClicked: screen.workflow.continueRegistration()
            }
            KioskButton {
                objectName: "cancelButton"
                text: qsTr("Cancel registration")
                onClicked: screen.workflow.cancelRegistration()
            }
        }
    }
}
