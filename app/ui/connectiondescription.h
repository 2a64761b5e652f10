// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

class SyncSession;

/**
 * @brief What the connection pill and Settings say about the sync connection.
 *
 * `state()` is a stable name for QML ("connected", "connecting", "reconnecting", "offline",
 * "keyRefused", "unreachable", "notServer", "tls"); `pillText()` the pill's short words;
 * `detail()` the whole story with what to do, for the pill's tooltip and Settings.
 */
class ConnectionDescription
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionDescription)

public:
    /** `target`: what the session talks to, as the user knows it ("the built-in server", a host). */
    ConnectionDescription(const SyncSession *session, const QString &target);

    QString state() const;
    QString pillText() const;
    QString detail() const;
    bool isProblem() const;

private:
    const SyncSession *m_session;
    QString m_target;
};
