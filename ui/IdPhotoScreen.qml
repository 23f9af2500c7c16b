// ID photo step (clerk): the ID-document image saved by the scanner or chip reader, picked from the
// scan folder (newest first) or typed as a path, or the card held up to the camera (a card-shaped
// guide, the card found outlined, a hint; the photo is taken by itself). The view-model
// (workflow.idPhoto) loads it and finds the portrait off the GUI thread; this screen shows the
// document, the portrait or the error, and offers "Use this photo" / "Choose another". No rules here.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

FocusScope {
    id: screen
    required property QtObject workflow
    required property QtObject model
    objectName: "idPhotoScreen"

    Component.onCompleted: (fileList.count > 0 ? fileList : pathField).forceActiveFocus()

    Connections {
        target: screen.model
        function onSearchFinished() {
            (screen.model.status === "found" ? useButton : chooseAnotherButton).forceActiveFocus()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("ID photo: the ID card from the scanner, the chip reader or the camera")
            font.pixelSize: Theme.titleFontSize * 0.8
            font.bold: true
            color: Theme.text
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout { // choosing the file
                Layout.fillWidth: false // its children fill it; the rest of the row is the result's
                Layout.preferredWidth: 520
                Layout.maximumWidth: 520
                Layout.fillHeight: true
                spacing: Theme.spacing / 2
                Text {
                    objectName: "scanFolder"
                    Layout.fillWidth: true
                    text: qsTr("Images in %1 (newest first):").arg(screen.model.folder)
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                    elide: Text.ElideMiddle
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    border.color: fileList.activeFocus ? Theme.focus : Theme.fieldBorder
                    border.width: fileList.activeFocus ? Theme.focusWidth : 2
                    ListView {
                        id: fileList
                        objectName: "idFileList"
                        anchors.fill: parent
                        anchors.margins: 6
                        clip: true
                        model: screen.model.files
                        keyNavigationEnabled: true
                        Keys.onReturnPressed: screen.model.loadFile(screen.model.files[currentIndex])
                        Keys.onEnterPressed: screen.model.loadFile(screen.model.files[currentIndex])
                        delegate: Rectangle {
                            required property string modelData
                            required property int index
                            objectName: "idFile_" + index
                            width: ListView.view.width
                            height: fileName.implicitHeight + 16
                            color: ListView.isCurrentItem && fileList.activeFocus ? Theme.panel : Theme.background
                            Text {
                                id: fileName
                                anchors.verticalCenter: parent.verticalCenter
                                x: 8
                                width: parent.width - 16
                                text: parent.modelData
                                elide: Text.ElideMiddle
                                font.pixelSize: Theme.smallFontSize
                                color: Theme.text
                            }
                            MouseArea {
                                anchors.fill: parent
                                onClicked: {
                                    fileList.currentIndex = parent.index
                                    screen.model.loadFile(parent.modelData)
                                }
                            }
                        }
                    }
                    Text {
                        objectName: "noScanFiles"
                        visible: fileList.count === 0
                        anchors.fill: parent
                        anchors.margins: 12
                        text: qsTr("No image files here yet. Scan the card, then press Refresh.")
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                }
                KioskButton {
                    objectName: "refreshFilesButton"
                    text: qsTr("Refresh")
                    onClicked: screen.model.refreshFiles()
                }
                Text {
                    text: qsTr("Or type the path of the image:")
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                }
                TextField {
                    id: pathField
                    objectName: "idPathField"
                    Layout.fillWidth: true
                    font.pixelSize: Theme.smallFontSize
                    onAccepted: screen.model.loadPath(text)
                }
                Item { // the camera button, or why there is none (one layout item: its height follows)
                    Layout.fillWidth: true
                    implicitHeight: screen.model.cameraAvailable ? cameraButton.implicitHeight : noIdCamera.implicitHeight
                    KioskButton {
                        id: cameraButton
                        objectName: screen.model.cameraActive ? "stopCameraButton" : "useCameraButton"
                        visible: screen.model.cameraAvailable
                        text: screen.model.cameraActive ? qsTr("Stop the camera") : qsTr("Hold the card up to the camera")
                        onClicked: screen.model.cameraActive ? screen.model.stopCamera() : screen.model.startCamera()
                    }
                    Text {
                        id: noIdCamera
                        objectName: "noIdCamera"
                        visible: !screen.model.cameraAvailable
                        width: parent.width
                        text: qsTr("No camera is set for the card (camera.id_card in the configuration): scan it and choose the file.")
                        font.pixelSize: Theme.smallFontSize
                        font.italic: true
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                }
            }

            Item { // what was found; placed by anchors: a layout does not follow a wrapped text's height
                id: resultColumn
                Layout.fillWidth: true
                Layout.preferredWidth: 1 // takes the width left, not its texts' unwrapped width (so they wrap)
                Layout.fillHeight: true
                Text {
                    id: busyText
                    objectName: "idBusy"
                    anchors.top: parent.top
                    visible: screen.model.busy
                    text: qsTr("Looking for the photo on the document…")
                    font.pixelSize: Theme.fontSize
                    color: Theme.text
                }
                Item { // the camera: its frame, the card-shaped guide, the card found, the hint
                    id: cameraView
                    objectName: "idCameraView"
                    visible: screen.model.cameraActive
                    anchors.fill: parent
                    z: 1
                    Text {
                        id: cameraHint
                        objectName: "idCameraHint"
                        anchors.top: parent.top
                        width: parent.width
                        text: screen.model.cameraHintText
                        font.pixelSize: Theme.fontSize
                        font.bold: true
                        color: screen.model.cameraHint === "hold_still" ? Theme.ok : Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Image {
                        id: cameraFrame
                        objectName: "idCameraFrame"
                        anchors.top: cameraHint.bottom
                        anchors.topMargin: Theme.spacing
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.bottom: parent.bottom
                        fillMode: Image.PreserveAspectFit
                        verticalAlignment: Image.AlignTop
                        cache: false
                        asynchronous: false
                        source: screen.model.cameraActive ? "image://kiosk/idcamera/" + screen.model.cameraSerial : ""
                        readonly property real frameX: (width - paintedWidth) / 2
                        Rectangle { // the guide: where an ID-1 card fills the frame well
                            objectName: "idCardGuide"
                            readonly property real guideWidth: cameraFrame.paintedWidth * 0.72
                            x: cameraFrame.frameX + (cameraFrame.paintedWidth - guideWidth) / 2
                            y: (cameraFrame.paintedHeight - height) / 2
                            width: guideWidth
                            height: guideWidth / 1.585
                            color: "transparent"
                            radius: 12
                            border.width: 4
                            border.color: screen.model.cameraCorners.length === 4 ? Theme.ok : "#ffffff"
                            opacity: 0.8
                        }
                        Canvas { // the card found, outlined
                            id: cardOutline
                            x: cameraFrame.frameX
                            width: cameraFrame.paintedWidth
                            height: cameraFrame.paintedHeight
                            property var corners: screen.model.cameraCorners
                            onCornersChanged: requestPaint()
                            onPaint: {
                                const ctx = getContext("2d")
                                ctx.clearRect(0, 0, width, height)
                                if (corners.length !== 4)
                                    return
                                ctx.strokeStyle = "#33dd55"
                                ctx.lineWidth = 4
                                ctx.beginPath()
                                ctx.moveTo(corners[0].x * width, corners[0].y * height)
                                for (let i = 1; i < 4; ++i)
                                    ctx.lineTo(corners[i].x * width, corners[i].y * height)
                                ctx.closePath()
                                ctx.stroke()
                            }
                        }
                    }
                }
                Text {
                    id: emptyHint
                    objectName: "idEmptyHint"
                    visible: screen.model.status === "empty" && !screen.model.cameraActive
                    anchors.top: parent.top
                    width: parent.width
                    text: screen.model.cameraAvailable ? qsTr("Choose the scanned ID image on the left, or hold the card up to the camera.")
                                                       : qsTr("Choose the scanned ID image on the left.")
                    font.pixelSize: Theme.fontSize
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                }
                Item { // the error (if any) above the document
                    anchors.fill: parent
                    anchors.topMargin: busyText.visible ? busyText.height + Theme.spacing
                                       : emptyHint.visible ? emptyHint.height + Theme.spacing : 0
                    Rectangle { // what went wrong and what to do, framed
                        id: errorBox
                        objectName: "idError"
                        visible: screen.model.status === "error"
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        height: errorText.implicitHeight
                        color: "transparent"
                        border.color: Theme.error
                        border.width: 3
                        radius: 6
                        Text {
                            id: errorText
                            objectName: "idErrorText"
                            width: parent.width
                            padding: Theme.spacing
                            text: screen.model.errorMessage + "\n(" + screen.model.loadedName + ": " + screen.model.errorCode + ")"
                            font.pixelSize: Theme.smallFontSize
                            color: Theme.error
                            wrapMode: Text.WordWrap
                        }
                    }
                    Image {
                        objectName: "documentImage"
                        visible: screen.model.hasDocument
                        anchors.left: parent.left
                        anchors.top: errorBox.visible ? errorBox.bottom : parent.top
                        anchors.topMargin: errorBox.visible ? Theme.spacing : 0
                        anchors.bottom: parent.bottom
                        anchors.right: portraitColumn.visible ? portraitColumn.left : parent.right
                        anchors.rightMargin: portraitColumn.visible ? Theme.spacing : 0
                        fillMode: Image.PreserveAspectFit
                        horizontalAlignment: Image.AlignLeft
                        verticalAlignment: Image.AlignTop
                        cache: false
                        source: screen.model.hasDocument ? "image://kiosk/document/" + screen.model.imageSerial : ""
                    }
                    Column {
                        id: portraitColumn
                        visible: screen.model.hasPortrait
                        anchors.right: parent.right
                        anchors.top: parent.top
                        width: 204
                        spacing: Theme.spacing / 2
                        Image {
                            objectName: "portraitImage"
                            width: 204
                            height: 252
                            fillMode: Image.PreserveAspectFit
                            cache: false
                            source: screen.model.hasPortrait ? "image://kiosk/portrait/" + screen.model.imageSerial : ""
                        }
                        Text {
                            objectName: "portraitFound"
                            width: 204
                            text: qsTr("Photo found. Compare it with the customer.")
                            font.pixelSize: Theme.smallFontSize
                            color: Theme.ok
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }
        RowLayout {
            spacing: Theme.spacing * 2
            KioskButton {
                id: useButton
                objectName: "usePhotoButton"
                primary: true
                enabled: screen.model.status === "found"
                text: qsTr("Use this photo")
                onClicked: screen.workflow.acceptIdPhoto()
            }
            KioskButton {
                id: chooseAnotherButton
                objectName: "chooseAnotherButton"
                enabled: screen.model.hasDocument || screen.model.status === "error"
                text: qsTr("Choose another")
                onClicked: {
                    screen.model.clear()
                    screen.model.refreshFiles()
                    fileList.forceActiveFocus()
                }
            }
            KioskButton {
                objectName: "cancelButton"
                text: qsTr("Cancel registration")
                onClicked: screen.workflow.cancelRegistration()
            }
        }
    }
}
