// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

/**
 * @brief Appends compact JSON to a byte buffer, for the reply hot path.
 *
 * Strings are raw UTF-8 bytes: `"`, `\` and control characters are escaped, everything else
 * (including U+2028/U+2029 and DEL) is copied. Invalid UTF-8 (possible only from a backend
 * written by other tools) becomes U+FFFD, so the output is always valid JSON.
 * Commas are inserted automatically between members and array elements.
 */
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 128);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /** Starts a member; `name` must need no escaping (an ASCII literal). */
    void name(QByteArrayView name);
    void string(QByteArrayView utf8);
    void integer(qint64 value);
    void boolean(bool value);
    void null();
    /** Inserts JSON text that is already valid and compact (an echoed messageId). */
    void raw(QByteArrayView json);

    QByteArray take() { return std::move(m_out); }

    /** Appends `utf8` as a quoted, escaped JSON string. */
    static void appendString(QByteArray &out, QByteArrayView utf8);

private:
    void separate();

    QByteArray m_out;
    bool m_needComma = false;
};
