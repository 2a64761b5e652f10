// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todooperation.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

class QueueWriter;

/**
 * @brief The operations the server has not acknowledged yet, kept in a file across restarts.
 *
 * The file is a JSON object `{"version":1,"nextSeq":N,"operations":[{"seq":..,"op":{..}}]}`,
 * replaced atomically (QSaveFile) on a worker thread after every change. Operations are sent
 * without waiting for the file (docs/sync.md §2: waiting would lose nothing less). Loading
 * happens in the constructor; a file that cannot be read is moved aside (`.corrupt-<ms>`),
 * never deleted. The destructor waits until every change made so far is written.
 */
class PendingQueue : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        quint64 seq = 0;
        TodoOperation op;
    };

    explicit PendingQueue(const QString &fileName, QObject *parent = nullptr);
    ~PendingQueue() override;

    /** Why the file could not be loaded at construction (empty: loaded or absent). */
    QString loadError() const { return m_loadError; }
    QString fileName() const { return m_fileName; }

    quint64 append(const TodoOperation &op);
    void remove(const QList<quint64> &seqs);

    QList<Entry> entries() const { return m_entries; }
    QList<Entry> entriesFor(const QDate &day) const;
    QList<QDate> days() const;
    int count() const { return int(m_entries.size()); }
    /** True when every change so far is on disk. */
    bool isSaved() const { return m_savedGeneration == m_generation; }

signals:
    void countChanged();
    void saveFailed(const QString &text);
    void saved();

private:
    void load();
    void save();
    void onWritten(quint64 generation, bool ok, const QString &error);

    QString m_fileName;
    QString m_loadError;
    QList<Entry> m_entries;
    quint64 m_nextSeq = 1;
    quint64 m_generation = 0;
    quint64 m_savedGeneration = 0;
    QThread m_thread;
    QueueWriter *m_writer = nullptr;
};
