// SPDX-License-Identifier: MIT
// Fuzzes server/net's HttpParser and the REST routes (RestApi -> KvService -> MemoryStorage),
// as HttpConnection drives them: the input is the byte stream of one keep-alive connection,
// requests are parsed and answered one after the other (pipelining) until an error.
// Checked: parse() never consumes more than it was given and agrees with parseHead(); errors
// use the documented statuses; every request is answered exactly once, synchronously, with a
// documented status and a JSON body; a token the API issues verifies with its own claims;
// the serialized response head is well formed.
#include "core/accessscope.h"
#include "core/kvservice.h"
#include "core/tokenservice.h"
#include "fuzzsupport.h"
#include "net/httpparser.h"
#include "net/httpserverresponse.h"
#include "net/restapi.h"
#include "storage/memorystorage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {

constexpr qint64 nowMs = 1'800'000'000'000;

void checkResponse(const HttpServerResponse &response, const QByteArray &input)
{
    static const QSet<int> statuses { 200, 204, 400, 401, 403, 404, 405, 409,
                                      413, 426, 431, 500, 501, 503, 505 };
    FUZZ_CHECK(statuses.contains(response.status), QByteArray::number(response.status) + '\n' + input);
    FUZZ_CHECK(response.status == 204 || FuzzSupport::isValidJson(response.body),
               response.body + '\n' + input);
    const QByteArray wire = response.serialize(true);
    const qsizetype headEnd = wire.indexOf("\r\n\r\n");
    FUZZ_CHECK(headEnd > 0 && wire.size() == headEnd + 4 + response.body.size(), wire);
    // No header injection: the head holds no bare CR/LF and no NUL.
    const QByteArray head = wire.left(headEnd + 1);
    for (const QByteArray &line : head.split('\n'))
        FUZZ_CHECK(line.endsWith('\r') && line.count('\r') == 1 && !line.contains('\0'), head);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::quietLogging();
    if (size > 512 * 1024)
        return 0;
    QByteArray buffer = FuzzSupport::bytes(data, size);
    const QByteArray input = buffer;

    MemoryStorage storage;
    QString error;
    FUZZ_CHECK(storage.open(&error), error.toUtf8());
    KvService service(&storage, ServiceOptions { true });
    TokenService tokens(QByteArrayLiteral("fuzz-secret-0123456789abcdef"), [] { return nowMs; });
    const RestApi api(&service, &storage, &tokens, [](const QByteArray &key) { return key == "k"; });
    HttpParser::Limits limits;
    limits.maxHeadBytes = 4096;
    limits.maxBodyBytes = 128 * 1024;
    limits.maxHeaders = 32;
    const HttpParser parser(limits);

    for (int requests = 0; requests < 64 && !buffer.isEmpty(); ++requests) {
        const HttpParser::Result result = parser.parse(buffer);
        const HttpParser::Result head = parser.parseHead(buffer);
        if (result.status == HttpParser::Status::Error) {
            static const QSet<int> errors { 400, 413, 431, 501, 505 };
            FUZZ_CHECK(errors.contains(result.errorStatus) && !result.errorText.isEmpty(), input);
            FUZZ_CHECK(head.status == HttpParser::Status::Error && head.errorStatus == result.errorStatus,
                       input);
            checkResponse(HttpServerResponse::error(result.errorStatus, result.errorText), input);
            return 0;
        }
        if (result.status == HttpParser::Status::NeedMore) {
            FUZZ_CHECK(head.status != HttpParser::Status::Error, input);
            return 0;
        }
        FUZZ_CHECK(head.status == HttpParser::Status::Complete && head.headBytes == result.headBytes, input);
        FUZZ_CHECK(result.consumed > 0 && result.consumed <= buffer.size(), input);
        const HttpRequest &request = result.request;
        FUZZ_CHECK(request.body.size() == request.contentLength
                       && request.contentLength <= limits.maxBodyBytes,
                   input);
        (void)request.keepAlive();
        (void)request.isWebSocketUpgrade();
        FUZZ_CHECK(!tokens.verify(request.rawQueryValue("token"))
                       || request.rawQueryValue("token").contains('.'),
                   input);

        int answers = 0;
        HttpServerResponse response;
        api.handle(request, [&](const HttpServerResponse &r) {
            ++answers;
            response = r;
        });
        FUZZ_CHECK(answers == 1, input);
        checkResponse(response, input);
        if (response.status == 200 && RestApi::normalizedPath(request.path) == "/token/websocket") {
            const QByteArray token = QJsonDocument::fromJson(response.body)
                                         .object()
                                         .value(QStringLiteral("token"))
                                         .toString()
                                         .toLatin1();
            const std::optional<TokenClaims> claims = tokens.verify(token);
            FUZZ_CHECK(claims && !claims->subscriptions.isEmpty(), response.body);
            const AccessScope scope = AccessScope::fromClaims(*claims);
            FUZZ_CHECK(!scope.isFull(), response.body);
        }
        buffer.remove(0, result.consumed);
    }
    return 0;
}
