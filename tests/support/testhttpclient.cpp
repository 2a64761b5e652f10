// SPDX-License-Identifier: MIT
#include "testhttpclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <optional>

namespace {

bool parseHead(const QByteArray &head, HttpResponse *response)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return false;
    response->statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = response->statusLine.split(' ');
    if (parts.size() < 2 || !parts.first().startsWith("HTTP/"))
        return false;
    response->status = parts.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response->headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return true;
}

/** Decodes a chunked body; nullopt while it is incomplete. */
std::optional<QByteArray> decodeChunked(const QByteArray &data)
{
    QByteArray body;
    qsizetype pos = 0;
    while (true) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qsizetype size = data.mid(pos, lineEnd - pos).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok)
            return body;
        if (size == 0)
            return body;
        if (data.size() < lineEnd + 2 + size + 2)
            return std::nullopt;
        body += data.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
}

/** True once `data` holds one complete response; fills `response`. */
bool complete(const QByteArray &data, bool closed, HttpResponse *response)
{
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    *response = {};
    response->raw = data;
    if (!parseHead(data.left(headEnd), response))
        return closed;
    const QByteArray rest = data.mid(headEnd + 4);
    if (response->header("transfer-encoding").toLower().contains("chunked")) {
        const auto body = decodeChunked(rest);
        if (body)
            response->body = *body;
        return body.has_value() || closed;
    }
    if (response->hasHeader("content-length")) {
        const qsizetype length = response->header("content-length").toLongLong();
        response->body = rest.left(length);
        return rest.size() >= length || closed;
    }
    // 1xx, 204 and 304 have no body; anything else without a length ends at close.
    if (response->status < 200 || response->status == 204 || response->status == 304) {
        return true;
    }
    response->body = rest;
    return closed;
}

} // namespace

TestHttpClient::TestHttpClient(QUrl baseUrl, QByteArray apiKey)
    : m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
{ }

HttpResponse TestHttpClient::send(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                  const QMap<QByteArray, QByteArray> &headers, int timeoutMs) const
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\n";
    request += "Host: " + m_baseUrl.host().toUtf8() + ':' + QByteArray::number(m_baseUrl.port()) + "\r\n";
    request += "Connection: close\r\n";
    if (!m_apiKey.isEmpty() && !headers.contains("x-api-key"))
        request += "x-api-key: " + m_apiKey + "\r\n";
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request += it.key() + ": " + it.value() + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    return sendRaw(request, timeoutMs);
}

HttpResponse TestHttpClient::postJson(const QByteArray &target, const QJsonObject &body,
                                      const QMap<QByteArray, QByteArray> &headers) const
{
    QMap<QByteArray, QByteArray> allHeaders = headers;
    if (!allHeaders.contains("Content-Type"))
        allHeaders.insert("Content-Type", "application/json");
    return send("POST", target, QJsonDocument(body).toJson(QJsonDocument::Compact), allHeaders);
}

HttpResponse TestHttpClient::sendRaw(const QByteArray &bytes, int timeoutMs) const
{
    HttpResponse response;
    QTcpSocket socket;
    socket.connectToHost(m_baseUrl.host(), quint16(m_baseUrl.port()));
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() != QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired() || socket.state() == QAbstractSocket::UnconnectedState)
            return response;
        QTest::qWait(2);
    }
    socket.write(bytes);
    QByteArray data;
    while (!deadline.hasExpired()) {
        QTest::qWait(2);
        data += socket.readAll();
        const bool closed = socket.state() == QAbstractSocket::UnconnectedState;
        if (complete(data, closed, &response))
            return response;
        if (closed) {
            response.raw = data;
            return response;
        }
    }
    response.raw = data;
    return response;
}

QByteArray TestHttpClient::encodeKey(const QByteArray &key)
{
    return key.toPercentEncoding();
}
