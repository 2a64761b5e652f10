// SPDX-License-Identifier: MIT
#pragma once

#include "net/websocketframe.h"

#include <QByteArray>
#include <optional>

/**
 * @brief Reads the frames a WebSocket client sends (RFC 6455 §5) into whole messages and
 * control frames.
 *
 * Bytes go in with append(); next() returns the next complete text or binary message (its
 * fragments joined), ping, pong or close, or nothing until more bytes arrive. A violation is
 * returned once as an Error event with the close code to fail the connection with, after which
 * the parser yields nothing more:
 * - 1002: an unmasked frame, a reserved bit or opcode, a fragmented or over-long control frame,
 *   a continuation without a message or a new message inside a fragmented one, a 64-bit length
 *   with its top bit set, a close payload of 1 byte or with a code a peer may not send;
 * - 1007: a text message or close reason that is not valid UTF-8;
 * - 1009: a frame over maxFrameBytes or a message over maxMessageBytes, detected from the frame
 *   header, before its payload is buffered.
 */
class WebSocketFrameParser
{
public:
    struct Limits
    {
        qint64 maxFrameBytes = 1024 * 1024;
        qint64 maxMessageBytes = 1024 * 1024;
    };

    enum class Kind { Text, Binary, Ping, Pong, Close, Error };

    struct Event
    {
        Kind kind = Kind::Error;
        QByteArray payload; ///< the message, ping/pong data, or the close reason
        quint16 closeCode = 0; ///< Close: the peer's code (NoStatus if none); Error: ours to send
        QByteArray errorText; ///< Error only: why, for the close reason and the log
    };

    explicit WebSocketFrameParser(Limits limits);

    void append(const QByteArray &bytes);
    std::optional<Event> next();
    /** Bytes received and not yet consumed as whole frames. */
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }

private:
    struct Header
    {
        bool final = false;
        WebSocketFrame::Opcode opcode = WebSocketFrame::Opcode::Continuation;
        quint64 payloadLength = 0;
        bool masked = false;
        bool reservedBits = false; ///< RSV1-3: only an extension may set them
        bool lengthTopBit = false; ///< a 64-bit length must have its top bit clear
        quint32 mask = 0;
        qsizetype size = 0; ///< header bytes, mask included
    };

    /** The header at the read position; nullopt until all its bytes are here. */
    std::optional<Header> readHeader();
    /** Empty if the header is acceptable here, else the error event. */
    std::optional<Event> check(const Header &header);
    std::optional<Event> complete(const Header &header, QByteArray payload);
    std::optional<Event> controlEvent(WebSocketFrame::Opcode opcode, QByteArray payload);
    std::optional<Event> closeEvent(QByteArray payload);
    Event fail(quint16 code, const char *text);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    bool m_failed = false;
    bool m_inMessage = false; ///< a fragmented message has started
    WebSocketFrame::Opcode m_messageOpcode = WebSocketFrame::Opcode::Text;
    QByteArray m_message; ///< fragments received so far
};
