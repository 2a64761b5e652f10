// SPDX-License-Identifier: MIT
#include "core/kvservice.h"
#include "core/replyencoder.h"
#include "core/requestparser.h"
#include "storage/memorystorage.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace {
constexpr auto fullAccess = "<full>";
constexpr auto noPattern = "<none>";

AccessScope makeScope(const QString &access, const QList<QByteArray> &subscriptions)
{
    if (access == QLatin1String(fullAccess))
        return AccessScope::full();
    TokenClaims claims;
    claims.subscriptions = subscriptions;
    if (access != QLatin1String(noPattern))
        claims.accessPattern = access;
    return AccessScope::fromClaims(claims);
}

/**
 * A backend that has failed: backend failures cannot be provoked on MemoryStorage, and the
 * real failing backends (SQLite commit errors, Redis down) are tested by the storage suites.
 */
class FailedStorage : public Storage
{
public:
    explicit FailedStorage(WriteStatus status)
        : m_status(status)
    { }
    bool open(QString *) override { return true; }
    void get(const QByteArray &, GetCallback done) override
    {
        done({ std::nullopt, m_status, u"disk on fire"_qs });
    }
    void range(const QByteArray &, const QByteArray &, int, RangeCallback done) override
    {
        RangeResult result;
        result.status = m_status;
        result.detail = u"disk on fire"_qs;
        done(result);
    }
    void write(const WriteOp &, WriteCallback done) override
    {
        done({ m_status, 0, std::nullopt, u"disk on fire"_qs });
    }
    void flush() override { }

private:
    WriteStatus m_status;
};

std::optional<QByteArray> runFrame(KvService &service, const QByteArray &frame, const AccessScope &scope)
{
    auto reply = std::make_shared<std::optional<QByteArray>>();
    service.handleFrame(frame, scope, [reply](const Reply &r) { *reply = ReplyEncoder::toWebSocket(r); });
    // MemoryStorage answers synchronously; waiting keeps the test right for asynchronous backends.
    if (!QTest::qWaitFor([reply] { return reply->has_value(); }, 5000))
        return std::nullopt;
    return *reply;
}
} // namespace

class TestKvService : public QObject
{
    Q_OBJECT

private slots:
    void frames_data();
    void frames();
    void scopedRangePagesThroughStorage_data();
    void scopedRangePagesThroughStorage();
    void executeDecodedRequest();
    void executeWithoutExtensionsIgnoresIfRevision();
    void backendFailures_data();
    void backendFailures();
    void deniedAndInvalidRequestsNeverReachStorage();
};

