// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <functional>

class DayCache;
class HpkvClient;

/**
 * @brief Gathers the todo lists of a date range, or of every day, for export and import.
 *
 * Reads the server with RANGE over the `todos-` keys (`todos-YYYYMMDD` to `todos-YYYYMMDD`, or
 * every `todos-` key), a page at a time while the reply says `truncated`; then every day the
 * DayCache holds Ready replaces what was read, so edits still on their way to the server are
 * in it too. Values that are not a todo list are left out and counted. `done` runs once, later.
 */
class ExchangeDays : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        DayLists days; ///< days with at least one todo
        int unreadable = 0; ///< days whose stored value is not a todo list
        QString error; ///< not empty: the server could not be read (nothing else is set)
    };
    using Done = std::function<void(const Result &)>;

    ExchangeDays(HpkvClient *client, DayCache *cache, QObject *parent = nullptr);

    /** Invalid `from` and `to`: every day. Records per RANGE page: `pageSize` (at most 1000). */
    void fetch(const QDate &from, const QDate &to, Done done, int pageSize = 1000);

private:
    void readPage(const QByteArray &start, const QByteArray &end, int pageSize, Result result, Done done);
    void finish(const QDate &from, const QDate &to, Result result, const Done &done) const;

    QPointer<HpkvClient> m_client;
    QPointer<DayCache> m_cache;
};
