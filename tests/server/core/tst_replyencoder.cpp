// SPDX-License-Identifier: MIT
#include "core/jsonwriter.h"
#include "core/replyencoder.h"

#include <QTest>
#include <nlohmann/json.hpp>

Q_DECLARE_METATYPE(Reply)

namespace {

Reply success(Op op, QByteArray messageId = "1")
{
    Reply reply;
    reply.op = op;
    reply.messageIdJson = std::move(messageId);
    return reply;
}

Reply written(Op op, const char *message, std::optional<qint64> revision = {})
{
    Reply reply = success(op);
    reply.message = QString::fromUtf8(message);
    reply.revision = revision;
    return reply;
}

Reply got(QByteArray key, QByteArray value, std::optional<qint64> revision = {})
{
    Reply reply = success(Op::Get);
    reply.key = std::move(key);
    reply.hasKey = true;
    reply.value = std::move(value);
    reply.revision = revision;
    return reply;
}

Reply atomic(qint64 newValue, std::optional<qint64> revision = {})
{
    Reply reply = success(Op::Atomic);
    reply.key = "n";
    reply.hasKey = true;
    reply.newValue = newValue;
    reply.revision = revision;
    return reply;
}

Reply range(bool revisions, bool truncated, int count = 2)
{
    Reply reply = success(Op::Range);
    for (int i = 0; i < count; ++i)
        reply.records.append(
            KeyedRecord { "k" + QByteArray::number(i), Record { "v" + QByteArray::number(i), 10 + i } });
    reply.truncated = truncated;
    reply.recordRevisions = revisions;
    return reply;
}

Reply failure(Op op, int code, const char *error, QByteArray messageId = "1")
{
    Reply reply = success(op, std::move(messageId));
    reply.code = code;
    reply.error = QString::fromUtf8(error);
    return reply;
}

Reply notFound(Op op)
{
    Reply reply = failure(op, 404, "Record not found");
    reply.key = "gone";
    reply.hasKey = true;
    return reply;
}

Reply conflict(std::optional<QByteArray> value, qint64 revision)
{
    Reply reply = failure(Op::Set, 409, "Revision conflict");
    reply.key = "k";
    reply.hasKey = true;
    reply.revision = revision;
    reply.value = std::move(value);
    reply.hasValueMember = true;
    return reply;
}

} // namespace

class TestReplyEncoder : public QObject
{
    Q_OBJECT

private slots:
    void webSocket_data();
    void webSocket();
    void rest_data();
    void rest();
    void notification_data();
    void notification();
    void strings_data();
    void strings();
    void everyByteGivesValidJson();
    void specialsAtEveryPosition();
};

