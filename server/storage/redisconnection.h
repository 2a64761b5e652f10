// SPDX-License-Identifier: MIT
#pragma once

#include "storage/redisconfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <functional>

class QHostAddress;
struct redisAsyncContext;
struct redisReply;

/**
 * @brief One non-blocking hiredis connection on the Qt event loop.
 *
 * open() resolves the host name (QHostInfo, off the event loop), connects, authenticates and
 * selects the database, then emits opened(). Any failure,
 * a lost connection, close(), or a command that gets no answer within the command timeout
 * ends the connection: every pending callback then runs with a null reply and closed() is
 * emitted once. The owner decides whether and when to open again.
 */
class RedisConnection : public QObject
{
    Q_OBJECT

public:
    /** `reply` is null when the connection ended before the answer came. */
    using ReplyCallback = std::function<void(const redisReply *reply)>;

    explicit RedisConnection(QString name, QObject *parent = nullptr);
    ~RedisConnection() override;

    void open(const RedisConfig &config);
    /** Ends the connection now; pending callbacks run with a null reply. */
    void close(const QString &reason = QStringLiteral("closed"));
    bool isOpen() const { return m_state == State::Open; }

    /** Sends one command (binary-safe arguments). False when not open: `done` is not called. */
    bool command(const QList<QByteArray> &args, ReplyCallback done);
    /** `reply` null: no answer; then `sent` tells whether the script may have run (answer lost). */
    using ScriptCallback = std::function<void(const redisReply *reply, bool sent)>;
    /**
     * Runs a Lua script by its SHA (EVALSHA); a Redis that forgot it (restarted or flushed) gets
     * it by source (EVAL, which caches it again).
     */
    void script(const QByteArray &sha, const QByteArray &source, const QList<QByteArray> &keys,
                const QList<QByteArray> &args, ScriptCallback done);
    /**
     * SUBSCRIBE on this connection: `message` runs for the confirmation and for every message
     * (a reply array), and once with null when the connection ends.
     */
    bool subscribe(const QByteArray &channel, ReplyCallback message);

    /** A command unanswered for this long ends the connection (a frozen or unreachable Redis). */
    void setCommandTimeout(int ms) { m_commandTimeoutMs = ms; }

    /** A short text for a Redis error reply, or an empty string when `reply` is not one. */
    static QString errorText(const redisReply *reply);

signals:
    void opened();
    void closed(const QString &reason);

private:
    enum class State { Closed, Connecting, Open };
    struct Pending;

    void connectTo(const QHostAddress &address, const RedisConfig &config);
    bool send(const QList<QByteArray> &args, ReplyCallback done, bool tracked);
    void handshake(const RedisConfig &config);
    void answered(redisAsyncContext *context);
    void checkTimeout();

    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *privdata);

    QString m_name;
    State m_state = State::Closed;
    redisAsyncContext *m_context = nullptr;
    QElapsedTimer m_clock;
    std::deque<qint64> m_sentAt; ///< send time of each tracked command, oldest first
    QTimer m_watchdog;
    qint64 m_openedAt = 0;
    quint64 m_attempt = 0; ///< bumped by open() and close(): a late host lookup is ignored
    int m_lookupId = -1;
    int m_commandTimeoutMs = 5000;
};
