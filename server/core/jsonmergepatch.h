// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

/**
 * @brief The PATCH merge of docs/protocol.md §3: RFC 7396 JSON merge patch on two JSON objects.
 *
 * Objects merge recursively, arrays and scalars are replaced, a `null` member removes that
 * member. Existing members keep their order, new members are appended (nlohmann::ordered_json),
 * and the result is compact JSON. Either text nested deeper than maxDepth is refused rather
 * than recursed into.
 */
class JsonMergePatch
{
public:
    static constexpr int maxDepth = 128;

    enum class Outcome {
        Merged, ///< both were objects; `value` is the merged compact JSON
        NotObjects, ///< at least one side is not a JSON object (the caller appends instead)
        TooDeep, ///< both look like objects but one nests deeper than maxDepth
    };

    struct Result
    {
        Outcome outcome = Outcome::NotObjects;
        QByteArray value;
    };

    static Result apply(const QByteArray &target, const QByteArray &patch);
};
