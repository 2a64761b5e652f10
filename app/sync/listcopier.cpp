// SPDX-License-Identifier: MIT
#include "sync/listcopier.h"

#include "sync/daycache.h"
#include "sync/synclog.h"
#include "sync/todocodec.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
constexpr int pageSize = 1000; // the protocol's RANGE maximum
constexpr int maxConflicts = 8; // someone else writing the same day that often: give up on it
const QByteArray firstDayKey = "todos-00000000";
const QByteArray lastDayKey = "todos-99999999";
} // namespace

ListCopier::ListCopier(const ServerEndpoint &from, const ServerEndpoint &to, QObject *parent)
    : QObject(parent)
    , m_fromEndpoint(from)
    , m_toEndpoint(to)
{ }

void ListCopier::start()
{
    const auto connectedCheck = [this] {
        if (m_from.isConnected() && m_to.isConnected() && !m_reading) {
            m_reading = true;
            bothConnected();
        }
    };
    connect(&m_from, &HpkvClient::connected, this, connectedCheck);
    connect(&m_to, &HpkvClient::connected, this, connectedCheck);
    // One failed attempt is enough: the user sees it and can try again from Settings.
    connect(&m_from, &HpkvClient::connectionError, this, [this](const QString &text) {
        if (!m_reading)
            finish(text);
    });
    connect(&m_to, &HpkvClient::connectionError, this, [this](const QString &text) {
        if (!m_reading)
            finish(text);
    });
    m_from.setEndpoint(m_fromEndpoint.baseUrl, m_fromEndpoint.apiKey);
    m_to.setEndpoint(m_toEndpoint.baseUrl, m_toEndpoint.apiKey);
}

void ListCopier::bothConnected()
{
    qCInfo(lcSync) << "copying the lists to the new server";
    readPage(firstDayKey);
}

void ListCopier::readPage(const QByteArray &startKey)
{
    m_from.range(startKey, lastDayKey, pageSize, [this](const HpkvClient::Reply &reply) {
        if (!reply.ok()) {
            finish(reply.error);
            return;
        }
        const QJsonArray records = reply.body.value(u"records"_s).toArray();
        QByteArray lastKey;
        for (const QJsonValue &record : records) {
            const QByteArray key = record[u"key"_s].toString().toUtf8();
            lastKey = key;
            if (!DayCache::dateForKey(key))
                continue;
            const QByteArray bytes = HpkvClient::storedBytes(record[u"value"_s]).value_or(QByteArray());
            const TodoCodec::Result parsed = TodoCodec::parse(bytes);
            if (parsed.ok && !parsed.todos.isEmpty())
                m_days.append({ key, parsed.todos });
        }
        if (reply.body.value(u"truncated"_s).toBool() && !lastKey.isEmpty())
            readPage(lastKey + '\0'); // the next key after lastKey, byte-wise
        else
            copyNext();
    });
}

void ListCopier::copyNext()
{
    if (m_days.isEmpty()) {
        finish();
        return;
    }
    const auto [key, todos] = m_days.takeFirst();
    writeDay(key, todos, 0);
}

void ListCopier::writeDay(const QByteArray &key, const TodoList &source, int attempt)
{
    m_to.get(key, [this, key, source, attempt](const HpkvClient::Reply &reply) {
        if (!reply.ok() && reply.code != 404) {
            finish(reply.error);
            return;
        }
        merge(key, source, reply, attempt);
    });
}

void ListCopier::merge(const QByteArray &key, const TodoList &source, const HpkvClient::Reply &target,
                       int attempt)
{
    TodoList merged;
    if (const auto value = target.ok() ? target.value() : std::nullopt) {
        const TodoCodec::Result parsed = TodoCodec::parse(*value);
        if (!parsed.ok) {
            qCWarning(lcSync) << "not copying" << key
                              << "- the new server's value cannot be read:" << parsed.error;
            copyNext();
            return;
        }
        merged = parsed.todos;
    }
    QSet<QString> ids;
    for (const Todo &todo : std::as_const(merged))
        ids.insert(todo.id);
    int added = 0;
    for (const Todo &todo : source) {
        if (!ids.contains(todo.id)) {
            merged.append(todo);
            ids.insert(todo.id);
            ++added;
        }
    }
    if (added == 0) {
        copyNext();
        return;
    }
    // With revisions: only over exactly what was read (a 404 is revision 0: "must not exist").
    std::optional<qint64> ifRevision;
    if (m_to.revisions() == HpkvClient::Revisions::Supported || target.revision())
        ifRevision = target.ok() ? target.revision().value_or(0) : 0;
    m_to.set(key, TodoCodec::serialize(merged), ifRevision,
             [this, key, source, attempt, added](const HpkvClient::Reply &reply) {
        if (reply.ok()) {
            ++m_result.days;
            m_result.todos += added;
            copyNext();
        } else if (reply.code == 409 && attempt < maxConflicts) {
            writeDay(key, source, attempt + 1); // someone wrote it meanwhile: merge again
        } else {
            finish(reply.error);
        }
    });
}

void ListCopier::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_result.error = error;
    m_from.disconnectFromServer();
    m_to.disconnectFromServer();
    qCInfo(lcSync) << "copied" << m_result.days << "days," << m_result.todos << "todos" << error;
    emit finished(m_result);
}
