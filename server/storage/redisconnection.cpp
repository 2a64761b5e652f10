// SPDX-License-Identifier: MIT
#include "storage/redisconnection.h"

#include "storage/redislog.h"
#include "storage/redisqtadapter.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <algorithm>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <vector>

struct RedisConnection::Pending
{
    QPointer<RedisConnection> connection;
    ReplyCallback done;
    bool tracked = true; ///< one reply expected (counts for the timeout)
    bool persistent = false; ///< a subscription: runs for every message
};

RedisConnection::RedisConnection(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    m_clock.start();
    m_watchdog.setInterval(250);
    connect(&m_watchdog, &QTimer::timeout, this, &RedisConnection::checkTimeout);
}

RedisConnection::~RedisConnection()
{
    // Pending callbacks still run (with null); they must not see this object as alive.
    if (m_context) {
        redisAsyncContext *context = m_context;
        m_context = nullptr;
        m_state = State::Closed;
        context->data = nullptr;
        redisAsyncFree(context);
    }
}

void RedisConnection::open(const RedisConfig &config)
{
    close();
    m_state = State::Connecting;
    m_openedAt = m_clock.elapsed();
    m_watchdog.start();
    if (QHostAddress literal; literal.setAddress(config.host)) {
        connectTo(literal, config);
        return;
    }
    // hiredis would resolve the name with a blocking getaddrinfo() on the event loop thread.
    const quint64 attempt = ++m_attempt;
    m_lookupId = QHostInfo::lookupHost(config.host, this, [this, attempt, config](const QHostInfo &info) {
        if (attempt != m_attempt || m_state != State::Connecting || m_context)
            return;
        m_lookupId = -1;
        QList<QHostAddress> addresses = info.addresses();
        // Redis listens on IPv4 loopback by default while "localhost" may resolve to ::1 first.
        std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &a) {
            return a.protocol() == QAbstractSocket::IPv4Protocol;
        });
        if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
            close(QStringLiteral("cannot resolve %1: %2").arg(config.host, info.errorString()));
            return;
        }
        connectTo(addresses.constFirst(), config);
    });
}

void RedisConnection::connectTo(const QHostAddress &address, const RedisConfig &config)
{
    redisAsyncContext *context = redisAsyncConnect(address.toString().toUtf8().constData(), config.port);
    if (!context || context->err) {
        const QString reason = context ? QString::fromUtf8(context->errstr) : QStringLiteral("out of memory");
        if (context)
            redisAsyncFree(context);
        // Asynchronously, so the caller sees the same order of events as for a late failure.
        QMetaObject::invokeMethod(
            this,
            [this, reason, attempt = m_attempt] {
            if (attempt == m_attempt)
                close(reason);
            },
            Qt::QueuedConnection);
        return;
    }
    m_context = context;
    context->data = this;
    RedisQtAdapter::attach(context, this);
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnect);
    handshake(config);
}

void RedisConnection::handshake(const RedisConfig &config)
{
    // hiredis connects when the first command is written, so the handshake starts at once.
    const auto step = [this](const QString &what) {
        return [this, what](const redisReply *reply) {
            const QString error = reply ? errorText(reply) : QString();
            if (!error.isEmpty())
                close(what + QStringLiteral(": ") + error);
        };
    };
    if (!config.password.isEmpty()) {
        QList<QByteArray> auth { QByteArrayLiteral("AUTH") };
        if (!config.username.isEmpty())
            auth.append(config.username);
        auth.append(config.password);
        send(auth, step(QStringLiteral("AUTH")), true);
    }
    if (config.db != 0)
        send({ QByteArrayLiteral("SELECT"), QByteArray::number(config.db) }, step(QStringLiteral("SELECT")),
             true);
    send(
        { QByteArrayLiteral("PING") },
        [this, step](const redisReply *reply) {
        step(QStringLiteral("PING"))(reply);
        if (reply && m_state == State::Connecting) {
            m_state = State::Open;
            emit opened();
        }
        },
        true);
}

void RedisConnection::close(const QString &reason)
{
    ++m_attempt;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_watchdog.stop();
    m_sentAt.clear();
    const bool wasActive = m_state != State::Closed;
    m_state = State::Closed;
    if (redisAsyncContext *context = m_context) {
        // Forget the context first: hiredis runs the pending callbacks (null reply) and the
        // disconnect callback from inside redisAsyncFree, and those must find us closed.
        m_context = nullptr;
        context->data = nullptr;
        redisAsyncFree(context);
    }
    if (wasActive) {
        qCDebug(lcRedis).noquote() << m_name << "connection closed:" << reason;
        emit closed(reason);
    }
}