void TestKvService::frames_data()
{
    QTest::addColumn<bool>("extensions");
    QTest::addColumn<QString>("access");
    QTest::addColumn<QList<QByteArray>>("subscriptions");
    QTest::addColumn<QByteArrayList>("setup");
    QTest::addColumn<QByteArrayList>("frames");
    QTest::addColumn<QByteArrayList>("replies");

    const QString full = QString::fromLatin1(fullAccess);
    const QString none = QString::fromLatin1(noPattern);
    const QList<QByteArray> noSubs;
    const QByteArray inserted = R"("success":true,"message":"Record inserted/updated successfully")";
    const QByteArray deleted = R"("success":true,"message":"Record deleted successfully")";
    auto row = [&](const char *name, bool extensions, const QString &access, const QList<QByteArray> &subs,
                   const QByteArrayList &setup, const QByteArrayList &frames, const QByteArrayList &replies) {
        QTest::newRow(name) << extensions << access << subs << setup << frames << replies;
    };

    // Basic ops, extensions on.
    row("get missing", true, full, noSubs, {}, { R"({"op":1,"key":"k","messageId":1})" },
        { R"({"code":404,"error":"Record not found","key":"k","messageId":1})" });
    row("set then get", true, full, noSubs, {},
        { R"({"op":2,"key":"k","value":"v","messageId":1})",
          R"({"op":1,"key":"k","value":"","messageId":2,"timestamp":5})" },
        { R"({"code":200,)" + inserted + R"(,"revision":1,"messageId":1})",
          R"({"code":200,"key":"k","value":"v","revision":1,"messageId":2})" });
    row("set non-string value", true, full, noSubs, {},
        { R"({"op":2,"key":"k","value":[{"id":"todo_1_0","text":"x"}]})", R"({"op":1,"key":"k"})" },
        { R"({"code":200,)" + inserted + R"(,"revision":1})",
          R"({"code":200,"key":"k","value":"[{\"id\":\"todo_1_0\",\"text\":\"x\"}]","revision":1})" });
    row("patch merges", true, full, noSubs, { R"({"op":2,"key":"k","value":"{\"a\":1,\"b\":2}"})" },
        { R"({"op":3,"key":"k","value":{"b":null,"c":3},"messageId":7})",
          R"({"op":1,"key":"k","messageId":8})" },
        { R"({"code":200,)" + inserted + R"(,"revision":2,"messageId":7})",
          R"({"code":200,"key":"k","value":"{\"a\":1,\"c\":3}","revision":2,"messageId":8})" });
    row("patch appends", true, full, noSubs, { R"({"op":2,"key":"k","value":"abc"})" },
        { R"({"op":3,"key":"k","value":"def"})", R"({"op":1,"key":"k"})" },
        { R"({"code":200,)" + inserted + R"(,"revision":2})",
          R"({"code":200,"key":"k","value":"abcdef","revision":2})" });
    row("patch upserts", true, full, noSubs, {},
        { R"({"op":3,"key":"k","value":"p"})", R"({"op":1,"key":"k"})" },
        { R"({"code":200,)" + inserted + R"(,"revision":1})",
          R"({"code":200,"key":"k","value":"p","revision":1})" });
    row("patch too deep", true, full, noSubs, { R"({"op":2,"key":"k","value":"{\"a\":1}"})" },
        { R"({"op":3,"key":"k","value":)" + QByteArray("{\"a\":").repeated(127) + "{}"
              + QByteArray("}").repeated(127) + R"(,"messageId":1})",
          R"({"op":2,"key":"d","value":")" + QByteArray("{\\\"a\\\":").repeated(128) + "{}"
              + QByteArray("}").repeated(128) + R"("})",
          R"({"op":3,"key":"d","value":{"b":1},"messageId":2})" },
        { R"({"code":200,)" + inserted + R"(,"revision":2,"messageId":1})",
          R"({"code":200,)" + inserted + R"(,"revision":3})",
          R"({"code":400,"error":"PATCH cannot merge JSON nested deeper than 128 levels","messageId":2})" });
    row("delete", true, full, noSubs, { R"({"op":2,"key":"k","value":"v"})" },
        { R"({"op":4,"key":"k","value":"","messageId":3})", R"({"op":1,"key":"k","messageId":4})",
          R"({"op":4,"key":"k","messageId":5})" },
        { R"({"code":200,)" + deleted + R"(,"revision":2,"messageId":3})",
          R"({"code":404,"error":"Record not found","key":"k","messageId":4})",
          R"({"code":404,"error":"Record not found","key":"k","messageId":5})" });
    row("atomic", true, full, noSubs, {},
        { R"({"op":6,"key":"n","value":5,"messageId":1})", R"({"op":6,"key":"n","value":-7,"messageId":2})",
          R"({"op":1,"key":"n"})" },
        { R"({"code":200,"success":true,"newValue":5,"key":"n","revision":1,"messageId":1})",
          R"({"code":200,"success":true,"newValue":-2,"key":"n","revision":2,"messageId":2})",
          R"({"code":200,"key":"n","value":"-2","revision":2})" });
    row("atomic on text", true, full, noSubs, { R"({"op":2,"key":"n","value":"abc"})" },
        { R"({"op":6,"key":"n","value":1,"messageId":1})", R"({"op":1,"key":"n"})" },
        { R"({"code":400,"error":"ATOMIC needs a stored value that is a decimal 64-bit integer, and a result that fits in one","messageId":1})",
          R"({"code":200,"key":"n","value":"abc","revision":1})" });
    row("atomic overflow", true, full, noSubs, { R"({"op":2,"key":"n","value":"9223372036854775807"})" },
        { R"({"op":6,"key":"n","value":1})" },
        { R"({"code":400,"error":"ATOMIC needs a stored value that is a decimal 64-bit integer, and a result that fits in one"})" });
    row("range", true, full, noSubs,
        { R"({"op":2,"key":"a","value":"1"})", R"({"op":2,"key":"b","value":"2"})",
          R"({"op":2,"key":"c","value":"3"})" },
        { R"({"op":5,"key":"a","endKey":"b","messageId":1})", R"({"op":5,"key":"a","endKey":"z","limit":2})",
          R"({"op":5,"key":"x","endKey":"z"})", R"({"op":5,"key":"c","endKey":"a"})" },
        { R"({"code":200,"records":[{"key":"a","value":"1","revision":1},{"key":"b","value":"2","revision":2}],"count":2,"truncated":false,"messageId":1})",
          R"({"code":200,"records":[{"key":"a","value":"1","revision":1},{"key":"b","value":"2","revision":2}],"count":2,"truncated":true})",
          R"({"code":200,"records":[],"count":0,"truncated":false})",
          R"({"code":200,"records":[],"count":0,"truncated":false})" });
    row("parse errors", true, full, noSubs, {},
        { "{", R"({"op":9,"key":"k","messageId":"m"})", R"({"op":2,"key":"k","value":"","messageId":2})" },
        { R"({"code":400,"error":"Malformed JSON at byte 2"})",
          R"({"code":400,"error":"Unknown op 9","messageId":"m"})",
          R"({"code":400,"error":"value must not be empty","messageId":2})" });

    // Compare-and-swap.
    row("if 0 creates", true, full, noSubs, {},
        { R"({"op":2,"key":"k","value":"v","ifRevision":0,"messageId":1})",
          R"({"op":2,"key":"k","value":"w","ifRevision":0,"messageId":2})" },
        { R"({"code":200,)" + inserted + R"(,"revision":1,"messageId":1})",
          R"({"code":409,"error":"Revision conflict","key":"k","revision":1,"value":"v","messageId":2})" });
    row("if matching writes", true, full, noSubs, { R"({"op":2,"key":"k","value":"v"})" },
        { R"({"op":2,"key":"k","value":"w","ifRevision":1})",
          R"({"op":3,"key":"k","value":"x","ifRevision":2})", R"({"op":4,"key":"k","ifRevision":3})" },
        { R"({"code":200,)" + inserted + R"(,"revision":2})",
          R"({"code":200,)" + inserted + R"(,"revision":3})",
          R"({"code":200,)" + deleted + R"(,"revision":4})" });
    row("if stale conflicts", true, full, noSubs,
        { R"({"op":2,"key":"k","value":"v"})", R"({"op":2,"key":"k","value":"w"})" },
        { R"({"op":3,"key":"k","value":"x","ifRevision":1,"messageId":1})",
          R"({"op":6,"key":"k","value":1,"ifRevision":1})", R"({"op":4,"key":"k","ifRevision":1})",
          R"({"op":1,"key":"k"})" },
        { R"({"code":409,"error":"Revision conflict","key":"k","revision":2,"value":"w","messageId":1})",
          R"({"code":409,"error":"Revision conflict","key":"k","revision":2,"value":"w"})",
          R"({"code":409,"error":"Revision conflict","key":"k","revision":2,"value":"w"})",
          R"({"code":200,"key":"k","value":"w","revision":2})" });
    row("if on missing conflicts", true, full, noSubs, {},
        { R"({"op":2,"key":"k","value":"v","ifRevision":3})" },
        { R"({"code":409,"error":"Revision conflict","key":"k","revision":0,"value":null})" });
    row("revisions never repeat", true, full, noSubs, {},
        { R"({"op":2,"key":"k","value":"v"})", R"({"op":4,"key":"k"})", R"({"op":2,"key":"k","value":"v"})",
          R"({"op":1,"key":"k"})" },
        { R"({"code":200,)" + inserted + R"(,"revision":1})",
          R"({"code":200,)" + deleted + R"(,"revision":2})",
          R"({"code":200,)" + inserted + R"(,"revision":3})",
          R"({"code":200,"key":"k","value":"v","revision":3})" });

    // Extensions off: like the hosted HPKV.
    row("hosted: no revisions", false, full, noSubs, { R"({"op":2,"key":"a","value":"1"})" },
        { R"({"op":2,"key":"k","value":"v","messageId":1})", R"({"op":1,"key":"k","messageId":2})",
          R"({"op":6,"key":"n","value":2})", R"({"op":5,"key":"a","endKey":"k"})", R"({"op":4,"key":"k"})" },
        { R"({"code":200,)" + inserted + R"(,"messageId":1})",
          R"({"code":200,"key":"k","value":"v","messageId":2})",
          R"({"code":200,"success":true,"newValue":2,"key":"n"})",
          R"({"code":200,"records":[{"key":"a","value":"1"},{"key":"k","value":"v"}],"count":2,"truncated":false})",
          R"({"code":200,)" + deleted + R"(})" });
    row("hosted: ifRevision ignored", false, full, noSubs, { R"({"op":2,"key":"k","value":"v"})" },
        { R"({"op":2,"key":"k","value":"w","ifRevision":0})", R"({"op":4,"key":"k","ifRevision":"junk"})" },
        { R"({"code":200,)" + inserted + R"(})", R"({"code":200,)" + deleted + R"(})" });

    // Token scopes (docs/protocol.md §5).
    const QByteArrayList scopedSetup { R"({"op":2,"key":"sub-test-1","value":"a"})",
                                       R"({"op":2,"key":"other","value":"b"})",
                                       R"({"op":2,"key":"sub-test-2","value":"c"})",
                                       R"({"op":2,"key":"zz-sub-test-3","value":"d"})" };
    const QByteArray denied = R"("error":"Access denied: this token may not access that key")";
    row("pattern allows", true, u"sub-test-*"_qs, noSubs, scopedSetup,
        { R"({"op":1,"key":"sub-test-1","messageId":1})", R"({"op":2,"key":"sub-test-9","value":"x"})",
          R"({"op":6,"key":"sub-test-n","value":1})", R"({"op":3,"key":"sub-test-1","value":"b"})",
          R"({"op":4,"key":"sub-test-9"})" },
        { R"({"code":200,"key":"sub-test-1","value":"a","revision":1,"messageId":1})",
          R"({"code":200,)" + inserted + R"(,"revision":5})",
          R"({"code":200,"success":true,"newValue":1,"key":"sub-test-n","revision":6})",
          R"({"code":200,)" + inserted + R"(,"revision":7})",
          R"({"code":200,)" + deleted + R"(,"revision":8})" });
    row("pattern denies every op", true, u"^sub-test-*"_qs, noSubs, scopedSetup,
        { R"({"op":1,"key":"other","messageId":1})", R"({"op":2,"key":"other","value":"x","messageId":2})",
          R"({"op":3,"key":"other","value":"x"})", R"({"op":4,"key":"other"})",
          R"({"op":6,"key":"other","value":1})", R"({"op":1,"key":"zz-sub-test-3"})",
          R"({"op":1,"key":"missing-but-denied"})", R"({"op":1,"key":"other"})" },
        { R"({"code":403,)" + denied + R"(,"messageId":1})",
          R"({"code":403,)" + denied + R"(,"messageId":2})", R"({"code":403,)" + denied + "}",
          R"({"code":403,)" + denied + "}", R"({"code":403,)" + denied + "}",
          R"({"code":403,)" + denied + "}", R"({"code":403,)" + denied + "}",
          R"({"code":403,)" + denied + "}" });
    row("denied write changes nothing", true, u"^sub-test-*"_qs, noSubs, scopedSetup,
        { R"({"op":2,"key":"other","value":"x"})" }, { R"({"code":403,)" + denied + "}" });
    row("range filtered by pattern", true, u"^sub-test-*"_qs, noSubs, scopedSetup,
        { R"({"op":5,"key":"a","endKey":"zzz","messageId":1})",
          R"({"op":5,"key":"a","endKey":"zzz","limit":1})" },
        { R"({"code":200,"records":[{"key":"sub-test-1","value":"a","revision":1},{"key":"sub-test-2","value":"c","revision":3}],"count":2,"truncated":false,"messageId":1})",
          R"({"code":200,"records":[{"key":"sub-test-1","value":"a","revision":1}],"count":1,"truncated":true})" });
    row("subscriptions without pattern", true, none, QList<QByteArray> { "other", "sub-*" }, scopedSetup,
        { R"({"op":1,"key":"other"})", R"({"op":1,"key":"sub-test-2"})", R"({"op":1,"key":"zz-sub-test-3"})",
          R"({"op":5,"key":"a","endKey":"zzz"})" },
        { R"({"code":200,"key":"other","value":"b","revision":2})",
          R"({"code":200,"key":"sub-test-2","value":"c","revision":3})", R"({"code":403,)" + denied + "}",
          R"({"code":200,"records":[{"key":"other","value":"b","revision":2},{"key":"sub-test-1","value":"a","revision":1},{"key":"sub-test-2","value":"c","revision":3}],"count":3,"truncated":false})" });
    row("token with nothing", true, none, noSubs, scopedSetup,
        { R"({"op":1,"key":"other"})", R"({"op":5,"key":"a","endKey":"zzz"})" },
        { R"({"code":403,)" + denied + "}", R"({"code":200,"records":[],"count":0,"truncated":false})" });
    row("parse error before scope", true, u"^nothing$"_qs, noSubs, {}, { R"({"op":1,"key":""})" },
        { R"({"code":400,"error":"key must not be empty"})" });
}

