// SPDX-License-Identifier: MIT
#include "daemon/dayboardserver.h"

#include "core/apikeyring.h"
#include "core/kvservice.h"
#include "core/localpresence.h"
#include "core/memorybudget.h"
#include "core/tokenservice.h"
#include "daemon/backupendpoint.h"
#include "daemon/credentialadmin.h"
#include "daemon/datadirectory.h"
#include "daemon/dataowner.h"
#include "daemon/heaptrimmer.h"
#include "net/httpfrontend.h"
#include "net/netlog.h"
#include "net/presencehub.h"
#include "net/subscriptionhub.h"
#include "net/tlscredentials.h"
#include "net/websocketsession.h"
#include "storage/memorystorage.h"
#include "storage/redispresence.h"
#include "storage/redisstorage.h"
#include "storage/sqlitestorage.h"

#include <QTimer>

DayboardServer::DayboardServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_stopPoll.setInterval(10);
    connect(&m_stopPoll, &QTimer::timeout, this, [this] {
        if (m_hub && m_hub->sessions().isEmpty() && m_frontEnd && m_frontEnd->connectionCount() == 0)
            finishStop();
    });
}

DayboardServer::~DayboardServer()
{
    if (m_running) {
        m_frontEnd->shutdown();
        for (WebSocketSession *session : m_hub->sessions())
            session->abort();
        m_storage->flush();
    }
    teardown();
}

bool DayboardServer::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (m_running) {
        *error = QStringLiteral("Server is already running");
        return false;
    }
    std::optional<QSslConfiguration> tls;
    if (!m_config.tlsCertFile.isEmpty() || !m_config.tlsKeyFile.isEmpty()) {
        if (m_config.tlsCertFile.isEmpty() || m_config.tlsKeyFile.isEmpty()) {
            *error = QStringLiteral("TLS needs both a certificate file and a key file");
            return false;
        }
        tls = TlsCredentials::load(m_config.tlsCertFile, m_config.tlsKeyFile, error);
        if (!tls)
            return false;
    }
    if (!prepareSecrets(error) || !openStorage(error)) {
        teardown();
        return false;
    }
    m_tokens = std::make_unique<TokenService>(m_tokenSecret);
    m_budget = std::make_unique<MemoryBudget>(m_config.maxBufferedBytes);
    m_budget->setTrim(&HeapTrimmer::trimHeap);
    m_service = std::make_unique<KvService>(
        m_storage.get(), ServiceOptions { m_config.extensions, m_config.maxRangeBytes, m_budget.get() });

    SubscriptionHub::Options hubOptions;
    hubOptions.withRevision = m_config.extensions;
    hubOptions.pingIntervalMs = m_config.pingIntervalMs;
    hubOptions.pongTimeoutMs = m_config.pongTimeoutMs;
    m_hub = std::make_unique<SubscriptionHub>(m_storage.get(), hubOptions);
    startPresence();

    HttpFrontEnd::Options options;
    options.http.limits.maxHeadBytes = m_config.maxHeadBytes;
    options.http.limits.maxBodyBytes = m_config.maxBodyBytes;
    options.http.headTimeoutMs = m_config.headTimeoutMs;
    options.http.keepAliveTimeoutMs = m_config.keepAliveTimeoutMs;
    options.webSocket.maxMessageBytes = m_config.maxMessageBytes;
    options.webSocket.maxSendBufferBytes = m_config.maxSendBufferBytes;
    options.webSocket.closeGraceMs = m_config.closeGraceMs;
    options.tls = tls;
    options.webSocket.maxFrameBytes = m_config.maxFrameBytes;
    options.webSocket.maxInFlight = m_config.maxInFlight;
    options.webSocket.rateLimit = options.http.rateLimit = m_config.rateLimit;
    options.webSocket.rateBurst = options.http.rateBurst = m_config.rateBurst;
    options.webSocket.idleTimeoutMs = m_config.idleTimeoutMs;
    options.webSocket.outputBudget = m_budget.get();
    options.maxConnections = m_config.maxConnections;
    options.maxConnectionsPerAddress = m_config.maxConnectionsPerAddress;
    m_frontEnd = std::make_unique<HttpFrontEnd>(m_service.get(), m_storage.get(), m_tokens.get(),
                                                m_keyRing.get(), m_hub.get(), options);
    // Tokens are bound to the key that issued them; revocations are kept in the data dir.
    CredentialAdmin::Sources sources { m_config.apiKeysFile.isEmpty() ? m_apiKeys : m_config.apiKeys,
                                       m_config.apiKeysFile, m_config.tlsCertFile, m_config.tlsKeyFile,
                                       m_config.dataDir };
    m_admin = std::make_unique<CredentialAdmin>(sources, m_apiKeys, m_keyRing.get(), m_tokens.get(),
                                                m_hub.get(), m_frontEnd.get());
    // GET /admin/backup: the SQLite backend only (memory and Redis answer 501).
    const auto *sqlite = qobject_cast<SqliteStorage *>(m_storage.get());
    m_backup = std::make_unique<BackupEndpoint>(sqlite ? sqlite->filePath() : QString(), m_config.dataDir,
                                                m_keyRing.get());
    m_frontEnd->setRoute([admin = m_admin.get(), backup = m_backup.get()](const HttpRequest &request,
                                                                          const RestApi::Done &done) {
        return backup->handle(request, done) || admin->handle(request, done);
    });
    if (!m_admin->loadRevocations(error)
        || !m_frontEnd->listen(m_config.listenAddress, m_config.port, error)) {
        m_storage->flush();
        teardown();
        return false;
    }
    m_running = true;
    m_stopping = false;
    qCInfo(lcNet) << "listening on" << baseUrl().toString();
    return true;
}

