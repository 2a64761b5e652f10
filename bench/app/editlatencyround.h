// SPDX-License-Identifier: MIT
#pragma once

#include "sync/daycache.h"
#include "sync/syncsession.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QProcess>
#include <functional>

/**
 * @brief One round of workload 8 (a): an edit in this process until it shows in another's cache.
 *
 * This process is the editor: a DayCache and SyncSession as the app has them. It seeds a fresh
 * day with `todos` todos, starts an observer process (EditObserver), then makes `edits` text
 * edits of one todo, one at a time: each is submitted once the observer has shown the previous
 * one, the server has acknowledged it and the editor's queue file holds it (so no edit waits
 * for an earlier one's disk write). Times are CLOCK_MONOTONIC in both processes.
 */
class EditLatencyRound : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        ServerEndpoint endpoint;
        QDate day;
        int todos = 20;
        int edits = 300;
        int warmup = 20;
        QString workDir;
        QString observerProgram;
        int timeoutMs = 20000;
    };
    /** When one edit passed each stage (ns, CLOCK_MONOTONIC). */
    struct Edit
    {
        qint64 submitted = 0;
        qint64 saved = 0; ///< the editor's queue file holds it
        qint64 acked = 0; ///< the server acknowledged the write
        qint64 seen = 0; ///< the observer's DayCache shows it
    };

    explicit EditLatencyRound(const Config &config);
    ~EditLatencyRound() override;

    bool run(QString *error);
    /** The measured edits, warm-up excluded. */
    QList<Edit> measured() const;

private:
    bool waitUntil(const std::function<bool()> &done, const QString &what, QString *error);
    bool seed(QString *error);
    bool startObserver(QString *error);
    void submitNext();
    void onObserverOutput();
    void onQueueSaved();
    void onPendingCountChanged();
    void maybeContinue();
    bool isFinished() const;

    Config m_config;
    DayCache m_cache;
    SyncSession m_session;
    QProcess m_observer;
    QByteArray m_observerOutput;
    bool m_observerReady = false;
    QList<Edit> m_edits;
    QString m_failure;
};
