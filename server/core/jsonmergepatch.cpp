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

    // RFC 7396 as nlohmann implements it: on ordered_json, existing members keep their place and
    // new ones are appended. Its recursion is bounded by the patch's nesting, checked above.
    targetJson->merge_patch(*patchJson);
    result.outcome = Outcome::Merged;
    result.value = QByteArray::fromStdString(targetJson->dump());
    return result;
}
