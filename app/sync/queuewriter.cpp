// SPDX-License-Identifier: MIT
#include "sync/queuewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

QueueWriter::QueueWriter(const QString &fileName)
    : m_fileName(fileName)
{ }

void QueueWriter::write(quint64 generation, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        emit written(generation, false, file.errorString());
        return;
    }
    file.write(contents);
    if (!file.commit()) {
        emit written(generation, false, file.errorString());
        return;
    }
    emit written(generation, true, QString());
}
