// SPDX-License-Identifier: MIT
#pragma once

#include "core/reply.h"
#include "core/request.h"

#include <QByteArray>
#include <QString>
#include <optional>

/**
 * @brief Turns one WebSocket text frame into a validated Request (docs/protocol.md §2, §8).
 *
 * Anything that is not a valid request becomes a 400 Reply with a clear `error`, echoing the
 * frame's `messageId` whenever one can be read. Extra fields are ignored. Non-string values on
 * SET/PATCH are stored as their compact JSON text, members in their original order.
 * The decisions where the HPKV protocol is silent are recorded in docs/protocol.md too.
 */
class RequestParser
{
public:
    static constexpr int maxKeyBytes = 512;
    static constexpr int maxValueBytes = 102400;
    static constexpr int defaultLimit = 100;
    static constexpr int maxLimit = 1000;
    /** Deepest nesting accepted inside a value (the frame object itself is one more level). */
    static constexpr int maxJsonDepth = 128;

    /** Either `request` is set, or `error` is the 400 reply to send. */
    struct Result
    {
        std::optional<Request> request;
        Reply error;
        bool isValid() const { return request.has_value(); }
    };

    /**
     * Parses `frame`. With `extensions` false (hosted-HPKV behaviour), `ifRevision` is an
     * ignored extra field.
     */
    static Result parse(const QByteArray &frame, bool extensions = true);

    /** Empty when `key` is a valid key, else the 400 message. `field` names it ("key", "endKey"). */
    static QString keyError(const QByteArray &key, QLatin1StringView field = QLatin1StringView("key"));
    /** Empty when `value` is a valid SET/PATCH value, else the 400 message. */
    static QString valueError(const QByteArray &value);
};
