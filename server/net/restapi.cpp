// SPDX-License-Identifier: MIT
#include "net/restapi.h"

#include "core/accessscope.h"
#include "core/jsondepth.h"
#include "core/kvservice.h"
#include "core/replyencoder.h"
#include "core/requestparser.h"
#include "core/storage.h"
#include "core/tokenservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

constexpr int maxSubscriptions = 1000;

HttpServerResponse badRequest(const QString &text)
{
    return HttpServerResponse::error(400, text);
}

HttpServerResponse fromReply(const Reply &reply)
{
    const ReplyEncoder::HttpResponse encoded = ReplyEncoder::toRest(reply);
    return HttpServerResponse::json(encoded.status, encoded.body);
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool containsPercentEscape(const QByteArray &text)
{
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if (text.at(i) == '%' && isHexDigit(text.at(i + 1)) && isHexDigit(text.at(i + 2)))
            return true;
    }
    return false;
}

/** Parses a JSON object body; nullopt and `*error` when it is not one. */
std::optional<Json> parseObjectBody(const QByteArray &body, QString *error)
{
    if (!JsonDepth::withinLimit(body, RequestParser::maxJsonDepth + 1)) {
        *error = QStringLiteral("JSON nested too deeply");
        return std::nullopt;
    }
    // nlohmann takes a NUL byte for the end of input, so `{..}\0garbage` would parse as `{..}`;
    // a raw NUL is never valid JSON text (as for WebSocket frames, see RequestParser::parse).
    if (const qsizetype nul = body.indexOf('\0'); nul >= 0) {
        *error = QStringLiteral("Malformed JSON at byte %1").arg(nul + 1);
        return std::nullopt;
    }
    Json json = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        *error = QStringLiteral("Body must be a JSON object");
        return std::nullopt;
    }
    return json;
}

/** The revision of an `If-Match: "<n>"` header (W/ and quotes optional). */
std::optional<qint64> parseIfMatch(QByteArray value, bool *ok)
{
    *ok = true;
    value = value.trimmed();
    if (value.isNull())
        return std::nullopt;
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    const qint64 revision = value.toLongLong(ok);
    if (!*ok || revision < 0) {
        *ok = false;
        return std::nullopt;
    }
    return revision;
}

