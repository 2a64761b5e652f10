// SPDX-License-Identifier: MIT
#include "fuzzsupport.h"

#include <QLoggingCategory>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace FuzzSupport {

void quietLogging()
{
    static const bool done = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
        return true;
    }();
    Q_UNUSED(done);
}

QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

QList<QByteArray> split(const QByteArray &input, QByteArrayView separator, int maxParts)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() + 1 < maxParts) {
        const qsizetype at = input.indexOf(separator, from);
        if (at < 0)
            break;
        parts.append(input.mid(from, at - from));
        from = at + separator.size();
    }
    parts.append(input.mid(from));
    return parts;
}

bool isValidJson(const QByteArray &text)
{
    // nlohmann::json::accept() stops at a NUL byte as at the end of input; JSON never has one.
    return !text.contains('\0') && nlohmann::json::accept(text.cbegin(), text.cend());
}

bool isValidUtf8(QByteArrayView text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int extra = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

void fail(const char *file, int line, const char *condition, const QByteArray &context)
{
    std::fprintf(stderr, "\nFUZZ_CHECK failed at %s:%d: %s\ncontext (%lld bytes): %s\n", file, line,
                 condition, static_cast<long long>(context.size()),
                 context.left(2000).toPercentEncoding(" {}[]\":,").constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace FuzzSupport
