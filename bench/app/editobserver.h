// SPDX-License-Identifier: MIT
#pragma once

#include "sync/daycache.h"
#include "sync/syncsession.h"

#include <QDate>
#include <QObject>
#include <QString>

/**
 * @brief The second client process of the edit-latency benchmark (`dayboard-appbench --observe`).
 *
 * A DayCache and a SyncSession exactly as the app has them, watching one day. Prints to stdout
 * `ready <text>` once its monitor is connected and the day is loaded, then `seen <text> <ns>`
 * each time the text of the watched todo changes in its cache, with the CLOCK_MONOTONIC time
 * taken first thing in the DayCache::dayChanged handler.
 */
class EditObserver : public QObject
{
    Q_OBJECT

public:
    EditObserver(const QDate &day, const QString &todoId, const QString &queueFile);
    void start(const ServerEndpoint &endpoint);

private:
    void onDayChanged(const QDate &date);
    void maybeReady();
    void print(const QByteArray &line);

    QDate m_day;
    QString m_todoId;
    DayCache m_cache;
    SyncSession m_session;
    QString m_lastText;
    bool m_ready = false;
};
