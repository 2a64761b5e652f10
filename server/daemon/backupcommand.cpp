// SPDX-License-Identifier: MIT
#include "daemon/backupcommand.h"

#include "daemon/databaserestore.h"
#include "daemon/serveroptionsparser.h"
#include "storage/sqlitebackup.h"
#include "storage/sqlitestorage.h"

#include <QCommandLineParser>
#include <QDir>
#include <cstdio>

namespace {

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int usageError(const QCommandLineParser &parser, const QString &text)
{
    print(stderr, QStringLiteral("dayboard-server: ") + text);
    print(stderr, parser.helpText().trimmed());
    return 2;
}

} // namespace

std::optional<int> BackupCommand::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    const QString command = arguments.value(1);
    if (command != u"backup" && command != u"restore")
        return std::nullopt;
    const bool backup = command == u"backup";
    QCommandLineParser parser;
    parser.setApplicationDescription(
        backup ? QStringLiteral("Writes a consistent copy of the server's database to FILE, also while the "
                                "server runs (SQLite online backup).")
               : QStringLiteral("Replaces the database of a stopped server with FILE after checking it; "
                                "revisions continue above every revision issued before."));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") },
                                  QStringLiteral("Show this help."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("The server's data directory [DAYBOARD_DATA_DIR]. Default %1.")
            .arg(ServerOptionsParser::defaultDataDir()),
        QStringLiteral("dir"));
    const QCommandLineOption output({ QStringLiteral("o"), QStringLiteral("output") },
                                    QStringLiteral("The backup file to write (replaced when it exists)."),
                                    QStringLiteral("file"));
    const QCommandLineOption floor(
        QStringLiteral("revision-floor"),
        QStringLiteral("Restored revisions go above N too (when clients saw revisions "
                       "of a database that is gone)."),
        QStringLiteral("n"));
    parser.addOptions({ help, dataDir });
    if (backup)
        parser.addOption(output);
    else {
        parser.addOption(floor);
        parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The backup to restore."));
    }
    QStringList rest = arguments;
    rest.removeAt(1);
    if (!parser.parse(rest))
        return usageError(parser, parser.errorText());
    if (parser.isSet(help)) {
        print(stdout,
              parser.helpText().trimmed().replace(QStringLiteral("[options]"),
                                                  command + QStringLiteral(" [options]")));
        return 0;
    }
    QString directory = parser.isSet(dataDir) ? parser.value(dataDir)
                                              : environment.value(QStringLiteral("DAYBOARD_DATA_DIR"));
    if (directory.trimmed().isEmpty())
        directory = ServerOptionsParser::defaultDataDir();

    if (backup) {
        if (!parser.isSet(output) || !parser.positionalArguments().isEmpty())
            return usageError(parser, QStringLiteral("backup needs -o FILE and nothing else"));
        QString error;
        if (!SqliteBackup::snapshot(QDir(directory).filePath(SqliteStorage::fileName()), parser.value(output),
                                    &error)) {
            print(stderr, QStringLiteral("dayboard-server: ") + error);
            return 1;
        }
        print(stdout, QStringLiteral("backup written to %1").arg(parser.value(output)));
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(parser, QStringLiteral("restore needs exactly one FILE"));
    bool numeric = true;
    const qint64 minimum = parser.isSet(floor) ? parser.value(floor).toLongLong(&numeric) : 0;
    if (!numeric || minimum < 0)
        return usageError(parser, QStringLiteral("--revision-floor needs a number of 0 or more"));
    const DatabaseRestore::Result result
        = DatabaseRestore::restore(directory, parser.positionalArguments().constFirst(), minimum);
    print(result.ok ? stdout : stderr,
          result.ok ? result.message : QStringLiteral("dayboard-server: ") + result.message);
    return result.ok ? 0 : 1;
}
