// SPDX-License-Identifier: MIT
// docs/security.md: a token is bound to the API key that issued it (by a key id, never the key)
// and to the revocation generations current at issue; it stops verifying when its key is no
// longer current or when its key's tokens (or all tokens) were revoked, while every other
// token keeps working.
#include "core/tokenrevocations.h"
#include "core/tokenservice.h"

#include <QMessageAuthenticationCode>
#include <QTest>

namespace {
const QByteArray secret = "0123456789abcdef0123456789abcdef";
const QByteArray keyA = "api-key-A-0123456789";
const QByteArray keyB = "api-key-B-0123456789";

QByteArray issue(const TokenService &tokens, const QByteArray &apiKey)
{
    TokenClaims claims;
    claims.subscriptions = { "a" };
    claims.accessPattern = QStringLiteral(".*");
    claims.keyId = tokens.keyId(apiKey);
    return tokens.issue(claims);
}
} // namespace

class TestTokenBinding : public QObject
{
    Q_OBJECT

private slots:
    void keyIdIsAFingerprintNotTheKey()
    {
        const TokenService tokens(secret);
        const QByteArray id = tokens.keyId(keyA);
        QCOMPARE(id.size(), 16);
        QCOMPARE(tokens.keyId(keyA), id); // stable
        QVERIFY(tokens.keyId(keyB) != id);
        QVERIFY(TokenService("another secret of 32 characters").keyId(keyA) != id); // keyed by the secret
        const QByteArray token = issue(tokens, keyA);
        for (const QByteArray &part : token.split('.'))
            QVERIFY(!QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding).contains(keyA));
        QVERIFY(QByteArray::fromBase64(token.split('.').constFirst(), QByteArray::Base64UrlEncoding)
                    .contains(id));
    }

    void tokenOfARemovedKeyIsRefused()
    {
        TokenService tokens(secret);
        tokens.setKeyIds({ tokens.keyId(keyA), tokens.keyId(keyB) });
        const QByteArray fromA = issue(tokens, keyA);
        const QByteArray fromB = issue(tokens, keyB);
        QVERIFY(tokens.verify(fromA));
        QVERIFY(tokens.verify(fromB));
        tokens.setKeyIds({ tokens.keyId(keyA) }); // B taken out (reload or restart)
        QVERIFY(tokens.verify(fromA));
        QVERIFY(!tokens.verify(fromB));
        tokens.setKeyIds({ tokens.keyId(keyA), tokens.keyId(keyB) }); // B back: its tokens again
        QVERIFY(tokens.verify(fromB));
    }

    void revokingOneKeyLeavesTheOthers()
    {
        TokenService tokens(secret);
        tokens.setKeyIds({ tokens.keyId(keyA), tokens.keyId(keyB) });
        const QByteArray fromA = issue(tokens, keyA);
        const QByteArray fromB = issue(tokens, keyB);
        TokenRevocations revocations = tokens.revocations();
        revocations.revokeKey(tokens.keyId(keyA));
        tokens.setRevocations(revocations);
        QVERIFY(!tokens.verify(fromA));
        QVERIFY(tokens.verify(fromB));
        QVERIFY(tokens.verify(issue(tokens, keyA))); // issued after the revocation
    }

    void revokingAll()
    {
        TokenService tokens(secret);
        const QByteArray fromA = issue(tokens, keyA);
        const QByteArray fromB = issue(tokens, keyB);
        TokenRevocations revocations = tokens.revocations();
        revocations.revokeAll();
        tokens.setRevocations(revocations);
        QVERIFY(!tokens.verify(fromA));
        QVERIFY(!tokens.verify(fromB));
        QVERIFY(tokens.verify(issue(tokens, keyB)));
    }

    void revocationsRoundTripThroughJson()
    {
        TokenRevocations revocations;
        revocations.revokeAll();
        revocations.revokeKey("abc");
        revocations.revokeKey("abc");
        const std::optional<TokenRevocations> back = TokenRevocations::fromJson(revocations.toJson());
        QVERIFY(back);
        QCOMPARE(back->allGeneration(), 1u);
        QCOMPARE(back->keyGeneration("abc"), 2u);
        QCOMPARE(back->keyGeneration("other"), 0u);
        QVERIFY(!TokenRevocations::fromJson("[]"));
        QVERIFY(!TokenRevocations::fromJson(R"({"all":-1,"keys":{}})"));
        QVERIFY(!TokenRevocations::fromJson(R"({"all":1,"keys":{"a":"x"}})"));
    }

    void unboundVersion1TokensAreRefused()
    {
        // The claims format before binding: {"v":1,"s":[..],"e":..}, correctly signed.
        const TokenService tokens(secret);
        const QByteArray payload
            = QByteArray(R"({"v":1,"s":["a"],"a":".*","e":99999999999999})")
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray signature
            = QMessageAuthenticationCode::hash(payload, secret, QCryptographicHash::Sha256)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QVERIFY(!tokens.verify(payload + '.' + signature));
    }
};

QTEST_GUILESS_MAIN(TestTokenBinding)
#include "tst_tokenbinding.moc"
