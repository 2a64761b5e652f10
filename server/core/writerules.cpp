// SPDX-License-Identifier: MIT
#include "core/writerules.h"

#include "core/jsonmergepatch.h"
#include "core/requestparser.h"

#include <limits>
#include <optional>

namespace {

PlannedWrite status(WriteStatus status, QString detail = {})
{
    PlannedWrite plan;
    plan.status = status;
    plan.detail = std::move(detail);
    return plan;
}

PlannedWrite store(QByteArray value)
{
    PlannedWrite plan;
    plan.newValue = std::move(value);
    return plan;
}

/** Strict decimal int64: optional '-', then at least one digit, nothing else. */
std::optional<qint64> parseDecimal(const QByteArray &text)
{
    qsizetype i = 0;
    const bool negative = !text.isEmpty() && text.front() == '-';
    if (negative)
        ++i;
    if (i == text.size())
        return std::nullopt;
    // Accumulate negatively so INT64_MIN parses without overflow.
    qint64 value = 0;
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    for (; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (value < (min + digit) / 10)
            return std::nullopt;
        value = value * 10 - digit;
    }
    if (negative)
        return value;
    if (value == min)
        return std::nullopt;
    return -value;
}

PlannedWrite planPatch(const Record *current, const WriteOp &op)
{
    if (!current)
        return store(op.value);
    const JsonMergePatch::Result merged = JsonMergePatch::apply(current->value, op.value);
    switch (merged.outcome) {
    case JsonMergePatch::Outcome::Merged:
        return store(merged.value);
    case JsonMergePatch::Outcome::TooDeep:
        return status(WriteStatus::Invalid, WriteMessages::patchTooDeep());
    case JsonMergePatch::Outcome::NotObjects:
        break;
    }
    return store(current->value + op.value);
}

PlannedWrite planIncrement(const Record *current, const WriteOp &op)
{
    qint64 base = 0;
    if (current) {
        const std::optional<qint64> stored = parseDecimal(current->value);
        if (!stored)
            return status(WriteStatus::NotNumeric, WriteMessages::notNumeric());
        base = *stored;
    }
    qint64 sum = 0;
    if (__builtin_add_overflow(base, op.delta, &sum))
        return status(WriteStatus::NotNumeric, WriteMessages::notNumeric());
    return store(QByteArray::number(sum));
}

} // namespace

QString WriteMessages::notNumeric()
{
    return QStringLiteral(
        "ATOMIC needs a stored value that is a decimal 64-bit integer, and a result that fits in one");
}

QString WriteMessages::valueTooLong()
{
    return QStringLiteral("The value this write would produce is longer than %1 bytes; nothing was changed")
        .arg(RequestParser::maxValueBytes);
}

QString WriteMessages::patchTooDeep()
{
    return QStringLiteral("PATCH cannot merge JSON nested deeper than %1 levels")
        .arg(JsonMergePatch::maxDepth);
}

namespace {

PlannedWrite planUnbounded(const Record *current, const WriteOp &op)
{
    if (op.ifRevision) {
        const qint64 currentRevision = current ? current->revision : 0;
        if (*op.ifRevision != currentRevision)
            return status(WriteStatus::Conflict);
    }
    switch (op.kind) {
    case WriteKind::Set:
        return store(op.value);
    case WriteKind::Patch:
        return planPatch(current, op);
    case WriteKind::Delete:
        if (!current)
            return status(WriteStatus::NotFound);
        {
            PlannedWrite plan;
            plan.remove = true;
            return plan;
        }
    case WriteKind::Increment:
        return planIncrement(current, op);
    }
    return status(WriteStatus::Invalid, QStringLiteral("Unknown write kind"));
}

} // namespace

PlannedWrite planWrite(const Record *current, const WriteOp &op)
{
    PlannedWrite plan = planUnbounded(current, op);
    // The size limit is on the value a write produces, whatever the operation: a PATCH that
    // appends or merges past it is refused like an oversized SET, and changes nothing.
    if (plan.status == WriteStatus::Ok && !plan.remove && plan.newValue.size() > RequestParser::maxValueBytes)
        return status(WriteStatus::Invalid, WriteMessages::valueTooLong());
    return plan;
}
