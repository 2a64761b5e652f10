// SPDX-License-Identifier: MIT
#include "core/kvservice.h"

#include "core/corelogging.h"
#include "core/memorybudget.h"
#include "core/presencehandler.h"
#include "core/requestparser.h"
#include "core/storage.h"
#include "core/writerules.h"

#include <QPointer>
#include <memory>

namespace {

const QString insertedMessage = QStringLiteral("Record inserted/updated successfully");
const QString deletedMessage = QStringLiteral("Record deleted successfully");
const QString notFoundMessage = QStringLiteral("Record not found");

Reply replyTo(const Request &request)
{
    Reply reply;
    reply.op = request.op;
    reply.messageIdJson = request.messageIdJson;
    return reply;
}

void fail(Reply &reply, int code, QString error)
{
    reply.code = code;
    reply.error = std::move(error);
}

void failWithKey(Reply &reply, int code, QString error, const QByteArray &key)
{
    fail(reply, code, std::move(error));
    reply.key = key;
    reply.hasKey = true;
}

/**
 * Backend failures: the client learns whether anything may have changed; details go to the log.
 * Only OutcomeUnknown (e.g. Redis dropped with the write in flight) may have applied the write.
 */
bool failOnBackend(Reply &reply, WriteStatus status, const QString &detail)
{
    if (status == WriteStatus::StorageFailed) {
        qCWarning(lcCore) << "storage failed:" << detail;
        fail(reply, 500, QStringLiteral("Internal storage error; nothing was changed"));
        return true;
    }
    if (status == WriteStatus::Unavailable) {
        qCWarning(lcCore) << "storage unavailable:" << detail;
        fail(reply, 503, QStringLiteral("Storage unavailable; nothing was changed, try again"));
        return true;
    }
    if (status == WriteStatus::OutcomeUnknown) {
        qCWarning(lcCore) << "storage unavailable, write outcome unknown:" << detail;
        fail(
            reply, 503,
            QStringLiteral("Storage unavailable; the write may or may not have been applied: read the record "
                           "(its revision) before you retry"));
        return true;
    }
    return false;
}

WriteOp writeOpFor(const Request &request)
{
    WriteOp op;
    op.key = request.key;
    op.ifRevision = request.ifRevision;
    switch (request.op) {
    case Op::Set:
        op.kind = WriteKind::Set;
        op.value = request.value;
        break;
    case Op::Patch:
        op.kind = WriteKind::Patch;
        op.value = request.value;
        break;
    case Op::Delete:
        op.kind = WriteKind::Delete;
        break;
    case Op::Atomic:
        op.kind = WriteKind::Increment;
        op.delta = request.delta;
        break;
    case Op::Get:
    case Op::Range:
    case Op::Presence:
        Q_UNREACHABLE();
    }
    return op;
}

void fillWrite(Reply &reply, const Request &request, const WriteResult &result, bool extensions)
{
    switch (result.status) {
    case WriteStatus::Ok:
        break;
    case WriteStatus::NotFound:
        failWithKey(reply, 404, notFoundMessage, request.key);
        return;
    case WriteStatus::Conflict:
        failWithKey(reply, 409, QStringLiteral("Revision conflict"), request.key);
        reply.revision = result.revision;
        reply.value = result.value;
        reply.hasValueMember = true;
        return;
    case WriteStatus::NotNumeric:
        fail(reply, 400, result.detail.isEmpty() ? WriteMessages::notNumeric() : result.detail);
        return;
    case WriteStatus::Invalid:
        fail(reply, 400, result.detail.isEmpty() ? WriteMessages::patchTooDeep() : result.detail);
        return;
    case WriteStatus::StorageFailed:
    case WriteStatus::Unavailable:
    case WriteStatus::OutcomeUnknown:
        failOnBackend(reply, result.status, result.detail);
        return;
    }

    if (extensions)
        reply.revision = result.revision;
    switch (request.op) {
    case Op::Set:
    case Op::Patch:
        reply.message = insertedMessage;
        break;
    case Op::Delete:
        reply.message = deletedMessage;
        break;
    case Op::Atomic:
        reply.key = request.key;
        reply.hasKey = true;
        reply.newValue = result.value ? result.value->toLongLong() : 0;
        break;
    case Op::Get:
    case Op::Range:
    case Op::Presence:
        break;
    }
}

/**
 * RANGE: pages through the storage range, keeps only keys the scope may access (all of them on
 * a full scope), until `limit` records are found and one more proves `truncated`. Bounded in
 * memory (docs/security.md §7): a reply stops at ServiceOptions::maxRangeBytes of records
 * (`truncated`, the client pages on from its last key; one record always fits), and the records
 * are charged to the server-wide MemoryBudget while the reply is built: a RANGE the budget
 * cannot take is answered 503.
 */
class ScopedRange : public std::enable_shared_from_this<ScopedRange>
{
public:
    static constexpr int pageSize = 1000;

    ScopedRange(Storage *storage, Request request, AccessScope scope, const ServiceOptions &options,
                KvService::ReplyCallback done)
        : m_storage(storage)
        , m_request(std::move(request))
        , m_scope(std::move(scope))
        , m_extensions(options.extensions)
        , m_maxBytes(options.maxRangeBytes)
        , m_budget(options.budget)
        , m_done(std::move(done))
        , m_reply(replyTo(m_request))
    { }
    ~ScopedRange() { releaseBudget(); }

