// SPDX-License-Identifier: MIT
#include "net/utf8validator.h"

#include <cstring>

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/** Length of the valid sequence starting at @p p (at most @p left bytes), or 0 when invalid. */
int sequenceLength(const unsigned char *p, qsizetype left)
{
    const unsigned char lead = p[0];
    int length = 0;
    unsigned char min2 = 0x80, max2 = 0xBF; // allowed range of the second byte (RFC 3629 §4)
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            min2 = 0xA0; // overlong
        else if (lead == 0xED)
            max2 = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            min2 = 0x90; // overlong
        else if (lead == 0xF4)
            max2 = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (left < length || p[1] < min2 || p[1] > max2)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (!isContinuation(p[i]))
            return 0;
    }
    return length;
}

} // namespace

bool Utf8Validator::isValid(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        // ASCII fast path, 8 bytes at a time.
        if (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int length = sequenceLength(p, end - p);
        if (length == 0)
            return false;
        p += length;
    }
    return true;
}
