// SPDX-License-Identifier: MIT
#include "daemon/credentialadmin.h"

#include "core/apikeyring.h"
#include "core/tokenservice.h"
#include "daemon/datadirectory.h"
#include "net/closecodes.h"
#include "net/httpfrontend.h"
#include "net/netlog.h"
#include "net/subscriptionhub.h"
#include "net/tlscredentials.h"
#include "net/websocketsession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

const QString revocationsFile = QStringLiteral("token-revocations");

QSslCertificate leafOf(const QSslConfiguration &configuration)
{
    const QList<QSslCertificate> chain = configuration.localCertificateChain();
    return chain.isEmpty() ? QSslCertificate() : chain.constFirst();
}

HttpServerResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpServerResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/** 16 base64url characters, the form of TokenService::keyId(). */
bool isKeyId(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9_-]{16}$"));
    return form.match(text).hasMatch();
}

QStringList unique(const QStringList &keys)
{
    QStringList result;
    for (const QString &key : keys) {
        if (!key.isEmpty() && !result.contains(key))
            result.append(key);
    }
    return result;
}

} // namespace

CredentialAdmin::CredentialAdmin(Sources sources, const QStringList &keys, ApiKeyRing *ring,
                                 TokenService *tokens, SubscriptionHub *hub, HttpFrontEnd *frontEnd)
    : m_sources(std::move(sources))
    , m_ring(ring)
    , m_tokens(tokens)
    , m_hub(hub)
    , m_frontEnd(frontEnd)
{
    applyKeys(keys);
    if (!m_sources.tlsCertFile.isEmpty()) {
        // The server checked the pair at start; the leaf is only kept to tell a renewal apart.
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_sources.tlsCertFile);
        if (!chain.isEmpty())
            m_certificate = chain.constFirst();
    }
}

bool CredentialAdmin::loadRevocations(QString *error)
{
    if (m_sources.dataDir.isEmpty())
        return true;
    QFile file(DataDirectory(m_sources.dataDir).filePath(revocationsFile));
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    const std::optional<TokenRevocations> revocations = TokenRevocations::fromJson(file.readAll());
    if (!revocations) {
        *error = QStringLiteral("%1 is not a token revocations file; move it away to start")
                     .arg(file.fileName());
        return false;
    }
    m_tokens->setRevocations(*revocations);
    return true;
}

void CredentialAdmin::applyKeys(const QStringList &keys)
{
    m_keys = unique(keys);
    m_ring->clear();
    QSet<QByteArray> ids;
    for (const QString &key : std::as_const(m_keys)) {
        m_ring->add(key.toUtf8());
        ids.insert(m_tokens->keyId(key.toUtf8()));
    }
    m_tokens->setKeyIds(std::move(ids));
}

CredentialAdmin::ReloadResult CredentialAdmin::reload()
{
    ReloadResult result;
    if (!m_sources.keysFile.isEmpty()) {
        QStringList fileKeys;
        QString error;
        if (!DataDirectory::readKeysFile(m_sources.keysFile, &fileKeys, &error))
            result.errors.append(error);
        else if (fileKeys.isEmpty())
            result.errors.append(
                QStringLiteral("API keys file %1 holds no key; keys unchanged").arg(m_sources.keysFile));
        if (result.errors.isEmpty()) {
            QSet<QString> before;
            for (const QString &key : std::as_const(m_keys))
                before.insert(QString::fromLatin1(m_tokens->keyId(key.toUtf8())));
            applyKeys(m_sources.fixedKeys + fileKeys);
            QSet<QString> after;
            for (const QString &key : std::as_const(m_keys))
                after.insert(QString::fromLatin1(m_tokens->keyId(key.toUtf8())));
            result.addedIds = QStringList((after - before).cbegin(), (after - before).cend());
            result.removedIds = QStringList((before - after).cbegin(), (before - after).cend());
            result.addedIds.sort();
            result.removedIds.sort();
        }
    }
    result.keyCount = int(m_keys.size());
    result.tls = QStringLiteral("off");
    if (!m_sources.tlsCertFile.isEmpty()) {
        QString error;
        if (const auto tls = TlsCredentials::load(m_sources.tlsCertFile, m_sources.tlsKeyFile, &error)) {
            const QSslCertificate leaf = leafOf(*tls);
            result.tls = leaf == m_certificate ? QStringLiteral("unchanged") : QStringLiteral("reloaded");
            m_frontEnd->setTlsConfiguration(*tls);
            m_certificate = leaf;
        } else {
            result.tls = QStringLiteral("failed");
            result.errors.append(error + QStringLiteral("; the certificate in use is kept"));
        }
    }
    result.closed = closeStaleSessions();
    qCInfo(lcNet).noquote() << "credentials reloaded:" << result.keyCount << "API keys, added ids ["
                            << result.addedIds.join(u", ") << "], removed ids ["
                            << result.removedIds.join(u", ") << "], TLS certificate" << result.tls
                            << "(serial"
                            << (m_certificate.isNull() ? QByteArray("-") : m_certificate.serialNumber())
                            << ")," << result.closed << "sockets closed";
    for (const QString &error : std::as_const(result.errors))
        qCWarning(lcNet).noquote() << "reload:" << error;
    return result;
}

