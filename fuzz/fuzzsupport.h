// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <cstddef>
#include <cstdint>

/**
 * @brief Small helpers shared by the libFuzzer targets in fuzz/.
 *
 * A fuzzer checks properties, not only "no crash": FUZZ_CHECK aborts with a message (libFuzzer
 * then saves the input as a crash artifact), so a violated invariant is a finding like a
 * sanitizer report.
 */
namespace FuzzSupport {

/** Silences Qt logging once (the code under test logs bad input at info/warning level). */
void quietLogging();

/** The fuzzer input as bytes (deep copy: the input buffer is only valid during the call). */
QByteArray bytes(const uint8_t *data, size_t size);

/** Splits `input` at every `separator` byte sequence (at most `maxParts` parts, the last one keeps the rest).
 */
QList<QByteArray> split(const QByteArray &input, QByteArrayView separator, int maxParts);

/** True when `text` is exactly one valid JSON document (RFC 8259, strict UTF-8). */
bool isValidJson(const QByteArray &text);

/** True when `text` is valid UTF-8 (no overlongs, no surrogates). */
bool isValidUtf8(QByteArrayView text);

[[noreturn]] void fail(const char *file, int line, const char *condition, const QByteArray &context);

} // namespace FuzzSupport

#define FUZZ_CHECK(condition, context)                                                                       \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            FuzzSupport::fail(__FILE__, __LINE__, #condition, (context));                                    \
    } while (false)
