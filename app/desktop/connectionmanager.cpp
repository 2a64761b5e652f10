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
const QString shareKey = QStringLiteral("server/shareBuiltIn");
const QString portKey = QStringLiteral("server/builtInPort");
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
    m_embedded->setShared(m_settings->value(shareKey, false).toBool());
    m_embedded->setPreferredPort(quint16(m_settings->value(portKey, 0).toUInt()));
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

void ConnectionManager::shutdown(const std::function<void()> &done)
{
    m_session->stop();
    if (!m_embedded->isRunning() && !m_embedded->isStopping()) {
        done();
        return;
    }
    connect(m_embedded, &EmbeddedServer::stopped, this, done, Qt::SingleShotConnection);
    m_embedded->stop();
    qCInfo(lcConnection) << "stopping the built-in server";
}

bool ConnectionManager::apply(Mode mode, const QUrl &remoteUrl, const QString &apiKey, bool bringLists)
{
    if (mode == Mode::Remote && !remoteUrl.isValid()) {
        emit message(tr("Enter a server address such as https://example.com."));
        return false;
    }
    if (bringLists && !m_copier && m_session->endpoint().baseUrl.isValid())
        m_copyFrom = m_session->endpoint();
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
    // The same address next time, so what was set up elsewhere with it keeps working.
    m_settings->setValue(portKey, m_currentUrl.port());
    m_embedded->setPreferredPort(quint16(m_currentUrl.port()));
    m_hasApiKey = true;
    setError({});
    m_session->setEndpoint({ m_currentUrl, m_embedded->apiKey() },
                           queueFileFor(m_dataDir, Mode::Embedded, {}));
    emit changed();
    startCopyIfSwitched();
}

void ConnectionManager::connectRemote(const QString &apiKey)
{
    if (m_mode != Mode::Remote)
        return;
    m_currentUrl = m_remoteUrl;
    m_hasApiKey = !apiKey.isEmpty();
    setError(m_hasApiKey ? QString() : tr("No API key is set for this server."));
    m_session->setEndpoint({ m_remoteUrl, apiKey }, queueFileFor(m_dataDir, Mode::Remote, m_remoteUrl));
    if (!m_hasApiKey)
        m_copyFrom.reset();
    // Only after the session has let go of it, and after the lists were copied from it.
    if (!m_copyFrom && !m_copier)
        m_embedded->stop();
    qCInfo(lcConnection) << "using remote server" << m_remoteUrl.host();
    emit changed();
    startCopyIfSwitched();
}

void ConnectionManager::startCopyIfSwitched()
{
    if (!m_copyFrom || m_copier)
        return;
    const ServerEndpoint from = *m_copyFrom;
    m_copyFrom.reset();
    const ServerEndpoint to = m_session->endpoint();
    if (HpkvClient::webSocketUrl(from.baseUrl) == HpkvClient::webSocketUrl(to.baseUrl))
        return;
    m_copier = new ListCopier(from, to, this);
    connect(m_copier, &ListCopier::finished, this, &ConnectionManager::copyFinished);
    m_copier->start();
}

void ConnectionManager::copyFinished(const ListCopier::Result &result)
{
    m_copier->deleteLater();
    m_copier = nullptr;
    if (m_mode == Mode::Remote)
        m_embedded->stop(); // kept running for the copy
    // Spelled out: without a loaded translation Qt would print "day(s)".
    const QString days = tr("%n day(s)", nullptr, result.days);
    const QString todos = tr("%n todo(s)", nullptr, result.todos);
    if (!result.error.isEmpty())
        emit message(tr("Your lists were not all copied (%1). Copied %2, %3 so far; switch back and again to "
                        "finish, nothing is duplicated.")
                         .arg(result.error, days, todos));
    else if (result.todos == 0)
        emit message(tr("Your lists were already on the new server: nothing to copy."));
    else
        emit message(tr("Copied %1, %2 to the new server.").arg(days, todos));
    emit changed();
}

bool ConnectionManager::isCopying() const
{
    return m_copier != nullptr;
}

void ConnectionManager::setError(const QString &error)
{
    m_error = error;
}

void ConnectionManager::setShareEmbedded(bool share)
{
    if (share == m_embedded->isShared())
        return;
    m_settings->setValue(shareKey, share);
    m_embedded->setShared(share);
    qCInfo(lcConnection) << (share ? "sharing the built-in server on the network"
                                   : "built-in server on 127.0.0.1 only");
    if (m_mode == Mode::Embedded && m_embedded->isRunning()) {
        m_embedded->stop();
        connectEmbedded();
    }
    emit changed();
}

bool ConnectionManager::shareEmbedded() const
{
    return m_embedded->isShared();
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
