// SPDX-License-Identifier: MIT
#include "ui/exchangedays.h"

#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/todocodec.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QByteArray storedValue(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toUtf8();
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return {};
}

} // namespace

ExchangeDays::ExchangeDays(HpkvClient *client, DayCache *cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
{ }

void ExchangeDays::fetch(const QDate &from, const QDate &to, Done done, int pageSize)
{
    const bool everything = !from.isValid() || !to.isValid();
    // Every `todos-YYYYMMDD` key sorts between "todos-" and "todos-:" (':' follows the digits).
    const QByteArray start = everything ? "todos-"_ba : DayCache::keyFor(qMin(from, to));
    const QByteArray end = everything ? "todos-:"_ba : DayCache::keyFor(qMax(from, to));
    Done finished
        = [this, from = everything ? QDate() : qMin(from, to), to = everything ? QDate() : qMax(from, to),
           done = std::move(done)](const Result &result) { finish(from, to, result, done); };
    readPage(start, end, qBound(1, pageSize, 1000), Result(), std::move(finished));
}

void ExchangeDays::readPage(const QByteArray &start, const QByteArray &end, int pageSize, Result result,
                            Done done)
{
    if (!m_client) {
        result.error = tr("Not connected to a server");
        done(result);
        return;
    }
    m_client->range(start, end, pageSize,
                    [this, end, pageSize, result, done](const HpkvClient::Reply &reply) mutable {
        if (!reply.ok()) {
            result.error = reply.code == 0 ? tr("The server could not be reached (%1)").arg(reply.error)
                                           : tr("The server refused to list the days (%1)").arg(reply.error);
            done(result);
            return;
        }
        const QJsonArray records = reply.body.value(u"records"_s).toArray();
        QByteArray last;
        for (const QJsonValue &entry : records) {
            const QJsonObject record = entry.toObject();
            last = record.value(u"key"_s).toString().toUtf8();
            const std::optional<QDate> day = DayCache::dateForKey(last);
            if (!day)
                continue;
            const TodoCodec::Result parsed = TodoCodec::parse(storedValue(record.value(u"value"_s)));
            if (!parsed.ok)
                ++result.unreadable;
            else if (!parsed.todos.isEmpty())
                result.days.insert(*day, parsed.todos);
        }
        if (reply.body.value(u"truncated"_s).toBool() && !last.isEmpty()) {
            // The next page starts right after the last key (a space sorts before any key character).
            readPage(last + ' ', end, pageSize, result, done);
            return;
        }
        done(result);
    });
}

void ExchangeDays::finish(const QDate &from, const QDate &to, Result result, const Done &done) const
{
    if (result.error.isEmpty() && m_cache) {
        // What this app shows (server value + edits not yet acknowledged) wins over what was read.
        const auto covered = [&](const QDate &day) { return !from.isValid() || (day >= from && day <= to); };
        for (const QDate &day : m_cache->knownDays()) {
            const DayCache::Day &cached = m_cache->day(day);
            if (cached.status != DayCache::Status::Ready || !covered(day))
                continue;
            if (cached.todos.isEmpty())
                result.days.remove(day);
            else
                result.days.insert(day, cached.todos);
        }
    }
    done(result);
}
