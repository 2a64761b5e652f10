// SPDX-License-Identifier: MIT
#include "net/httpserverresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

HttpServerResponse HttpServerResponse::json(int status, const QByteArray &body)
{
    HttpServerResponse response;
    response.status = status;
    response.body = body;
    return response;
}

HttpServerResponse HttpServerResponse::error(int status, const QString &text)
{
    const QJsonObject object { { QStringLiteral("error"), text } };
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray HttpServerResponse::serialize(bool keepAlive) const
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Access-Control-Allow-Origin: *\r\n"
           "Access-Control-Allow-Headers: x-api-key, content-type, if-match\r\n"
           "Access-Control-Allow-Methods: GET, POST, DELETE, OPTIONS\r\n"
           "Access-Control-Max-Age: 86400\r\n"
           "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!body.isEmpty() || status != 204)
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += keepAlive ? QByteArray("Connection: keep-alive\r\n") : QByteArray("Connection: close\r\n");
    out += "\r\n";
    out += body;
    return out;
}

QByteArray HttpServerResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}
