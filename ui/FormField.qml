// One labelled text field with its error line under it. The error text comes from the view-model
// (the failing rule and its explanation); this file only shows it.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

ColumnLayout {
    id: field
    property alias label: labelText.text
    property alias text: input.text
    property alias input: input
    property string error: ""
    property string fieldName: ""
    property alias echoMode: input.echoMode
    property alias inputMethodHints: input.inputMethodHints
    signal edited(string text)
    signal accepted()
    spacing: 4

    Label {
        id: labelText
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        color: Theme.text
    }
    TextField {
        id: input
        objectName: field.fieldName
        Layout.preferredWidth: Theme.fieldWidth
        font.pixelSize: Theme.fontSize
        color: Theme.text
        selectByMouse: true
        activeFocusOnTab: true
        onTextEdited: field.edited(text)
        onAccepted: field.accepted()
        Accessible.name: labelText.text
        Accessible.description: field.error
        background: Rectangle {
            implicitHeight: 60
            color: Theme.background
            radius: 4
            border.color: field.error !== "" ? Theme.error : input.activeFocus ? Theme.focus : Theme.fieldBorder
            border.width: input.activeFocus ? Theme.focusWidth : 2
        }
    }
    Text {
        objectName: field.fieldName + "Error"
        Layout.preferredWidth: Theme.fieldWidth
        visible: text !== ""
        text: field.error
        color: Theme.error
        font.pixelSize: Theme.smallFontSize
        wrapMode: Text.WordWrap
    }
}