    void fetch(const QByteArray &first)
    {
        auto self = shared_from_this();
        // A full scope keeps every record: one page of `limit` (storage proves `truncated`), at
        // most what the byte cap can hold of the largest values (Redis copies every page).
        const int pageCap
            = int(qBound(qint64(100), m_maxBytes / RequestParser::maxValueBytes, qint64(pageSize)));
        const int count
            = m_scope.isFull() ? qMin(m_request.limit - int(m_reply.records.size()), pageCap) : pageSize;
        m_storage->range(first, m_request.endKey, count,
                         [self](const RangeResult &page) { self->consume(page); });
    }

private:
    void consume(const RangeResult &page)
    {
        if (failOnBackend(m_reply, page.status, page.detail)) {
            answer();
            return;
        }
        for (const KeyedRecord &record : page.records) {
            if (!m_scope.mayAccess(record.key))
                continue;
            if (m_reply.records.size() == m_request.limit) {
                finish(true);
                return;
            }
            const qint64 bytes = 48 + record.key.size() + record.record.value.size();
            if (!m_reply.records.isEmpty() && m_bytes + bytes > m_maxBytes) {
                finish(true);
                return;
            }
            if (m_budget && !m_budget->tryCharge(bytes)) {
                qCWarning(lcCore) << "RANGE refused: the server's memory budget for replies is exhausted";
                m_reply.records.clear();
                fail(m_reply, 503, QStringLiteral("Server memory budget for replies exhausted; retry later"));
                answer();
                return;
            }
            m_bytes += bytes;
            m_reply.records.append(record);
        }
        if (!page.truncated || page.records.isEmpty()) {
            finish(false);
            return;
        }
        if (m_scope.isFull() && m_reply.records.size() == m_request.limit) {
            finish(true);
            return;
        }
        // The byte-wise successor of the last key: the next page starts right after it.
        fetch(page.records.constLast().key + '\0');
    }

    void finish(bool truncated)
    {
        m_reply.truncated = truncated;
        m_reply.recordRevisions = m_extensions;
        answer();
    }

    void answer()
    {
        m_done(m_reply);
        m_reply.records.clear();
        releaseBudget();
    }

    void releaseBudget()
    {
        if (m_budget)
            m_budget->release(m_bytes);
        m_bytes = 0;
    }

    Storage *m_storage;
    Request m_request;
    AccessScope m_scope;
    bool m_extensions;
    qint64 m_maxBytes;
    MemoryBudget *m_budget;
    qint64 m_bytes = 0;
    KvService::ReplyCallback m_done;
    Reply m_reply;
};

} // namespace

KvService::KvService(Storage *storage, ServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_options(options)
{
    // Back after an outage: the writes that failed while it was away say nothing any more.
    connect(storage, &Storage::readyChanged, this, [this](bool ready) {
        if (ready)
            m_writeHealth.clear();
    });
}

void KvService::handleFrame(const QByteArray &frame, const AccessScope &scope, ReplyCallback done,
                            PresencePeer *peer)
{
    RequestParser::Result parsed = RequestParser::parse(frame, m_options.extensions);
    if (!parsed.isValid()) {
        done(parsed.error);
        return;
    }
    if (parsed.request->op == Op::Presence) {
        executePresence(*parsed.request, scope, peer, std::move(done));
        return;
    }
    execute(*parsed.request, scope, std::move(done));
}

void KvService::executePresence(const Request &request, const AccessScope &scope, PresencePeer *peer,
                                ReplyCallback done)
{
    if (!m_presence || !peer) {
        // A server without presence answers as if the op did not exist (docs/protocol.md §9.9).
        Reply reply = replyTo(request);
        fail(reply, 400, QStringLiteral("Unknown op %1").arg(int(Op::Presence)));
        done(reply);
        return;
    }
    m_presence->handlePresence(request, scope, peer, std::move(done));
}

void KvService::execute(const Request &request, const AccessScope &scope, ReplyCallback done)
{
    if (request.op == Op::Presence) {
        executePresence(request, scope, nullptr, std::move(done));
        return;
    }
    if (request.op == Op::Range) {
        executeRange(request, scope, std::move(done));
        return;
    }
    if (!scope.mayAccess(request.key)) {
        Reply reply = replyTo(request);
        fail(reply, 403, QStringLiteral("Access denied: this token may not access that key"));
        done(reply);
        return;
    }
    if (request.op == Op::Get) {
        executeGet(request, std::move(done));
        return;
    }
    Request write = request;
    if (!m_options.extensions)
        write.ifRevision.reset();
    const bool extensions = m_options.extensions;
    QPointer<KvService> self(this);
    m_storage->write(writeOpFor(write),
                     [write, extensions, self, done = std::move(done)](const WriteResult &result) {
        if (self)
            self->m_writeHealth.record(result);
        Reply reply = replyTo(write);
        fillWrite(reply, write, result, extensions);
        done(reply);
    });
}

void KvService::executeGet(const Request &request, ReplyCallback done)
{
    const bool extensions = m_options.extensions;
    m_storage->get(request.key, [request, extensions, done = std::move(done)](const ReadResult &result) {
        Reply reply = replyTo(request);
        if (failOnBackend(reply, result.status, result.detail)) {
            done(reply);
            return;
        }
        if (!result.record) {
            failWithKey(reply, 404, notFoundMessage, request.key);
            done(reply);
            return;
        }
        reply.key = request.key;
        reply.hasKey = true;
        reply.value = result.record->value;
        if (extensions)
            reply.revision = result.record->revision;
        done(reply);
    });
}

void KvService::executeRange(const Request &request, const AccessScope &scope, ReplyCallback done)
{
    auto range = std::make_shared<ScopedRange>(m_storage, request, scope, m_options, std::move(done));
    range->fetch(request.key);
}
