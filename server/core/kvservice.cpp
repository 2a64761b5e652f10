// SPDX-License-Identifier: MIT
#include "kvservice.h"

#include "corelogging.h"
#include "requestparser.h"
#include "storage.h"
#include "writerules.h"

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
        fail(reply, 503,
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
        break;
    }
}

/**
 * RANGE for a scoped token: pages through the storage range and keeps only keys the scope may
 * access, until `limit` accessible records are found and one more proves `truncated`.
 */
class ScopedRange : public std::enable_shared_from_this<ScopedRange>
{
public:
    static constexpr int pageSize = 1000;

    ScopedRange(Storage *storage, Request request, AccessScope scope, bool extensions,
                KvService::ReplyCallback done)
        : m_storage(storage)
        , m_request(std::move(request))
        , m_scope(std::move(scope))
        , m_extensions(extensions)
        , m_done(std::move(done))
        , m_reply(replyTo(m_request))
    {
    }

    void fetch(const QByteArray &first)
    {
        auto self = shared_from_this();
        m_storage->range(first, m_request.endKey, pageSize, [self](const RangeResult &page) {
            self->consume(page);
        });
    }

private:
    void consume(const RangeResult &page)
    {
        if (failOnBackend(m_reply, page.status, page.detail)) {
            m_done(m_reply);
            return;
        }
        for (const KeyedRecord &record : page.records) {
            if (!m_scope.mayAccess(record.key))
                continue;
            if (m_reply.records.size() == m_request.limit) {
                finish(true);
                return;
            }
            m_reply.records.append(record);
        }
        if (!page.truncated || page.records.isEmpty()) {
            finish(false);
            return;
        }
        // The byte-wise successor of the last key: the next page starts right after it.
        fetch(page.records.constLast().key + '\0');
    }

    void finish(bool truncated)
    {
        m_reply.truncated = truncated;
        m_reply.recordRevisions = m_extensions;
        m_done(m_reply);
    }

    Storage *m_storage;
    Request m_request;
    AccessScope m_scope;
    bool m_extensions;
    KvService::ReplyCallback m_done;
    Reply m_reply;
};

} // namespace

KvService::KvService(Storage *storage, ServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_options(options)
{
}

void KvService::handleFrame(const QByteArray &frame, const AccessScope &scope, ReplyCallback done)
{
    RequestParser::Result parsed = RequestParser::parse(frame, m_options.extensions);
    if (!parsed.isValid()) {
        done(parsed.error);
        return;
    }
    execute(*parsed.request, scope, std::move(done));
}

void KvService::execute(const Request &request, const AccessScope &scope, ReplyCallback done)
{
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
    m_storage->write(writeOpFor(write), [write, extensions, self, done = std::move(done)](const WriteResult &result) {
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
    if (!scope.isFull()) {
        auto range = std::make_shared<ScopedRange>(m_storage, request, scope, m_options.extensions, std::move(done));
        range->fetch(request.key);
        return;
    }
    const bool extensions = m_options.extensions;
    m_storage->range(request.key, request.endKey, request.limit,
                     [request, extensions, done = std::move(done)](const RangeResult &result) {
                         Reply reply = replyTo(request);
                         if (!failOnBackend(reply, result.status, result.detail)) {
                             reply.records = result.records;
                             reply.truncated = result.truncated;
                             reply.recordRevisions = extensions;
                         }
                         done(reply);
                     });
}
