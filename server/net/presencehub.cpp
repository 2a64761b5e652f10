// SPDX-License-Identifier: MIT
#include "net/presencehub.h"

#include "core/presencebackend.h"
#include "core/replyencoder.h"
#include "net/netlog.h"
#include "net/websocketframe.h"
#include "net/websocketsession.h"

#include <QDateTime>
#include <QPointer>
#include <QRandomGenerator>

PresenceHub::PresenceHub(PresenceBackend *backend, Options options, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_options(options)
    , m_instance(QByteArray::number(QRandomGenerator::global()->generate64(), 16))
{
    connect(m_backend, &PresenceBackend::keyChanged, this, [this](const QByteArray &key) {
        if (m_watchers.contains(key))
            refresh(key);
    });
    connect(&m_sweepTimer, &QTimer::timeout, this, &PresenceHub::sweep);
    m_sweepTimer.start(qBound(10, m_options.expiryMs / 4, 1000));
}

PresenceHub::~PresenceHub()
{
    for (auto peer = m_peers.cbegin(); peer != m_peers.cend(); ++peer) {
        for (auto member = peer->members.cbegin(); member != peer->members.cend(); ++member) {
            for (const QByteArray &key : member->here)
                m_backend->leave(key, member.key(), peer->owner);
        }
    }
}

void PresenceHub::handlePresence(const Request &request, const AccessScope &scope, PresencePeer *peer,
                                 std::function<void(const Reply &)> done)
{
    // Only WebSocketSession passes itself as the peer (KvService::handleFrame).
    auto *session = static_cast<WebSocketSession *>(peer);
    Reply reply;
    reply.op = Op::Presence;
    reply.messageIdJson = request.messageIdJson;
    if (const QString error = refusal(request, scope, session); !error.isEmpty()) {
        reply.code = error.startsWith(QLatin1String("Access denied")) ? 403 : 400;
        reply.error = error;
        done(reply);
        return;
    }
    if (!m_peers.contains(session)) {
        m_peers[session].owner = m_instance + ':' + QByteArray::number(++m_nextOwner);
        connect(session, &WebSocketSession::closed, this, &PresenceHub::removeSession);
    }
    apply(session, *request.presence);
    reply.heartbeatMs = heartbeatMs();
    reply.expiryMs = m_options.expiryMs;
    done(reply);
    updateWatches(session);
}

QString PresenceHub::refusal(const Request &request, const AccessScope &scope,
                             WebSocketSession *session) const
{
    using Limits = PresenceAnnouncement;
    const PresenceAnnouncement &announcement = *request.presence;
    for (const QList<QByteArray> *keys : { &announcement.here, &announcement.watch }) {
        for (const QByteArray &key : *keys) {
            if (!scope.mayAccess(key))
                return QStringLiteral("Access denied: this token may not access that key");
        }
    }
    const auto peer = m_peers.constFind(session);
    if (peer == m_peers.constEnd())
        return {};
    if (!peer->members.contains(announcement.member) && !announcement.here.isEmpty()
        && peer->members.size() >= Limits::maxMembersPerConnection)
        return QStringLiteral("Too many presence members on this connection (at most %1)")
            .arg(Limits::maxMembersPerConnection);
    QSet<QByteArray> watched(announcement.watch.cbegin(), announcement.watch.cend());
    for (auto member = peer->members.cbegin(); member != peer->members.cend(); ++member) {
        if (member.key() != announcement.member)
            watched.unite(QSet<QByteArray>(member->watch.cbegin(), member->watch.cend()));
    }
    if (watched.size() > Limits::maxWatchKeys)
        return QStringLiteral("Too many watched keys on this connection (at most %1)")
            .arg(Limits::maxWatchKeys);
    return {};
}

void PresenceHub::apply(WebSocketSession *session, const PresenceAnnouncement &announcement)
{
    Peer &peer = m_peers[session];
    const Member previous = peer.members.value(announcement.member);
    for (const QByteArray &key : previous.here) {
        if (!announcement.here.contains(key))
            m_backend->leave(key, announcement.member, peer.owner);
    }
    if (announcement.here.isEmpty() && announcement.watch.isEmpty()) {
        peer.members.remove(announcement.member);
        return;
    }
    peer.members[announcement.member] = { announcement.name, announcement.here, announcement.watch };
    for (const QByteArray &key : announcement.here)
        m_backend->announce(key, { announcement.member, announcement.name }, peer.owner, m_options.expiryMs);
}

void PresenceHub::updateWatches(WebSocketSession *session)
{
    const auto peer = m_peers.find(session);
    if (peer == m_peers.end())
        return;
    QSet<QByteArray> watched;
    for (const Member &member : std::as_const(peer->members))
        watched.unite(QSet<QByteArray>(member.watch.cbegin(), member.watch.cend()));
    for (const QByteArray &key : std::as_const(peer->watched)) {
        if (watched.contains(key))
            continue;
        auto watchers = m_watchers.find(key);
        watchers->remove(session);
        if (watchers->isEmpty()) {
            m_watchers.erase(watchers);
            m_lastRoster.remove(key);
        }
    }
    const QSet<QByteArray> added = watched - peer->watched;
    peer->watched = watched;
    for (const QByteArray &key : added) {
        m_watchers[key].insert(session);
        refresh(key, session);
    }
}

void PresenceHub::removeSession(WebSocketSession *session)
{
    const auto peer = m_peers.find(session);
    if (peer == m_peers.end())
        return;
    const Peer gone = *peer;
    m_peers.erase(peer);
    for (const QByteArray &key : gone.watched) {
        auto watchers = m_watchers.find(key);
        watchers->remove(session);
        if (watchers->isEmpty()) {
            m_watchers.erase(watchers);
            m_lastRoster.remove(key);
        }
    }
    for (auto member = gone.members.cbegin(); member != gone.members.cend(); ++member) {
        for (const QByteArray &key : member->here)
            m_backend->leave(key, member.key(), gone.owner);
    }
}

void PresenceHub::sweep()
{
    const QList<QByteArray> keys = m_watchers.keys();
    for (const QByteArray &key : keys)
        refresh(key);
}

void PresenceHub::refresh(const QByteArray &key, WebSocketSession *only)
{
    QPointer<PresenceHub> self(this);
    QPointer<WebSocketSession> target(only);
    m_backend->roster(key,
                      [self, key, target, initial = only != nullptr](const QList<PresenceMember> &members) {
        if (!self || !self->m_watchers.contains(key))
            return;
        const bool changed = !self->m_lastRoster.contains(key) || self->m_lastRoster.value(key) != members;
        self->m_lastRoster.insert(key, members);
        if (changed)
            self->push(key, members, self->m_watchers.value(key).values());
        else if (initial && target && self->m_watchers.value(key).contains(target))
            self->push(key, members, { target.data() });
    });
}

void PresenceHub::push(const QByteArray &key, const QList<PresenceMember> &members,
                       const QList<WebSocketSession *> &to)
{
    const QByteArray frame
        = WebSocketFrame::encode(WebSocketFrame::Opcode::Text,
                                 ReplyEncoder::presence(key, members, QDateTime::currentMSecsSinceEpoch()));
    for (WebSocketSession *session : to) {
        if (m_peers.contains(session))
            session->sendFrame(frame);
    }
}
