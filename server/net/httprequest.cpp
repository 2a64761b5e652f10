// SPDX-License-Identifier: MIT
#include "net/httprequest.h"

namespace {

bool listContainsToken(const QByteArray &list, QByteArrayView token)
{
    for (const QByteArray &part : list.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value.isNull() ? QByteArray("") : value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    return !header(name).isNull();
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection");
    if (minorVersion == 0)
        return listContainsToken(connection, "keep-alive");
    return !listContainsToken(connection, "close");
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return method == "GET" && listContainsToken(header("upgrade"), "websocket")
        && listContainsToken(header("connection"), "upgrade");
}

QByteArray HttpRequest::queryValue(QByteArrayView name) const
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray rawName = eq < 0 ? pair : pair.left(eq);
        if (QByteArray::fromPercentEncoding(rawName) != name)
            continue;
        const QByteArray value = eq < 0 ? QByteArray("") : QByteArray::fromPercentEncoding(pair.mid(eq + 1));
        return value.isNull() ? QByteArray("") : value;
    }
    return {};
}

QByteArray HttpRequest::rawQueryValue(QByteArrayView name) const
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if ((eq < 0 ? pair : pair.left(eq)) != name)
            continue;
        const QByteArray value = eq < 0 ? QByteArray("") : pair.mid(eq + 1);
        return value.isNull() ? QByteArray("") : value;
    }
    return {};
}

bool HttpRequest::hasQueryValue(QByteArrayView name) const
{
    return !queryValue(name).isNull();
}
