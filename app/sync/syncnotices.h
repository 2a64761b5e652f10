// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QObject>
#include <QSet>
#include <QString>

/**
 * @brief What the sync core tells the user (shown as toasts), each said once.
 *
 * The same text is not repeated back to back, an outage is reported once until the
 * connection is back, and an unreadable day once until it is readable again. No secrets.
 */
class SyncNotices : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void connectionLost();
    void connected();
    /** Another endpoint: the next outage is reported again. */
    void endpointChanged();
    /** Another server: its days' states are not ours to remember. */
    void forgetDays();

    void dayUnreadable(const QDate &day, const QString &error);
    void dayReadable(const QDate &day);
    void changeRefused(const QDate &day, const QString &error);
    void readRefused(const QDate &day, const QString &error);
    void loadFailed(const QDate &day, const QString &error);
    void accessRefused(int code);

    void say(const QString &text);

signals:
    void message(const QString &text);

private:
    QString m_lastMessage;
    bool m_outageReported = false;
    QSet<QDate> m_reportedUnreadable;
};
