// SPDX-License-Identifier: MIT
#include "core/requestparser.h"

#include <QTest>

namespace {
constexpr qint64 none = -1;

QByteArray frameWithKey(const QByteArray &keyJson)
{
    return R"({"op":1,"key":)" + keyJson + "}";
}
} // namespace

class TestRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void extensionsOffIgnoresIfRevision();
    void presenceIsAnExtension();
    void hostileNesting();
    void keyAndValueChecks();
};

void TestRequestParser::valid_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("op");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("delta");
    QTest::addColumn<QByteArray>("endKey");
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("ifRevision");
    QTest::addColumn<QByteArray>("messageId");

    auto row = [](const char *name, QByteArray frame, int op, QByteArray key, QByteArray value = {},
                  qint64 delta = 0, QByteArray endKey = {}, int limit = 100, qint64 ifRevision = none,
                  QByteArray messageId = {}) {
        QTest::newRow(name) << frame << op << key << value << delta << endKey << limit << ifRevision
                            << messageId;
    };

    row("get", R"({"op":1,"key":"k","messageId":1})", 1, "k", {}, 0, {}, 100, none, "1");
    row("showcase get",
        R"({"op":1,"key":"todos-20261122","value":"","messageId":7,"timestamp":1763800000000})", 1,
        "todos-20261122", {}, 0, {}, 100, none, "7");
    row("get without messageId", R"({"op":1,"key":"k"})", 1, "k");
    row("get ignores value of any type", R"({"op":1,"key":"k","value":{"x":[1]}})", 1, "k");
    row("set string", R"({"op":2,"key":"k","value":"v","messageId":2})", 2, "k", "v", 0, {}, 100, none, "2");
    row("set object keeps order, compacts",
        R"({"op":2,"key":"k","value":{ "z" : 1 , "a" : [ 1 , { "y":null } ] }})", 2, "k",
        R"({"z":1,"a":[1,{"y":null}]})");
    row("set array", R"({"op":2,"key":"k","value":[{"id":"todo_1_0","text":"a"}]})", 2, "k",
        R"([{"id":"todo_1_0","text":"a"}])");
    row("set number", R"({"op":2,"key":"k","value":42})", 2, "k", "42");
    row("set negative float", R"({"op":2,"key":"k","value":-1.5})", 2, "k", "-1.5");
    row("set true", R"({"op":2,"key":"k","value":true})", 2, "k", "true");
    row("set null stores null text", R"({"op":2,"key":"k","value":null})", 2, "k", "null");
    row("set empty object", R"({"op":2,"key":"k","value":{}})", 2, "k", "{}");
    row("set string with escapes", R"({"op":2,"key":"k","value":"a\"b\\c\n\u0000\u00e9"})", 2, "k",
        QByteArray("a\"b\\c\n\0\xc3\xa9", 9));
    row("set non-string value escapes", R"({"op":2,"key":"k","value":{"t":"\u0001\"é"}})", 2, "k",
        R"({"t":"\u0001\"é"})");
    row("set string that looks like JSON", R"({"op":2,"key":"k","value":"{\"a\":1}"})", 2, "k", R"({"a":1})");
    row("patch", R"({"op":3,"key":"k","value":"{\"a\":1}","messageId":3})", 3, "k", R"({"a":1})", 0, {}, 100,
        none, "3");
    row("patch object", R"({"op":3,"key":"k","value":{"a":null}})", 3, "k", R"({"a":null})");
    row("delete", R"({"op":4,"key":"k","value":"","messageId":4})", 4, "k", {}, 0, {}, 100, none, "4");
    row("range defaults", R"({"op":5,"key":"a","endKey":"z"})", 5, "a", {}, 0, "z", 100);
    row("range limit", R"({"op":5,"key":"a","endKey":"z","limit":7})", 5, "a", {}, 0, "z", 7);
    row("range limit 1", R"({"op":5,"key":"a","endKey":"z","limit":1})", 5, "a", {}, 0, "z", 1);
    row("range limit 1000", R"({"op":5,"key":"a","endKey":"z","limit":1000})", 5, "a", {}, 0, "z", 1000);
    row("range limit clamped", R"({"op":5,"key":"a","endKey":"z","limit":1001})", 5, "a", {}, 0, "z", 1000);
    row("range huge limit clamped", R"({"op":5,"key":"a","endKey":"z","limit":18446744073709551615})", 5, "a",
        {}, 0, "z", 1000);
    row("range null limit is default", R"({"op":5,"key":"a","endKey":"z","limit":null})", 5, "a", {}, 0, "z",
        100);
    row("range end before start", R"({"op":5,"key":"z","endKey":"a"})", 5, "z", {}, 0, "a", 100);
    row("atomic", R"({"op":6,"key":"n","value":5})", 6, "n", {}, 5);
    row("atomic negative", R"({"op":6,"key":"n","value":-3})", 6, "n", {}, -3);
    row("atomic zero", R"({"op":6,"key":"n","value":0})", 6, "n", {}, 0);
    row("atomic int64 max", R"({"op":6,"key":"n","value":9223372036854775807})", 6, "n", {},
        std::numeric_limits<qint64>::max());
    row("atomic int64 min", R"({"op":6,"key":"n","value":-9223372036854775808})", 6, "n", {},
        std::numeric_limits<qint64>::min());
    row("set ifRevision", R"({"op":2,"key":"k","value":"v","ifRevision":12})", 2, "k", "v", 0, {}, 100, 12);
    row("set ifRevision 0", R"({"op":2,"key":"k","value":"v","ifRevision":0})", 2, "k", "v", 0, {}, 100, 0);
    row("set ifRevision null", R"({"op":2,"key":"k","value":"v","ifRevision":null})", 2, "k", "v");
    row("patch ifRevision", R"({"op":3,"key":"k","value":"v","ifRevision":3})", 3, "k", "v", 0, {}, 100, 3);
    row("delete ifRevision", R"({"op":4,"key":"k","ifRevision":3})", 4, "k", {}, 0, {}, 100, 3);
    row("atomic ifRevision", R"({"op":6,"key":"k","value":1,"ifRevision":3})", 6, "k", {}, 1, {}, 100, 3);
    row("get ignores ifRevision", R"({"op":1,"key":"k","ifRevision":"junk"})", 1, "k");
    row("range ignores ifRevision", R"({"op":5,"key":"a","endKey":"b","ifRevision":-4})", 5, "a", {}, 0, "b");
    // messageId: echoed as compact JSON text, whatever its type.
    row("messageId zero", R"({"op":1,"key":"k","messageId":0})", 1, "k", {}, 0, {}, 100, none, "0");
    row("messageId big", R"({"op":1,"key":"k","messageId":9007199254740993})", 1, "k", {}, 0, {}, 100, none,
        "9007199254740993");
    row("messageId negative", R"({"op":1,"key":"k","messageId":-12})", 1, "k", {}, 0, {}, 100, none, "-12");
    row("messageId string", R"({"op":1,"key":"k","messageId":"a\"1"})", 1, "k", {}, 0, {}, 100, none,
        R"("a\"1")");
    row("messageId float", R"({"op":1,"key":"k","messageId":1.5})", 1, "k", {}, 0, {}, 100, none, "1.5");
    row("messageId null", R"({"op":1,"key":"k","messageId":null})", 1, "k", {}, 0, {}, 100, none, "null");
    row("messageId object compacted", R"({"op":1,"key":"k","messageId":{ "b" : 1, "a" : 2 }})", 1, "k", {}, 0,
        {}, 100, none, R"({"b":1,"a":2})");
    row("messageId before op", R"({"messageId":5,"op":1,"key":"k"})", 1, "k", {}, 0, {}, 100, none, "5");
    // Keys: any UTF-8, 1..512 bytes.
    row("key with NUL", R"({"op":1,"key":"a\u0000b"})", 1, QByteArray("a\0b", 3));
    row("key with symbols", R"({"op":1,"key":"user:1 / ✓ \"x\""})", 1, "user:1 / \xe2\x9c\x93 \"x\"");
    row("key surrogate pair", R"({"op":1,"key":"\ud83d\ude00"})", 1, "\xf0\x9f\x98\x80");
    row("key 512 bytes", R"({"op":1,"key":")" + QByteArray(512, 'k') + "\"}", 1, QByteArray(512, 'k'));
    row("key 512 bytes multibyte", R"({"op":1,"key":")" + QByteArray("\xc3\xa9").repeated(256) + "\"}", 1,
        QByteArray("\xc3\xa9").repeated(256));
    row("value 102400 bytes", R"({"op":2,"key":"k","value":")" + QByteArray(102400, 'v') + "\"}", 2, "k",
        QByteArray(102400, 'v'));
    row("whitespace around", " \n{ \"op\" : 1 , \"key\" : \"k\" }\n ", 1, "k");
    row("duplicate member, last wins", R"({"op":1,"key":"a","key":"b"})", 1, "b");
}

