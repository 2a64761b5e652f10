// SPDX-License-Identifier: MIT
#include "machineinfo.h"

#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

QString firstMatch(const QString &file, const QString &pattern)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    const QRegularExpressionMatch match = QRegularExpression(pattern, QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(f.readAll()));
    return match.hasMatch() ? match.captured(1).trimmed() : u"?"_s;
}

} // namespace

QString MachineInfo::describe()
{
    return u"machine: %1, %2 logical CPUs, %3 memory; %4 %5; Qt %6; load average %7"_s.arg(
        firstMatch(u"/proc/cpuinfo"_s, u"^model name\\s*:\\s*(.*)$"_s),
        QString::number(QThread::idealThreadCount()),
        firstMatch(u"/proc/meminfo"_s, u"^MemTotal:\\s*(.*)$"_s), QSysInfo::prettyProductName(),
        QSysInfo::kernelVersion(), QString::fromLatin1(qVersion()), loadAverage());
}

QString MachineInfo::loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return QString::fromLatin1(fields.mid(0, 3).join(' '));
}