bool DayboardServer::prepareSecrets(QString *error)
{
    const bool hasDataDir = !m_config.dataDir.isEmpty();
    const DataDirectory dir(m_config.dataDir);
    if (hasDataDir && !dir.ensure(error))
        return false;
    if (hasDataDir && !m_config.allowForeignOwner) {
        *error = DataOwner::foreignOwnerRefusal(m_config.dataDir);
        if (!error->isEmpty())
            return false;
    }
    if (!m_config.memory && !hasDataDir) {
        *error = QStringLiteral("A data directory is required unless the server runs in memory");
        return false;
    }

    m_apiKeys.clear();
    m_generatedKeyFile.clear();
    for (const QString &key : std::as_const(m_config.apiKeys)) {
        if (!key.isEmpty() && !m_apiKeys.contains(key))
            m_apiKeys.append(key);
    }
    if (!m_config.apiKeysFile.isEmpty()) {
        QStringList fileKeys;
        if (!DataDirectory::readKeysFile(m_config.apiKeysFile, &fileKeys, error))
            return false;
        if (fileKeys.isEmpty()) {
            *error = QStringLiteral("API keys file %1 holds no key").arg(m_config.apiKeysFile);
            return false;
        }
        for (const QString &key : std::as_const(fileKeys)) {
            if (!m_apiKeys.contains(key))
                m_apiKeys.append(key);
        }
    }
    m_sharedApiKeyCandidate.clear();
    if (m_apiKeys.isEmpty() && !m_config.redisUrl.isEmpty()) {
        // Every instance of a Redis deployment must accept the same key: it is kept in Redis
        // (see openStorage). A key this data dir already holds is offered as the first one.
        if (!hasDataDir) {
            m_sharedApiKeyCandidate = DataDirectory::generateApiKey();
        } else {
            m_sharedApiKeyCandidate
                = dir.readOrCreateSecret(QStringLiteral("api-key"), &DataDirectory::generateApiKey, error);
            if (m_sharedApiKeyCandidate.isNull())
                return false;
        }
    } else if (m_apiKeys.isEmpty()) {
        if (hasDataDir) {
            const QByteArray key
                = dir.readOrCreateSecret(QStringLiteral("api-key"), &DataDirectory::generateApiKey, error);
            if (key.isNull())
                return false;
            m_generatedKeyFile = dir.filePath(QStringLiteral("api-key"));
            m_apiKeys.append(QString::fromUtf8(key));
        } else {
            m_apiKeys.append(QString::fromLatin1(DataDirectory::generateApiKey()));
        }
    }
    m_keyRing = std::make_unique<ApiKeyRing>();
    for (const QString &key : std::as_const(m_apiKeys))
        m_keyRing->add(key.toUtf8());

    if (hasDataDir) {
        m_tokenSecret
            = dir.readOrCreateSecret(QStringLiteral("token-secret"), &TokenService::generateSecret, error);
        if (m_tokenSecret.isNull())
            return false;
    } else {
        m_tokenSecret = TokenService::generateSecret();
    }
    return true;
}

