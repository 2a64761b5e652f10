// SPDX-License-Identifier: MIT
#include "core/tokenservice.h"

#include "core/corelogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <nlohmann/json.hpp>

namespace {

// Keys in sorted order (std::map); other files of this library call nlohmann::ordered_json Json.
using SortedJson = nlohmann::json;

constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int payloadVersion = 2; // 2: bound to a key id and revocation generations

QByteArray sign(const QByteArray &secret, const QByteArray &payload)
{
    return QMessageAuthenticationCode::hash(payload, secret, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    uchar difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= uchar(a.at(i)) ^ uchar(b.at(i));
    return difference == 0;
}

/** Decodes strict, canonical base64url: one token has exactly one spelling. */
std::optional<QByteArray> decode(const QByteArray &text)
{
    const auto result
        = QByteArray::fromBase64Encoding(text, base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.toBase64(base64Options) != text)
        return std::nullopt;
    return result.decoded;
}

QByteArray encodeClaims(const TokenClaims &claims)
{
    SortedJson subscriptions = SortedJson::array();
    for (const QByteArray &subscription : claims.subscriptions)
        subscriptions.push_back(subscription.toStdString());
    SortedJson payload = { { "v", payloadVersion },
                           { "s", std::move(subscriptions) },
                           { "e", claims.expiresAtMs },
                           { "k", claims.keyId.toStdString() },
                           { "g", SortedJson::array({ claims.allGeneration, claims.keyGeneration }) } };
    if (claims.accessPattern)
        payload["a"] = claims.accessPattern->toStdString();
    // Replace, not throw: subscriptions are UTF-8 from a JSON request, so this is only a safety net.
    return QByteArray::fromStdString(payload.dump(-1, ' ', false, SortedJson::error_handler_t::replace));
}

std::optional<TokenClaims> decodeClaims(const QByteArray &bytes)
{
    const SortedJson payload = SortedJson::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
    if (!payload.is_object())
        return std::nullopt;
    const auto version = payload.find("v");
    const auto subscriptions = payload.find("s");
    const auto expiry = payload.find("e");
    const auto keyId = payload.find("k");
    const auto generations = payload.find("g");
    if (version == payload.end() || *version != payloadVersion || subscriptions == payload.end()
        || !subscriptions->is_array() || expiry == payload.end() || !expiry->is_number_integer()
        || keyId == payload.end() || !keyId->is_string() || generations == payload.end()
        || !generations->is_array() || generations->size() != 2 || !(*generations)[0].is_number_unsigned()
        || !(*generations)[1].is_number_unsigned())
        return std::nullopt;
    TokenClaims claims;
    claims.keyId = QByteArray::fromStdString(keyId->get<std::string>());
    claims.allGeneration = (*generations)[0].get<quint64>();
    claims.keyGeneration = (*generations)[1].get<quint64>();
    for (const SortedJson &subscription : *subscriptions) {
        if (!subscription.is_string())
            return std::nullopt;
        claims.subscriptions.append(QByteArray::fromStdString(subscription.get<std::string>()));
    }
    claims.expiresAtMs = expiry->get<qint64>();
    if (const auto access = payload.find("a"); access != payload.end()) {
        if (!access->is_string())
            return std::nullopt;
        claims.accessPattern = QString::fromStdString(access->get<std::string>());
    }
    return claims;
}

} // namespace

TokenService::TokenService(QByteArray secret, Clock clock)
    : m_secret(std::move(secret))
    , m_clock(clock ? std::move(clock) : Clock(&QDateTime::currentMSecsSinceEpoch))
{
    if (m_secret.size() < 16)
        qCWarning(lcCore) << "token secret is shorter than 16 bytes; tokens are weakly protected";
}

QByteArray TokenService::issue(TokenClaims claims) const
{
    claims.expiresAtMs = m_clock() + lifetimeMs;
    claims.allGeneration = m_revocations.allGeneration();
    claims.keyGeneration = m_revocations.keyGeneration(claims.keyId);
    const QByteArray payload = encodeClaims(claims).toBase64(base64Options);
    return payload + '.' + sign(m_secret, payload).toBase64(base64Options);
}

std::optional<TokenClaims> TokenService::verify(const QByteArray &token) const
{
    const qsizetype dot = token.indexOf('.');
    if (dot <= 0 || token.indexOf('.', dot + 1) != -1)
        return std::nullopt;
    const QByteArray payload = token.left(dot);
    const std::optional<QByteArray> signature = decode(token.mid(dot + 1));
    // The signature covers the encoded payload, so it is checked before anything is decoded.
    if (!signature || !constantTimeEquals(*signature, sign(m_secret, payload)))
        return std::nullopt;
    const std::optional<QByteArray> claimsJson = decode(payload);
    if (!claimsJson)
        return std::nullopt;
    std::optional<TokenClaims> claims = decodeClaims(*claimsJson);
    if (!claims || m_clock() >= claims->expiresAtMs || !isCurrent(*claims))
        return std::nullopt;
    return claims;
}

bool TokenService::isCurrent(const TokenClaims &claims) const
{
    // Not behind (rather than equal): an instance sharing the secret through Redis that has not
    // revoked yet still accepts tokens issued after another instance revoked.
    return isCurrentKey(claims.keyId) && claims.allGeneration >= m_revocations.allGeneration()
        && claims.keyGeneration >= m_revocations.keyGeneration(claims.keyId);
}

QByteArray TokenService::keyId(const QByteArray &apiKey) const
{
    const QByteArray digest = QCryptographicHash::hash(apiKey, QCryptographicHash::Sha256);
    return sign(m_secret, QByteArrayLiteral("dayboard api key id\0") + digest)
        .first(12)
        .toBase64(base64Options);
}

QByteArray TokenService::generateSecret()
{
    // Text, not raw bytes: the secret is stored in a file that is read back trimmed, and raw
    // random bytes that began or ended with whitespace came back as a different secret.
    // 24 random bytes (192 bits) give exactly 32 base64url characters.
    quint32 words[6];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray random(reinterpret_cast<const char *>(words), sizeof(words));
    return random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
