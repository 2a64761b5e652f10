// SPDX-License-Identifier: MIT
#include "cli/daystore.h"

#include "cli/cliconnection.h"
#include "cli/exitcode.h"
#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/todocodec.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
constexpr int pageSize = 1000;
} // namespace

DayStore::DayStore(CliConnection *connection, int maxAttempts)
    : m_connection(connection)
    , m_maxAttempts(qMax(1, maxAttempts))
{ }

int DayStore::readRange(const QDate &from, const QDate &to, DayLists *days, QString *error)
{
    QByteArray start = from.isValid() ? DayCache::keyFor(from) : QByteArray("todos-00000000");
    const QByteArray end = to.isValid() ? DayCache::keyFor(to) : QByteArray("todos-99999999");
    HpkvClient *client = m_connection->client();
    for (;;) {
        const HpkvClient::Reply reply = m_connection->call(
            [&](HpkvClient::Callback done) { client->range(start, end, pageSize, std::move(done)); });
        if (!reply.ok())
            return fail({}, CliConnection::exitCodeFor(reply), reply.error, error);
        const QJsonArray records = reply.body.value(u"records"_s).toArray();
        QByteArray lastKey;
        for (const QJsonValue &record : records) {
            lastKey = record[u"key"_s].toString().toUtf8();
            const auto date = DayCache::dateForKey(lastKey);
            if (!date)
                continue;
            const TodoCodec::Result parsed
                = TodoCodec::parse(HpkvClient::storedBytes(record[u"value"_s]).value_or(QByteArray()));
            if (parsed.ok && !parsed.todos.isEmpty())
                days->insert(*date, parsed.todos);
        }
        if (!reply.body.value(u"truncated"_s).toBool() || lastKey.isEmpty())
            return ExitOk;
        start = lastKey + '\0'; // the next key after lastKey, byte-wise
    }
}

int DayStore::readDay(const QDate &day, TodoList *todos, QString *error)
{
    HpkvClient *client = m_connection->client();
    const HpkvClient::Reply reply = m_connection->call(
        [&](HpkvClient::Callback done) { client->get(DayCache::keyFor(day), std::move(done)); });
    if (reply.code == 404) {
        todos->clear();
        return ExitOk;
    }
    if (!reply.ok())
        return fail(day, CliConnection::exitCodeFor(reply), reply.error, error);
    const TodoCodec::Result parsed = TodoCodec::parse(reply.value().value_or(QByteArray()));
    if (!parsed.ok)
        return fail(day, ExitFailed, parsed.error, error);
    *todos = parsed.todos;
    return ExitOk;
}

int DayStore::update(const QDate &day, const Edit &edit, QString *error)
{
    HpkvClient *client = m_connection->client();
    const QByteArray key = DayCache::keyFor(day);
    for (int attempt = 0; attempt < m_maxAttempts; ++attempt) {
        const HpkvClient::Reply current
            = m_connection->call([&](HpkvClient::Callback done) { client->get(key, std::move(done)); });
        if (!current.ok() && current.code != 404)
            return fail(day, CliConnection::exitCodeFor(current), current.error, error);
        TodoList todos;
        if (const auto value = current.ok() ? current.value() : std::nullopt) {
            const TodoCodec::Result parsed = TodoCodec::parse(*value);
            if (!parsed.ok) // never overwrite a value we cannot read
                return fail(day, ExitFailed, parsed.error, error);
            todos = parsed.todos;
        }
        const std::optional<TodoList> changed = edit(todos);
        if (!changed)
            return ExitNotFound;
        if (*changed == todos)
            return ExitOk;
        // With revisions: only over exactly what was read (a 404 is revision 0: "must not exist").
        std::optional<qint64> ifRevision;
        if (client->revisions() == HpkvClient::Revisions::Supported || current.revision())
            ifRevision = current.ok() ? current.revision().value_or(0) : 0;
        const QByteArray value = TodoCodec::serialize(*changed);
        const HpkvClient::Reply written = m_connection->call(
            [&](HpkvClient::Callback done) { client->set(key, value, ifRevision, std::move(done)); });
        if (written.ok())
            return ExitOk;
        if (written.code != 409)
            return fail(day, CliConnection::exitCodeFor(written), written.error, error);
        qCInfo(lcCli).noquote() << "conflict on" << day.toString(Qt::ISODate) << "- reading it again, attempt"
                                << attempt + 2;
    }
    return fail(day, ExitConflict,
                QCoreApplication::translate("DayStore", "the day kept changing, %n attempt(s)", nullptr,
                                            m_maxAttempts),
                error);
}

int DayStore::fail(const QDate &day, int code, const QString &what, QString *error) const
{
    *error = day.isValid()
        ? QCoreApplication::translate("DayStore", "%1: %2").arg(day.toString(Qt::ISODate), what)
        : what;
    return code;
}
