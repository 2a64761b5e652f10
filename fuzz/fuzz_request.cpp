// SPDX-License-Identifier: MIT
// Fuzzes RequestParser + KvService dispatch on a MemoryStorage, as a WebSocket session drives
// them. Input: one option byte, then frames separated by '\n', run in order on one store.
// Checked: every frame gets exactly one reply, synchronously; codes are those of docs/protocol.md;
// every encoded reply and notification is valid JSON; a successful SET is read back verbatim;
// revisions only grow; a scoped RANGE returns only keys the scope may access.
#include "core/accessscope.h"
#include "core/kvservice.h"
#include "core/replyencoder.h"
#include "core/requestparser.h"
#include "fuzzsupport.h"
#include "storage/memorystorage.h"

#include <QSet>

namespace {

AccessScope scopeFor(quint8 options)
{
    if (!(options & 2))
        return AccessScope::full();
    TokenClaims claims;
    claims.subscriptions
        = { QByteArrayLiteral("todo:2026-01-01"), QByteArrayLiteral("todo:*"), QByteArrayLiteral("*x*") };
    if (options & 4)
        claims.accessPattern = QStringLiteral("^todo:20*");
    return AccessScope::fromClaims(claims);
}

void checkEncoded(const Reply &reply, const QByteArray &frame)
{
    const QByteArray ws = ReplyEncoder::toWebSocket(reply);
    FUZZ_CHECK(FuzzSupport::isValidJson(ws), ws + "\nfrom frame: " + frame);
    const ReplyEncoder::HttpResponse rest = ReplyEncoder::toRest(reply);
    FUZZ_CHECK(rest.body.isEmpty() || FuzzSupport::isValidJson(rest.body),
               rest.body + "\nfrom frame: " + frame);
    FUZZ_CHECK(rest.status >= 200 && rest.status < 600, frame);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::quietLogging();
    if (size < 1 || size > 256 * 1024)
        return 0;
    const quint8 options = data[0];
    const bool extensions = !(options & 1);
    const AccessScope scope = scopeFor(options);
    const QList<QByteArray> frames = FuzzSupport::split(FuzzSupport::bytes(data + 1, size - 1), "\n", 32);

    MemoryStorage storage;
    QString error;
    FUZZ_CHECK(storage.open(&error), error.toUtf8());
    KvService service(&storage, ServiceOptions { extensions });
    qint64 lastRevision = 0;
    QObject::connect(&storage, &Storage::changed, [&](const Change &change) {
        FUZZ_CHECK(change.revision > lastRevision, QByteArray::number(change.revision));
        lastRevision = change.revision;
        for (const bool withRevision : { false, true }) {
            const QByteArray note = ReplyEncoder::notification(change, withRevision);
            FUZZ_CHECK(FuzzSupport::isValidJson(note), note);
        }
    });

    static const QSet<int> codes { 200, 400, 403, 404, 409 };
    for (const QByteArray &frame : frames) {
        int replies = 0;
        Reply last;
        service.handleFrame(frame, scope, [&](const Reply &reply) {
            ++replies;
            last = reply;
        });
        FUZZ_CHECK(replies == 1, frame);
        FUZZ_CHECK(codes.contains(last.code), QByteArray::number(last.code) + ' ' + frame);
        FUZZ_CHECK((last.code == 200) == last.error.isEmpty(), last.error.toUtf8() + ' ' + frame);
        checkEncoded(last, frame);

        const RequestParser::Result parsed = RequestParser::parse(frame, extensions);
        FUZZ_CHECK(parsed.isValid() == (last.code != 400 || last.op == Op::Atomic || last.op == Op::Patch),
                   frame);
        if (!parsed.isValid() || last.code != 200)
            continue;
        const Request &request = *parsed.request;
        FUZZ_CHECK(request.key.size() >= 1 && request.key.size() <= RequestParser::maxKeyBytes, frame);
        if (request.op == Op::Range) {
            FUZZ_CHECK(last.records.size() <= request.limit, frame);
            for (const KeyedRecord &record : std::as_const(last.records)) {
                FUZZ_CHECK(scope.mayAccess(record.key), record.key);
                FUZZ_CHECK(record.key >= request.key && record.key <= request.endKey, record.key);
            }
        }
        if (request.op == Op::Set) {
            FUZZ_CHECK(!extensions || (last.revision && *last.revision == lastRevision), frame);
            int reads = 0;
            Request get;
            get.op = Op::Get;
            get.key = request.key;
            service.execute(get, scope, [&](const Reply &reply) {
                ++reads;
                FUZZ_CHECK(reply.code == 200 && reply.value == request.value, frame);
            });
            FUZZ_CHECK(reads == 1, frame);
        }
    }
    return 0;
}
