// SPDX-License-Identifier: MIT
// The server's own RFC 6455 framing: WebSocketFrameParser (client frames in any split), the
// frames WebSocketFrame writes, Utf8Validator and the handshake's accept key.

#include "clientframe.h"
#include "net/closecodes.h"
#include "net/utf8validator.h"
#include "net/websocketframe.h"
#include "net/websocketframeparser.h"
#include "net/websockethandshake.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using Kind = WebSocketFrameParser::Kind;
using Opcode = WebSocketFrame::Opcode;
Q_DECLARE_METATYPE(WebSocketFrameParser::Kind)

namespace {

/** Every event the parser yields for @p input fed in pieces of @p chunk bytes (0: at once). */
QList<WebSocketFrameParser::Event> parseAll(const QByteArray &input, qsizetype chunk = 0,
                                            WebSocketFrameParser::Limits limits = {})
{
    WebSocketFrameParser parser(limits);
    QList<WebSocketFrameParser::Event> events;
    const qsizetype step = chunk > 0 ? chunk : qMax<qsizetype>(1, input.size());
    for (qsizetype at = 0; at < input.size(); at += step) {
        parser.append(input.mid(at, step));
        while (std::optional<WebSocketFrameParser::Event> event = parser.next())
            events.append(*event);
    }
    return events;
}

QString describe(const QList<WebSocketFrameParser::Event> &events)
{
    QStringList parts;
    for (const auto &event : events)
        parts << QStringLiteral("%1:%2:%3")
                     .arg(int(event.kind))
                     .arg(event.closeCode)
                     .arg(QString::fromUtf8(event.payload.left(20)));
    return parts.join(u' ');
}

} // namespace

class TestWebSocketFraming : public QObject
{
    Q_OBJECT

private slots:
    void messages_data();
    void messages();
    void violations_data();
    void violations();
    void everySplitGivesTheSameEvents();
    void lengthsAtTheEncodingBoundaries();
    void nothingAfterAnError();
    void limitsAreCheckedBeforeThePayloadArrives();
    void serverFramesAreUnmaskedAndFinal_data();
    void serverFramesAreUnmaskedAndFinal();
    void closePayloadKeepsUtf8Whole();
    void utf8_data();
    void utf8();
    void acceptKeyMatchesRfcExample();
    void keyValidation();
};

void TestWebSocketFraming::messages_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("closeCode");

    const QByteArray json = R"({"op":1,"key":"a"})";
    QTest::newRow("text") << ClientFrame::build(0x1, json) << Kind::Text << json << 0;
    QTest::newRow("empty text") << ClientFrame::build(0x1, {}) << Kind::Text << QByteArray() << 0;
    QTest::newRow("utf-8 text") << ClientFrame::build(0x1, "h\xC3\xA9llo \xF0\x9F\x98\x80") << Kind::Text
                                << QByteArray("h\xC3\xA9llo \xF0\x9F\x98\x80") << 0;
    QTest::newRow("binary, not checked as UTF-8") << ClientFrame::build(0x2, QByteArray("\xFF\x00\xC0", 3))
                                                  << Kind::Binary << QByteArray("\xFF\x00\xC0", 3) << 0;
    QTest::newRow("three fragments") << ClientFrame::build(0x1, "{\"op\"", false)
            + ClientFrame::build(0x0, ":1,", false) + ClientFrame::build(0x0, "\"key\":\"a\"}")
                                     << Kind::Text << json << 0;
    QTest::newRow("fragment split inside a UTF-8 sequence")
        << ClientFrame::build(0x1, "\xC3", false) + ClientFrame::build(0x0, "\xA9") << Kind::Text
        << QByteArray("\xC3\xA9") << 0;
    QTest::newRow("ping") << ClientFrame::build(0x9, "hi") << Kind::Ping << QByteArray("hi") << 0;
    QTest::newRow("pong") << ClientFrame::build(0xA, {}) << Kind::Pong << QByteArray() << 0;
    QTest::newRow("close without payload")
        << ClientFrame::build(0x8, {}) << Kind::Close << QByteArray() << int(CloseCodes::NoStatus);
    QTest::newRow("close 1000 with reason") << ClientFrame::build(0x8, ClientFrame::closePayload(1000, "bye"))
                                            << Kind::Close << QByteArray("bye") << 1000;
    QTest::newRow("close 4999") << ClientFrame::build(0x8, ClientFrame::closePayload(4999)) << Kind::Close
                                << QByteArray() << 4999;
    QTest::newRow("126-byte text (16-bit length)")
        << ClientFrame::build(0x1, QByteArray(126, 'x')) << Kind::Text << QByteArray(126, 'x') << 0;
    QTest::newRow("70000-byte text (64-bit length)")
        << ClientFrame::build(0x1, QByteArray(70000, 'y')) << Kind::Text << QByteArray(70000, 'y') << 0;
}