bool RedisConnection::command(const QList<QByteArray> &args, ReplyCallback done)
{
    if (m_state != State::Open)
        return false;
    return send(args, std::move(done), true);
}

bool RedisConnection::subscribe(const QByteArray &channel, ReplyCallback message)
{
    if (m_state != State::Open || !m_context)
        return false;
    auto *pending = new Pending { this, std::move(message), false, true };
    const char *argv[] = { "SUBSCRIBE", channel.constData() };
    const size_t lengths[] = { 9, size_t(channel.size()) };
    if (redisAsyncCommandArgv(m_context, &RedisConnection::onReply, pending, 2, argv, lengths) != REDIS_OK) {
        delete pending;
        return false;
    }
    return true;
}

bool RedisConnection::send(const QList<QByteArray> &args, ReplyCallback done, bool tracked)
{
    if (!m_context || (m_context->c.flags & (REDIS_DISCONNECTING | REDIS_FREEING)))
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()));
    lengths.reserve(size_t(args.size()));
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    auto *pending = new Pending { this, std::move(done), tracked, false };
    if (redisAsyncCommandArgv(m_context, &RedisConnection::onReply, pending, int(argv.size()), argv.data(),
                              lengths.data())
        != REDIS_OK) {
        delete pending;
        return false;
    }
    if (tracked)
        m_sentAt.push_back(m_clock.elapsed());
    return true;
}

void RedisConnection::answered(redisAsyncContext *context)
{
    if (context == m_context && !m_sentAt.empty())
        m_sentAt.pop_front();
}

void RedisConnection::checkTimeout()
{
    const qint64 now = m_clock.elapsed();
    if (m_state == State::Connecting && now - m_openedAt > m_commandTimeoutMs)
        close(QStringLiteral("connecting to Redis timed out"));
    else if (!m_sentAt.empty() && now - m_sentAt.front() > m_commandTimeoutMs)
        close(QStringLiteral("Redis did not answer in time"));
}

QString RedisConnection::errorText(const redisReply *reply)
{
    if (!reply || reply->type != REDIS_REPLY_ERROR)
        return {};
    // The first word is the error code (ERR, NOSCRIPT, READONLY, ...); keep it short.
    return QString::fromUtf8(reply->str, qsizetype(reply->len)).left(200);
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self || status == REDIS_OK)
        return;
    // hiredis frees the context after this callback returns.
    self->m_context = nullptr;
    self->close(QString::fromUtf8(context->errstr));
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    Q_UNUSED(status)
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    self->m_context = nullptr;
    self->close(context->err ? QString::fromUtf8(context->errstr)
                             : QStringLiteral("connection closed by Redis"));
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *privdata)
{
    auto *pending = static_cast<Pending *>(privdata);
    if (!pending)
        return;
    const auto *r = static_cast<const redisReply *>(reply);
    if (pending->tracked && pending->connection)
        pending->connection->answered(context);
    // Copy first: the callback may destroy the connection (and with it nothing of ours).
    ReplyCallback done = pending->done;
    if (!pending->persistent || !r)
        delete pending;
    if (done)
        done(r);
}

void RedisConnection::script(const QByteArray &sha, const QByteArray &source, const QList<QByteArray> &keys,
                             const QList<QByteArray> &args, ScriptCallback done)
{
    const QList<QByteArray> tail = QList<QByteArray> { QByteArray::number(keys.size()) } + keys + args;
    const bool sent = command(QList<QByteArray> { "EVALSHA", sha } + tail,
                              [this, source, tail, done](const redisReply *reply) {
        if (reply && reply->type == REDIS_REPLY_ERROR
            && QByteArray(reply->str, qsizetype(reply->len)).startsWith("NOSCRIPT")) {
            if (!command(QList<QByteArray> { "EVAL", source } + tail,
                         [done](const redisReply *evalReply) { done(evalReply, true); }))
                done(nullptr, false);
            return;
        }
        done(reply, true);
    });
    if (!sent)
        done(nullptr, false);
}