void TestKvService::frames()
{
    QFETCH(bool, extensions);
    QFETCH(QString, access);
    QFETCH(QList<QByteArray>, subscriptions);
    QFETCH(QByteArrayList, setup);
    QFETCH(QByteArrayList, frames);
    QFETCH(QByteArrayList, replies);
    QCOMPARE(frames.size(), replies.size());

    MemoryStorage storage;
    QVERIFY(storage.open(nullptr));
    KvService admin(&storage, ServiceOptions { true });
    for (const QByteArray &frame : setup) {
        const std::optional<QByteArray> reply = runFrame(admin, frame, AccessScope::full());
        QVERIFY(reply);
        QVERIFY2(reply->startsWith(R"({"code":200,)"), reply->constData());
    }

    KvService service(&storage, ServiceOptions { extensions });
    QCOMPARE(service.options().extensions, extensions);
    const AccessScope scope = makeScope(access, subscriptions);
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const std::optional<QByteArray> reply = runFrame(service, frames.at(i), scope);
        QVERIFY2(reply, frames.at(i).left(200).constData());
        QCOMPARE(*reply, replies.at(i));
    }
}

void TestKvService::scopedRangePagesThroughStorage_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expectedCount");
    QTest::addColumn<bool>("truncated");

    // 2500 inaccessible keys around 10 accessible ones: answers need several storage pages.
    QTest::newRow("limit below matches") << 5 << 5 << true;
    QTest::newRow("limit 9") << 9 << 9 << true;
    QTest::newRow("limit equals matches") << 10 << 10 << false;
    QTest::newRow("limit above matches") << 1000 << 10 << false;
}

