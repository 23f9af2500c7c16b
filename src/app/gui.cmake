# The kiosk GUI (`simkyc`). Included from src/app/CMakeLists.txt.
#  - simkyc_app_gui: the workflow and its view-models, Qt Core only (tested without QML);
#  - simkyc_ui (ui/CMakeLists.txt): the QML module SimKyc.Ui;
#  - simkyc_app_quick: the window that loads it (Qt Quick);
#  - simkyc: the program.
# simkyc-cli links none of these, so it never links Qt Gui.
find_package(Qt6 6.4 QUIET COMPONENTS Gui Qml Quick Widgets Charts TextToSpeech)
if(NOT Qt6Quick_FOUND OR NOT Qt6Charts_FOUND OR NOT Qt6TextToSpeech_FOUND)
    message(WARNING "Qt Quick, Qt Charts or Qt TextToSpeech not found (apt-get install qt6-declarative-dev "
                    "qt6-charts-dev qt6-speech-dev): the kiosk GUI is not built")
    return()
endif()

simkyc_module(app_gui
    SOURCES
        gui/gui_log.cpp
        gui/customer_form_model.cpp
        gui/registration_workflow.cpp
        gui/gui_options.cpp
        gui/login_checker.cpp
        gui/id_portrait_finder.cpp
        gui/id_card_camera.cpp
        gui/id_photo_model.cpp
        gui/consent_notice.cpp
        gui/face_check_service.cpp
        gui/face_check_view.cpp
        gui/screen_flash.cpp
        gui/day_view_model.cpp
        gui/day_statistics.cpp
        gui/review_words.cpp
        gui/record_detail_model.cpp
        gui/audit_view_model.cpp
        gui/staff_view_model.cpp
        gui/settings_view_model.cpp
        gui/clerk_signals_model.cpp
        gui/sim_reconciliation_model.cpp
    PUBLIC_LINKS simkyc::app Qt6::Core
)
set_target_properties(simkyc_app_gui PROPERTIES AUTOMOC ON)

add_subdirectory(${PROJECT_SOURCE_DIR}/ui ${CMAKE_BINARY_DIR}/ui)

# The day's charts and PDF report (Qt Charts draws through Qt Widgets' graphics view: the kiosk runs a
# QApplication) and the window.
simkyc_module(app_quick
    SOURCES
        gui/kiosk_window.cpp
        gui/kiosk_image_provider.cpp
        gui/translations.cpp
        gui/day_charts.cpp
        gui/day_report_pdf.cpp
        gui/day_chart_item.cpp
        gui/prompt_speaker.cpp
    PUBLIC_LINKS simkyc::app_gui simkyc_ui Qt6::Gui Qt6::Qml Qt6::Quick Qt6::Widgets Qt6::Charts Qt6::TextToSpeech
)
set_target_properties(simkyc_app_quick PROPERTIES AUTOMOC ON)

add_executable(simkyc gui/main_gui.cpp)
target_link_libraries(simkyc PRIVATE simkyc::app_quick)
simkyc_warnings(simkyc)
install(TARGETS simkyc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