QByteArray dumpFrame(const Json &frame)
{
    const std::string text = frame.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

RestApi::RestApi(KvService *service, Storage *storage, TokenService *tokens, KeyCheck isValidKey)
    : m_service(service)
    , m_storage(storage)
    , m_tokens(tokens)
    , m_isValidKey(std::move(isValidKey))
{ }

QByteArray RestApi::normalizedPath(const QByteArray &path)
{
    QByteArray out;
    out.reserve(path.size());
    for (char c : path) {
        if (c == '/' && out.endsWith('/'))
            continue;
        out += c;
    }
    if (out.size() > 1 && out.endsWith('/'))
        out.chop(1);
    if (!out.startsWith('/'))
        out.prepend('/');
    return out;
}

QByteArray RestApi::decodeRangeKey(const QByteArray &raw)
{
    QByteArray decoded = QByteArray::fromPercentEncoding(raw);
    if (containsPercentEscape(decoded))
        decoded = QByteArray::fromPercentEncoding(decoded);
    return decoded.isNull() ? QByteArray("") : decoded;
}

bool RestApi::authorized(const HttpRequest &request) const
{
    const QByteArray key = request.header("x-api-key");
    return !key.isEmpty() && m_isValidKey(key);
}

void RestApi::handle(const HttpRequest &request, Done done) const
{
    static const QByteArray recordPrefix = "/record/";
    const QByteArray &method = request.method;
    if (method == "OPTIONS") {
        HttpServerResponse response;
        response.status = 204;
        response.headers.append({ QByteArray("Allow"), QByteArray("GET, POST, DELETE, OPTIONS") });
        done(response);
        return;
    }
    // Only the route part is normalised: a key after /record/ is taken byte for byte.
    QByteArray rawPath = request.path;
    while (rawPath.startsWith("//"))
        rawPath.remove(0, 1);
    const QByteArray path = normalizedPath(request.path);
    // POST /record/atomic is the increment route; GET/DELETE of it reach the key "atomic".
    const bool isAtomic = path == "/record/atomic" && method == "POST";
    const bool isRecordKey = rawPath.startsWith(recordPrefix) && !isAtomic;

    const auto methodNotAllowed = [&](const QByteArray &allow) {
        HttpServerResponse response = HttpServerResponse::error(405, QStringLiteral("Method not allowed"));
        response.headers.append({ QByteArray("Allow"), allow });
        done(response);
    };
    const auto requireKey = [&] {
        if (authorized(request))
            return true;
        done(HttpServerResponse::error(401, QStringLiteral("Missing or invalid API key")));
        return false;
    };

    if (path == "/ping") {
        if (method != "GET" && method != "HEAD")
            return methodNotAllowed("GET, OPTIONS");
        return done(HttpServerResponse::json(200, R"({"status":"ok"})"));
    }
    if (path == "/healthz") {
        if (method != "GET" && method != "HEAD")
            return methodNotAllowed("GET, OPTIONS");
        return done(health());
    }
    if (path == "/token/websocket") {
        if (method != "POST")
            return methodNotAllowed("POST, OPTIONS");
        if (requireKey())
            issueToken(request, done);
        return;
    }
    if (path == "/record") {
        if (method != "POST")
            return methodNotAllowed("POST, OPTIONS");
        if (requireKey())
            postRecord(request, done);
        return;
    }
    if (isAtomic) {
        if (requireKey())
            postAtomic(request, done);
        return;
    }
    if (isRecordKey) {
        if (method != "GET" && method != "DELETE")
            return methodNotAllowed(path == "/record/atomic" ? "GET, POST, DELETE, OPTIONS"
                                                             : "GET, DELETE, OPTIONS");
        if (requireKey())
            recordByKey(request, rawPath.mid(recordPrefix.size()), done);
        return;
    }
    if (path == "/records") {
        if (method != "GET")
            return methodNotAllowed("GET, OPTIONS");
        if (requireKey())
            range(request, done);
        return;
    }
    if (path == "/ws")
        return done(HttpServerResponse::error(426, QStringLiteral("WebSocket upgrade required")));
    done(HttpServerResponse::error(404, QStringLiteral("Not found")));
}

HttpServerResponse RestApi::health() const
{
    if (!m_storage->isReady()) {
        return HttpServerResponse::json(
            503, R"({"status":"unavailable","error":"Storage not ready","reason":"storage unreachable"})");
    }
    const WriteHealth &writes = m_service->writeHealth();
    if (writes.canWrite())
        return HttpServerResponse::json(200, R"({"status":"ok"})");
    const QJsonObject body { { QStringLiteral("status"), QStringLiteral("degraded") },
                             { QStringLiteral("reason"), writes.reason() } };
    return HttpServerResponse::json(503, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void RestApi::issueToken(const HttpRequest &request, const Done &done) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return done(badRequest(QStringLiteral("Body must be a JSON object")));
    const QJsonObject body = document.object();

    TokenClaims claims;
    bool sawList = false;
    for (const QString &field : { QStringLiteral("subscribeKeys"), QStringLiteral("subscribePatterns") }) {
        const QJsonValue list = body.value(field);
        if (list.isUndefined() || list.isNull())
            continue;
        if (!list.isArray())
            return done(badRequest(field + QStringLiteral(" must be an array of strings")));
        sawList = true;
        for (const QJsonValue &entry : list.toArray()) {
            const QByteArray key = entry.toString().toUtf8();
            if (!entry.isString() || !RequestParser::keyError(key).isEmpty())
                return done(badRequest(field + QStringLiteral(" must hold keys of 1 to 512 bytes")));
            if (!claims.subscriptions.contains(key))
                claims.subscriptions.append(key);
        }
    }
    if (!sawList)
        return done(badRequest(QStringLiteral("subscribeKeys (or subscribePatterns) is required")));
    if (claims.subscriptions.size() > maxSubscriptions)
        return done(badRequest(QStringLiteral("At most %1 subscriptions per token").arg(maxSubscriptions)));

    const QJsonValue pattern = body.value(QStringLiteral("accessPattern"));
    if (!pattern.isUndefined() && !pattern.isNull()) {
        if (!pattern.isString())
            return done(badRequest(QStringLiteral("accessPattern must be a string")));
        if (const QString error = AccessScope::accessPatternError(pattern.toString()); !error.isEmpty())
            return done(badRequest(error));
        claims.accessPattern = pattern.toString();
    }
    claims.keyId = m_tokens->keyId(request.header("x-api-key")); // bound to the key that asked
    const QByteArray token = m_tokens->issue(claims);
    const QJsonObject reply { { QStringLiteral("token"), QString::fromLatin1(token) } };
    done(HttpServerResponse::json(200, QJsonDocument(reply).toJson(QJsonDocument::Compact)));
}

void RestApi::postRecord(const HttpRequest &request, const Done &done) const
{
    QString error;
    const std::optional<Json> body = parseObjectBody(request.body, &error);
    if (!body)
        return done(badRequest(error));
    bool partial = false;
    if (const auto it = body->find("partialUpdate"); it != body->end() && !it->is_null()) {
        if (!it->is_boolean())
            return done(badRequest(QStringLiteral("partialUpdate must be a boolean")));
        partial = it->get<bool>();
    }
    Json frame = Json::object();
    frame["op"] = int(partial ? Op::Patch : Op::Set);
    for (const char *field : { "key", "value", "ifRevision" }) {
        if (const auto it = body->find(field); it != body->end())
            frame[field] = *it;
    }
    bool ok = true;
    const std::optional<qint64> ifMatch = parseIfMatch(request.header("if-match"), &ok);
    if (!ok)
        return done(badRequest(QStringLiteral("If-Match must be a revision number, e.g. \"12\"")));
    if (ifMatch && !frame.contains("ifRevision"))
        frame["ifRevision"] = *ifMatch;
    runFrame(dumpFrame(frame), done);
}

void RestApi::postAtomic(const HttpRequest &request, const Done &done) const
{
    QString error;
    const std::optional<Json> body = parseObjectBody(request.body, &error);
    if (!body)
        return done(badRequest(error));
    const auto increment = body->find("increment");
    if (increment == body->end() || !increment->is_number_integer())
        return done(badRequest(QStringLiteral("increment must be an integer")));
    Json frame = Json::object();
    frame["op"] = int(Op::Atomic);
    if (const auto key = body->find("key"); key != body->end())
        frame["key"] = *key;
    frame["value"] = *increment;
    if (const auto guard = body->find("ifRevision"); guard != body->end())
        frame["ifRevision"] = *guard;
    runFrame(dumpFrame(frame), done);
}

void RestApi::recordByKey(const HttpRequest &request, const QByteArray &encodedKey, const Done &done) const
{
    QByteArray key = QByteArray::fromPercentEncoding(encodedKey);
    if (key.isNull())
        key = "";
    if (const QString error = RequestParser::keyError(key); !error.isEmpty())
        return done(badRequest(error));
    Request kvRequest;
    kvRequest.op = request.method == "DELETE" ? Op::Delete : Op::Get;
    kvRequest.key = key;
    if (kvRequest.op == Op::Delete && m_service->options().extensions) {
        bool ok = true;
        kvRequest.ifRevision = parseIfMatch(request.header("if-match"), &ok);
        if (!ok)
            return done(badRequest(QStringLiteral("If-Match must be a revision number, e.g. \"12\"")));
    }
    m_service->execute(kvRequest, AccessScope::full(),
                       [done](const Reply &reply) { done(fromReply(reply)); });
}

void RestApi::range(const HttpRequest &request, const Done &done) const
{
    Request kvRequest;
    kvRequest.op = Op::Range;
    kvRequest.key = decodeRangeKey(request.rawQueryValue("startKey"));
    kvRequest.endKey = decodeRangeKey(request.rawQueryValue("endKey"));
    if (const QString error = RequestParser::keyError(kvRequest.key, QLatin1StringView("startKey"));
        !error.isEmpty()) {
        return done(badRequest(error));
    }
    if (const QString error = RequestParser::keyError(kvRequest.endKey, QLatin1StringView("endKey"));
        !error.isEmpty()) {
        return done(badRequest(error));
    }
    if (const QByteArray limit = request.queryValue("limit"); !limit.isEmpty()) {
        bool ok = false;
        const qint64 value = limit.toLongLong(&ok);
        if (!ok || value < 1)
            return done(badRequest(QStringLiteral("limit must be an integer of at least 1")));
        kvRequest.limit = int(qMin<qint64>(value, RequestParser::maxLimit));
    }
    m_service->execute(kvRequest, AccessScope::full(),
                       [done](const Reply &reply) { done(fromReply(reply)); });
}

void RestApi::runFrame(const QByteArray &frame, const Done &done) const
{
    m_service->handleFrame(frame, AccessScope::full(),
                           [done](const Reply &reply) { done(fromReply(reply)); });
}