void TestKvService::scopedRangePagesThroughStorage()
{
    QFETCH(int, limit);
    QFETCH(int, expectedCount);
    QFETCH(bool, truncated);

    MemoryStorage storage;
    QVERIFY(storage.open(nullptr));
    int writes = 0;
    auto write = [&](const QByteArray &key) {
        storage.write(WriteOp { WriteKind::Set, key, "v", 0, std::nullopt },
                      [&](const WriteResult &r) { writes += r.status == WriteStatus::Ok; });
    };
    for (int i = 0; i < 2500; ++i)
        write("k" + QByteArray::number(i).rightJustified(5, '0') + "-hidden");
    for (int i = 0; i < 10; ++i)
        write("k" + QByteArray::number(i * 240 + 7).rightJustified(5, '0') + "-open");
    QTRY_COMPARE(writes, 2510);

    KvService service(&storage, ServiceOptions { false });
    const AccessScope scope = makeScope(u"-open$"_qs, {});
    Request request;
    request.op = Op::Range;
    request.key = "k";
    request.endKey = "l";
    request.limit = limit;
    std::optional<Reply> reply;
    service.execute(request, scope, [&](const Reply &r) { reply = r; });
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(reply->code, 200);
    QCOMPARE(reply->records.size(), expectedCount);
    QCOMPARE(reply->truncated, truncated);
    for (int i = 0; i < expectedCount; ++i)
        QCOMPARE(reply->records.at(i).key,
                 "k" + QByteArray::number(i * 240 + 7).rightJustified(5, '0') + "-open");
}

