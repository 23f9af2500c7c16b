// Sizes and colours of the kiosk: large type, high contrast (every text colour reaches at least
// 7:1 against the background), a thick focus frame for keyboard use. No rules here.
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#ffffff"
    readonly property color text: "#000000"
    readonly property color mutedText: "#333333"
    readonly property color accent: "#003a8c"
    readonly property color textOnAccent: "#ffffff"
    readonly property color error: "#a00000"
    readonly property color ok: "#0b5d1e"
    readonly property color focus: "#003a8c"
    readonly property color fieldBorder: "#000000"
    readonly property color disabled: "#595959"
    readonly property color panel: "#eef2f8"
    readonly property int fontSize: 26
    readonly property int smallFontSize: 22
    readonly property int titleFontSize: 40
    readonly property int focusWidth: 4
    readonly property int spacing: 16
    readonly property int margin: 40
    readonly property int fieldWidth: 560
}
