// SPDX-License-Identifier: MIT
#include "core/jsondepth.h"

bool JsonDepth::withinLimit(QByteArrayView json, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    const qsizetype size = json.size();
    const char *data = json.data();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > maxDepth)
                return false;
            break;
        case ']':
        case '}':
            --depth;
            break;
        default:
            break;
        }
    }
    return true;
}
