// SPDX-License-Identifier: MIT
// docs/protocol.md §2, §3 and §8: every op's success reply field by field, on both backends.

#include "netfixture.h"

#include <QDateTime>
#include <QSet>

using namespace NetFixture;
using namespace Qt::StringLiterals;

namespace {

const QString kCode = u"code"_s;
const QString kKey = u"key"_s;
const QString kValue = u"value"_s;
const QString kError = u"error"_s;
const QString kMessage = u"message"_s;
const QString kMessageId = u"messageId"_s;
const QString kRevision = u"revision"_s;
const QString kSuccess = u"success"_s;

/** The members of `object`, sorted, for exact shape comparisons. */
QStringList members(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestProtocolOps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void init()
    {
        NETFIXTURE_START(m_server);
        m_client = m_server->connectApiKey();
        QVERIFY(m_client);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void setReplyShape()
    {
        const QJsonObject reply = m_client->request(op(2, u"shape:set"_s, u"v"_s));
        QCOMPARE(members(reply), sorted({ kCode, kSuccess, kMessage, kMessageId, kRevision }));
        QCOMPARE(reply.value(kCode).toInt(), 200);
        QCOMPARE(reply.value(kSuccess).toBool(), true);
        QVERIFY(reply.value(kMessage).isString());
        QVERIFY(reply.value(kRevision).toInteger() > 0);
    }

    void getReplyShape()
    {
        const QJsonObject set = m_client->request(op(2, u"shape:get"_s, u"hello world"_s));
        QCOMPARE(set.value(kCode).toInt(), 200);
        const QJsonObject reply = m_client->request(op(1, u"shape:get"_s));
        QCOMPARE(members(reply), sorted({ kCode, kKey, kValue, kMessageId, kRevision }));
        QCOMPARE(reply.value(kCode).toInt(), 200);
        QCOMPARE(reply.value(kKey).toString(), u"shape:get"_s);
        QCOMPARE(reply.value(kValue).toString(), u"hello world"_s);
        QCOMPARE(reply.value(kRevision).toInteger(), set.value(kRevision).toInteger());
    }

    void getMissingIs404WithKey()
    {
        const QJsonObject reply = m_client->request(op(1, u"shape:missing"_s));
        QCOMPARE(reply.value(kCode).toInt(), 404);
        QCOMPARE(reply.value(kError).toString(), u"Record not found"_s);
        QCOMPARE(reply.value(kKey).toString(), u"shape:missing"_s);
        QVERIFY(reply.contains(kMessageId));
        QVERIFY(!reply.contains(kSuccess));
    }

    void deleteReplyShapeAndMissing()
    {
        QCOMPARE(m_client->request(op(2, u"shape:del"_s, u"v"_s)).value(kCode).toInt(), 200);
        const QJsonObject reply = m_client->request(op(4, u"shape:del"_s));
        QCOMPARE(members(reply), sorted({ kCode, kSuccess, kMessage, kMessageId, kRevision }));
        QCOMPARE(reply.value(kSuccess).toBool(), true);
        QCOMPARE(m_client->request(op(1, u"shape:del"_s)).value(kCode).toInt(), 404);
        const QJsonObject again = m_client->request(op(4, u"shape:del"_s));
        QCOMPARE(again.value(kCode).toInt(), 404);
        QCOMPARE(again.value(kError).toString(), u"Record not found"_s);
        QCOMPARE(again.value(kKey).toString(), u"shape:del"_s);
    }

    void patchReplyShape()
    {
        const QJsonObject reply = m_client->request(op(3, u"shape:patch"_s, u"{\"a\":1}"_s));
        QCOMPARE(members(reply), sorted({ kCode, kSuccess, kMessage, kMessageId, kRevision }));
        QCOMPARE(reply.value(kCode).toInt(), 200);
    }

    void atomicReplyShape()
    {
        const QJsonObject reply = m_client->request(op(6, u"shape:atomic"_s, 5));
        QCOMPARE(members(reply), sorted({ kCode, kSuccess, u"newValue"_s, kKey, kMessageId, kRevision }));
        QCOMPARE(reply.value(kSuccess).toBool(), true);
        QCOMPARE(reply.value(kKey).toString(), u"shape:atomic"_s);
        QVERIFY(reply.value(u"newValue"_s).isDouble());
        QCOMPARE(reply.value(u"newValue"_s).toInteger(), 5);
    }

    void rangeReplyShape()
    {
        QCOMPARE(m_client->request(op(2, u"shape:r1"_s, u"one"_s)).value(kCode).toInt(), 200);
        QJsonObject request = op(5, u"shape:r0"_s);
        request.insert(u"endKey"_s, u"shape:r9"_s);
        const QJsonObject reply = m_client->request(request);
        QCOMPARE(members(reply), sorted({ kCode, u"records"_s, u"count"_s, u"truncated"_s, kMessageId }));
        QCOMPARE(reply.value(u"count"_s).toInt(), 1);
        QCOMPARE(reply.value(u"truncated"_s).toBool(), false);
        const QJsonObject record = reply.value(u"records"_s).toArray().first().toObject();
        QCOMPARE(members(record), sorted({ kKey, kValue, kRevision }));
        QCOMPARE(record.value(kValue).toString(), u"one"_s);
    }

    void messageIdEchoedVerbatim_data()
    {
        QTest::addColumn<QByteArray>("messageId");
        QTest::newRow("int") << QByteArray("42");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("negative") << QByteArray("-7");
        QTest::newRow("beyond double precision") << QByteArray("9007199254740993");
        QTest::newRow("string") << QByteArray("\"req-1\"");
    }
    void messageIdEchoedVerbatim()
    {
        QFETCH(QByteArray, messageId);
        const QList<QByteArray> frames = {
            R"({"op":2,"key":"mid","value":"v","messageId":)" + messageId + '}',
            R"({"op":1,"key":"mid","messageId":)" + messageId + '}',
            R"({"op":1,"key":"mid-missing","messageId":)" + messageId + '}',
            R"({"op":99,"key":"mid","messageId":)" + messageId + '}',
        };
        for (const QByteArray &frame : frames) {
            const qsizetype before = m_client->frames().size();
            m_client->sendText(frame);
            QVERIFY2(m_client->waitFor([&] { return m_client->frames().size() > before; }),
                     frame.constData());
            const QByteArray reply = m_client->frames().at(before);
            QVERIFY2(reply.contains(QByteArray("\"messageId\":" + messageId)), reply.constData());
        }
    }

    void messageIdOmittedWhenAbsent_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("set") << QByteArray(R"({"op":2,"key":"noid","value":"v"})");
        QTest::newRow("get missing") << QByteArray(R"({"op":1,"key":"noid-missing"})");
        QTest::newRow("patch") << QByteArray(R"({"op":3,"key":"noid","value":"w"})");
        QTest::newRow("atomic") << QByteArray(R"({"op":6,"key":"noid-n","value":1})");
        QTest::newRow("range") << QByteArray(R"({"op":5,"key":"a","endKey":"z"})");
        QTest::newRow("delete") << QByteArray(R"({"op":4,"key":"noid"})");
        QTest::newRow("unknown op") << QByteArray(R"({"op":77,"key":"noid"})");
        QTest::newRow("malformed") << QByteArray(R"({"op":1,)");
    }
    void messageIdOmittedWhenAbsent()
    {
        QFETCH(QByteArray, frame);
        const QJsonObject reply = m_client->rawRequest(frame);
        QVERIFY2(!reply.isEmpty(), "no reply");
        QVERIFY2(!reply.contains(kMessageId), compact(reply).constData());
    }

    void extraFieldsIgnored()
    {
        // The showcase app sends a timestamp everywhere and value "" on GET and DELETE.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QJsonObject set = op(2, u"extra"_s, u"v"_s);
        set.insert(u"timestamp"_s, now);
        QCOMPARE(m_client->request(set).value(kCode).toInt(), 200);
        QJsonObject get = op(1, u"extra"_s, u""_s);
        get.insert(u"timestamp"_s, now);
        QCOMPARE(m_client->request(get).value(kValue).toString(), u"v"_s);
        QJsonObject del = op(4, u"extra"_s, u""_s);
        del.insert(u"timestamp"_s, now);
        del.insert(u"somethingElse"_s, QJsonArray { 1, 2 });
        QCOMPARE(m_client->request(del).value(kCode).toInt(), 200);
    }

    void nonStringValueStoredAsCompactJson_data()
    {
        QTest::addColumn<QByteArray>("valueJson");
        QTest::addColumn<QString>("stored");
        QTest::newRow("object") << QByteArray(R"({ "a" : 1, "b" : [1, 2] })") << u"{\"a\":1,\"b\":[1,2]}"_s;
        QTest::newRow("array") << QByteArray(R"([ "x", {"y": null} ])") << u"[\"x\",{\"y\":null}]"_s;
        QTest::newRow("number") << QByteArray("17") << u"17"_s;
        QTest::newRow("bool") << QByteArray("true") << u"true"_s;
    }
    void nonStringValueStoredAsCompactJson()
    {
        QFETCH(QByteArray, valueJson);
        QFETCH(QString, stored);
        const QJsonObject set = m_client->rawRequest(R"({"op":2,"key":"json","value":)" + valueJson + '}');
        QCOMPARE(set.value(kCode).toInt(), 200);
        QCOMPARE(m_client->request(op(1, u"json"_s)).value(kValue).toString(), stored);
    }

    void keysOfAnyUtf8_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("colons") << u"todos:2026:11:22"_s;
        QTest::newRow("spaces and symbols") << u"a key with spaces !@#$%^&*()[]{}<>?/\\|\"'"_s;
        QTest::newRow("nul") << QString(u"nul\u0000inside"_s);
        QTest::newRow("unicode") << u"ключ-日本-🙂"_s;
        QTest::newRow("one byte") << u"x"_s;
        QTest::newRow("512 ascii bytes") << QString(512, u'k');
        QTest::newRow("512 bytes of two-byte chars") << QString(256, QChar(0xe9));
    }
    void keysOfAnyUtf8()
    {
        QFETCH(QString, key);
        QCOMPARE(m_client->request(op(2, key, u"stored"_s)).value(kCode).toInt(), 200);
        const QJsonObject get = m_client->request(op(1, key));
        QCOMPARE(get.value(kCode).toInt(), 200);
        QCOMPARE(get.value(kKey).toString(), key);
        QCOMPARE(get.value(kValue).toString(), u"stored"_s);
        QCOMPARE(m_client->request(op(4, key)).value(kCode).toInt(), 200);
    }

