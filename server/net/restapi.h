// SPDX-License-Identifier: MIT
#pragma once

#include "net/httprequest.h"
#include "net/httpserverresponse.h"

#include <QByteArray>
#include <functional>

class KvService;
class Storage;
class TokenService;

/**
 * @brief The plain-HTTP routes of docs/protocol.md §1/§5/§6: /ping, /healthz, CORS preflights,
 * POST /token/websocket and the REST record API.
 *
 * REST writes are turned into the equivalent WebSocket request and run through KvService, so
 * both transports share one validation and one write path. Answers are asynchronous (storage
 * may commit later); `done` runs exactly once.
 */
class RestApi
{
public:
    using KeyCheck = std::function<bool(const QByteArray &)>;
    using Done = std::function<void(const HttpServerResponse &)>;

    RestApi(KvService *service, Storage *storage, TokenService *tokens, KeyCheck isValidKey);

    void handle(const HttpRequest &request, Done done) const;

    /** `path` with repeated slashes collapsed and a trailing slash removed ("/" stays). */
    static QByteArray normalizedPath(const QByteArray &path);
    /** Percent-decodes once, and once more when the result still holds `%XX` (docs/protocol.md §6). */
    static QByteArray decodeRangeKey(const QByteArray &raw);

private:
    bool authorized(const HttpRequest &request) const;
    /** /healthz: 200 when storage is reachable and the last write committed, else 503 and why. */
    HttpServerResponse health() const;
    void issueToken(const HttpRequest &request, const Done &done) const;
    void postRecord(const HttpRequest &request, const Done &done) const;
    void postAtomic(const HttpRequest &request, const Done &done) const;
    void recordByKey(const HttpRequest &request, const QByteArray &encodedKey, const Done &done) const;
    void range(const HttpRequest &request, const Done &done) const;
    void runFrame(const QByteArray &frame, const Done &done) const;

    KvService *m_service;
    Storage *m_storage;
    TokenService *m_tokens;
    KeyCheck m_isValidKey;
};
