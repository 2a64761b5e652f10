// SPDX-License-Identifier: MIT
#pragma once

#include "net/restapi.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

class ApiKeyRing;
class HttpFrontEnd;
class SubscriptionHub;
class TokenService;

/**
 * @brief Changes to credentials while the server runs (docs/security.md §10): reload the API
 * keys file and the TLS certificate and key (SIGHUP, `POST /admin/reload`), revoke tokens
 * (`POST /admin/revoke-tokens`), list key ids (`GET /admin/keys`).
 *
 * After every change, WebSockets whose credentials are no longer current (their API key was
 * removed, or their token's key was removed or its tokens revoked) are closed with
 * CloseCodes::CredentialsRevoked; every other socket stays open. Revocations are kept in
 * `<data dir>/token-revocations` (0600), so they survive a restart. A keys file or TLS pair that
 * cannot be read keeps what was in use and reports why. Logs name key ids and counts, never keys.
 */
class CredentialAdmin
{
public:
    struct Sources
    {
        QStringList fixedKeys; ///< keys not from the keys file (flags, environment, generated)
        QString keysFile; ///< re-read on reload; empty: none
        QString tlsCertFile; ///< with tlsKeyFile: reloaded; empty: no TLS
        QString tlsKeyFile;
        QString dataDir; ///< where revocations are kept; empty: in memory only
    };

    struct ReloadResult
    {
        QStringList errors; ///< what could not be reloaded (kept as it was)
        QStringList addedIds;
        QStringList removedIds;
        int keyCount = 0;
        QString tls; ///< "off", "unchanged", "reloaded" or "failed"
        int closed = 0; ///< sockets closed because their credentials went away
    };

    CredentialAdmin(Sources sources, const QStringList &keys, ApiKeyRing *ring, TokenService *tokens,
                    SubscriptionHub *hub, HttpFrontEnd *frontEnd);

    /** Reads the stored revocations (none when the file is missing); false with `*error`. */
    bool loadRevocations(QString *error);
    const QStringList &apiKeys() const { return m_keys; }

    ReloadResult reload();
    /** Revokes the tokens of `keyId`, or all tokens when it is empty; false with `*error`. */
    bool revoke(const QByteArray &keyId, QString *error, int *closed = nullptr);
    /** Closes every WebSocket whose credentials are no longer current; returns how many. */
    int closeStaleSessions();

    /** Answers `/admin/...` requests (true), leaves every other path to RestApi (false). */
    bool handle(const HttpRequest &request, const RestApi::Done &done);

private:
    void applyKeys(const QStringList &keys);
    QByteArray callerKeyId(const HttpRequest &request) const;
    void handleRevoke(const HttpRequest &request, const RestApi::Done &done);

    Sources m_sources;
    QStringList m_keys;
    ApiKeyRing *m_ring;
    TokenService *m_tokens;
    SubscriptionHub *m_hub;
    HttpFrontEnd *m_frontEnd;
    QSslCertificate m_certificate; ///< the leaf certificate in use (TLS only)
};