    void valuesRoundTripExactly_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("quotes and backslashes") << u"a\"b\\c\\\"d"_s;
        QTest::newRow("control characters") << QString(u"line1\nline2\r\ttab\u0001\u001f"_s);
        QTest::newRow("nul") << QString(u"x\u0000y"_s);
        QTest::newRow("unicode") << u"день 日本 🙂 é"_s;
        QTest::newRow("json text is not reformatted") << u"{ \"b\" : 1,  \"a\":[ 1 , 2 ] }"_s;
        QTest::newRow("whitespace only") << u"   "_s;
        QTest::newRow("looks like a number") << u"007"_s;
        QTest::newRow("html") << u"<script>alert('x')</script>&amp;"_s;
    }
    void valuesRoundTripExactly()
    {
        QFETCH(QString, value);
        auto subscriber = m_server->connectToken(m_server->tokenFor({ u"exact"_s }));
        QVERIFY(subscriber);
        QCOMPARE(m_client->request(op(2, u"exact"_s, value)).value(kCode).toInt(), 200);
        QCOMPARE(m_client->request(op(1, u"exact"_s)).value(kValue).toString(), value);
        QVERIFY(subscriber->waitForNotifications(1));
        QCOMPARE(subscriber->notifications().first().value(kValue).toString(), value);
        QJsonObject range = op(5, u"exact"_s);
        range.insert(u"endKey"_s, u"exact"_s);
        const QJsonArray records = m_client->request(range).value(u"records"_s).toArray();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().toObject().value(kValue).toString(), value);
        const HttpResponse rest = m_server->http().get("/record/exact");
        QCOMPARE(rest.json().value(kValue).toString(), value);
    }

    void largestValueAccepted()
    {
        const QString value(102400, u'v');
        QCOMPARE(m_client->request(op(2, u"big"_s, value)).value(kCode).toInt(), 200);
        QCOMPARE(m_client->request(op(1, u"big"_s)).value(kValue).toString(), value);
        // Multi-byte characters count in bytes.
        const QString multi = QString(51200, QChar(0xe9));
        QCOMPARE(m_client->request(op(2, u"big2"_s, multi)).value(kCode).toInt(), 200);
    }

    void rangeInclusiveAndByteOrder()
    {
        // Byte-wise: uppercase < lowercase < multi-byte UTF-8, "item:10" < "item:2".
        const QStringList keys = { u"r:b"_s, u"r:item:2"_s, u"r:A"_s, u"r:é"_s,       u"r:item:10"_s,
                                   u"r:a"_s, u"r:z"_s,      u"r:"_s,  u"q:outside"_s, u"s:outside"_s };
        for (const QString &key : keys)
            QCOMPARE(m_client->request(op(2, key, QString(key + u"-value"_s))).value(kCode).toInt(), 200);
        QJsonObject request = op(5, u"r:"_s);
        request.insert(u"endKey"_s, u"r:é"_s);
        const QJsonObject reply = m_client->request(request);
        QStringList got;
        for (const QJsonValue &record : reply.value(u"records"_s).toArray()) {
            got << record.toObject().value(kKey).toString();
            QCOMPARE(record.toObject().value(kValue).toString(), got.last() + u"-value"_s);
        }
        const QStringList expected
            = { u"r:"_s, u"r:A"_s, u"r:a"_s, u"r:b"_s, u"r:item:10"_s, u"r:item:2"_s, u"r:z"_s, u"r:é"_s };
        QCOMPARE(got, expected);
        QCOMPARE(reply.value(u"count"_s).toInt(), expected.size());
        QCOMPARE(reply.value(u"truncated"_s).toBool(), false);

        request.insert(u"key"_s, u"r:a"_s);
        request.insert(u"endKey"_s, u"r:b"_s);
        const QJsonObject inner = m_client->request(request);
        QCOMPARE(inner.value(u"count"_s).toInt(), 2);

        request.insert(u"key"_s, u"r:zz"_s);
        request.insert(u"endKey"_s, u"r:zzz"_s);
        const QJsonObject empty = m_client->request(request);
        QCOMPARE(empty.value(u"code"_s).toInt(), 200);
        QCOMPARE(empty.value(u"count"_s).toInt(), 0);
        QCOMPARE(empty.value(u"records"_s).toArray().size(), 0);
        QCOMPARE(empty.value(u"truncated"_s).toBool(), false);
    }

    void rangeLimitAndTruncated_data()
    {
        QTest::addColumn<int>("stored");
        QTest::addColumn<QJsonValue>("limit"); // Undefined: no limit member
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("limit below") << 5 << QJsonValue(3) << 3 << true;
        QTest::newRow("limit equal") << 5 << QJsonValue(5) << 5 << false;
        QTest::newRow("limit above") << 5 << QJsonValue(6) << 5 << false;
        QTest::newRow("default 100, 101 stored") << 101 << QJsonValue(QJsonValue::Undefined) << 100 << true;
        QTest::newRow("default 100, 100 stored") << 100 << QJsonValue(QJsonValue::Undefined) << 100 << false;
        QTest::newRow("max 1000") << 1001 << QJsonValue(5000) << 1000 << true;
    }
    void rangeLimitAndTruncated()
    {
        QFETCH(int, stored);
        QFETCH(QJsonValue, limit);
        QFETCH(int, count);
        QFETCH(bool, truncated);
        writeMany(u"lim:"_s, stored);
        if (QTest::currentTestFailed())
            return;
        QJsonObject request = op(5, u"lim:"_s);
        request.insert(u"endKey"_s, u"lim:~"_s);
        if (!limit.isUndefined())
            request.insert(u"limit"_s, limit);
        const QJsonObject reply = m_client->request(request);
        QCOMPARE(reply.value(kCode).toInt(), 200);
        QCOMPARE(reply.value(u"count"_s).toInt(), count);
        QCOMPARE(reply.value(u"records"_s).toArray().size(), count);
        QCOMPARE(reply.value(u"truncated"_s).toBool(), truncated);
    }

    void atomic()
    {
        QJsonObject reply = m_client->request(op(6, u"n"_s, 5));
        QCOMPARE(reply.value(u"newValue"_s).toInteger(), 5);
        reply = m_client->request(op(6, u"n"_s, -8));
        QCOMPARE(reply.value(u"newValue"_s).toInteger(), -3);
        QCOMPARE(m_client->request(op(1, u"n"_s)).value(kValue).toString(), u"-3"_s);
        reply = m_client->request(op(6, u"n"_s, 0));
        QCOMPARE(reply.value(u"newValue"_s).toInteger(), -3);
        // A stored decimal string written by SET counts too.
        QCOMPARE(m_client->request(op(2, u"n2"_s, u"40"_s)).value(kCode).toInt(), 200);
        QCOMPARE(m_client->request(op(6, u"n2"_s, 2)).value(u"newValue"_s).toInteger(), 42);
        QCOMPARE(m_client->request(op(1, u"n2"_s)).value(kValue).toString(), u"42"_s);
    }

    void atomicOnNonNumericIs400AndChangesNothing_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("word") << u"abc"_s;
        QTest::newRow("fraction") << u"1.5"_s;
        QTest::newRow("exponent") << u"1e3"_s;
        QTest::newRow("number then text") << u"12abc"_s;
        QTest::newRow("json object") << u"{\"n\":1}"_s;
        QTest::newRow("beyond int64") << u"9223372036854775808"_s;
    }
    void atomicOnNonNumericIs400AndChangesNothing()
    {
        QFETCH(QString, stored);
        QCOMPARE(m_client->request(op(2, u"word"_s, stored)).value(kCode).toInt(), 200);
        const QJsonObject reply = m_client->request(op(6, u"word"_s, 1));
        QCOMPARE(reply.value(kCode).toInt(), 400);
        QVERIFY(reply.value(kError).isString());
        QCOMPARE(m_client->request(op(1, u"word"_s)).value(kValue).toString(), stored);
    }

    void atomicNeverWraps()
    {
        QCOMPARE(m_client->request(op(2, u"max"_s, u"9223372036854775807"_s)).value(kCode).toInt(), 200);
        const QJsonObject reply = m_client->rawRequest(R"({"op":6,"key":"max","value":1,"messageId":1})");
        QVERIFY2(reply.value(kCode).toInt() != 200, compact(reply).constData());
        QCOMPARE(m_client->request(op(1, u"max"_s)).value(kValue).toString(), u"9223372036854775807"_s);
        QCOMPARE(m_client->request(op(2, u"min"_s, u"-9223372036854775808"_s)).value(kCode).toInt(), 200);
        const QJsonObject down = m_client->rawRequest(R"({"op":6,"key":"min","value":-1,"messageId":2})");
        QVERIFY2(down.value(kCode).toInt() != 200, compact(down).constData());
        QCOMPARE(m_client->request(op(1, u"min"_s)).value(kValue).toString(), u"-9223372036854775808"_s);
    }

    void patch_data()
    {
        QTest::addColumn<QString>("stored"); // empty: key missing
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("result");
        QTest::newRow("merge keeps order, null removes")
            << u"{\"b\":1,\"a\":{\"x\":1,\"y\":2},\"c\":3}"_s
            << u"{\"a\":{\"y\":null,\"z\":3},\"d\":4,\"c\":null}"_s
            << u"{\"b\":1,\"a\":{\"x\":1,\"z\":3},\"d\":4}"_s;
        QTest::newRow("arrays and scalars replaced")
            << u"{\"list\":[1,2,3],\"s\":\"old\",\"o\":{\"k\":1}}"_s
            << u"{\"list\":[4],\"s\":{\"now\":\"object\"},\"o\":5}"_s
            << u"{\"list\":[4],\"s\":{\"now\":\"object\"},\"o\":5}"_s;
        QTest::newRow("compact result") << u"{ \"a\" : 1 }"_s << u"{ \"b\" : 2 }"_s << u"{\"a\":1,\"b\":2}"_s;
        QTest::newRow("append to string") << u"abc"_s << u"def"_s << u"abcdef"_s;
        QTest::newRow("append string to object") << u"{\"a\":1}"_s << u"xyz"_s << u"{\"a\":1}xyz"_s;
        QTest::newRow("append object to array") << u"[1]"_s << u"{\"a\":1}"_s << u"[1]{\"a\":1}"_s;
        QTest::newRow("upsert stores patch as is")
            << QString() << u"{\"a\":null,\"b\":1}"_s << u"{\"a\":null,\"b\":1}"_s;
        QTest::newRow("upsert string") << QString() << u"plain"_s << u"plain"_s;
    }
    void patch()
    {
        QFETCH(QString, stored);
        QFETCH(QString, patch);
        QFETCH(QString, result);
        if (!stored.isEmpty())
            QCOMPARE(m_client->request(op(2, u"p"_s, stored)).value(kCode).toInt(), 200);
        const QJsonObject reply = m_client->request(op(3, u"p"_s, patch));
        QCOMPARE(reply.value(kCode).toInt(), 200);
        QCOMPARE(reply.value(kSuccess).toBool(), true);
        QCOMPARE(m_client->request(op(1, u"p"_s)).value(kValue).toString(), result);
    }

    void revisionsAreGlobalAndNeverRepeat()
    {
        QList<qint64> revisions;
        const auto take = [&](const QJsonObject &reply) {
            QCOMPARE(reply.value(kCode).toInt(), 200);
            QVERIFY2(reply.value(kRevision).isDouble(), compact(reply).constData());
            revisions << reply.value(kRevision).toInteger();
        };
        take(m_client->request(op(2, u"rev:a"_s, u"1"_s)));
        take(m_client->request(op(2, u"rev:b"_s, u"1"_s)));
        take(m_client->request(op(3, u"rev:a"_s, u"2"_s)));
        take(m_client->request(op(6, u"rev:c"_s, 1)));
        take(m_client->request(op(4, u"rev:a"_s)));
        take(m_client->request(op(2, u"rev:a"_s, u"again"_s)));
        for (qsizetype i = 1; i < revisions.size(); ++i)
            QVERIFY2(revisions.at(i) > revisions.at(i - 1), "revisions must strictly increase");
        // A failed write takes no revision and changes nothing.
        QCOMPARE(m_client->request(op(4, u"rev:none"_s)).value(kCode).toInt(), 404);
        const QJsonObject get = m_client->request(op(1, u"rev:a"_s));
        QCOMPARE(get.value(kRevision).toInteger(), revisions.last());
        QCOMPARE(m_client->request(op(1, u"rev:b"_s)).value(kRevision).toInteger(), revisions.at(1));
        take(m_client->request(op(2, u"rev:d"_s, u"x"_s)));
        QCOMPARE(revisions.last(), revisions.at(revisions.size() - 2) + 1);

        QJsonObject range = op(5, u"rev:"_s);
        range.insert(u"endKey"_s, u"rev:~"_s);
        for (const QJsonValue &record : m_client->request(range).value(u"records"_s).toArray()) {
            const QJsonObject object = record.toObject();
            const QJsonObject single = m_client->request(op(1, object.value(kKey).toString()));
            QCOMPARE(object.value(kRevision).toInteger(), single.value(kRevision).toInteger());
        }
    }

    void ifRevision()
    {
        const auto write = [&](QJsonObject request, qint64 ifRevision) {
            request.insert(u"ifRevision"_s, ifRevision);
            return m_client->request(request);
        };
        // 0: only if absent.
        const QJsonObject created = write(op(2, u"cas"_s, u"v1"_s), 0);
        QCOMPARE(created.value(kCode).toInt(), 200);
        const qint64 r1 = created.value(kRevision).toInteger();
        QJsonObject conflict = write(op(2, u"cas"_s, u"v2"_s), 0);
        verifyConflict(conflict, u"cas"_s, r1, u"v1"_s);

        // Matching revision for every kind of write.
        const QJsonObject set = write(op(2, u"cas"_s, u"{\"a\":1}"_s), r1);
        QCOMPARE(set.value(kCode).toInt(), 200);
        const qint64 r2 = set.value(kRevision).toInteger();
        verifyConflict(write(op(3, u"cas"_s, u"{\"b\":2}"_s), r1), u"cas"_s, r2, u"{\"a\":1}"_s);
        const QJsonObject patch = write(op(3, u"cas"_s, u"{\"b\":2}"_s), r2);
        QCOMPARE(patch.value(kCode).toInt(), 200);
        const qint64 r3 = patch.value(kRevision).toInteger();
        verifyConflict(write(op(4, u"cas"_s), r2), u"cas"_s, r3, u"{\"a\":1,\"b\":2}"_s);
        QCOMPARE(m_client->request(op(1, u"cas"_s)).value(kValue).toString(), u"{\"a\":1,\"b\":2}"_s);
        const QJsonObject del = write(op(4, u"cas"_s), r3);
        QCOMPARE(del.value(kCode).toInt(), 200);

        // Absent key with a non-zero revision: 409 with revision 0 and value null.
        conflict = write(op(6, u"cas"_s, 1), r3);
        QCOMPARE(conflict.value(kCode).toInt(), 409);
        QCOMPARE(conflict.value(kRevision).toInteger(), 0);
        QVERIFY(conflict.contains(kValue));
        QVERIFY(conflict.value(kValue).isNull());
        QCOMPARE(m_client->request(op(1, u"cas"_s)).value(kCode).toInt(), 404);

        const QJsonObject atomic = write(op(6, u"cas"_s, 3), 0);
        QCOMPARE(atomic.value(kCode).toInt(), 200);
        QCOMPARE(atomic.value(u"newValue"_s).toInteger(), 3);
        verifyConflict(write(op(6, u"cas"_s, 3), 0), u"cas"_s, atomic.value(kRevision).toInteger(), u"3"_s);
    }

    void extensionsOff()
    {
        QFETCH_GLOBAL(int, backend);
        m_client.reset();
        m_server = std::make_unique<TestServer>(Backend(backend), false);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_client = m_server->connectApiKey();
        QVERIFY(m_client);

        QList<QJsonObject> replies;
        replies << m_client->request(op(2, u"plain"_s, u"{\"a\":1}"_s));
        replies << m_client->request(op(1, u"plain"_s));
        replies << m_client->request(op(3, u"plain"_s, u"{\"b\":1}"_s));
        replies << m_client->request(op(6, u"plain-n"_s, 1));
        QJsonObject range = op(5, u"plain"_s);
        range.insert(u"endKey"_s, u"plain~"_s);
        replies << m_client->request(range);
        replies << m_client->request(op(4, u"plain-n"_s));
        for (const QJsonObject &reply : std::as_const(replies)) {
            QCOMPARE(reply.value(kCode).toInt(), 200);
            QVERIFY2(!compact(reply).contains("revision"), compact(reply).constData());
        }
        QCOMPARE(replies.at(4).value(u"count"_s).toInt(), 2);
        // ifRevision is ignored: the hosted service has no compare-and-swap.
        QJsonObject guarded = op(2, u"plain"_s, u"overwritten"_s);
        guarded.insert(u"ifRevision"_s, 12345);
        QCOMPARE(m_client->request(guarded).value(kCode).toInt(), 200);
        QCOMPARE(m_client->request(op(1, u"plain"_s)).value(kValue).toString(), u"overwritten"_s);
    }

    void repliesMayInterleaveButAllArrive()
    {
        // Pipelined requests: every reply arrives, matched by messageId.
        for (int i = 0; i < 200; ++i)
            m_client->sendText(compact(QJsonObject {
                { u"op"_s, 6 }, { kKey, u"pipe"_s }, { kValue, 1 }, { kMessageId, 10000 + i } }));
        QVERIFY(m_client->waitFor([&] { return m_client->replies().size() >= 200; }));
        QSet<qint64> ids;
        QSet<qint64> values;
        for (const QJsonObject &reply : m_client->replies()) {
            QCOMPARE(reply.value(kCode).toInt(), 200);
            ids.insert(reply.value(kMessageId).toInteger());
            values.insert(reply.value(u"newValue"_s).toInteger());
        }
        QCOMPARE(ids.size(), 200);
        QCOMPARE(values.size(), 200);
        QCOMPARE(m_client->request(op(1, u"pipe"_s)).value(kValue).toString(), u"200"_s);
    }

