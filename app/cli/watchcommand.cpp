// SPDX-License-Identifier: MIT
#include "cli/watchcommand.h"

#include "cli/clicontext.h"
#include "cli/exitcode.h"
#include "daemon/signalwatcher.h"
#include "sync/daycache.h"
#include "sync/monitorclient.h"
#include "sync/todocodec.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>

using namespace Qt::StringLiterals;

namespace {
constexpr int maxDays = 366;
} // namespace

void WatchCommand::options(QCommandLineParser &parser)
{
    parser.addOption({ u"day"_s, tr("The day to watch (default: today)."), u"day"_s });
    parser.addOption({ u"from"_s, tr("The first day of a range to watch."), u"day"_s });
    parser.addOption({ u"to"_s, tr("The last day of a range to watch."), u"day"_s });
}

int WatchCommand::run(CliContext &context)
{
    const bool range = context.parser().isSet(u"from"_s) || context.parser().isSet(u"to"_s);
    const auto from = context.day(range ? u"from"_s : u"day"_s, QDate::currentDate());
    const auto to = from ? context.day(range ? u"to"_s : u"day"_s, *from) : std::nullopt;
    if (!from || !to)
        return ExitUsage;
    if (*to < *from || from->daysTo(*to) >= maxDays)
        return context.out().error(ExitUsage,
                                   tr("Watch one day up to a year: --from, then a --to after it."));
    QList<QDate> days;
    for (QDate day = *from; day <= *to; day = day.addDays(1))
        days.append(day);
    if (const int code = context.connect(); code != ExitOk)
        return code;
    WatchCommand watch(context, days);
    return watch.exec();
}

WatchCommand::WatchCommand(CliContext &context, const QList<QDate> &days)
    : m_context(context)
    , m_days(days)
{ }

int WatchCommand::exec()
{
    QEventLoop loop;
    int exitCode = ExitOk;
    SignalWatcher stopSignals;
    connect(&stopSignals, &SignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    MonitorClient monitor;
    connect(&monitor, &MonitorClient::connected, this, &WatchCommand::readAll);
    connect(&monitor, &MonitorClient::notification, this,
            [this](const QByteArray &key, const std::optional<QByteArray> &value, qint64) {
        const auto day = DayCache::dateForKey(key);
        if (!day || !m_days.contains(*day))
            return;
        const TodoCodec::Result parsed = TodoCodec::parse(value.value_or(QByteArrayLiteral("[]")));
        if (parsed.ok)
            show(*day, parsed.todos);
    });
    connect(&monitor, &MonitorClient::failed, this,
            [this](const QString &text) { m_context.out().note(tr("dayboard-cli: watch: %1").arg(text)); });
    QList<QByteArray> keys;
    for (const QDate &day : std::as_const(m_days))
        keys.append(DayCache::keyFor(day));
    const ServerEndpoint endpoint = m_context.connection()->endpoint();
    monitor.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    monitor.setKeys(keys);
    loop.exec();
    monitor.stop();
    return exitCode;
}

void WatchCommand::readAll()
{
    for (const QDate &day : std::as_const(m_days)) {
        TodoList todos;
        QString error;
        if (m_context.store().readDay(day, &todos, &error) == ExitOk)
            show(day, todos);
        else
            m_context.out().note(u"dayboard-cli: "_s + error);
    }
    if (!m_announced) {
        m_announced = true;
        const QString span = m_days.size() == 1
            ? m_days.first().toString(Qt::ISODate)
            : m_days.first().toString(Qt::ISODate) + u" to "_s + m_days.last().toString(Qt::ISODate);
        m_context.out().note(
            tr("Watching %1 on %2 (Ctrl+C to stop).").arg(span, m_context.connection()->description()));
    }
}

void WatchCommand::show(const QDate &day, const TodoList &now)
{
    const bool first = !m_known.contains(day);
    const TodoList before = m_known.value(day);
    m_known.insert(day, now);
    if (first)
        return; // what was there when watching began is not a change
    QHash<QString, Todo> old;
    for (const Todo &todo : before)
        old.insert(todo.id, todo);
    for (const Todo &todo : now) {
        const auto it = old.constFind(todo.id);
        if (it == old.cend())
            print(day, u"added"_s, todo);
        else if (!(*it == todo))
            print(day, u"changed"_s, todo);
        old.remove(todo.id);
    }
    for (const Todo &todo : before) {
        if (old.contains(todo.id))
            print(day, u"removed"_s, todo);
    }
}

void WatchCommand::print(const QDate &day, const QString &change, const Todo &todo)
{
    if (m_context.out().isJson()) {
        QJsonObject object = CliOutput::todoJson(day, todo);
        object.insert(u"change"_s, change);
        m_context.out().json(object);
    } else {
        m_context.out().line(change + u' ' + CliOutput::todoLine(day, todo));
    }
}