void TestWebSocketFraming::messages()
{
    QFETCH(QByteArray, input);
    QFETCH(Kind, kind);
    QFETCH(QByteArray, payload);
    QFETCH(int, closeCode);
    const QList<WebSocketFrameParser::Event> events = parseAll(input);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, kind);
    QCOMPARE(events[0].payload, payload);
    QCOMPARE(int(events[0].closeCode), closeCode);
}

void TestWebSocketFraming::violations_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("closeCode");

    const QByteArray json = R"({"op":1,"key":"a"})";
    QTest::newRow("unmasked") << ClientFrame::build(0x1, json, true, false) << 1002;
    QTest::newRow("RSV1") << ClientFrame::build(0x1, json, true, true, 4) << 1002;
    QTest::newRow("RSV3") << ClientFrame::build(0x1, json, true, true, 1) << 1002;
    QTest::newRow("opcode 3") << ClientFrame::build(0x3, json) << 1002;
    QTest::newRow("opcode 0xB") << ClientFrame::build(0xB, {}) << 1002;
    QTest::newRow("continuation first") << ClientFrame::build(0x0, json) << 1002;
    QTest::newRow("text inside a fragmented message")
        << ClientFrame::build(0x1, "{", false) + ClientFrame::build(0x1, json) << 1002;
    QTest::newRow("fragmented ping") << ClientFrame::build(0x9, "p", false) << 1002;
    QTest::newRow("ping of 126 bytes") << ClientFrame::build(0x9, QByteArray(126, 'p')) << 1002;
    QTest::newRow("close of 1 byte") << ClientFrame::build(0x8, "x") << 1002;
    QTest::newRow("close 999") << ClientFrame::build(0x8, ClientFrame::closePayload(999)) << 1002;
    QTest::newRow("close 1005 (reserved)")
        << ClientFrame::build(0x8, ClientFrame::closePayload(1005)) << 1002;
    QTest::newRow("close 1006 (reserved)")
        << ClientFrame::build(0x8, ClientFrame::closePayload(1006)) << 1002;
    QTest::newRow("close 2000") << ClientFrame::build(0x8, ClientFrame::closePayload(2000)) << 1002;
    QTest::newRow("close 5000") << ClientFrame::build(0x8, ClientFrame::closePayload(5000)) << 1002;
    QTest::newRow("close reason not UTF-8")
        << ClientFrame::build(0x8, ClientFrame::closePayload(1000, "\xFF")) << 1007;
    QTest::newRow("text not UTF-8") << ClientFrame::build(0x1, "\xC3\x28") << 1007;
    QTest::newRow("fragments end inside a sequence")
        << ClientFrame::build(0x1, "a", false) + ClientFrame::build(0x0, "\xC3") << 1007;
    QByteArray topBit = QByteArray::fromHex("81ff8000000000000000") + QByteArray(4, '\0');
    QTest::newRow("64-bit length with the top bit") << topBit << 1002;
    QTest::newRow("frame over the limit")
        << ClientFrame::build(0x1, QByteArray(1024 * 1024 + 1, ' ')) << 1009;
    QTest::newRow("message over the limit") << ClientFrame::build(0x1, QByteArray(600 * 1024, ' '), false)
            + ClientFrame::build(0x0, QByteArray(600 * 1024, ' '))
                                            << 1009;
}

void TestWebSocketFraming::violations()
{
    QFETCH(QByteArray, input);
    QFETCH(int, closeCode);
    const QList<WebSocketFrameParser::Event> events = parseAll(input);
    QVERIFY2(!events.isEmpty(), "no event");
    QCOMPARE(events.last().kind, Kind::Error);
    QCOMPARE(int(events.last().closeCode), closeCode);
    QVERIFY(!events.last().errorText.isEmpty());
}

