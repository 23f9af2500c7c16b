// simkyc-cli: the headless program.
#include "app/cli/cli.h"
#include "app/qt_logging.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("simkyc");
    QCoreApplication::setApplicationVersion(SIMKYC_VERSION);
    simkyc::app::installQtLogSink();
    return simkyc::app::cli::run(QCoreApplication::arguments());
}
