// SPDX-License-Identifier: MIT
#include "core/jsonwriter.h"

#include <array>
#include <cstring>

namespace {

/** Length of the valid UTF-8 sequence starting at `p` (lead byte >= 0x80), 0 when invalid. */
int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar lead = p[0];
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        // Reject overlong forms (E0 80..9F) and UTF-16 surrogates (ED A0..BF).
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    if (p[1] < low || p[1] > high)
        return 0;
    for (int i = 2; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

enum ByteClass : uchar { Plain, ShortEscape, UnicodeEscape, NonAscii };

constexpr std::array<uchar, 256> byteClasses = [] {
    std::array<uchar, 256> classes {};
    for (int c = 0; c < 256; ++c) {
        if (c < 0x20)
            classes[c] = UnicodeEscape;
        else if (c >= 0x80)
            classes[c] = NonAscii;
    }
    for (const uchar c : { '"', '\\', '\b', '\f', '\n', '\r', '\t' })
        classes[c] = ShortEscape;
    return classes;
}();

/** True when none of 8 bytes needs escaping or UTF-8 checking (SWAR, see "Bit Twiddling Hacks"). */
bool plainChunk(const uchar *p)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    quint64 x;
    std::memcpy(&x, p, sizeof x);
    const auto hasZeroByte = [](quint64 v) { return (v - ones) & ~v & highs; };
    const quint64 belowSpace = (x - ones * 0x20) & ~x & highs;
    return ((x & highs) | belowSpace | hasZeroByte(x ^ (ones * '"')) | hasZeroByte(x ^ (ones * '\\'))) == 0;
}

char *writeEscape(char *out, uchar c)
{
    static constexpr char hex[] = "0123456789abcdef";
    *out++ = '\\';
    switch (c) {
    case '"':
        *out++ = '"';
        return out;
    case '\\':
        *out++ = '\\';
        return out;
    case '\b':
        *out++ = 'b';
        return out;
    case '\f':
        *out++ = 'f';
        return out;
    case '\n':
        *out++ = 'n';
        return out;
    case '\r':
        *out++ = 'r';
        return out;
    case '\t':
        *out++ = 't';
        return out;
    default:
        break;
    }
    *out++ = 'u';
    *out++ = '0';
    *out++ = '0';
    *out++ = hex[c >> 4];
    *out++ = hex[c & 0xF];
    return out;
}

/** Bytes the escaped form adds to the input; -1 when the input needs no change at all. */
qsizetype escapeOverhead(const uchar *p, const uchar *end)
{
    qsizetype extra = 0;
    bool changed = false;
    while (p < end) {
        if (end - p >= 8 && plainChunk(p)) {
            p += 8;
            continue;
        }
        switch (byteClasses[*p]) {
        case Plain:
            ++p;
            continue;
        case ShortEscape:
            extra += 1;
            break;
        case UnicodeEscape:
            extra += 5;
            break;
        case NonAscii:
            if (const int length = utf8SequenceLength(p, end)) {
                p += length;
                continue;
            }
            extra += 2; // one byte becomes the 3-byte U+FFFD
            break;
        }
        changed = true;
        ++p;
    }
    return changed ? extra : -1;
}

} // namespace

JsonWriter::JsonWriter(qsizetype reserve)
{
    m_out.reserve(reserve);
}

void JsonWriter::separate()
{
    if (m_needComma)
        m_out.append(',');
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
}

void JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
}

void JsonWriter::name(QByteArrayView name)
{
    separate();
    m_out.append('"').append(name).append("\":", 2);
    m_needComma = false;
}

void JsonWriter::string(QByteArrayView utf8)
{
    separate();
    appendString(m_out, utf8);
    m_needComma = true;
}

void JsonWriter::integer(qint64 value)
{
    separate();
    m_out.append(QByteArray::number(value));
    m_needComma = true;
}

void JsonWriter::boolean(bool value)
{
    separate();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
    m_needComma = true;
}

void JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
    m_needComma = true;
}

void JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json);
    m_needComma = true;
}

void JsonWriter::appendString(QByteArray &out, QByteArrayView utf8)
{
    const auto *p = reinterpret_cast<const uchar *>(utf8.data());
    const uchar *end = p + utf8.size();
    // Pass 1 sizes the output exactly, so pass 2 writes through a pointer without reallocating.
    const qsizetype extra = escapeOverhead(p, end);
    if (extra < 0) {
        out.reserve(out.size() + utf8.size() + 2);
        out.append('"').append(utf8).append('"');
        return;
    }
    const qsizetype start = out.size();
    out.resize(start + utf8.size() + extra + 2);
    char *w = out.data() + start;
    *w++ = '"';
    const uchar *run = p;
    const auto flush = [&] {
        std::memcpy(w, run, p - run);
        w += p - run;
    };
    while (p < end) {
        if (end - p >= 8 && plainChunk(p)) {
            p += 8;
            continue;
        }
        const uchar c = *p;
        switch (byteClasses[c]) {
        case Plain:
            ++p;
            continue;
        case ShortEscape:
        case UnicodeEscape:
            flush();
            w = writeEscape(w, c);
            break;
        case NonAscii:
            if (const int length = utf8SequenceLength(p, end)) {
                p += length;
                continue;
            }
            flush();
            std::memcpy(w, "\xEF\xBF\xBD", 3);
            w += 3;
            break;
        }
        run = ++p;
    }
    flush();
    *w++ = '"';
    Q_ASSERT(w == out.data() + out.size());
}
