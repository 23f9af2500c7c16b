// simkyc-upstream: the reference carrier endpoint (docs/upstream-api.md, "The reference server").
#include "upstream/cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{category}: %{if-warning}warning: %{endif}%{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("simkyc-upstream"));
    return simkyc::upstream::runCli(argc, argv);
}
