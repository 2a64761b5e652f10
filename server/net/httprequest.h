// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

/**
 * @brief One parsed HTTP/1.x request. Header names are stored lower-case; values as sent
 * (trimmed). `path` and `query` are the raw (still percent-encoded) parts of the target.
 */
struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray path;
    QByteArray query;
    int minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 contentLength = 0;
    QByteArray body;

    /** The first header with this (case-insensitive) name, or a null QByteArray. */
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /** HTTP/1.1 keeps the connection unless `Connection: close`; 1.0 only with keep-alive. */
    bool keepAlive() const;
    /** GET with `Upgrade: websocket` and a `Connection` header listing `upgrade`. */
    bool isWebSocketUpgrade() const;
    /** A query parameter, percent-decoded once ('+' kept as is); null when absent. */
    QByteArray queryValue(QByteArrayView name) const;
    bool hasQueryValue(QByteArrayView name) const;
    /** A query parameter exactly as sent (clients do not URL-encode); null when absent. */
    QByteArray rawQueryValue(QByteArrayView name) const;
};