void TestWebSocketFraming::everySplitGivesTheSameEvents()
{
    const QByteArray stream = ClientFrame::build(0x1, R"({"op":2,"key":"k","value":"v"})")
        + ClientFrame::build(0x1, "{\"op\"", false) + ClientFrame::build(0x9, "ping")
        + ClientFrame::build(0x0, ":1,\"key\":\"\xC3\xA9\"}") + ClientFrame::build(0x2, QByteArray(300, 'b'))
        + ClientFrame::build(0xA, "pong") + ClientFrame::build(0x1, QByteArray(70000, 'z'))
        + ClientFrame::build(0x8, ClientFrame::closePayload(1001, "away"));
    const QList<WebSocketFrameParser::Event> whole = parseAll(stream);
    QCOMPARE(whole.size(), 7);
    QCOMPARE(whole[1].kind, Kind::Ping); // a control frame may come between fragments
    QCOMPARE(whole[2].payload, QByteArray("{\"op\":1,\"key\":\"\xC3\xA9\"}"));
    QCOMPARE(whole[6].kind, Kind::Close);
    const QString expected = describe(whole);
    for (qsizetype chunk : { 1, 2, 3, 5, 7, 13, 64, 1000, 4096 })
        QCOMPARE(describe(parseAll(stream, chunk)), expected);
    // Random splits, and the payloads compared in full.
    QRandomGenerator random(20261202);
    for (int round = 0; round < 50; ++round) {
        WebSocketFrameParser parser({});
        QList<WebSocketFrameParser::Event> events;
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype step = random.bounded(1, 9000);
            parser.append(stream.mid(at, step));
            at += step;
            while (auto event = parser.next())
                events.append(*event);
        }
        QCOMPARE(events.size(), whole.size());
        for (qsizetype i = 0; i < events.size(); ++i)
            QCOMPARE(events[i].payload, whole[i].payload);
    }
}

void TestWebSocketFraming::lengthsAtTheEncodingBoundaries()
{
    for (qsizetype size : { 0, 1, 7, 8, 9, 125, 126, 127, 65535, 65536, 65537 }) {
        QByteArray payload(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            payload[i] = char('a' + i % 26);
        const QList<WebSocketFrameParser::Event> events
            = parseAll(ClientFrame::build(0x1, payload, true, true, 0, -1, 0xdeadbeef));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].payload, payload);
        // The server's own frame of that size has the minimal length encoding.
        const QByteArray frame = WebSocketFrame::encode(Opcode::Text, payload);
        const int header = size < 126 ? 2 : size <= 0xFFFF ? 4 : 10;
        QCOMPARE(frame.size(), header + size);
        QCOMPARE(frame.mid(header), payload);
    }
}

