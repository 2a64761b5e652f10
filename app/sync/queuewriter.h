// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

/**
 * @brief Writes the pending-operation queue file atomically (QSaveFile) on a worker thread.
 *
 * Lives in PendingQueue's worker thread; each write() replaces the whole file, and written()
 * reports the generation that is now on disk (or why it is not), so the GUI thread never
 * waits for the disk.
 */
class QueueWriter : public QObject
{
    Q_OBJECT

public:
    explicit QueueWriter(const QString &fileName);

public slots:
    void write(quint64 generation, const QByteArray &contents);

signals:
    void written(quint64 generation, bool ok, const QString &error);

private:
    QString m_fileName;
};
