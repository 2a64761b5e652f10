// SPDX-License-Identifier: MIT
#pragma once

#include "core/accessscope.h"
#include "core/reply.h"
#include "core/request.h"
#include "core/writehealth.h"

#include <QObject>
#include <functional>

class MemoryBudget;
class PresenceHandler;
class PresencePeer;
class Storage;

/** @brief Protocol options that change what clients see. */
struct ServiceOptions
{
    /** false: behave like the hosted HPKV (no `revision` anywhere, `ifRevision` ignored). */
    bool extensions = true;
    /** A RANGE reply stops at about this many bytes of records (`truncated`); one record always fits. */
    qint64 maxRangeBytes = 4 * 1024 * 1024;
    /** Server-wide budget RANGE replies are charged to while built (503 when exhausted); may be null. */
    MemoryBudget *budget = nullptr;
};

/**
 * @brief Executes protocol requests against a Storage; transport-agnostic.
 *
 * The WebSocket session passes raw text frames to handleFrame(); the REST layer decodes its
 * own requests and calls execute(). Parsing and validation errors (400) never reach storage.
 * The access scope is checked before storage is touched (403); a RANGE on a scoped token
 * returns only the records the scope may access. `done` may run before the call returns.
 */
class KvService : public QObject
{
    Q_OBJECT

public:
    using ReplyCallback = std::function<void(const Reply &)>;

    KvService(Storage *storage, ServiceOptions options, QObject *parent = nullptr);

    /**
     * Parses one WebSocket text frame and executes it; `done` gets the reply. `peer` is the
     * connection a PRESENCE request (op 7) announces for; without one, or without a handler,
     * op 7 is unknown (400), as on a server without the extension.
     */
    void handleFrame(const QByteArray &frame, const AccessScope &scope, ReplyCallback done,
                     PresencePeer *peer = nullptr);
    /** Executes an already-decoded request. */
    void execute(const Request &request, const AccessScope &scope, ReplyCallback done);

    const ServiceOptions &options() const { return m_options; }
    /** Where PRESENCE requests go (docs/protocol.md §9.9); null: none (not owned). */
    void setPresenceHandler(PresenceHandler *handler) { m_presence = handler; }
    /** Whether the last write that reached storage committed (/healthz reports it). */
    const WriteHealth &writeHealth() const { return m_writeHealth; }

private:
    void executeGet(const Request &request, ReplyCallback done);
    void executeRange(const Request &request, const AccessScope &scope, ReplyCallback done);
    void executePresence(const Request &request, const AccessScope &scope, PresencePeer *peer,
                         ReplyCallback done);

    Storage *m_storage;
    ServiceOptions m_options;
    WriteHealth m_writeHealth;
    PresenceHandler *m_presence = nullptr;
};