void TestKvService::executeDecodedRequest()
{
    // The REST layer decodes its own requests and calls execute().
    MemoryStorage storage;
    QVERIFY(storage.open(nullptr));
    KvService service(&storage, ServiceOptions {});
    Request set;
    set.op = Op::Set;
    set.key = "k";
    set.value = "v";
    std::optional<Reply> reply;
    service.execute(set, AccessScope::full(), [&](const Reply &r) { reply = r; });
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(ReplyEncoder::toRest(*reply).body,
             R"({"success":true,"message":"Record inserted/updated successfully","revision":1})");

    Request atomic;
    atomic.op = Op::Atomic;
    atomic.key = "n";
    atomic.delta = 41;
    atomic.ifRevision = 0;
    reply.reset();
    service.execute(atomic, AccessScope::full(), [&](const Reply &r) { reply = r; });
    QTRY_VERIFY(reply.has_value());
    const ReplyEncoder::HttpResponse response = ReplyEncoder::toRest(*reply);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, R"({"success":true,"result":41,"revision":2})");
}

void TestKvService::executeWithoutExtensionsIgnoresIfRevision()
{
    MemoryStorage storage;
    QVERIFY(storage.open(nullptr));
    KvService service(&storage, ServiceOptions { false });
    Request set;
    set.op = Op::Set;
    set.key = "k";
    set.value = "v";
    set.ifRevision = 12345;
    std::optional<Reply> reply;
    service.execute(set, AccessScope::full(), [&](const Reply &r) { reply = r; });
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(reply->code, 200);
    QVERIFY(!reply->revision);
    QCOMPARE(storage.revision(), 1);
}

