// SPDX-License-Identifier: MIT
#include "ui/connectiondescription.h"

#include "sync/syncsession.h"

ConnectionDescription::ConnectionDescription(const SyncSession *session, const QString &target)
    : m_session(session)
    , m_target(target)
{ }

bool ConnectionDescription::isProblem() const
{
    return m_session->connectionState() != SyncSession::ConnectionState::Connected
        && m_session->problem() != SyncSession::Problem::None;
}

QString ConnectionDescription::state() const
{
    if (isProblem()) {
        switch (m_session->problem()) {
        case SyncSession::Problem::KeyRefused:
            return QStringLiteral("keyRefused");
        case SyncSession::Problem::Unreachable:
            return QStringLiteral("unreachable");
        case SyncSession::Problem::NotHpkv:
            return QStringLiteral("notServer");
        case SyncSession::Problem::TlsProblem:
            return QStringLiteral("tls");
        case SyncSession::Problem::None:
            break;
        }
    }
    switch (m_session->connectionState()) {
    case SyncSession::ConnectionState::Connected:
        return QStringLiteral("connected");
    case SyncSession::ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case SyncSession::ConnectionState::Reconnecting:
        return QStringLiteral("reconnecting");
    case SyncSession::ConnectionState::Disconnected:
        break;
    }
    return QStringLiteral("offline");
}

QString ConnectionDescription::pillText() const
{
    QString text;
    const QString name = state();
    if (name == u"keyRefused")
        text = tr("API key refused");
    else if (name == u"unreachable")
        text = tr("Server unreachable");
    else if (name == u"notServer")
        text = tr("Not a sync server");
    else if (name == u"tls")
        text = tr("Secure connection failed");
    else if (name == u"connected")
        text = tr("Connected");
    else if (name == u"connecting")
        text = tr("Connecting…");
    else if (name == u"reconnecting")
        text = tr("Reconnecting…");
    else
        text = tr("Offline");
    const int pending = m_session->pendingCount();
    if (pending == 0)
        return text;
    // English plural forms come from dayboard_en.ts (Translations), like every other language.
    return tr("%1 · %n edit(s) waiting", nullptr, pending).arg(text);
}

QString ConnectionDescription::detail() const
{
    const QString why = m_session->problemDetail();
    const QString name = state();
    if (name == u"keyRefused")
        return tr("%1 refused the API key. Enter the right key in Settings and apply it; Dayboard does not "
                  "try "
                  "again until then. Your edits are kept on this computer.")
            .arg(m_target);
    if (name == u"unreachable")
        return tr("Cannot reach %1 (%2). Dayboard keeps trying, less often as time goes on; check the "
                  "address "
                  "and your network. Your edits are kept and sent when it is back.")
            .arg(m_target, why);
    if (name == u"notServer")
        return tr("%1 does not answer like a Dayboard or HPKV server (%2). Check the address in Settings.")
            .arg(m_target, why);
    if (name == u"tls")
        return tr("The secure connection to %1 failed (%2). Check the address (https:// or http://) and the "
                  "server's certificate.")
            .arg(m_target, why);
    if (name == u"connected")
        return tr("Connected to %1.").arg(m_target);
    if (name == u"offline")
        return tr("Not connected to a sync server.");
    return tr("Connecting to %1…").arg(m_target);
}
