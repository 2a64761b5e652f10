// SPDX-License-Identifier: MIT
#include "sync/syncnotices.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString localShortDate(const QDate &day)
{
    return QLocale().toString(day, QLocale::ShortFormat);
}

} // namespace

void SyncNotices::connectionLost()
{
    if (m_outageReported)
        return;
    m_outageReported = true;
    say(tr("The connection to the sync server was lost; reconnecting. Changes are kept and sent when it "
           "is back."));
}

void SyncNotices::connected()
{
    if (m_outageReported)
        say(tr("Connected to the sync server again."));
    m_outageReported = false;
    m_lastMessage.clear();
}

void SyncNotices::endpointChanged()
{
    m_outageReported = false;
}

void SyncNotices::forgetDays()
{
    m_reportedUnreadable.clear();
}

void SyncNotices::dayUnreadable(const QDate &day, const QString &error)
{
    if (m_reportedUnreadable.contains(day))
        return;
    m_reportedUnreadable.insert(day);
    say(tr("The list of %1 on the server cannot be read (%2). It is left as it is; your changes to it are "
           "kept "
           "and not sent.")
            .arg(localShortDate(day), error));
}

void SyncNotices::dayReadable(const QDate &day)
{
    m_reportedUnreadable.remove(day);
}

void SyncNotices::changeRefused(const QDate &day, const QString &error)
{
    say(tr("The server refused a change to %1 (%2); it was undone.").arg(localShortDate(day), error));
}

void SyncNotices::readRefused(const QDate &day, const QString &error)
{
    say(tr("The server refused to read %1 (%2).").arg(localShortDate(day), error));
}

void SyncNotices::loadFailed(const QDate &day, const QString &error)
{
    say(tr("%1 could not be loaded (%2).").arg(localShortDate(day), error));
}

void SyncNotices::accessRefused(int code)
{
    say(tr("The sync server refused access (%1). Check the API key; changes stay queued.").arg(code));
}

void SyncNotices::say(const QString &text)
{
    if (text == m_lastMessage)
        return;
    m_lastMessage = text;
    emit message(text);
}
