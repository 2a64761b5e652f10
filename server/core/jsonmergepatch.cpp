// SPDX-License-Identifier: MIT
#include "core/jsonmergepatch.h"

#include "core/jsondepth.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace {

using Json = nlohmann::ordered_json;

bool startsLikeObject(const QByteArray &text)
{
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{';
    }
    return false;
}

std::optional<Json> parseObject(const QByteArray &text)
{
    // nlohmann stops at a NUL byte as at the end of input: `{"a":1}\0tail` would merge as
    // `{"a":1}` and silently drop the tail. A raw NUL means the text is not a JSON object.
    if (text.contains('\0'))
        return std::nullopt;
    Json json = Json::parse(text.cbegin(), text.cend(), nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    return json;
}

// Recursion depth is bounded by the patch's nesting, which the caller checked.
void merge(Json &target, const Json &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().is_null()) {
            target.erase(it.key());
        } else if (it.value().is_object()) {
            Json &member = target[it.key()];
            if (!member.is_object())
                member = Json::object();
            merge(member, it.value());
        } else {
            target[it.key()] = it.value();
        }
    }
}

} // namespace

JsonMergePatch::Result JsonMergePatch::apply(const QByteArray &target, const QByteArray &patch)
{
    Result result;
    // Cheap rejection first: most values (todo arrays, plain strings) are not objects.
    if (!startsLikeObject(target) || !startsLikeObject(patch))
        return result;
    if (!JsonDepth::withinLimit(target, maxDepth) || !JsonDepth::withinLimit(patch, maxDepth)) {
        result.outcome = Outcome::TooDeep;
        return result;
    }
    std::optional<Json> targetJson = parseObject(target);
    std::optional<Json> patchJson = parseObject(patch);
    if (!targetJson || !patchJson)
        return result;

    merge(*targetJson, *patchJson);
    result.outcome = Outcome::Merged;
    result.value = QByteArray::fromStdString(targetJson->dump());
    return result;
}
