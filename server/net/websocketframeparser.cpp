// SPDX-License-Identifier: MIT
#include "net/websocketframeparser.h"

#include "net/closecodes.h"
#include "net/utf8validator.h"

#include <QtEndian>
#include <cstring>

using Opcode = WebSocketFrame::Opcode;

namespace {

bool isKnownOpcode(quint8 opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}

/** XORs @p size bytes from @p in with the 4-byte @p mask (network order in memory) into @p out. */
void unmask(const uchar *in, uchar *out, qsizetype size, quint32 mask)
{
    uchar key[4];
    qToBigEndian(mask, key);
    quint64 wide;
    uchar pattern[8] = { key[0], key[1], key[2], key[3], key[0], key[1], key[2], key[3] };
    std::memcpy(&wide, pattern, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, in + i, 8);
        word ^= wide;
        std::memcpy(out + i, &word, 8);
    }
    for (; i < size; ++i)
        out[i] = in[i] ^ key[i & 3];
}

} // namespace

WebSocketFrameParser::WebSocketFrameParser(Limits limits)
    : m_limits(limits)
{ }

void WebSocketFrameParser::append(const QByteArray &bytes)
{
    if (m_failed || bytes.isEmpty())
        return;
    if (m_offset == m_buffer.size()) {
        m_buffer = bytes; // shared, not copied: the common case of whole frames per read
        m_offset = 0;
        return;
    }
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

std::optional<WebSocketFrameParser::Event> WebSocketFrameParser::next()
{
    while (!m_failed) {
        const std::optional<Header> header = readHeader();
        if (!header)
            return std::nullopt;
        if (std::optional<Event> error = check(*header))
            return error;
        if (bufferedBytes() - header->size < qsizetype(header->payloadLength))
            return std::nullopt;
        const auto *start = reinterpret_cast<const uchar *>(m_buffer.constData()) + m_offset + header->size;
        QByteArray payload(qsizetype(header->payloadLength), Qt::Uninitialized);
        unmask(start, reinterpret_cast<uchar *>(payload.data()), payload.size(), header->mask);
        m_offset += header->size + payload.size();
        if (m_offset == m_buffer.size()) {
            m_buffer.clear();
            m_offset = 0;
        }
        if (std::optional<Event> event = complete(*header, std::move(payload)))
            return event;
    }
    return std::nullopt;
}

std::optional<WebSocketFrameParser::Header> WebSocketFrameParser::readHeader()
{
    const qsizetype available = bufferedBytes();
    if (available < 2)
        return std::nullopt;
    const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData()) + m_offset;
    Header header;
    header.final = (p[0] & 0x80) != 0;
    header.opcode = Opcode(p[0] & 0x0F);
    header.reservedBits = (p[0] & 0x70) != 0;
    header.masked = (p[1] & 0x80) != 0;
    const quint8 length7 = p[1] & 0x7F;
    const int lengthBytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
    header.size = 2 + lengthBytes + (header.masked ? 4 : 0);
    if (available < header.size)
        return std::nullopt;
    if (lengthBytes == 0) {
        header.payloadLength = length7;
    } else if (lengthBytes == 2) {
        header.payloadLength = qFromBigEndian<quint16>(p + 2);
    } else {
        header.payloadLength = qFromBigEndian<quint64>(p + 2);
        header.lengthTopBit = (header.payloadLength >> 63) != 0;
    }
    header.mask = header.masked ? qFromBigEndian<quint32>(p + 2 + lengthBytes) : 0;
    return header;
}

std::optional<WebSocketFrameParser::Event> WebSocketFrameParser::check(const Header &header)
{
    if (header.lengthTopBit)
        return fail(CloseCodes::ProtocolError, "Frame length with the most significant bit set");
    if (!header.masked)
        return fail(CloseCodes::ProtocolError, "Client frames must be masked");
    if (header.reservedBits)
        return fail(CloseCodes::ProtocolError, "Reserved bits set without a negotiated extension");
    if (!isKnownOpcode(quint8(header.opcode)))
        return fail(CloseCodes::ProtocolError, "Reserved opcode");
    if (WebSocketFrame::isControl(header.opcode)) {
        if (!header.final)
            return fail(CloseCodes::ProtocolError, "Fragmented control frame");
        if (header.payloadLength > quint64(WebSocketFrame::maxControlPayload))
            return fail(CloseCodes::ProtocolError, "Control frame payload over 125 bytes");
        return std::nullopt;
    }
    if (header.opcode == Opcode::Continuation && !m_inMessage)
        return fail(CloseCodes::ProtocolError, "Continuation frame without a message to continue");
    if (header.opcode != Opcode::Continuation && m_inMessage)
        return fail(CloseCodes::ProtocolError, "New message inside a fragmented message");
    if (header.payloadLength > quint64(m_limits.maxFrameBytes))
        return fail(CloseCodes::TooBig, "Frame too big");
    if (quint64(m_message.size()) + header.payloadLength > quint64(m_limits.maxMessageBytes))
        return fail(CloseCodes::TooBig, "Message too big");
    return std::nullopt;
}

std::optional<WebSocketFrameParser::Event> WebSocketFrameParser::complete(const Header &header,
                                                                          QByteArray payload)
{
    if (WebSocketFrame::isControl(header.opcode))
        return controlEvent(header.opcode, std::move(payload));
    if (!header.final) {
        if (!m_inMessage) {
            m_inMessage = true;
            m_messageOpcode = header.opcode;
        }
        m_message += payload;
        return std::nullopt;
    }
    Opcode opcode = header.opcode;
    if (m_inMessage) {
        opcode = m_messageOpcode;
        m_message += payload;
        payload = std::exchange(m_message, {});
        m_inMessage = false;
    }
    if (opcode == Opcode::Binary)
        return Event { Kind::Binary, std::move(payload), 0, {} };
    if (!Utf8Validator::isValid(payload))
        return fail(CloseCodes::InvalidPayload, "Text message is not valid UTF-8");
    return Event { Kind::Text, std::move(payload), 0, {} };
}

std::optional<WebSocketFrameParser::Event> WebSocketFrameParser::controlEvent(Opcode opcode,
                                                                              QByteArray payload)
{
    switch (opcode) {
    case Opcode::Ping:
        return Event { Kind::Ping, std::move(payload), 0, {} };
    case Opcode::Pong:
        return Event { Kind::Pong, std::move(payload), 0, {} };
    default:
        return closeEvent(std::move(payload));
    }
}

std::optional<WebSocketFrameParser::Event> WebSocketFrameParser::closeEvent(QByteArray payload)
{
    if (payload.isEmpty())
        return Event { Kind::Close, {}, CloseCodes::NoStatus, {} };
    if (payload.size() == 1)
        return fail(CloseCodes::ProtocolError, "Close frame with a 1-byte payload");
    const auto code = qFromBigEndian<quint16>(payload.constData());
    if (!CloseCodes::isValidReceived(code))
        return fail(CloseCodes::ProtocolError, "Close code a peer may not send");
    QByteArray reason = payload.mid(2);
    if (!Utf8Validator::isValid(reason))
        return fail(CloseCodes::InvalidPayload, "Close reason is not valid UTF-8");
    return Event { Kind::Close, std::move(reason), code, {} };
}

WebSocketFrameParser::Event WebSocketFrameParser::fail(quint16 code, const char *text)
{
    m_failed = true;
    m_buffer.clear();
    m_offset = 0;
    m_message.clear();
    return Event { Kind::Error, {}, code, QByteArray(text) };
}