void DayboardServer::startPresence()
{
    // Presence is an extension (docs/protocol.md §9.9): without extensions op 7 stays unknown.
    if (!m_config.extensions)
        return;
    if (!m_presenceBackend) {
        const auto *redis = qobject_cast<RedisStorage *>(m_storage.get());
        m_presenceBackend = redis
            ? std::unique_ptr<PresenceBackend>(std::make_unique<RedisPresence>(redis->config()))
            : std::make_unique<LocalPresence>();
    }
    m_presence = std::make_unique<PresenceHub>(m_presenceBackend.get(),
                                               PresenceHub::Options { m_config.presenceExpiryMs });
    m_service->setPresenceHandler(m_presence.get());
}

bool DayboardServer::openStorage(QString *error)
{
    if (!m_config.redisUrl.isEmpty()) {
        const std::optional<RedisConfig> redis
            = RedisConfig::parse(m_config.redisUrl, m_config.redisPrefix.toUtf8(), error);
        if (!redis)
            return false;
        auto storage = std::make_unique<RedisStorage>(*redis);
        storage->shareApiKey(m_sharedApiKeyCandidate);
        if (!storage->open(error))
            return false;
        if (!m_sharedApiKeyCandidate.isEmpty() && !adoptSharedApiKey(storage->sharedApiKey(), error))
            return false;
        // Every instance of the deployment signs with the secret kept in Redis, so a token
        // issued by one instance is accepted by all.
        m_tokenSecret = storage->sharedTokenSecret();
        m_storage = std::move(storage);
        return true;
    }
    if (m_config.memory)
        m_storage = std::make_unique<MemoryStorage>();
    else
        m_storage = std::make_unique<SqliteStorage>(m_config.dataDir);
    if (!m_storage->open(error)) {
        m_storage.reset();
        return false;
    }
    return true;
}

bool DayboardServer::adoptSharedApiKey(const QByteArray &key, QString *error)
{
    if (!m_config.dataDir.isEmpty()) {
        // The data dir's api-key file shows the deployment's key (the one printed at startup).
        const DataDirectory dir(m_config.dataDir);
        if (key != m_sharedApiKeyCandidate) {
            if (!dir.writeSecret(QStringLiteral("api-key"), key, error))
                return false;
            qCInfo(lcNet) << "api-key file now holds the key shared through Redis";
        }
        m_generatedKeyFile = dir.filePath(QStringLiteral("api-key"));
    }
    m_apiKeys = { QString::fromUtf8(key) };
    m_keyRing->add(key);
    return true;
}

void DayboardServer::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcNet) << "stopping";
    // Nothing new is taken; every write taken so far is committed and its reply queued on its
    // socket; only then do the WebSockets get their close frame (after those replies).
    m_frontEnd->stopAccepting();
    m_storage->flush();
    m_frontEnd->closeWebSockets();
    // Done once every WebSocket finished its close handshake and every HTTP connection sent
    // its last response, or after the grace time.
    m_stopPoll.start();
    QTimer::singleShot(m_config.closeGraceMs, this, &DayboardServer::finishStop);
}

void DayboardServer::finishStop()
{
    m_stopPoll.stop();
    if (!m_running)
        return;
    if (m_hub) {
        for (WebSocketSession *session : m_hub->sessions())
            session->abort();
    }
    m_storage->flush();
    m_admin.reset();
    m_backup.reset();
    m_presence.reset();
    m_frontEnd.reset();
    m_hub.reset();
    m_service.reset();
    m_running = false;
    m_stopping = false;
    qCInfo(lcNet) << "stopped";
    emit stopped();
}

void DayboardServer::teardown()
{
    m_admin.reset();
    m_backup.reset();
    m_presence.reset();
    m_presenceBackend.reset();
    m_frontEnd.reset();
    m_hub.reset();
    m_service.reset();
    m_tokens.reset();
    m_storage.reset();
}

QStringList DayboardServer::apiKeys() const
{
    return m_admin ? m_admin->apiKeys() : m_apiKeys;
}

bool DayboardServer::reloadCredentials()
{
    if (!m_running || !m_admin)
        return false;
    return m_admin->reload().errors.isEmpty();
}

quint16 DayboardServer::port() const
{
    return m_frontEnd ? m_frontEnd->port() : 0;
}

QUrl DayboardServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_config.tlsCertFile.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"));
    url.setHost(m_frontEnd ? m_frontEnd->address().toString() : m_config.listenAddress.toString());
    url.setPort(port());
    return url;
}

int DayboardServer::webSocketCount() const
{
    return m_hub ? int(m_hub->sessions().size()) : 0;
}

int DayboardServer::openConnectionCount() const
{
    return m_frontEnd ? m_frontEnd->openConnectionCount() : 0;
}
