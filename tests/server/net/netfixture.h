// SPDX-License-Identifier: MIT
#pragma once

// Shared by the tst_*.cpp files of this folder: an in-process DayboardServer on 127.0.0.1,
// port 0, on a memory, SQLite or Redis backend, plus ways to reach it. Header-only on purpose:
// the tests/support library does not link the server.
//
// Which backends a test process runs on is chosen by DAYBOARD_TEST_BACKEND, a comma list of
// `memory`, `sqlite`, `redis` (default `memory,sqlite`). CMake registers every suite of this
// folder twice: `tst_x` (memory and SQLite) and `tst_x_redis` (DAYBOARD_TEST_BACKEND=redis).
// On Redis, one redis-server (tests/support/redisserver.h) serves the whole test process and
// every TestServer gets a fresh key prefix, so tests never see each other's data.

#include "daemon/dayboardserver.h"
#include "daemon/serverconfig.h"
#include "redisserver.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <functional>
#include <hiredis/hiredis.h>
#include <memory>

namespace NetFixture {

inline const QByteArray apiKey = QByteArrayLiteral("e2e-api-key-0123456789");

enum class Backend { Memory, Sqlite, Redis };

/** The backends named by DAYBOARD_TEST_BACKEND (default: memory and SQLite). */
inline QList<Backend> selectedBackends()
{
    const QString selection = qEnvironmentVariable("DAYBOARD_TEST_BACKEND", QStringLiteral("memory,sqlite"));
    QList<Backend> backends;
    for (const QString &name : selection.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = name.trimmed().toLower();
        if (trimmed == u"memory")
            backends.append(Backend::Memory);
        else if (trimmed == u"sqlite")
            backends.append(Backend::Sqlite);
        else if (trimmed == u"redis")
            backends.append(Backend::Redis);
        else
            qFatal("DAYBOARD_TEST_BACKEND: unknown backend '%s' (memory, sqlite, redis)",
                   qPrintable(trimmed));
    }
    return backends;
}

inline const char *backendName(Backend backend)
{
    switch (backend) {
    case Backend::Memory:
        return "memory";
    case Backend::Sqlite:
        return "sqlite";
    case Backend::Redis:
        return "redis";
    }
    return "?";
}

/** Adds the global data rows of initTestCase_data(): one row per selected backend. */
inline void addBackendRows()
{
    QTest::addColumn<int>("backend");
    for (Backend backend : selectedBackends())
        QTest::newRow(backendName(backend)) << int(backend);
}

/**
 * The test process' redis-server, started on first use and killed when the application ends;
 * nullptr (with the reason printed) when it cannot start.
 */
inline RedisServer *sharedRedis()
{
    static RedisServer *redis = nullptr;
    static bool tried = false;
    if (!tried) {
        tried = true;
        auto *candidate = new RedisServer;
        if (candidate->start()) {
            redis = candidate;
            qAddPostRoutine([] { delete redis; });
        } else {
            qWarning("redis-server for the Redis backend rows: %s", qPrintable(candidate->errorString()));
            delete candidate;
        }
    }
    return redis;
}

/** A key prefix no other server of this process has used: a fresh, empty deployment. */
inline QString freshRedisPrefix()
{
    static int counter = 0;
    return QStringLiteral("t%1-%2:").arg(QCoreApplication::applicationPid()).arg(++counter);
}

/** GET through a plain hiredis connection (the test's own view of Redis); null if missing. */
inline QByteArray redisGet(const RedisServer &redis, const QByteArray &key)
{
    redisContext *context = redisConnect("127.0.0.1", redis.port());
    QByteArray value;
    if (context && !context->err) {
        if (auto *reply = static_cast<redisReply *>(
                redisCommand(context, "GET %b", key.constData(), size_t(key.size())))) {
            if (reply->type == REDIS_REPLY_STRING)
                value = QByteArray(reply->str, qsizetype(reply->len));
            freeReplyObject(reply);
        }
    }
    redisFree(context);
    return value;
}

/**
 * Points `config` at `backend`: memory, SQLite in `dataDir`, or the shared redis-server under
 * `redisPrefix` (dataDir still holds nothing but what the server keeps outside its store).
 * False with `*error` set when the backend is not available.
 */
inline bool configureBackend(ServerConfig &config, Backend backend, const QString &dataDir,
                             const QString &redisPrefix, QString *error)
{
    config.memory = backend == Backend::Memory;
    config.dataDir = dataDir;
    config.redisUrl.clear();
    if (backend != Backend::Redis)
        return true;
    RedisServer *redis = sharedRedis();
    if (!redis) {
        *error = QStringLiteral("redis-server did not start (see the warning above)");
        return false;
    }
    config.redisUrl = redis->url();
    config.redisPrefix = redisPrefix;
    return true;
}

/** A JSON object from `{"op":..}` style initialiser pairs. */
inline QJsonObject op(int code, const QString &key)
{
    return QJsonObject { { QStringLiteral("op"), code }, { QStringLiteral("key"), key } };
}
inline QJsonObject op(int code, const QString &key, const QJsonValue &value)
{
    QJsonObject object = op(code, key);
    object.insert(QStringLiteral("value"), value);
    return object;
}
inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/**
 * @brief One server for one test function: started in init(), destroyed in cleanup().
 */
class TestServer
{
public:
    explicit TestServer(Backend backend, bool extensions = true)
        : m_backend(backend)
        , m_extensions(extensions)
    { }

