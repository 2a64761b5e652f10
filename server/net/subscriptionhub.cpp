// SPDX-License-Identifier: MIT
#include "net/subscriptionhub.h"

#include "core/accessscope.h"
#include "core/replyencoder.h"
#include "core/storage.h"
#include "net/closecodes.h"
#include "net/netlog.h"
#include "net/websocketframe.h"
#include "net/websocketsession.h"

#include <algorithm>

SubscriptionHub::SubscriptionHub(Storage *storage, Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_clock.start();
    connect(storage, &Storage::changed, this, &SubscriptionHub::onChanged);
    connect(storage, &Storage::changesMayBeLost, this, &SubscriptionHub::onChangesMayBeLost);
    connect(&m_sweepTimer, &QTimer::timeout, this, &SubscriptionHub::sweep);
    // Sweeping at the shorter interval bounds how late a ping or a drop can be.
    m_sweepTimer.start(qMax(10, qMin(options.pingIntervalMs, options.pongTimeoutMs) / 2));
}

SubscriptionHub::~SubscriptionHub() = default;

void SubscriptionHub::add(WebSocketSession *session)
{
    m_sessions.insert(session);
    const AccessScope &scope = session->scope();
    for (const QByteArray &key : scope.exactSubscriptions()) {
        QList<WebSocketSession *> &list = m_exact[key];
        if (!list.contains(session))
            list.append(session);
    }
    for (const QByteArray &pattern : scope.wildcardSubscriptions())
        m_wildcards.append({ pattern, session });
    if (!scope.exactSubscriptions().isEmpty() || !scope.wildcardSubscriptions().isEmpty())
        ++m_subscribers;
    connect(session, &WebSocketSession::closed, this, &SubscriptionHub::remove);
}

void SubscriptionHub::remove(WebSocketSession *session)
{
    if (!m_sessions.remove(session))
        return;
    const AccessScope &scope = session->scope();
    for (const QByteArray &key : scope.exactSubscriptions()) {
        const auto it = m_exact.find(key);
        if (it == m_exact.end())
            continue;
        it->removeAll(session);
        if (it->isEmpty())
            m_exact.erase(it);
    }
    m_wildcards.removeIf([session](const auto &entry) { return entry.second == session; });
    if (!scope.exactSubscriptions().isEmpty() || !scope.wildcardSubscriptions().isEmpty())
        --m_subscribers;
}

void SubscriptionHub::onChanged(const Change &change)
{
    if (m_subscribers == 0)
        return;
    const quint64 serial = ++m_serial;
    // Collect first: a send may close a slow session, which must not disturb the iteration.
    QList<WebSocketSession *> targets;
    if (const auto it = m_exact.constFind(change.key); it != m_exact.constEnd()) {
        for (WebSocketSession *session : *it) {
            if (session->deliveredSerial != serial) {
                session->deliveredSerial = serial;
                targets.append(session);
            }
        }
    }
    for (const auto &[pattern, session] : std::as_const(m_wildcards)) {
        if (session->deliveredSerial != serial && AccessScope::wildcardMatch(pattern, change.key)) {
            session->deliveredSerial = serial;
            targets.append(session);
        }
    }
    if (targets.isEmpty())
        return;
    // Encoded once, only when someone hears it, and the one frame is written to every target.
    const QByteArray frame = WebSocketFrame::encode(
        WebSocketFrame::Opcode::Text, ReplyEncoder::notification(change, m_options.withRevision));
    for (WebSocketSession *session : std::as_const(targets)) {
        if (m_sessions.contains(session))
            session->sendFrame(frame);
    }
}

void SubscriptionHub::onChangesMayBeLost()
{
    const QList<WebSocketSession *> all = m_sessions.values();
    int closed = 0;
    for (WebSocketSession *session : all) {
        const AccessScope &scope = session->scope();
        if (scope.exactSubscriptions().isEmpty() && scope.wildcardSubscriptions().isEmpty())
            continue;
        session->close(CloseCodes::Refetch,
                       QStringLiteral("Notifications may have been lost; reconnect and refetch"));
        ++closed;
    }
    qCWarning(lcNet) << "storage may have lost notifications; closed" << closed << "monitor sockets";
}

void SubscriptionHub::sweep()
{
    const qint64 now = nowMs();
    const QList<WebSocketSession *> all = m_sessions.values();
    for (WebSocketSession *session : all) {
        if (!session->isOpen())
            continue;
        if (session->pingSentMs() >= 0 && now - session->pingSentMs() >= m_options.pongTimeoutMs) {
            qCInfo(lcNet) << "dropping websocket peer that did not answer a ping";
            session->abort();
            continue;
        }
        if (now - session->lastHeardMs() >= m_options.pingIntervalMs)
            session->sendPing(now);
    }
}
