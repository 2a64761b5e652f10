// SPDX-License-Identifier: MIT
// Fuzzes the PATCH merge (JsonMergePatch) and planWrite for every write kind.
// Input: one option byte, 8 bytes of ATOMIC delta, then `target 0xFF patch` (0xFF never occurs
// in valid UTF-8 JSON). Checked against RFC 7396 and a reference int64 parser: a merge of two
// objects within the depth limit always succeeds, is valid JSON, sets every non-null patch
// scalar, removes every null member, and applying the same patch again changes nothing.
#include "core/jsondepth.h"
#include "core/jsonmergepatch.h"
#include "core/writerules.h"
#include "fuzzsupport.h"

#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

/**
 * The reference reading of "a JSON object". nlohmann skips a leading UTF-8 BOM, but a stored
 * value starting with U+FEFF is deliberately not an object for PATCH (it is appended to, as
 * RFC 8259 forbids the BOM in JSON texts on the wire): found by this fuzzer, kept as a decision.
 * A raw NUL byte makes a text no JSON at all (nlohmann would stop reading there).
 */
std::optional<Json> parseObject(const QByteArray &text)
{
    if (text.startsWith("\xEF\xBB\xBF") || text.contains('\0'))
        return std::nullopt;
    Json json = Json::parse(text.cbegin(), text.cend(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    return json;
}

/** Reference for ATOMIC's stored-value rule: optional '-', digits only, fits in int64. */
std::optional<qint64> referenceDecimal(const QByteArray &text)
{
    if (text.isEmpty() || text.startsWith('+'))
        return std::nullopt;
    qint64 value = 0;
    const char *end = text.constData() + text.size();
    const auto [ptr, ec] = std::from_chars(text.constData(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

void checkMerge(const QByteArray &target, const QByteArray &patch)
{
    const QByteArray context = target + "\n---\n" + patch;
    const JsonMergePatch::Result result = JsonMergePatch::apply(target, patch);
    const std::optional<Json> targetJson = parseObject(target);
    const std::optional<Json> patchJson = parseObject(patch);
    const bool shallow = JsonDepth::withinLimit(target, JsonMergePatch::maxDepth)
        && JsonDepth::withinLimit(patch, JsonMergePatch::maxDepth);
    if (targetJson && patchJson && shallow)
        FUZZ_CHECK(result.outcome == JsonMergePatch::Outcome::Merged, context);
    if (result.outcome == JsonMergePatch::Outcome::TooDeep)
        FUZZ_CHECK(!shallow, context);
    if (result.outcome != JsonMergePatch::Outcome::Merged)
        return;
    FUZZ_CHECK(targetJson && patchJson, context);
    const std::optional<Json> merged = parseObject(result.value);
    FUZZ_CHECK(merged.has_value(), result.value + "\n===\n" + context);
    for (auto it = patchJson->begin(); it != patchJson->end(); ++it) {
        if (it.value().is_null())
            FUZZ_CHECK(!merged->contains(it.key()), context);
        else if (!it.value().is_object())
            FUZZ_CHECK(merged->at(it.key()) == it.value(), context);
        else
            FUZZ_CHECK(merged->at(it.key()).is_object(), context);
    }
    const JsonMergePatch::Result again = JsonMergePatch::apply(result.value, patch);
    FUZZ_CHECK(again.outcome == JsonMergePatch::Outcome::Merged && again.value == result.value,
               again.value + "\n===\n" + result.value + "\n===\n" + context);
}

void checkPlans(quint8 options, qint64 delta, const QByteArray &target, const QByteArray &patch)
{
    const Record record { target, 7 };
    const Record *current = (options & 1) ? nullptr : &record;
    WriteOp op;
    op.key = "k";
    op.value = patch;
    op.delta = delta;
    if (options & 2)
        op.ifRevision = (options & 4) ? 7 : 0;
    const bool conflict = op.ifRevision && *op.ifRevision != (current ? current->revision : 0);

    for (const WriteKind kind :
         { WriteKind::Set, WriteKind::Patch, WriteKind::Delete, WriteKind::Increment }) {
        op.kind = kind;
        const PlannedWrite plan = planWrite(current, op);
        if (conflict) {
            FUZZ_CHECK(plan.status == WriteStatus::Conflict, target);
            continue;
        }
        switch (kind) {
        case WriteKind::Set:
            FUZZ_CHECK(plan.status == WriteStatus::Ok && plan.newValue == patch, target);
            break;
        case WriteKind::Patch:
            if (!current)
                FUZZ_CHECK(plan.status == WriteStatus::Ok && plan.newValue == patch, patch);
            else
                FUZZ_CHECK(plan.status == WriteStatus::Ok || plan.status == WriteStatus::Invalid, patch);
            break;
        case WriteKind::Delete:
            FUZZ_CHECK(plan.status == (current ? WriteStatus::Ok : WriteStatus::NotFound)
                           && plan.remove == bool(current),
                       target);
            break;
        case WriteKind::Increment: {
            const std::optional<qint64> base = current ? referenceDecimal(target) : std::optional<qint64>(0);
            qint64 sum = 0;
            const bool fits = base && !__builtin_add_overflow(*base, delta, &sum);
            FUZZ_CHECK((plan.status == WriteStatus::Ok) == fits, target + ' ' + QByteArray::number(delta));
            if (fits)
                FUZZ_CHECK(plan.newValue == QByteArray::number(sum),
                           target + ' ' + QByteArray::number(delta));
            else
                FUZZ_CHECK(plan.status == WriteStatus::NotNumeric && !plan.detail.isEmpty(), target);
            break;
        }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::quietLogging();
    if (size < 9 || size > 256 * 1024)
        return 0;
    const quint8 options = data[0];
    qint64 delta = 0;
    std::memcpy(&delta, data + 1, sizeof delta);
    const QList<QByteArray> parts = FuzzSupport::split(FuzzSupport::bytes(data + 9, size - 9), "\xff", 2);
    const QByteArray &target = parts.constFirst();
    const QByteArray patch = parts.size() > 1 ? parts.at(1) : QByteArray();

    checkMerge(target, patch);
    checkPlans(options, delta, target, patch);
    return 0;
}
