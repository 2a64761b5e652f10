// SPDX-License-Identifier: MIT
#include "core/requestparser.h"

#include "core/jsondepth.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

class Failure
{
public:
    explicit Failure(QString message)
        : m_message(std::move(message))
    { }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

QString fieldMessage(QLatin1StringView field, QLatin1StringView text)
{
    return field + text;
}

const Json *member(const Json &object, const char *name)
{
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

/** An optional member: null counts as absent (clients serialising "no value" send null). */
const Json *optionalMember(const Json &object, const char *name)
{
    const Json *value = member(object, name);
    return value && !value->is_null() ? value : nullptr;
}

std::optional<qint64> asInt64(const Json &value)
{
    if (value.is_number_integer() && !value.is_number_unsigned())
        return value.get<qint64>();
    if (value.is_number_unsigned()) {
        const auto unsignedValue = value.get<quint64>();
        if (unsignedValue <= quint64(std::numeric_limits<qint64>::max()))
            return qint64(unsignedValue);
    }
    return std::nullopt;
}

Op parseOp(const Json &frame, bool extensions)
{
    const Json *op = member(frame, "op");
    if (!op)
        throw Failure(QStringLiteral("Missing op"));
    if (!op->is_number_integer())
        throw Failure(QStringLiteral("op must be an integer from 1 to 6"));
    const std::optional<qint64> code = asInt64(*op);
    const qint64 highest = extensions ? int(Op::Presence) : int(Op::Atomic);
    if (!code || *code < 1 || *code > highest)
        throw Failure(QStringLiteral("Unknown op %1").arg(QString::fromStdString(op->dump())));
    return Op(*code);
}

QByteArray parseKey(const Json &frame, const char *name)
{
    const QLatin1StringView field(name);
    const Json *key = member(frame, name);
    if (!key)
        throw Failure(fieldMessage(field, QLatin1StringView(" is missing")));
    if (!key->is_string())
        throw Failure(fieldMessage(field, QLatin1StringView(" must be a string")));
    const QByteArray bytes = QByteArray::fromStdString(key->get_ref<const std::string &>());
    if (const QString error = RequestParser::keyError(bytes, field); !error.isEmpty())
        throw Failure(error);
    return bytes;
}

QByteArray parseValue(const Json &frame)
{
    const Json *value = member(frame, "value");
    if (!value)
        throw Failure(QStringLiteral("value is missing"));
    const QByteArray bytes = value->is_string()
        ? QByteArray::fromStdString(value->get_ref<const std::string &>())
        : QByteArray::fromStdString(value->dump());
    if (const QString error = RequestParser::valueError(bytes); !error.isEmpty())
        throw Failure(error);
    return bytes;
}

qint64 parseDelta(const Json &frame)
{
    const Json *value = member(frame, "value");
    if (!value)
        throw Failure(QStringLiteral("value is missing (ATOMIC needs an integer delta)"));
    if (!value->is_number_integer())
        throw Failure(QStringLiteral("ATOMIC value must be an integer JSON number (the delta)"));
    const std::optional<qint64> delta = asInt64(*value);
    if (!delta)
        throw Failure(QStringLiteral("ATOMIC value does not fit in a 64-bit integer"));
    return *delta;
}

int parseLimit(const Json &frame)
{
    const Json *limit = optionalMember(frame, "limit");
    if (!limit)
        return RequestParser::defaultLimit;
    if (!limit->is_number_integer())
        throw Failure(QStringLiteral("limit must be an integer"));
    // nlohmann reads non-negative literals as unsigned, negative ones as signed.
    const bool positive = limit->is_number_unsigned() ? limit->get<quint64>() > 0 : limit->get<qint64>() > 0;
    if (!positive)
        throw Failure(QStringLiteral("limit must be at least 1"));
    if (limit->is_number_unsigned())
        return int(std::min<quint64>(limit->get<quint64>(), RequestParser::maxLimit));
    return int(std::min<qint64>(limit->get<qint64>(), RequestParser::maxLimit));
}

QList<QByteArray> parseKeyList(const Json &frame, const char *name, int maxKeys)
{
    const QString shape
        = QStringLiteral("%1 must be an array of at most %2 keys").arg(QLatin1String(name)).arg(maxKeys);
    const Json *list = optionalMember(frame, name);
    if (!list)
        return {};
    if (!list->is_array() || list->size() > size_t(maxKeys))
        throw Failure(shape);
    QList<QByteArray> keys;
    for (const Json &key : *list) {
        if (!key.is_string())
            throw Failure(shape);
        const QByteArray bytes = QByteArray::fromStdString(key.get_ref<const std::string &>());
        if (const QString error = RequestParser::keyError(bytes, QLatin1StringView(name)); !error.isEmpty())
            throw Failure(error);
        if (!keys.contains(bytes))
            keys.append(bytes);
    }
    return keys;
}

std::shared_ptr<const PresenceAnnouncement> parsePresence(const Json &frame)
{
    using Limits = PresenceAnnouncement;
    auto presence = std::make_shared<PresenceAnnouncement>();
    const Json *memberId = member(frame, "member");
    if (!memberId || !memberId->is_string() || memberId->get_ref<const std::string &>().empty()
        || memberId->get_ref<const std::string &>().size() > size_t(Limits::maxMemberBytes))
        throw Failure(QStringLiteral("member must be a string of 1 to %1 bytes").arg(Limits::maxMemberBytes));
    presence->member = QByteArray::fromStdString(memberId->get_ref<const std::string &>());
    const Json *name = member(frame, "name");
    if (name && name->is_string())
        presence->name = QString::fromStdString(name->get_ref<const std::string &>()).trimmed();
    if (presence->name.isEmpty() || presence->name.size() > Limits::maxNameChars)
        throw Failure(
            QStringLiteral("name must be a string of 1 to %1 characters").arg(Limits::maxNameChars));
    presence->here = parseKeyList(frame, "here", Limits::maxHereKeys);
    presence->watch = parseKeyList(frame, "watch", Limits::maxWatchKeys);
    return presence;
}

std::optional<qint64> parseIfRevision(const Json &frame)
{
    const Json *revision = optionalMember(frame, "ifRevision");
    if (!revision)
        return std::nullopt;
    const std::optional<qint64> value = revision->is_number_integer() ? asInt64(*revision) : std::nullopt;
    if (!value || *value < 0)
        throw Failure(QStringLiteral("ifRevision must be a non-negative integer"));
    return value;
}

Request parseRequest(const Json &frame, bool extensions)
{
    Request request;
    request.op = parseOp(frame, extensions);
    if (request.op == Op::Presence) {
        request.presence = parsePresence(frame);
        return request;
    }
    request.key = parseKey(frame, "key");
    switch (request.op) {
    case Op::Get:
    case Op::Delete:
        break;
    case Op::Set:
    case Op::Patch:
        request.value = parseValue(frame);
        break;
    case Op::Atomic:
        request.delta = parseDelta(frame);
        break;
    case Op::Range:
        request.endKey = parseKey(frame, "endKey");
        request.limit = parseLimit(frame);
        break;
    case Op::Presence:
        break;
    }
    const bool isWrite = request.op != Op::Get && request.op != Op::Range;
    if (extensions && isWrite)
        request.ifRevision = parseIfRevision(frame);
    return request;
}

RequestParser::Result failure(QString message, QByteArray messageIdJson = {})
{
    RequestParser::Result result;
    result.error.code = 400;
    result.error.error = std::move(message);
    result.error.messageIdJson = std::move(messageIdJson);
    return result;
}

} // namespace

RequestParser::Result RequestParser::parse(const QByteArray &frame, bool extensions)
{
    // nlohmann parses iteratively but serialises recursively: bound the nesting first.
    if (!JsonDepth::withinLimit(frame, maxJsonDepth + 1))
        return failure(QStringLiteral("JSON nested deeper than %1 levels").arg(maxJsonDepth));

    // nlohmann takes a NUL byte for the end of input, so `{..}\0garbage` would parse as `{..}`.
    // A raw NUL is never valid JSON text (inside strings it must be escaped as \u0000).
    if (const qsizetype nul = frame.indexOf('\0'); nul >= 0)
        return failure(QStringLiteral("Malformed JSON at byte %1").arg(nul + 1));

    Json json;
    try {
        json = Json::parse(frame.cbegin(), frame.cend());
    } catch (const Json::parse_error &error) {
        return failure(QStringLiteral("Malformed JSON at byte %1").arg(error.byte));
    } catch (const Json::exception &) {
        // Thrown for numbers beyond double range (out_of_range 406); must never escape.
        return failure(QStringLiteral("Malformed JSON: a number is out of range"));
    }
    if (!json.is_object())
        return failure(QStringLiteral("Request must be a JSON object"));

    QByteArray messageIdJson;
    if (const Json *messageId = member(json, "messageId"))
        messageIdJson = QByteArray::fromStdString(messageId->dump());

    try {
        Result result;
        result.request = parseRequest(json, extensions);
        result.request->messageIdJson = messageIdJson;
        return result;
    } catch (const Failure &error) {
        return failure(error.message(), messageIdJson);
    }
}

QString RequestParser::keyError(const QByteArray &key, QLatin1StringView field)
{
    if (key.isEmpty())
        return fieldMessage(field, QLatin1StringView(" must not be empty"));
    if (key.size() > maxKeyBytes)
        return field + QStringLiteral(" is longer than %1 bytes").arg(maxKeyBytes);
    return {};
}

QString RequestParser::valueError(const QByteArray &value)
{
    if (value.isEmpty())
        return QStringLiteral("value must not be empty");
    if (value.size() > maxValueBytes)
        return QStringLiteral("value is longer than %1 bytes").arg(maxValueBytes);
    return {};
}
