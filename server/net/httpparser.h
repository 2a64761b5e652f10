// SPDX-License-Identifier: MIT
#pragma once

#include "net/httprequest.h"

#include <QByteArrayView>
#include <QString>

/**
 * @brief A small, strict HTTP/1.x request parser over a byte buffer (no I/O, no state).
 *
 * parseHead() looks only at the request line and headers, so the caller can peek at a socket
 * without consuming it (a WebSocket upgrade is handed over untouched). parse() also takes the
 * Content-Length body. Both are bounded: an over-long head is 431, a body over the cap 413,
 * anything malformed 400, an unknown HTTP version 505, chunked bodies 501.
 */
class HttpParser
{
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 16 * 1024;
        qsizetype maxBodyBytes = 1024 * 1024;
        int maxHeaders = 100;
    };

    enum class Status {
        NeedMore, ///< the buffer holds a valid prefix of a request
        Complete, ///< `request` is filled; `consumed` bytes belong to it
        Error, ///< answer `errorStatus` and close the connection
    };

    struct Result
    {
        Status status = Status::NeedMore;
        HttpRequest request;
        qsizetype headBytes = 0; ///< head length including the blank line
        qsizetype consumed = 0; ///< head + body (parse() only)
        int errorStatus = 0;
        QString errorText;
    };

    HttpParser() = default;
    explicit HttpParser(Limits limits)
        : m_limits(limits)
    { }

    /** Parses the head only; Complete means `request` (without body) and `headBytes` are set. */
    Result parseHead(QByteArrayView buffer) const;
    /** Parses head and Content-Length body; Complete means the whole request is in `buffer`. */
    Result parse(QByteArrayView buffer) const;

    const Limits &limits() const { return m_limits; }

private:
    Limits m_limits;
};
