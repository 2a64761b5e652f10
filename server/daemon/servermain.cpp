// SPDX-License-Identifier: MIT
#include "daemon/servermain.h"

#include "daemon/backupcommand.h"
#include "daemon/dayboardserver.h"
#include "daemon/heaptrimmer.h"
#include "daemon/serveroptionsparser.h"
#include "daemon/signalwatcher.h"
#include "net/netlog.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int ServerMain::run(QCoreApplication &app)
{
    if (const std::optional<int> exitCode = BackupCommand::run(QCoreApplication::arguments()))
        return *exitCode;
    const ServerOptionsParser::Result options = ServerOptionsParser::parse(QCoreApplication::arguments());
    switch (options.outcome) {
    case ServerOptionsParser::Outcome::Help:
    case ServerOptionsParser::Outcome::Version:
        printLine(stdout, options.text.trimmed());
        return 0;
    case ServerOptionsParser::Outcome::Error:
        printLine(stderr, QStringLiteral("dayboard-server: ") + options.text);
        return 2;
    case ServerOptionsParser::Outcome::Run:
        break;
    }

    SignalWatcher watcher;
    DayboardServer server(options.config);
    QString error;
    if (!server.start(&error)) {
        printLine(stderr, QStringLiteral("dayboard-server: ") + error);
        return 1;
    }
    if (!server.generatedApiKeyFile().isEmpty())
        printLine(stdout, QStringLiteral("api key file: %1").arg(server.generatedApiKeyFile()));
    printLine(stdout, QStringLiteral("listening on %1").arg(server.baseUrl().toString()));
    // Freed connection memory goes back to the system after a burst of closes (docs/security.md §9).
    HeapTrimmer heapTrimmer([&server] { return server.openConnectionCount(); });

    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server, [&server](int number) {
        qCInfo(lcNet) << "signal" << number << "received; stopping";
        server.stop();
    });
    QObject::connect(&watcher, &SignalWatcher::reloadRequested, &server, [&server] {
        qCInfo(lcNet) << "SIGHUP received; reloading the API keys file and the TLS certificate";
        server.reloadCredentials();
    });
    QObject::connect(&server, &DayboardServer::stopped, &app, [] { QCoreApplication::exit(0); });
    return app.exec();
}