bool CredentialAdmin::revoke(const QByteArray &keyId, QString *error, int *closed)
{
    TokenRevocations revocations = m_tokens->revocations();
    if (keyId.isEmpty())
        revocations.revokeAll();
    else
        revocations.revokeKey(keyId);
    // Stored first: a revocation that would not survive a restart is not reported as done.
    if (!m_sources.dataDir.isEmpty()
        && !DataDirectory(m_sources.dataDir).writeSecret(revocationsFile, revocations.toJson(), error))
        return false;
    m_tokens->setRevocations(revocations);
    const int count = closeStaleSessions();
    if (closed)
        *closed = count;
    qCInfo(lcNet).noquote() << "tokens revoked:" << (keyId.isEmpty() ? QByteArray("all") : "key id " + keyId)
                            << "," << count << "sockets closed";
    return true;
}

int CredentialAdmin::closeStaleSessions()
{
    int closed = 0;
    const QList<WebSocketSession *> sessions = m_hub->sessions(); // a copy: close() may remove one
    for (WebSocketSession *session : sessions) {
        const SessionCredential &credential = session->credential();
        if (!session->isOpen() || credential.keyId.isEmpty())
            continue;
        if (credential.token ? m_tokens->isCurrent(*credential.token)
                             : m_tokens->isCurrentKey(credential.keyId))
            continue;
        session->close(CloseCodes::CredentialsRevoked,
                       credential.token
                           ? QStringLiteral("Token revoked or its API key removed; get a new token")
                           : QStringLiteral("API key removed"));
        ++closed;
    }
    return closed;
}

QByteArray CredentialAdmin::callerKeyId(const HttpRequest &request) const
{
    const QByteArray key = request.header("x-api-key");
    return !key.isEmpty() && m_ring->accepts(key) ? m_tokens->keyId(key) : QByteArray();
}

bool CredentialAdmin::handle(const HttpRequest &request, const RestApi::Done &done)
{
    const QByteArray path = RestApi::normalizedPath(request.path);
    if (!path.startsWith("/admin/") || request.method == "OPTIONS")
        return false;
    const auto only = [&](const QByteArray &method) {
        if (request.method == method)
            return true;
        HttpServerResponse response = HttpServerResponse::error(405, QStringLiteral("Method not allowed"));
        response.headers.append({ QByteArray("Allow"), method + ", OPTIONS" });
        done(response);
        return false;
    };
    if (path != "/admin/reload" && path != "/admin/revoke-tokens" && path != "/admin/keys") {
        done(HttpServerResponse::error(404, QStringLiteral("Not found")));
        return true;
    }
    const QByteArray caller = callerKeyId(request);
    if (caller.isEmpty()) {
        done(HttpServerResponse::error(401, QStringLiteral("Missing or invalid API key")));
        return true;
    }
    if (path == "/admin/keys") {
        if (only("GET")) {
            QJsonArray ids;
            for (const QString &key : std::as_const(m_keys))
                ids.append(QString::fromLatin1(m_tokens->keyId(key.toUtf8())));
            done(jsonResponse(200,
                              { { QStringLiteral("keyIds"), ids },
                                { QStringLiteral("yourKeyId"), QString::fromLatin1(caller) } }));
        }
    } else if (path == "/admin/reload") {
        if (only("POST")) {
            const ReloadResult result = reload();
            QJsonObject body { { QStringLiteral("apiKeys"), result.keyCount },
                               { QStringLiteral("added"), QJsonArray::fromStringList(result.addedIds) },
                               { QStringLiteral("removed"), QJsonArray::fromStringList(result.removedIds) },
                               { QStringLiteral("tls"), result.tls },
                               { QStringLiteral("closed"), result.closed } };
            if (!result.errors.isEmpty())
                body.insert(QStringLiteral("error"), result.errors.join(u"; "));
            done(jsonResponse(result.errors.isEmpty() ? 200 : 500, body));
        }
    } else if (only("POST")) {
        handleRevoke(request, done);
    }
    return true;
}

void CredentialAdmin::handleRevoke(const HttpRequest &request, const RestApi::Done &done)
{
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return done(HttpServerResponse::error(400, QStringLiteral("Body must be a JSON object")));
        body = document.object();
    }
    const QJsonValue all = body.value(QStringLiteral("all"));
    const QJsonValue keyId = body.value(QStringLiteral("keyId"));
    if ((!all.isUndefined() && !all.isBool()) || (!keyId.isUndefined() && !keyId.isString())
        || (keyId.isString() && !isKeyId(keyId.toString())) || (all.toBool() && !keyId.isUndefined()))
        return done(HttpServerResponse::error(
            400, QStringLiteral("Send {} (your key's tokens), {\"keyId\":\"...\"} or {\"all\":true}")));
    const QByteArray target = all.toBool() ? QByteArray()
        : keyId.isString()                 ? keyId.toString().toLatin1()
                                           : callerKeyId(request);
    QString error;
    int closed = 0;
    if (!revoke(target, &error, &closed)) {
        qCWarning(lcNet).noquote() << "token revocation not stored:" << error;
        return done(HttpServerResponse::error(
            500, QStringLiteral("The revocation could not be stored; nothing changed")));
    }
    done(jsonResponse(200,
                      { { QStringLiteral("revoked"),
                          target.isEmpty() ? QStringLiteral("all") : QString::fromLatin1(target) },
                        { QStringLiteral("closed"), closed } }));
}