    bool start(QString *error)
    {
        ServerConfig config;
        config.listenAddress = QHostAddress::LocalHost;
        config.port = 0;
        if (!configureBackend(config, m_backend, m_dir.path(), m_redisPrefix, error))
            return false;
        config.apiKeys = { QString::fromLatin1(apiKey) };
        config.extensions = m_extensions;
        if (configure)
            configure(config);
        m_server = std::make_unique<DayboardServer>(config);
        return m_server->start(error);
    }

    /** Changes the config before each start (e.g. a short presence expiry). */
    std::function<void(ServerConfig &)> configure;
    /** Another instance of `other`'s deployment: the same Redis prefix (Redis backend only). */
    void joinDeploymentOf(const TestServer &other) { m_redisPrefix = other.m_redisPrefix; }
    /** Destroys the server (sockets dropped, nothing said) and starts a new one on the same data. */
    bool restart(QString *error)
    {
        m_server.reset();
        return start(error);
    }

    DayboardServer *server() const { return m_server.get(); }
    Backend backend() const { return m_backend; }
    QString dataDir() const { return m_dir.path(); }

    /**
     * The stored token signing secret, as the backend keeps it: the `token-secret` file of the
     * data dir, or the `{prefix}token-secret` key in Redis. Empty (and a warning) if unreadable.
     */
    QByteArray storedTokenSecret() const
    {
        if (m_backend == Backend::Redis) {
            const QByteArray key = '{' + m_redisPrefix.toUtf8() + "}token-secret";
            const QByteArray value = sharedRedis() ? redisGet(*sharedRedis(), key) : QByteArray();
            if (value.isEmpty())
                qWarning("no %s in Redis", key.constData());
            return value;
        }
        QFile file(m_dir.path() + QStringLiteral("/token-secret"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("%s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return {};
        }
        return file.readAll();
    }
    quint16 port() const { return m_server->port(); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }
    QUrl webSocketUrl(const QString &query = {}, const QString &path = QStringLiteral("/ws")) const
    {
        QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(port()));
        url.setPath(path);
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }
    QUrl apiKeyUrl() const { return webSocketUrl(QStringLiteral("apiKey=") + QString::fromLatin1(apiKey)); }
    TestHttpClient http() const { return TestHttpClient(baseUrl(), apiKey); }

    /** A client connected with the API key; nullptr (and a test failure message) otherwise. */
    std::unique_ptr<TestWebSocketClient> connectApiKey() const
    {
        auto client = std::make_unique<TestWebSocketClient>();
        if (!client->open(apiKeyUrl())) {
            qWarning("api-key connect failed: %s", qPrintable(client->errorString()));
            return nullptr;
        }
        return client;
    }
    std::unique_ptr<TestWebSocketClient> connectToken(const QByteArray &token) const
    {
        auto client = std::make_unique<TestWebSocketClient>();
        if (!client->open(webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(token)))) {
            qWarning("token connect failed: %s", qPrintable(client->errorString()));
            return nullptr;
        }
        return client;
    }

    /** POST /token/websocket with `body`; the token, or empty on any failure. */
    QByteArray issueToken(const QJsonObject &body) const
    {
        const HttpResponse response = http().postJson("/token/websocket", body);
        if (response.status != 200) {
            qWarning("token endpoint answered %d: %s", response.status, response.body.constData());
            return {};
        }
        return response.json().value(QStringLiteral("token")).toString().toLatin1();
    }
    QByteArray tokenFor(const QStringList &subscribeKeys, const QString &accessPattern = {}) const
    {
        QJsonObject body { { QStringLiteral("subscribeKeys"), QJsonArray::fromStringList(subscribeKeys) } };
        if (!accessPattern.isEmpty())
            body.insert(QStringLiteral("accessPattern"), accessPattern);
        return issueToken(body);
    }

private:
    Backend m_backend;
    bool m_extensions;
    QTemporaryDir m_dir;
    QString m_redisPrefix = freshRedisPrefix();
    std::unique_ptr<DayboardServer> m_server;
};

} // namespace NetFixture

/** Starts `server` (a std::unique_ptr<TestServer>) for the current global backend row. */
#define NETFIXTURE_START(server, ...)                                                                        \
    do {                                                                                                     \
        QFETCH_GLOBAL(int, backend);                                                                         \
        server = std::make_unique<NetFixture::TestServer>(NetFixture::Backend(backend) __VA_OPT__(, )        \
                                                              __VA_ARGS__);                                  \
        QString startError;                                                                                  \
        QVERIFY2(server->start(&startError), qPrintable(startError));                                        \
    } while (false)
