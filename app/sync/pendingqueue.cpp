// SPDX-License-Identifier: MIT
#include "sync/pendingqueue.h"

#include "sync/queuewriter.h"
#include "sync/synclog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

PendingQueue::PendingQueue(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_fileName(fileName)
{
    load();
    m_writer = new QueueWriter(fileName);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &QueueWriter::written, this, &PendingQueue::onWritten);
    m_thread.setObjectName(u"dayboard-queue-writer"_s);
    m_thread.start();
}

PendingQueue::~PendingQueue()
{
    // Every write queued so far runs before the thread ends (quit() alone may leave queued
    // calls unprocessed): nothing the user did is dropped.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PendingQueue::load()
{
    QFile file(m_fileName);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = tr("The queue of unsent changes cannot be read: %1").arg(file.errorString());
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    file.close();
    const QJsonArray operations = document.object().value(u"operations"_s).toArray();
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const QString aside
            = m_fileName + u".corrupt-"_s + QString::number(QDateTime::currentMSecsSinceEpoch());
        QFile::rename(m_fileName, aside);
        m_loadError = tr("The queue of unsent changes was damaged; it was kept as %1.").arg(aside);
        qCWarning(lcSync) << "queue file unreadable, moved aside:" << error.errorString();
        return;
    }
    for (const QJsonValue &value : operations) {
        const QJsonObject object = value.toObject();
        Entry entry { quint64(object.value(u"seq"_s).toInteger()),
                      TodoOperation::fromJson(object.value(u"op"_s).toObject()) };
        if (entry.seq == 0 || !entry.op.isValid()) {
            qCWarning(lcSync) << "skipping an unreadable queued operation";
            continue;
        }
        m_entries.append(entry);
        m_nextSeq = std::max(m_nextSeq, entry.seq + 1);
    }
    m_nextSeq = std::max<quint64>(m_nextSeq, quint64(document.object().value(u"nextSeq"_s).toInteger(0)));
    qCInfo(lcSync) << "loaded" << m_entries.size() << "unsent operations";
}

quint64 PendingQueue::append(const TodoOperation &op)
{
    const quint64 seq = m_nextSeq++;
    m_entries.append(Entry { seq, op });
    save();
    emit countChanged();
    return seq;
}

void PendingQueue::remove(const QList<quint64> &seqs)
{
    const qsizetype removed = m_entries.removeIf([&](const Entry &e) { return seqs.contains(e.seq); });
    if (removed == 0)
        return;
    save();
    emit countChanged();
}

QList<PendingQueue::Entry> PendingQueue::entriesFor(const QDate &day) const
{
    QList<Entry> result;
    for (const Entry &entry : m_entries) {
        if (entry.op.day == day)
            result.append(entry);
    }
    return result;
}

QList<QDate> PendingQueue::days() const
{
    QList<QDate> result;
    for (const Entry &entry : m_entries) {
        if (!result.contains(entry.op.day))
            result.append(entry.op.day);
    }
    return result;
}

void PendingQueue::save()
{
    QJsonArray operations;
    for (const Entry &entry : std::as_const(m_entries))
        operations.append(QJsonObject { { u"seq"_s, qint64(entry.seq) }, { u"op"_s, entry.op.toJson() } });
    const QJsonObject document { { u"version"_s, 1 },
                                 { u"nextSeq"_s, qint64(m_nextSeq) },
                                 { u"operations"_s, operations } };
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, generation, bytes = QJsonDocument(document).toJson(QJsonDocument::Compact)] {
        writer->write(generation, bytes);
        });
}

void PendingQueue::onWritten(quint64 generation, bool ok, const QString &error)
{
    if (!ok) {
        qCWarning(lcSync) << "cannot save the queue file:" << error;
        emit saveFailed(
            tr("Unsent changes cannot be saved to disk (%1); they are kept in memory and still sent.")
                .arg(error));
        // The edits are still sent (kept in memory): the disk refusing them must not hold them back.
    }
    m_savedGeneration = std::max(m_savedGeneration, generation);
    if (ok)
        emit saved();
}
