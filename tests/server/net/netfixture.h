// SPDX-License-Identifier: MIT
#pragma once

// Shared by the tst_*.cpp files of this folder: an in-process DayboardServer on 127.0.0.1,
// port 0, on a memory or SQLite backend, plus ways to reach it. Header-only on purpose: the
// tests/support library does not link the server.

#include "dayboardserver.h"
#include "serverconfig.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <memory>

namespace NetFixture {

inline const QByteArray apiKey = QByteArrayLiteral("e2e-api-key-0123456789");

enum class Backend { Memory, Sqlite };

/** Adds the global data rows of initTestCase_data(): every test runs on both backends. */
inline void addBackendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("memory") << int(Backend::Memory);
    QTest::newRow("sqlite") << int(Backend::Sqlite);
}

/** A JSON object from `{"op":..}` style initialiser pairs. */
inline QJsonObject op(int code, const QString &key)
{
    return QJsonObject{{QStringLiteral("op"), code}, {QStringLiteral("key"), key}};
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
    {
    }

    bool start(QString *error)
    {
        ServerConfig config;
        config.listenAddress = QHostAddress::LocalHost;
        config.port = 0;
        config.memory = m_backend == Backend::Memory;
        config.dataDir = m_dir.path();
        config.apiKeys = {QString::fromLatin1(apiKey)};
        config.extensions = m_extensions;
        m_server = std::make_unique<DayboardServer>(config);
        return m_server->start(error);
    }

    DayboardServer *server() const { return m_server.get(); }
    QString dataDir() const { return m_dir.path(); }
    quint16 port() const { return m_server->port(); }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
    }
    QUrl webSocketUrl(const QString &query = {}, const QString &path = QStringLiteral("/ws")) const
    {
        QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(port()));
        url.setPath(path);
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }
    QUrl apiKeyUrl() const
    {
        return webSocketUrl(QStringLiteral("apiKey=") + QString::fromLatin1(apiKey));
    }
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
        QJsonObject body{{QStringLiteral("subscribeKeys"), QJsonArray::fromStringList(subscribeKeys)}};
        if (!accessPattern.isEmpty())
            body.insert(QStringLiteral("accessPattern"), accessPattern);
        return issueToken(body);
    }

private:
    Backend m_backend;
    bool m_extensions;
    QTemporaryDir m_dir;
    std::unique_ptr<DayboardServer> m_server;
};

} // namespace NetFixture

/** Starts `server` (a std::unique_ptr<TestServer>) for the current global backend row. */
#define NETFIXTURE_START(server, ...)                                                          \
    do {                                                                                       \
        QFETCH_GLOBAL(int, backend);                                                           \
        server = std::make_unique<NetFixture::TestServer>(NetFixture::Backend(backend)         \
                                                          __VA_OPT__(, ) __VA_ARGS__);         \
        QString startError;                                                                    \
        QVERIFY2(server->start(&startError), qPrintable(startError));                          \
    } while (false)
