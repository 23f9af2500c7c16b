// The customer's language choice on their screens: each language named in itself, the current one
// highlighted. The workflow switches (src/app/gui/registration_workflow.h: switchLanguage).
import QtQuick
import QtQuick.Controls.Basic

Row {
    id: bar
    required property QtObject workflow
    objectName: "languageBar"
    spacing: 8

    Repeater {
        model: [["en", "English"], ["zh_CN", "中文"], ["de", "Deutsch"]]
        delegate: KioskButton {
            required property var modelData
            objectName: "language_" + modelData[0]
            primary: bar.workflow.language === modelData[0]
            text: modelData[1]
            font.pixelSize: Theme.smallFontSize - 4
            padding: 6
            implicitWidth: 120
            implicitHeight: 48
            onClicked: bar.workflow.switchLanguage(modelData[0])
        }
    }
}