void TestRequestParser::valid()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, op);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    QFETCH(qint64, delta);
    QFETCH(QByteArray, endKey);
    QFETCH(int, limit);
    QFETCH(qint64, ifRevision);
    QFETCH(QByteArray, messageId);

    const RequestParser::Result result = RequestParser::parse(frame);
    QVERIFY2(result.isValid(), qPrintable(result.error.error));
    const Request &request = *result.request;
    QCOMPARE(int(request.op), op);
    QCOMPARE(request.key, key);
    QCOMPARE(request.value, value);
    QCOMPARE(request.delta, delta);
    QCOMPARE(request.endKey, endKey);
    QCOMPARE(request.limit, limit);
    QCOMPARE(request.ifRevision.value_or(none), ifRevision);
    QCOMPARE(request.messageIdJson, messageId);
}

void TestRequestParser::invalid_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArray>("messageId");

    auto row = [](const char *name, QByteArray frame, const char *error, QByteArray messageId = {}) {
        QTest::newRow(name) << frame << QString::fromUtf8(error) << messageId;
    };

    row("empty frame", "", "Malformed JSON at byte 1");
    row("not JSON", "hello", "Malformed JSON at byte 1");
    row("truncated", R"({"op":1,"key":"k","messageId":3)", "Malformed JSON at byte 32");
    row("trailing garbage", R"({"op":1,"key":"k"} x)", "Malformed JSON at byte 20");
    row("trailing comma", R"({"op":1,"key":"k",})", "Malformed JSON at byte 19");
    row("invalid utf-8 in key", "{\"op\":1,\"key\":\"\xff\"}", "Malformed JSON at byte 16");
    row("lone surrogate", R"({"op":1,"key":"\ud800"})", "Malformed JSON at byte 22");
    row("number overflow", R"({"op":2,"key":"k","value":1e400})", "Malformed JSON: a number is out of range");
    row("huge integer overflows double", R"({"op":1,"key":"k","messageId":1)" + QByteArray(400, '9') + "}",
        "Malformed JSON: a number is out of range");
    row("array", R"([{"op":1,"key":"k"}])", "Request must be a JSON object");
    row("string", R"("op")", "Request must be a JSON object");
    row("number", "1", "Request must be a JSON object");
    row("null", "null", "Request must be a JSON object");
    row("missing op", R"({"key":"k","messageId":1})", "Missing op", "1");
    row("op string", R"({"op":"1","key":"k","messageId":1})", "op must be an integer from 1 to 6", "1");
    row("op float", R"({"op":1.0,"key":"k","messageId":1})", "op must be an integer from 1 to 6", "1");
    row("op null", R"({"op":null,"key":"k","messageId":1})", "op must be an integer from 1 to 6", "1");
    row("op 0", R"({"op":0,"key":"k","messageId":1})", "Unknown op 0", "1");
    row("op 8", R"({"op":8,"key":"k","messageId":"x"})", "Unknown op 8", R"("x")");
    row("presence without member", R"({"op":7,"name":"n","messageId":"x"})",
        "member must be a string of 1 to 64 bytes", R"("x")");
    row("presence without name", R"({"op":7,"member":"m"})", "name must be a string of 1 to 64 characters");
    row("presence blank name", R"({"op":7,"member":"m","name":"  "})",
        "name must be a string of 1 to 64 characters");
    row("presence here not array", R"({"op":7,"member":"m","name":"n","here":"k"})",
        "here must be an array of at most 4 keys");
    row("presence watch number", R"({"op":7,"member":"m","name":"n","watch":[1]})",
        "watch must be an array of at most 64 keys");
    row("presence empty key", R"({"op":7,"member":"m","name":"n","here":[""]})", "here must not be empty");
    row("op negative", R"({"op":-1,"key":"k"})", "Unknown op -1");
    row("op huge", R"({"op":18446744073709551615,"key":"k"})", "Unknown op 18446744073709551615");
    row("missing key", R"({"op":1,"messageId":2})", "key is missing", "2");
    row("key number", R"({"op":1,"key":5,"messageId":2})", "key must be a string", "2");
    row("key null", R"({"op":2,"key":null,"value":"v"})", "key must be a string");
    row("key array", R"({"op":4,"key":["k"]})", "key must be a string");
    row("empty key", R"({"op":1,"key":"","messageId":2})", "key must not be empty", "2");
    row("key 513 bytes", R"({"op":1,"key":")" + QByteArray(513, 'k') + R"(","messageId":2})",
        "key is longer than 512 bytes", "2");
    row("key 257 two-byte chars", R"({"op":1,"key":")" + QByteArray("\xc3\xa9").repeated(257) + "\"}",
        "key is longer than 512 bytes");
    row("set missing value", R"({"op":2,"key":"k","messageId":3})", "value is missing", "3");
    row("set empty value", R"({"op":2,"key":"k","value":"","messageId":3})", "value must not be empty", "3");
    row("patch empty value", R"({"op":3,"key":"k","value":""})", "value must not be empty");
    row("patch missing value", R"({"op":3,"key":"k"})", "value is missing");
    row("value 102401 bytes", R"({"op":2,"key":"k","value":")" + QByteArray(102401, 'v') + "\"}",
        "value is longer than 102400 bytes");
    row("value 102401 bytes as JSON", R"({"op":2,"key":"k","value":[")" + QByteArray(102397, 'v') + "\"]}",
        "value is longer than 102400 bytes");
    row("atomic missing value", R"({"op":6,"key":"n","messageId":4})",
        "value is missing (ATOMIC needs an integer delta)", "4");
    row("atomic string", R"({"op":6,"key":"n","value":"5"})",
        "ATOMIC value must be an integer JSON number (the delta)");
    row("atomic float", R"({"op":6,"key":"n","value":1.5})",
        "ATOMIC value must be an integer JSON number (the delta)");
    row("atomic integral float", R"({"op":6,"key":"n","value":2.0})",
        "ATOMIC value must be an integer JSON number (the delta)");
    row("atomic exponent", R"({"op":6,"key":"n","value":1e3})",
        "ATOMIC value must be an integer JSON number (the delta)");
    row("atomic null", R"({"op":6,"key":"n","value":null})",
        "ATOMIC value must be an integer JSON number (the delta)");
    row("atomic bool", R"({"op":6,"key":"n","value":true})",
        "ATOMIC value must be an integer JSON number (the delta)");
    row("atomic above int64", R"({"op":6,"key":"n","value":9223372036854775808})",
        "ATOMIC value does not fit in a 64-bit integer");
    row("atomic empty key", R"({"op":6,"key":"","value":1})", "key must not be empty");
    row("range missing endKey", R"({"op":5,"key":"a","messageId":5})", "endKey is missing", "5");
    row("range endKey number", R"({"op":5,"key":"a","endKey":1})", "endKey must be a string");
    row("range empty endKey", R"({"op":5,"key":"a","endKey":""})", "endKey must not be empty");
    row("range long endKey", R"({"op":5,"key":"a","endKey":")" + QByteArray(513, 'z') + "\"}",
        "endKey is longer than 512 bytes");
    row("range empty start", R"({"op":5,"key":"","endKey":"z"})", "key must not be empty");
    row("range limit 0", R"({"op":5,"key":"a","endKey":"z","limit":0,"messageId":6})",
        "limit must be at least 1", "6");
    row("range limit negative", R"({"op":5,"key":"a","endKey":"z","limit":-5})", "limit must be at least 1");
    row("range limit string", R"({"op":5,"key":"a","endKey":"z","limit":"10"})", "limit must be an integer");
    row("range limit float", R"({"op":5,"key":"a","endKey":"z","limit":10.5})", "limit must be an integer");
    row("ifRevision negative", R"({"op":2,"key":"k","value":"v","ifRevision":-1,"messageId":7})",
        "ifRevision must be a non-negative integer", "7");
    row("ifRevision string", R"({"op":4,"key":"k","ifRevision":"3"})",
        "ifRevision must be a non-negative integer");
    row("ifRevision float", R"({"op":3,"key":"k","value":"v","ifRevision":1.5})",
        "ifRevision must be a non-negative integer");
    row("ifRevision too big", R"({"op":6,"key":"k","value":1,"ifRevision":18446744073709551615})",
        "ifRevision must be a non-negative integer");
}