void TestReplyEncoder::webSocket_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("set")
        << written(Op::Set, "Record inserted/updated successfully")
        << QByteArray(
               R"({"code":200,"success":true,"message":"Record inserted/updated successfully","messageId":1})");
    QTest::newRow("set revision")
        << written(Op::Set, "Record inserted/updated successfully", 7)
        << QByteArray(
               R"({"code":200,"success":true,"message":"Record inserted/updated successfully","revision":7,"messageId":1})");
    QTest::newRow("patch")
        << written(Op::Patch, "Record inserted/updated successfully", 8)
        << QByteArray(
               R"({"code":200,"success":true,"message":"Record inserted/updated successfully","revision":8,"messageId":1})");
    QTest::newRow("delete")
        << written(Op::Delete, "Record deleted successfully")
        << QByteArray(R"({"code":200,"success":true,"message":"Record deleted successfully","messageId":1})");
    {
        Reply reply = written(Op::Set, "ok");
        reply.key = "must-not-appear";
        reply.hasKey = true;
        QTest::newRow("set never has key")
            << reply << QByteArray(R"({"code":200,"success":true,"message":"ok","messageId":1})");
    }
    QTest::newRow("get") << got("k", "v")
                         << QByteArray(R"({"code":200,"key":"k","value":"v","messageId":1})");
    QTest::newRow("get revision") << got(
        "k", "v", 3) << QByteArray(R"({"code":200,"key":"k","value":"v","revision":3,"messageId":1})");
    QTest::newRow("get JSON value stays a string")
        << got("todos-20261122", R"([{"id":"todo_1_0"}])")
        << QByteArray(
               R"({"code":200,"key":"todos-20261122","value":"[{\"id\":\"todo_1_0\"}]","messageId":1})");
    QTest::newRow("atomic") << atomic(
        42) << QByteArray(R"({"code":200,"success":true,"newValue":42,"key":"n","messageId":1})");
    QTest::newRow("atomic negative revision")
        << atomic(-9223372036854775807LL - 1, 5)
        << QByteArray(
               R"({"code":200,"success":true,"newValue":-9223372036854775808,"key":"n","revision":5,"messageId":1})");
    QTest::newRow("range")
        << range(false, false)
        << QByteArray(
               R"({"code":200,"records":[{"key":"k0","value":"v0"},{"key":"k1","value":"v1"}],"count":2,"truncated":false,"messageId":1})");
    QTest::newRow("range revisions truncated")
        << range(true, true)
        << QByteArray(
               R"({"code":200,"records":[{"key":"k0","value":"v0","revision":10},{"key":"k1","value":"v1","revision":11}],"count":2,"truncated":true,"messageId":1})");
    QTest::newRow("range empty") << range(
        true, false,
        0) << QByteArray(R"({"code":200,"records":[],"count":0,"truncated":false,"messageId":1})");
    QTest::newRow("no messageId") << success(Op::Delete, {})
                                  << QByteArray(R"({"code":200,"success":true,"message":""})");
    QTest::newRow("string messageId")
        << success(Op::Delete, R"("abc")")
        << QByteArray(R"({"code":200,"success":true,"message":"","messageId":"abc"})");
    QTest::newRow("null messageId") << success(
        Op::Delete, "null") << QByteArray(R"({"code":200,"success":true,"message":"","messageId":null})");
    QTest::newRow("400") << failure(Op::Set, 400, "value must not be empty")
                         << QByteArray(R"({"code":400,"error":"value must not be empty","messageId":1})");
    QTest::newRow("400 without messageId")
        << failure(Op::Get, 400, "Malformed JSON at byte 1", {})
        << QByteArray(R"({"code":400,"error":"Malformed JSON at byte 1"})");
    QTest::newRow("403") << failure(Op::Get, 403, "Access denied")
                         << QByteArray(R"({"code":403,"error":"Access denied","messageId":1})");
    QTest::newRow("404 get") << notFound(
        Op::Get) << QByteArray(R"({"code":404,"error":"Record not found","key":"gone","messageId":1})");
    QTest::newRow("404 delete") << notFound(
        Op::Delete) << QByteArray(R"({"code":404,"error":"Record not found","key":"gone","messageId":1})");
    QTest::newRow("409 value")
        << conflict(QByteArray("cur"), 4)
        << QByteArray(
               R"({"code":409,"error":"Revision conflict","key":"k","revision":4,"value":"cur","messageId":1})");
    QTest::newRow("409 absent")
        << conflict(std::nullopt, 0)
        << QByteArray(
               R"({"code":409,"error":"Revision conflict","key":"k","revision":0,"value":null,"messageId":1})");
    QTest::newRow("429") << failure(Op::Set, 429, "Too many requests")
                         << QByteArray(R"({"code":429,"error":"Too many requests","messageId":1})");
    QTest::newRow("500") << failure(Op::Set, 500, "Internal")
                         << QByteArray(R"({"code":500,"error":"Internal","messageId":1})");
    QTest::newRow("503") << failure(Op::Range, 503, "Unavailable")
                         << QByteArray(R"({"code":503,"error":"Unavailable","messageId":1})");
    QTest::newRow("error text escaped") << failure(Op::Get, 400, "bad \"x\"\n")
                                        << QByteArray(R"({"code":400,"error":"bad \"x\"\n","messageId":1})");
}

void TestReplyEncoder::webSocket()
{
    QFETCH(Reply, reply);
    QFETCH(QByteArray, expected);
    const QByteArray encoded = ReplyEncoder::toWebSocket(reply);
    QCOMPARE(encoded, expected);
    const auto json = nlohmann::json::parse(encoded.cbegin(), encoded.cend());
    QCOMPARE(json.contains("error"), reply.code != 200);
}

