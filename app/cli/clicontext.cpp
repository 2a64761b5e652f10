// SPDX-License-Identifier: MIT
#include "cli/clicontext.h"

#include "cli/exitcode.h"
#include "desktop/appoptions.h"
#include "sync/dayword.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

void CliContext::addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        { u"json"_s, tr("Print machine-readable JSON instead of text.") },
        { u"server"_s,
          tr("Use the Dayboard or HPKV server at <url> (default: $DAYBOARD_SERVER, else your own Dayboard)."),
          u"url"_s },
        { u"key"_s, tr("The server's API key (default: $DAYBOARD_API_KEY, else the app's stored key)."),
          u"key"_s },
        { u"data-dir"_s, tr("The app's data folder (default: %1).").arg(AppOptions::defaultDataDir()),
          u"dir"_s },
        { u"retries"_s, tr("Write attempts when the day changes under an edit (default: 20)."), u"n"_s },
        { u"timeout"_s, tr("Milliseconds to wait for the server (default: 10000)."), u"ms"_s },
    });
}

CliContext::CliContext(const QCommandLineParser &parser)
    : m_parser(parser)
    , m_output(parser.isSet(u"json"_s))
{ }

CliContext::~CliContext() = default;

int CliContext::connect()
{
    CliConnection::Target target;
    const QString server
        = m_parser.isSet(u"server"_s) ? m_parser.value(u"server"_s) : qEnvironmentVariable("DAYBOARD_SERVER");
    if (!server.isEmpty())
        target.server = QUrl::fromUserInput(server);
    target.key
        = m_parser.isSet(u"key"_s) ? m_parser.value(u"key"_s) : qEnvironmentVariable("DAYBOARD_API_KEY");
    target.dataDir = m_parser.isSet(u"data-dir"_s) ? QDir(m_parser.value(u"data-dir"_s)).absolutePath()
                                                   : AppOptions::defaultDataDir();
    if (m_parser.isSet(u"timeout"_s))
        target.timeoutMs = qMax(1, m_parser.value(u"timeout"_s).toInt());
    const int retries = m_parser.isSet(u"retries"_s) ? m_parser.value(u"retries"_s).toInt() : 20;
    m_connection = std::make_unique<CliConnection>();
    m_store = std::make_unique<DayStore>(m_connection.get(), retries);
    QString error;
    const int code = m_connection->open(target, &error);
    return code == ExitOk ? code : m_output.error(code, error);
}

std::optional<QDate> CliContext::day(const QString &option, const QDate &fallback) const
{
    if (!m_parser.isSet(option))
        return fallback;
    const QString word = m_parser.value(option);
    if (const auto date = DayWord::parseWithOffsets(word, QDate::currentDate()))
        return date;
    m_output.error(ExitUsage,
                   tr("--%1: \"%2\" is not a day (today, tomorrow, fri, +3, 2026-12-24).").arg(option, word));
    return std::nullopt;
}

int CliContext::findTodo(const QString &prefix, const QDate &onlyDay, QDate *day, Todo *todo)
{
    DayLists days;
    QString error;
    int code = onlyDay.isValid() ? m_store->readDay(onlyDay, &days[onlyDay], &error)
                                 : m_store->readRange({}, {}, &days, &error);
    if (code != ExitOk)
        return m_output.error(code, error);
    QList<QPair<QDate, Todo>> matches;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        for (const Todo &candidate : it.value()) {
            if (candidate.id == prefix) { // an exact id wins over longer ones it is the start of
                *day = it.key();
                *todo = candidate;
                return ExitOk;
            }
            // Ids are `todo_<ms>_<random>`: the random part names a todo in a few letters.
            const QString random = candidate.id.section(u'_', -1);
            if (candidate.id.startsWith(prefix) || candidate.id.startsWith(u"todo_"_s + prefix)
                || (random != candidate.id && random.startsWith(prefix)))
                matches.append({ it.key(), candidate });
        }
    }
    if (matches.isEmpty())
        return m_output.error(ExitNotFound, tr("No todo has the id %1.").arg(prefix));
    if (matches.size() > 1) {
        QStringList ids;
        for (const auto &match : std::as_const(matches))
            ids.append(match.second.id);
        return m_output.error(
            ExitAmbiguous,
            tr("%1 is the start of %2 ids: %3").arg(prefix).arg(ids.size()).arg(ids.join(u", "_s)));
    }
    *day = matches.first().first;
    *todo = matches.first().second;
    return ExitOk;
}

std::optional<QString> CliContext::argument(int index, const QString &name) const
{
    const QStringList arguments = m_parser.positionalArguments();
    if (index < arguments.size() && !arguments.at(index).isEmpty())
        return arguments.at(index);
    m_output.error(ExitUsage, tr("Missing %1 (see --help).").arg(name));
    return std::nullopt;
}
