// SPDX-License-Identifier: MIT
#pragma once

#include "core/accessscope.h"
#include "core/reply.h"
#include "core/request.h"

#include <functional>

class PresencePeer;

/**
 * @brief Executes PRESENCE requests (op 7, docs/protocol.md §9.9) for KvService.
 *
 * Implemented by the network front end (PresenceHub), which knows the connections presence is
 * pushed to; `done` gets the reply (possibly before the call returns).
 */
class PresenceHandler
{
public:
    virtual ~PresenceHandler() = default;
    virtual void handlePresence(const Request &request, const AccessScope &scope, PresencePeer *peer,
                                std::function<void(const Reply &)> done)
        = 0;
};
