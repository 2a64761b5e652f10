// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

/**
 * @brief An HTTP response: status, extra headers and a body, serialized with the CORS
 * headers every Dayboard response carries (browsers call the API cross-origin).
 */
struct HttpServerResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpServerResponse json(int status, const QByteArray &body);
    /** `{"error": text}` with the given status. */
    static HttpServerResponse error(int status, const QString &text);

    /** Status line, headers (CORS, Content-Length, Connection) and body. */
    QByteArray serialize(bool keepAlive) const;

    static QByteArray reasonPhrase(int status);
};
