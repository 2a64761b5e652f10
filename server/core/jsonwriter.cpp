// SPDX-License-Identifier: MIT
#include "jsonwriter.h"

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

void appendEscape(QByteArray &out, uchar c)
{
    static constexpr char hex[] = "0123456789abcdef";
    switch (c) {
    case '"': out.append("\\\"", 2); return;
    case '\\': out.append("\\\\", 2); return;
    case '\b': out.append("\\b", 2); return;
    case '\f': out.append("\\f", 2); return;
    case '\n': out.append("\\n", 2); return;
    case '\r': out.append("\\r", 2); return;
    case '\t': out.append("\\t", 2); return;
    default: break;
    }
    const char escape[] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };
    out.append(escape, sizeof escape);
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
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    const auto *p = reinterpret_cast<const uchar *>(utf8.data());
    const uchar *end = p + utf8.size();
    const uchar *run = p;
    auto flush = [&] { out.append(reinterpret_cast<const char *>(run), p - run); };
    while (p < end) {
        const uchar c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++p;
        } else if (c >= 0x80) {
            if (const int length = utf8SequenceLength(p, end)) {
                p += length;
            } else {
                flush();
                out.append("\xEF\xBF\xBD", 3);
                run = ++p;
            }
        } else {
            flush();
            appendEscape(out, c);
            run = ++p;
        }
    }
    flush();
    out.append('"');
}
