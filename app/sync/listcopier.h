// SPDX-License-Identifier: MIT
#pragma once

#include "sync/hpkvclient.h"
#include "sync/syncsession.h"
#include "sync/todo.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

/**
 * @brief Brings the lists along when the user switches servers: copies every day that has
 * todos from one server to another.
 *
 * Each day is merged by todo id: the target keeps what it has and gets the todos it lacks, in
 * their order. The write is a compare-and-swap on the target's revision (retried on 409 with
 * the value in the reply); a server without revisions gets the merged list written as read
 * (read-modify-write). Running it twice, or onto a server that already has some of the
 * todos, duplicates nothing.
 */
class ListCopier : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        int days = 0; ///< days that got at least one todo
        int todos = 0; ///< todos copied
        QString error; ///< not empty: the copy stopped (what was copied so far stays)
    };

    ListCopier(const ServerEndpoint &from, const ServerEndpoint &to, QObject *parent = nullptr);

    /** Connects to both servers and copies; finished() once, later. */
    void start();

signals:
    void finished(const ListCopier::Result &result);

private:
    void bothConnected();
    void readPage(const QByteArray &startKey);
    void copyNext();
    void writeDay(const QByteArray &key, const TodoList &source, int attempt);
    void merge(const QByteArray &key, const TodoList &source, const HpkvClient::Reply &target, int attempt);
    void finish(const QString &error = {});

    ServerEndpoint m_fromEndpoint;
    ServerEndpoint m_toEndpoint;
    HpkvClient m_from;
    HpkvClient m_to;
    QList<QPair<QByteArray, TodoList>> m_days;
    Result m_result;
    bool m_reading = false;
    bool m_done = false;
};
