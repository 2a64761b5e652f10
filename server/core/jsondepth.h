// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

/**
 * @brief Measures how deeply JSON text nests, without parsing or recursing.
 *
 * Used before handing text to code that recurses per nesting level (serialising, merging), so
 * hostile input such as 50 000 `[` cannot exhaust the stack. Brackets inside strings do not
 * count; the text need not be valid JSON.
 */
class JsonDepth
{
public:
    /** True when no object/array in `json` is nested more than `maxDepth` levels deep. */
    static bool withinLimit(QByteArrayView json, int maxDepth);
};
