// SPDX-License-Identifier: MIT
#include "net/httpparser.h"

#include <QList>

namespace {

using Result = HttpParser::Result;

Result failure(int status, const QString &text)
{
    Result result;
    result.status = HttpParser::Status::Error;
    result.errorStatus = status;
    result.errorText = text;
    return result;
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool hasControlChars(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

bool parseRequestLine(QByteArrayView line, HttpRequest &request, Result &error)
{
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || hasControlChars(parts[1])) {
        error = failure(400, QStringLiteral("Malformed request line"));
        return false;
    }
    const QByteArray &version = parts[2];
    if (!version.startsWith("HTTP/")) {
        error = failure(400, QStringLiteral("Malformed request line"));
        return false;
    }
    if (version == "HTTP/1.1")
        request.minorVersion = 1;
    else if (version == "HTTP/1.0")
        request.minorVersion = 0;
    else {
        error = failure(505, QStringLiteral("HTTP version not supported"));
        return false;
    }
    request.method = parts[0];
    request.target = parts[1];
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    return true;
}

bool parseHeaderLine(QByteArrayView line, HttpRequest &request, Result &error)
{
    const qsizetype colon = line.indexOf(':');
    // A name with surrounding whitespace or a folded continuation line is refused (RFC 9112 §5).
    if (colon <= 0 || !isToken(line.first(colon))) {
        error = failure(400, QStringLiteral("Malformed header line"));
        return false;
    }
    const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
    if (hasControlChars(value)) {
        error = failure(400, QStringLiteral("Malformed header value"));
        return false;
    }
    request.headers.append({ line.first(colon).toByteArray().toLower(), value });
    return true;
}

bool readContentLength(HttpRequest &request, Result &error)
{
    if (!request.header("transfer-encoding").isNull()) {
        error = failure(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        return false;
    }
    QByteArray seen;
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (name != "content-length")
            continue;
        if (!seen.isNull() && seen != value) {
            error = failure(400, QStringLiteral("Conflicting Content-Length headers"));
            return false;
        }
        seen = value;
    }
    if (seen.isNull())
        return true;
    bool ok = false;
    const qint64 length = seen.toLongLong(&ok);
    if (!ok || length < 0 || seen.startsWith('+') || seen.startsWith('-')) {
        error = failure(400, QStringLiteral("Invalid Content-Length"));
        return false;
    }
    request.contentLength = length;
    return true;
}

} // namespace

HttpParser::Result HttpParser::parseHead(QByteArrayView buffer) const
{
    // Tolerate the empty lines RFC 9112 §2.2 allows before a request line (keep-alive leftovers).
    qsizetype start = 0;
    while (buffer.sliced(start).startsWith("\r\n"))
        start += 2;
    const qsizetype end = buffer.indexOf("\r\n\r\n", start);
    if (end < 0) {
        if (buffer.size() - start > m_limits.maxHeadBytes)
            return failure(431, QStringLiteral("Request head too large"));
        if (buffer.size() - start >= 2 && buffer.indexOf("\r\n", start) < 0
            && buffer.indexOf('\n', start) >= 0) {
            return failure(400, QStringLiteral("Lines must end with CRLF"));
        }
        return {};
    }
    if (end + 4 - start > m_limits.maxHeadBytes)
        return failure(431, QStringLiteral("Request head too large"));

    Result result;
    const QList<QByteArray> lines = buffer.sliced(start, end - start).toByteArray().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArrayView line(lines[i]);
        if (!line.endsWith('\r') && i + 1 < lines.size())
            return failure(400, QStringLiteral("Lines must end with CRLF"));
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return failure(400, QStringLiteral("Stray carriage return"));
        if (i == 0) {
            if (!parseRequestLine(line, result.request, result))
                return result;
            continue;
        }
        if (result.request.headers.size() >= m_limits.maxHeaders)
            return failure(431, QStringLiteral("Too many headers"));
        if (!parseHeaderLine(line, result.request, result))
            return result;
    }
    if (!readContentLength(result.request, result))
        return result;
    if (result.request.contentLength > m_limits.maxBodyBytes)
        return failure(413, QStringLiteral("Request body too large"));
    result.status = Status::Complete;
    result.headBytes = end + 4;
    return result;
}

HttpParser::Result HttpParser::parse(QByteArrayView buffer) const
{
    Result result = parseHead(buffer);
    if (result.status != Status::Complete)
        return result;
    const qint64 total = result.headBytes + result.request.contentLength;
    if (buffer.size() < total) {
        result.status = Status::NeedMore;
        return result;
    }
    result.request.body = buffer.sliced(result.headBytes, result.request.contentLength).toByteArray();
    result.consumed = total;
    return result;
}