void TestKvService::backendFailures_data()
{
    QTest::addColumn<WriteStatus>("status");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray internal
        = R"({"code":500,"error":"Internal storage error; nothing was changed","messageId":1})";
    const QByteArray unavailable
        = R"({"code":503,"error":"Storage unavailable; nothing was changed, try again","messageId":1})";
    const QByteArrayList frames { R"({"op":1,"key":"k","messageId":1})",
                                  R"({"op":2,"key":"k","value":"v","messageId":1})",
                                  R"({"op":3,"key":"k","value":"v","messageId":1})",
                                  R"({"op":4,"key":"k","messageId":1})",
                                  R"({"op":5,"key":"a","endKey":"b","messageId":1})",
                                  R"({"op":6,"key":"k","value":1,"messageId":1})" };
    for (int op = 0; op < frames.size(); ++op) {
        QTest::addRow("500 op %d", op + 1) << WriteStatus::StorageFailed << frames.at(op) << internal;
        QTest::addRow("503 op %d", op + 1) << WriteStatus::Unavailable << frames.at(op) << unavailable;
    }
    // A write whose answer was lost (Redis dropped with it in flight) must not claim "nothing changed".
    const QByteArray unknown
        = R"({"code":503,"error":"Storage unavailable; the write may or may not have been applied: read the record (its revision) before you retry","messageId":1})";
    for (int op : { 1, 2, 3, 5 })
        QTest::addRow("503 unknown outcome op %d", op + 1)
            << WriteStatus::OutcomeUnknown << frames.at(op) << unknown;
}

void TestKvService::backendFailures()
{
    QFETCH(WriteStatus, status);
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, expected);
    FailedStorage storage(status);
    KvService service(&storage, ServiceOptions {});
    // The detail is logged for operators (it never contains keys or values), not sent to clients.
    static const QRegularExpression logged(
        u"^storage (failed|unavailable|unavailable, write outcome unknown): \"disk on fire\"$"_qs);
    QTest::ignoreMessage(QtWarningMsg, logged);
    QCOMPARE(runFrame(service, frame, AccessScope::full()).value_or(QByteArray()), expected);
    // A scoped RANGE takes the paging path: it must fail the same way.
    if (frame.contains(R"("op":5)")) {
        QTest::ignoreMessage(QtWarningMsg, logged);
        QCOMPARE(runFrame(service, frame, makeScope(u".*"_qs, {})).value_or(QByteArray()), expected);
    }
}

void TestKvService::deniedAndInvalidRequestsNeverReachStorage()
{
    MemoryStorage storage;
    QVERIFY(storage.open(nullptr));
    QSignalSpy changes(&storage, &Storage::changed);
    KvService service(&storage, ServiceOptions {});
    const AccessScope scope = makeScope(u"^mine-"_qs, {});
    for (const QByteArray &frame : { QByteArray(R"({"op":2,"key":"theirs","value":"x"})"),
                                     QByteArray(R"({"op":2,"key":"mine-1","value":""})"),
                                     QByteArray(R"({"op":6,"key":"mine-1","value":"1"})"), QByteArray("[]") })
        QVERIFY(runFrame(service, frame, scope).has_value());
    QCOMPARE(changes.count(), 0);
    QCOMPARE(storage.revision(), 0);
    QVERIFY(runFrame(service, R"({"op":2,"key":"mine-1","value":"x"})", scope).has_value());
    QCOMPARE(changes.count(), 1);
}

QTEST_GUILESS_MAIN(TestKvService)
#include "tst_kvservice.moc"
