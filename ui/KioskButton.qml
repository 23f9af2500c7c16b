// A large, high-contrast button; Enter and Space activate it when it has the keyboard focus.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool primary: false
    font.pixelSize: Theme.fontSize
    padding: 18
    focusPolicy: Qt.StrongFocus
    Keys.onReturnPressed: if (enabled) clicked()
    Keys.onEnterPressed: if (enabled) clicked()
    contentItem: Text {
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.disabled : control.primary ? Theme.textOnAccent : Theme.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitWidth: 220
        implicitHeight: 64
        radius: 6
        color: !control.enabled ? "#e0e0e0" : control.primary ? (control.down ? "#002a66" : Theme.accent) : Theme.background
        border.color: control.activeFocus ? Theme.focus : (control.enabled ? Theme.accent : Theme.disabled)
        border.width: control.activeFocus ? Theme.focusWidth + 2 : 2
        Rectangle {
            visible: control.activeFocus
            anchors.fill: parent
            anchors.margins: -8
            color: "transparent"
            radius: 10
            border.color: Theme.focus
            border.width: Theme.focusWidth
        }
    }
}
