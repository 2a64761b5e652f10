// SPDX-License-Identifier: MIT
// Fuzzes server/net's WebSocketFrameParser, as WebSocketConnection drives it: the input is the
// byte stream a client sends after the 101. The first byte picks how the stream is cut into
// reads (1..256 bytes); the rest is the stream.
// Checked: the events do not depend on how the stream is cut (one read vs. many); text
// messages and close reasons are valid UTF-8 (Qt's decoder agrees); ping/pong/close payloads fit
// a control frame; close codes received are ones a peer may send, error codes are 1002/1007/1009
// with a reason; nothing follows an error; message sizes stay within the limits; a server frame
// built from each message parses back (after masking) to the same message.
#include "fuzzsupport.h"
#include "net/closecodes.h"
#include "net/utf8validator.h"
#include "net/websocketframe.h"
#include "net/websocketframeparser.h"

#include <QtEndian>

namespace {

using Event = WebSocketFrameParser::Event;
using Kind = WebSocketFrameParser::Kind;

constexpr WebSocketFrameParser::Limits limits { 4096, 8192 };

QList<Event> parse(const QByteArray &stream, qsizetype chunk)
{
    WebSocketFrameParser parser(limits);
    QList<Event> events;
    for (qsizetype at = 0; at < stream.size(); at += chunk) {
        parser.append(stream.mid(at, chunk));
        while (std::optional<Event> event = parser.next())
            events.append(*event);
    }
    return events;
}

bool sameEvents(const QList<Event> &a, const QList<Event> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].payload != b[i].payload || a[i].closeCode != b[i].closeCode)
            return false;
    }
    return true;
}

/** @p frame (server-made, unmasked) masked the way a client would send it. */
QByteArray masked(const QByteArray &frame)
{
    const int lengthBytes = (frame[1] & 0x7F) == 126 ? 2 : (frame[1] & 0x7F) == 127 ? 8 : 0;
    const qsizetype header = 2 + lengthBytes;
    QByteArray out = frame.left(header);
    out[1] = char(out[1] | 0x80);
    const char key[4] = { '\x12', '\x34', '\x56', '\x78' };
    out.append(key, 4);
    for (qsizetype i = header; i < frame.size(); ++i)
        out += char(frame[i] ^ key[(i - header) % 4]);
    return out;
}

void checkEvent(const Event &event, const QByteArray &input)
{
    switch (event.kind) {
    case Kind::Text:
        FUZZ_CHECK(Utf8Validator::isValid(event.payload), input);
        FUZZ_CHECK(QString::fromUtf8(event.payload).toUtf8() == event.payload, input);
        [[fallthrough]];
    case Kind::Binary:
        FUZZ_CHECK(event.payload.size() <= limits.maxMessageBytes, input);
        break;
    case Kind::Ping:
    case Kind::Pong:
        FUZZ_CHECK(event.payload.size() <= WebSocketFrame::maxControlPayload, input);
        break;
    case Kind::Close:
        FUZZ_CHECK(event.closeCode == CloseCodes::NoStatus || CloseCodes::isValidReceived(event.closeCode),
                   input);
        FUZZ_CHECK(event.payload.size() <= WebSocketFrame::maxControlPayload - 2, input);
        FUZZ_CHECK(Utf8Validator::isValid(event.payload), input);
        break;
    case Kind::Error:
        FUZZ_CHECK(event.closeCode == CloseCodes::ProtocolError
                       || event.closeCode == CloseCodes::InvalidPayload
                       || event.closeCode == CloseCodes::TooBig,
                   input);
        FUZZ_CHECK(!event.errorText.isEmpty(), input);
        break;
    }
}

void checkRoundTrip(const Event &event, const QByteArray &input)
{
    if (event.kind != Kind::Text && event.kind != Kind::Binary)
        return;
    const auto opcode
        = event.kind == Kind::Text ? WebSocketFrame::Opcode::Text : WebSocketFrame::Opcode::Binary;
    const QList<Event> again = parse(masked(WebSocketFrame::encode(opcode, event.payload)), 1 << 20);
    FUZZ_CHECK(again.size() == 1 && again[0].kind == event.kind && again[0].payload == event.payload, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::quietLogging();
    if (size < 1 || size > 64 * 1024)
        return 0;
    const QByteArray input = FuzzSupport::bytes(data, size);
    const qsizetype chunk = qsizetype(uchar(input[0])) + 1;
    const QByteArray stream = input.mid(1);

    const QList<Event> whole = parse(stream, qMax<qsizetype>(1, stream.size()));
    const QList<Event> pieces = parse(stream, chunk);
    FUZZ_CHECK(sameEvents(whole, pieces), input);
    for (qsizetype i = 0; i < whole.size(); ++i) {
        checkEvent(whole[i], input);
        FUZZ_CHECK(whole[i].kind != Kind::Error || i == whole.size() - 1, input);
        checkRoundTrip(whole[i], input);
    }
    return 0;
}
