// SPDX-License-Identifier: MIT
#include "desktop/connectionmanager.h"

#include "desktop/embeddedserver.h"
#include "desktop/keystore.h"
#include "sync/hpkvclient.h"
#include "sync/syncsession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcConnection, "dayboard.ui.connection")

namespace {
const QString modeKey = QStringLiteral("server/mode");
const QString urlKey = QStringLiteral("server/url");
} // namespace

ConnectionManager::ConnectionManager(SyncSession *session, QSettings *settings, const QString &dataDir,
                                     QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_dataDir(dataDir)
    , m_embedded(new EmbeddedServer(QDir(dataDir).filePath(QStringLiteral("server")), this))
    , m_keyStore(new KeyStore(dataDir, this))
{
    m_mode = m_settings->value(modeKey).toString() == u"remote" ? Mode::Remote : Mode::Embedded;
    m_remoteUrl = QUrl(m_settings->value(urlKey).toString());
    connect(m_keyStore, &KeyStore::backendChanged, this, &ConnectionManager::changed);
}

ConnectionManager::~ConnectionManager()
{
    // The session must stop talking to the embedded server before it goes away.
    m_embedded->stop();
}

void ConnectionManager::setOverride(const QUrl &server, const QString &apiKey)
{
    m_overrideUrl = server;
    m_overrideKey = apiKey;
}

QUrl ConnectionManager::normalizedUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(trimmed);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != u"http" && scheme != u"https" && scheme != u"ws" && scheme != u"wss"))
        return {};
    return url;
}

QString ConnectionManager::queueFileFor(const QString &dataDir, Mode mode, const QUrl &url)
{
    if (mode == Mode::Embedded)
        return QDir(dataDir).filePath(QStringLiteral("pending-operations.json"));
    const QByteArray server = HpkvClient::webSocketUrl(url).toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(server, QCryptographicHash::Sha256).toHex().left(16);
    return QDir(dataDir).filePath(
        QStringLiteral("pending-operations-%1.json").arg(QString::fromLatin1(hash)));
}

void ConnectionManager::start()
{
    if (m_overrideUrl.isValid()) {
        m_mode = Mode::Remote;
        m_remoteUrl = m_overrideUrl;
        if (!m_overrideKey.isEmpty()) {
            connectRemote(m_overrideKey);
            return;
        }
    }
    if (m_mode == Mode::Embedded) {
        connectEmbedded();
        return;
    }
    // Remote: the key comes from the keyring, which answers asynchronously.
    m_keyStore->read([this](const QString &key) { connectRemote(key); });
}

bool ConnectionManager::apply(Mode mode, const QUrl &remoteUrl, const QString &apiKey)
{
    if (mode == Mode::Remote && !remoteUrl.isValid()) {
        emit message(tr("Enter a server address such as https://example.com."));
        return false;
    }
    m_overrideUrl = {};
    m_overrideKey.clear();
    m_mode = mode;
    m_settings->setValue(modeKey,
                         mode == Mode::Remote ? QStringLiteral("remote") : QStringLiteral("embedded"));
    if (mode == Mode::Remote) {
        m_remoteUrl = remoteUrl;
        m_settings->setValue(urlKey, remoteUrl.toString());
    }
    if (mode == Mode::Embedded) {
        connectEmbedded();
    } else if (!apiKey.isEmpty()) {
        m_keyStore->write(apiKey, [this](bool ok) {
            if (!ok)
                emit message(tr("The API key could not be saved; it is used for this session only."));
            emit changed();
        });
        connectRemote(apiKey);
    } else {
        m_keyStore->read([this](const QString &key) { connectRemote(key); });
    }
    emit changed();
    return true;
}

void ConnectionManager::connectEmbedded()
{
    QString error;
    if (!m_embedded->start(&error)) {
        setError(tr("The built-in server could not start: %1").arg(error));
        emit message(m_error);
        return;
    }
    m_currentUrl = m_embedded->baseUrl();
    m_hasApiKey = true;
    setError({});
    m_session->setEndpoint({ m_currentUrl, m_embedded->apiKey() },
                           queueFileFor(m_dataDir, Mode::Embedded, {}));
    emit changed();
}

void ConnectionManager::connectRemote(const QString &apiKey)
{
    if (m_mode != Mode::Remote)
        return;
    m_currentUrl = m_remoteUrl;
    m_hasApiKey = !apiKey.isEmpty();
    setError(m_hasApiKey ? QString() : tr("No API key is set for this server."));
    m_session->setEndpoint({ m_remoteUrl, apiKey }, queueFileFor(m_dataDir, Mode::Remote, m_remoteUrl));
    // Only after the session has let go of it.
    m_embedded->stop();
    qCInfo(lcConnection) << "using remote server" << m_remoteUrl.host();
    emit changed();
}

void ConnectionManager::setError(const QString &error)
{
    m_error = error;
}

ConnectionManager::Mode ConnectionManager::mode() const
{
    return m_mode;
}

QUrl ConnectionManager::remoteUrl() const
{
    return m_remoteUrl;
}

QUrl ConnectionManager::currentUrl() const
{
    return m_currentUrl;
}

QString ConnectionManager::error() const
{
    return m_error;
}

bool ConnectionManager::hasApiKey() const
{
    return m_hasApiKey;
}

KeyStore *ConnectionManager::keyStore() const
{
    return m_keyStore;
}

EmbeddedServer *ConnectionManager::embeddedServer() const
{
    return m_embedded;
}