void TestRequestParser::invalid()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, error);
    QFETCH(QByteArray, messageId);

    const RequestParser::Result result = RequestParser::parse(frame);
    QVERIFY(!result.isValid());
    QCOMPARE(result.error.code, 400);
    QCOMPARE(result.error.error, error);
    QCOMPARE(result.error.messageIdJson, messageId);
    QVERIFY(!result.error.hasKey);
}

void TestRequestParser::extensionsOffIgnoresIfRevision()
{
    const QByteArray frame = R"({"op":2,"key":"k","value":"v","ifRevision":"junk"})";
    QVERIFY(!RequestParser::parse(frame, true).isValid());
    const RequestParser::Result result = RequestParser::parse(frame, false);
    QVERIFY(result.isValid());
    QVERIFY(!result.request->ifRevision);

    const RequestParser::Result valid
        = RequestParser::parse(R"({"op":2,"key":"k","value":"v","ifRevision":4})", false);
    QVERIFY(valid.isValid());
    QVERIFY(!valid.request->ifRevision);
}

void TestRequestParser::presenceIsAnExtension()
{
    const QByteArray frame
        = R"({"op":7,"member":"w1","name":" Anna's laptop ","here":["a","a"],"watch":["a","b"]})";
    const RequestParser::Result off = RequestParser::parse(frame, false);
    QVERIFY(!off.isValid());
    QCOMPARE(off.error.error, QStringLiteral("Unknown op 7"));
    const RequestParser::Result on = RequestParser::parse(frame, true);
    QVERIFY(on.isValid());
    QCOMPARE(on.request->op, Op::Presence);
    QCOMPARE(on.request->presence->member, QByteArray("w1"));
    QCOMPARE(on.request->presence->name, QStringLiteral("Anna's laptop"));
    QCOMPARE(on.request->presence->here, QList<QByteArray>({ "a" }));
    QCOMPARE(on.request->presence->watch, QList<QByteArray>({ "a", "b" }));
}