void TestReplyEncoder::rest_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("set") << written(Op::Set, "Record inserted/updated successfully") << 200
                         << QByteArray(
                                R"({"success":true,"message":"Record inserted/updated successfully"})");
    QTest::newRow("set revision")
        << written(Op::Patch, "Record inserted/updated successfully", 2) << 200
        << QByteArray(R"({"success":true,"message":"Record inserted/updated successfully","revision":2})");
    QTest::newRow("delete") << written(Op::Delete, "Record deleted successfully") << 200
                            << QByteArray(R"({"success":true,"message":"Record deleted successfully"})");
    QTest::newRow("get") << got("a b", "v") << 200 << QByteArray(R"({"key":"a b","value":"v"})");
    QTest::newRow("get revision") << got("k", "v", 9) << 200
                                  << QByteArray(R"({"key":"k","value":"v","revision":9})");
    QTest::newRow("atomic") << atomic(-3) << 200 << QByteArray(R"({"success":true,"result":-3})");
    QTest::newRow("atomic revision") << atomic(3, 4) << 200
                                     << QByteArray(R"({"success":true,"result":3,"revision":4})");
    QTest::newRow("range") << range(false, true, 1) << 200
                           << QByteArray(
                                  R"({"records":[{"key":"k0","value":"v0"}],"count":1,"truncated":true})");
    QTest::newRow("range revisions")
        << range(true, false, 1) << 200
        << QByteArray(R"({"records":[{"key":"k0","value":"v0","revision":10}],"count":1,"truncated":false})");
    QTest::newRow("400") << failure(Op::Set, 400, "key must not be empty") << 400
                         << QByteArray(R"({"error":"key must not be empty"})");
    QTest::newRow("403") << failure(Op::Set, 403, "Access denied") << 403
                         << QByteArray(R"({"error":"Access denied"})");
    QTest::newRow("404") << notFound(Op::Get) << 404 << QByteArray(R"({"error":"Record not found"})");
    QTest::newRow("409") << conflict(QByteArray("cur"), 4) << 409
                         << QByteArray(
                                R"({"error":"Revision conflict","key":"k","revision":4,"value":"cur"})");
    QTest::newRow("409 absent") << conflict(
        std::nullopt,
        0) << 409 << QByteArray(R"({"error":"Revision conflict","key":"k","revision":0,"value":null})");
    QTest::newRow("500") << failure(Op::Set, 500, "Internal") << 500 << QByteArray(R"({"error":"Internal"})");
    QTest::newRow("503") << failure(Op::Get, 503, "Unavailable") << 503
                         << QByteArray(R"({"error":"Unavailable"})");
}

void TestReplyEncoder::rest()
{
    QFETCH(Reply, reply);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const ReplyEncoder::HttpResponse response = ReplyEncoder::toRest(reply);
    QCOMPARE(response.status, status);
    QCOMPARE(response.body, body);
    QVERIFY(!response.body.contains("messageId"));
}

void TestReplyEncoder::notification_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("withRevision");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("write") << Change {
        "k", QByteArray("v"), 5, 1763800000123
    } << false << QByteArray(R"({"type":"notification","key":"k","value":"v","timestamp":1763800000123})");
    QTest::newRow("write revision")
        << Change { "k", QByteArray("v"), 5, 1763800000123 } << true
        << QByteArray(
               R"({"type":"notification","key":"k","value":"v","timestamp":1763800000123,"revision":5})");
    QTest::newRow("delete") << Change { "k", std::nullopt, 6, 1 } << false
                            << QByteArray(R"({"type":"notification","key":"k","value":null,"timestamp":1})");
    QTest::newRow("delete revision") << Change {
        "k", std::nullopt, 6, 1
    } << true << QByteArray(R"({"type":"notification","key":"k","value":null,"timestamp":1,"revision":6})");
    QTest::newRow("escaped") << Change {
        QByteArray("a\0b", 3), QByteArray("[\"x\"]"), 1, 2
    } << false << QByteArray(R"({"type":"notification","key":"a\u0000b","value":"[\"x\"]","timestamp":2})");
}

void TestReplyEncoder::notification()
{
    QFETCH(Change, change);
    QFETCH(bool, withRevision);
    QFETCH(QByteArray, expected);
    QCOMPARE(ReplyEncoder::notification(change, withRevision), expected);
}

