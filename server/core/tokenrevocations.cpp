// SPDX-License-Identifier: MIT
#include "core/tokenrevocations.h"

#include <nlohmann/json.hpp>

// Keys in sorted order (std::map); other files of this library call nlohmann::ordered_json Json.
using SortedJson = nlohmann::json;

QByteArray TokenRevocations::toJson() const
{
    SortedJson keys = SortedJson::object();
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        keys[it.key().toStdString()] = it.value();
    const SortedJson json = { { "all", m_all }, { "keys", std::move(keys) } };
    return QByteArray::fromStdString(json.dump());
}

std::optional<TokenRevocations> TokenRevocations::fromJson(const QByteArray &json)
{
    const SortedJson parsed = SortedJson::parse(json.cbegin(), json.cend(), nullptr, false);
    if (!parsed.is_object())
        return std::nullopt;
    TokenRevocations revocations;
    const auto all = parsed.find("all");
    const auto keys = parsed.find("keys");
    if (all == parsed.end() || !all->is_number_unsigned() || keys == parsed.end() || !keys->is_object())
        return std::nullopt;
    revocations.m_all = all->get<quint64>();
    for (auto it = keys->begin(); it != keys->end(); ++it) {
        if (!it.value().is_number_unsigned())
            return std::nullopt;
        revocations.m_keys.insert(QByteArray::fromStdString(it.key()), it.value().get<quint64>());
    }
    return revocations;
}
