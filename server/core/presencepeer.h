// SPDX-License-Identifier: MIT
#pragma once

/**
 * @brief The connection a PRESENCE request came from, as KvService sees it: an opaque handle
 * the transport passes with the frame and the PresenceHandler knows how to reach.
 */
class PresencePeer
{
public:
    virtual ~PresencePeer() = default;
};