void TestWebSocketFraming::nothingAfterAnError()
{
    WebSocketFrameParser parser({});
    parser.append(ClientFrame::build(0x1, "x", true, false) + ClientFrame::build(0x1, "y"));
    const auto first = parser.next();
    QVERIFY(first && first->kind == Kind::Error);
    QVERIFY(!parser.next());
    parser.append(ClientFrame::build(0x1, "z"));
    QVERIFY(!parser.next());
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestWebSocketFraming::limitsAreCheckedBeforeThePayloadArrives()
{
    WebSocketFrameParser parser({ 1000, 1500 });
    // Only the header of a frame declaring 2 GB: refused at once, nothing buffered waiting.
    QByteArray header = ClientFrame::build(0x1, QByteArray(70000, ' ')).left(14);
    qToBigEndian(quint64(2) << 30, reinterpret_cast<uchar *>(header.data()) + 2);
    parser.append(header);
    const auto event = parser.next();
    QVERIFY(event);
    QCOMPARE(event->kind, Kind::Error);
    QCOMPARE(int(event->closeCode), 1009);

    // The message limit counts the fragments: 800 + 800 > 1500 though each frame fits.
    WebSocketFrameParser fragments({ 1000, 1500 });
    fragments.append(ClientFrame::build(0x1, QByteArray(800, 'a'), false));
    QVERIFY(!fragments.next());
    fragments.append(ClientFrame::build(0x0, QByteArray(800, 'a')).left(14));
    const auto tooBig = fragments.next();
    QVERIFY(tooBig);
    QCOMPARE(int(tooBig->closeCode), 1009);
}

void TestWebSocketFraming::serverFramesAreUnmaskedAndFinal_data()
{
    QTest::addColumn<int>("opcode");
    QTest::newRow("text") << int(Opcode::Text);
    QTest::newRow("binary") << int(Opcode::Binary);
    QTest::newRow("close") << int(Opcode::Close);
    QTest::newRow("ping") << int(Opcode::Ping);
    QTest::newRow("pong") << int(Opcode::Pong);
}

void TestWebSocketFraming::serverFramesAreUnmaskedAndFinal()
{
    QFETCH(int, opcode);
    const QByteArray frame = WebSocketFrame::encode(Opcode(opcode), "abc");
    QCOMPARE(quint8(frame[0]), quint8(0x80 | opcode));
    QCOMPARE(quint8(frame[1]), quint8(3)); // no mask bit
    QCOMPARE(frame.mid(2), QByteArray("abc"));
}

void TestWebSocketFraming::closePayloadKeepsUtf8Whole()
{
    const QByteArray payload = WebSocketFrame::closePayload(4001, "Too slow");
    QCOMPARE(payload, ClientFrame::closePayload(4001, "Too slow"));
    // 200 two-byte characters: cut to at most 123 bytes, never inside a character.
    const QByteArray reason = QByteArray("\xC3\xA9").repeated(200);
    const QByteArray cut = WebSocketFrame::closePayload(1000, reason);
    QVERIFY(cut.size() <= WebSocketFrame::maxControlPayload);
    QCOMPARE(cut.size(), 2 + 122);
    QVERIFY(Utf8Validator::isValid(cut.mid(2)));
}

void TestWebSocketFraming::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii, longer than 8") << QByteArray("0123456789abcdefghij") << true;
    QTest::newRow("2-byte") << QByteArray("\xC3\xA9") << true;
    QTest::newRow("3-byte U+20AC") << QByteArray("\xE2\x82\xAC") << true;
    QTest::newRow("4-byte U+1F600") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("U+D7FF") << QByteArray("\xED\x9F\xBF") << true;
    QTest::newRow("U+E000") << QByteArray("\xEE\x80\x80") << true;
    QTest::newRow("ascii then 4-byte at the end of a word") << QByteArray("abcdefg\xF0\x9F\x98\x80") << true;
    QTest::newRow("NUL is valid") << QByteArray("a\0b", 3) << true;
    QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    QTest::newRow("overlong 2-byte /") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("overlong C1") << QByteArray("\xC1\xBF") << false;
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << false;
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\xAF") << false;
    QTest::newRow("surrogate U+D800") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("surrogate U+DFFF") << QByteArray("\xED\xBF\xBF") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("FF") << QByteArray("\xFF") << false;
    QTest::newRow("truncated 3-byte") << QByteArray("\xE2\x82") << false;
    QTest::newRow("truncated 4-byte after ascii") << QByteArray("abcdefgh\xF0\x9F\x98") << false;
    QTest::newRow("bad second continuation") << QByteArray("\xE2\x82\x41") << false;
}

void TestWebSocketFraming::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(Utf8Validator::isValid(bytes), valid);
    // Same verdict as Qt's decoder (which replaces what it cannot decode).
    const QString decoded = QString::fromUtf8(bytes);
    QCOMPARE(decoded.toUtf8() == bytes, valid);
}

void TestWebSocketFraming::acceptKeyMatchesRfcExample()
{
    // RFC 6455 §1.3.
    QCOMPARE(WebSocketHandshake::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
             QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    const QByteArray head = WebSocketHandshake::switchingProtocols("dGhlIHNhbXBsZSBub25jZQ==");
    QVERIFY(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(head.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QVERIFY(head.endsWith("\r\n\r\n"));
}

void TestWebSocketFraming::keyValidation()
{
    QVERIFY(WebSocketHandshake::isValidKey("dGhlIHNhbXBsZSBub25jZQ=="));
    QVERIFY(!WebSocketHandshake::isValidKey("dGhlIHNhbXBsZQ==")); // 10 bytes
    QVERIFY(!WebSocketHandshake::isValidKey("not base64 at all!!!"));
    QVERIFY(!WebSocketHandshake::isValidKey(""));
}

QTEST_GUILESS_MAIN(TestWebSocketFraming)
#include "tst_websocketframing.moc"