private:
    void verifyConflict(const QJsonObject &reply, const QString &key, qint64 revision, const QString &value)
    {
        QCOMPARE(reply.value(kCode).toInt(), 409);
        QCOMPARE(reply.value(kError).toString(), u"Revision conflict"_s);
        QCOMPARE(reply.value(kKey).toString(), key);
        QCOMPARE(reply.value(kRevision).toInteger(), revision);
        QCOMPARE(reply.value(kValue).toString(), value);
        QVERIFY(reply.contains(kMessageId));
    }

    /** Writes `count` keys prefix0000.. pipelined and waits for every reply. */
    void writeMany(const QString &prefix, int count)
    {
        const qsizetype before = m_client->replies().size();
        for (int i = 0; i < count; ++i) {
            m_client->sendText(
                compact(op(2, prefix + QString::number(i).rightJustified(5, u'0'), QString::number(i))));
        }
        QVERIFY(m_client->waitFor([&] { return m_client->replies().size() >= before + count; }, 60000));
        for (qsizetype i = before; i < m_client->replies().size(); ++i)
            QCOMPARE(m_client->replies().at(i).value(kCode).toInt(), 200);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestWebSocketClient> m_client;
};

QTEST_GUILESS_MAIN(TestProtocolOps)
#include "tst_protocol_ops.moc"
