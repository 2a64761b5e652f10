// SPDX-License-Identifier: MIT
#pragma once

#include "httpresponse.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QUrl>

/**
 * @brief A tiny HTTP/1.1 client over a raw QTcpSocket, for REST calls and garbage requests.
 *
 * Raw on purpose: the request target goes on the wire byte for byte (percent-encoding exactly
 * as the test wrote it, `//ws`, malformed heads), which QNetworkAccessManager would normalise.
 * Each call uses a fresh connection with `Connection: close`.
 */
class TestHttpClient
{
public:
    static constexpr int defaultTimeoutMs = 15000;

    /** `baseUrl` is http://host:port; `apiKey`, when set, goes into `x-api-key` on every call. */
    explicit TestHttpClient(QUrl baseUrl, QByteArray apiKey = {});

    void setApiKey(const QByteArray &apiKey) { m_apiKey = apiKey; }

    /** Sends `method target` with `body` (Content-Length added when non-empty or a POST). */
    HttpResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                      const QMap<QByteArray, QByteArray> &headers = {},
                      int timeoutMs = defaultTimeoutMs) const;
    HttpResponse get(const QByteArray &target) const { return send("GET", target); }
    HttpResponse del(const QByteArray &target) const { return send("DELETE", target); }
    HttpResponse postJson(const QByteArray &target, const QJsonObject &body,
                          const QMap<QByteArray, QByteArray> &headers = {}) const;

    /** Writes `bytes` as they are and reads the response (or whatever arrives before close). */
    HttpResponse sendRaw(const QByteArray &bytes, int timeoutMs = defaultTimeoutMs) const;

    /** Percent-encodes every byte of `key` that is not unreserved (RFC 3986). */
    static QByteArray encodeKey(const QByteArray &key);

private:
    QUrl m_baseUrl;
    QByteArray m_apiKey;
};