void TestReplyEncoder::strings_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty") << QByteArray() << QByteArray(R"("")");
    QTest::newRow("plain") << QByteArray("todos-20261122") << QByteArray(R"("todos-20261122")");
    QTest::newRow("quote and backslash") << QByteArray(R"(a"b\c)") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("short escapes") << QByteArray("\b\f\n\r\t") << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("NUL") << QByteArray("\0", 1) << QByteArray(R"("\u0000")");
    QTest::newRow("other controls") << QByteArray("\x01\x1f\x0b") << QByteArray(R"("\u0001\u001f\u000b")");
    QTest::newRow("DEL and slash raw") << QByteArray("\x7f/") << QByteArray("\"\x7f/\"");
    QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << QByteArray("\"\xc3\xa9\"");
    QTest::newRow("3-byte") << QByteArray("\xe6\x97\xa5") << QByteArray("\"\xe6\x97\xa5\"");
    QTest::newRow("U+2028 raw") << QByteArray("\xe2\x80\xa8") << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("4-byte") << QByteArray("\xf0\x9f\x98\x80") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("max code point") << QByteArray("\xf4\x8f\xbf\xbf") << QByteArray("\"\xf4\x8f\xbf\xbf\"");
    QTest::newRow("lone continuation") << QByteArray("a\x80z") << QByteArray("\"a\xef\xbf\xbdz\"");
    QTest::newRow("0xff") << QByteArray("\xff") << QByteArray("\"\xef\xbf\xbd\"");
    QTest::newRow("overlong 2-byte") << QByteArray("\xc0\xaf") << QByteArray("\"\xef\xbf\xbd\xef\xbf\xbd\"");
    QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\xaf")
                                     << QByteArray("\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80")
                               << QByteArray("\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80")
                                    << QByteArray("\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
    QTest::newRow("truncated at end")
        << QByteArray("ok\xe6\x97") << QByteArray("\"ok\xef\xbf\xbd\xef\xbf\xbd\"");
    QTest::newRow("truncated before quote") << QByteArray("\xc3\"") << QByteArray("\"\xef\xbf\xbd\\\"\"");
}

void TestReplyEncoder::strings()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, json);
    QByteArray out;
    JsonWriter::appendString(out, raw);
    QCOMPARE(out, json);
}

void TestReplyEncoder::everyByteGivesValidJson()
{
    // Every single byte and every pair of bytes: the output always parses, and valid UTF-8
    // round-trips exactly.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            const QByteArray raw = QByteArray(1, char(a)) + (b ? QByteArray(1, char(b)) : QByteArray());
            QByteArray out;
            JsonWriter::appendString(out, raw);
            const auto parsed = nlohmann::json::parse(out.cbegin(), out.cend(), nullptr, false);
            QVERIFY2(parsed.is_string(), out.toHex().constData());
            const bool validUtf8 = QString::fromUtf8(raw).toUtf8() == raw;
            if (validUtf8)
                QCOMPARE(QByteArray::fromStdString(parsed.get<std::string>()), raw);
        }
    }
}

void TestReplyEncoder::specialsAtEveryPosition()
{
    // Strings long enough for the 8-byte fast path: a special sequence at every offset must be
    // handled exactly as nlohmann::json escapes it (valid UTF-8), or become U+FFFD (invalid).
    const QByteArray base = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
    const QByteArrayList specials {
        "\"",   "\\", "\n",       "\t",           QByteArray("\0", 1), "\x01", "\x1f",
        "\x7f", "/",  "\xc3\xa9", "\xe2\x80\xa8", "\xf0\x9f\x98\x80",  "\"\"", "\xc3\xa9\n\\"
    };
    const QByteArrayList invalid { "\xff", "\x80", "\xc3", "\xed\xa0\x80", "\xf0\x9f\x98" };
    for (qsizetype at = 0; at <= base.size(); ++at) {
        for (const QByteArray &special : specials) {
            const QByteArray raw = base.left(at) + special + base.mid(at);
            QByteArray out;
            JsonWriter::appendString(out, raw);
            QCOMPARE(out, QByteArray::fromStdString(nlohmann::json(raw.toStdString()).dump()));
        }
        for (const QByteArray &bad : invalid) {
            const QByteArray raw = base.left(at) + bad + base.mid(at);
            QByteArray out;
            JsonWriter::appendString(out, raw);
            const QByteArray replacement = QByteArray("\xef\xbf\xbd").repeated(bad.size());
            QCOMPARE(out, '"' + base.left(at) + replacement + base.mid(at) + '"');
        }
    }
    // Appending after existing content keeps it.
    QByteArray out = "prefix:";
    JsonWriter::appendString(out, "a\nb");
    QCOMPARE(out, QByteArray(R"(prefix:"a\nb")"));
}

QTEST_GUILESS_MAIN(TestReplyEncoder)
#include "tst_replyencoder.moc"