void TestRequestParser::hostileNesting()
{
    const auto deepValue = [](int depth) -> QByteArray {
        return R"({"op":2,"key":"k","messageId":1,"value":)" + QByteArray(depth, '[') + QByteArray(depth, ']')
            + "}";
    };
    const RequestParser::Result ok = RequestParser::parse(deepValue(128));
    QVERIFY(ok.isValid());
    QCOMPARE(ok.request->value, QByteArray(128, '[') + QByteArray(128, ']'));

    const RequestParser::Result deep = RequestParser::parse(deepValue(129));
    QVERIFY(!deep.isValid());
    QCOMPARE(deep.error.code, 400);
    QCOMPARE(deep.error.error, QStringLiteral("JSON nested deeper than 128 levels"));
    QVERIFY(deep.error.messageIdJson.isEmpty());

    // A megabyte of '[' must be refused without exhausting the stack.
    const RequestParser::Result hostile = RequestParser::parse(QByteArray(1 << 20, '['));
    QVERIFY(!hostile.isValid());
    QCOMPARE(hostile.error.code, 400);

    // Brackets inside strings are not nesting.
    const RequestParser::Result inString
        = RequestParser::parse(frameWithKey('"' + QByteArray(300, '[') + '"'));
    QVERIFY(inString.isValid());
}

void TestRequestParser::keyAndValueChecks()
{
    QVERIFY(RequestParser::keyError("k").isEmpty());
    QCOMPARE(RequestParser::keyError({}), QStringLiteral("key must not be empty"));
    QCOMPARE(RequestParser::keyError(QByteArray(513, 'k'), QLatin1String("startKey")),
             QStringLiteral("startKey is longer than 512 bytes"));
    QVERIFY(RequestParser::valueError(QByteArray(102400, 'v')).isEmpty());
    QCOMPARE(RequestParser::valueError({}), QStringLiteral("value must not be empty"));
    QCOMPARE(RequestParser::valueError(QByteArray(102401, 'v')),
             QStringLiteral("value is longer than 102400 bytes"));
}

QTEST_GUILESS_MAIN(TestRequestParser)
#include "tst_requestparser.moc"
