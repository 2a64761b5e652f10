// SPDX-License-Identifier: MIT
#include "core/tokenservice.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QByteArray secret = "0123456789abcdef0123456789abcdef";
constexpr qint64 start = 1763800000000;

TokenClaims sampleClaims()
{
    TokenClaims claims;
    claims.subscriptions = { "todos-20261122", "prefs-*", QByteArray("nul\0key", 7), "日本" };
    claims.accessPattern = u"^todos-*"_qs;
    return claims;
}
} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void expiry_data();
    void expiry();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void rejectsEveryTamperedCharacter();
    void rejectsOtherSecret();
    void rejectsResignedPayloadFromOtherSecret();
    void tokensAreUrlSafeAndHideNothingSecret();
    void generatedSecrets();
};

void TestTokenService::roundTrip_data()
{
    QTest::addColumn<QList<QByteArray>>("subscriptions");
    QTest::addColumn<bool>("hasPattern");
    QTest::addColumn<QString>("pattern");

    QTest::newRow("keys and pattern")
        << sampleClaims().subscriptions << true << *sampleClaims().accessPattern;
    QTest::newRow("keys only") << QList<QByteArray> { "a", "b" } << false << QString();
    QTest::newRow("empty pattern kept") << QList<QByteArray> { "a" } << true << QString();
    QTest::newRow("no subscriptions") << QList<QByteArray>() << true << u".*"_qs;
    QTest::newRow("pattern with quotes") << QList<QByteArray> { "\"q\"" } << true << u"^\"q\\\\\"$"_qs;
}

void TestTokenService::roundTrip()
{
    QFETCH(QList<QByteArray>, subscriptions);
    QFETCH(bool, hasPattern);
    QFETCH(QString, pattern);

    qint64 now = start;
    const TokenService service(secret, [&now] { return now; });
    TokenClaims claims;
    claims.subscriptions = subscriptions;
    if (hasPattern)
        claims.accessPattern = pattern;
    claims.expiresAtMs = 42; // ignored: issue() sets the expiry
    const QByteArray token = service.issue(claims);
    const std::optional<TokenClaims> verified = service.verify(token);
    QVERIFY(verified);
    QCOMPARE(verified->subscriptions, subscriptions);
    QCOMPARE(verified->accessPattern.has_value(), hasPattern);
    if (hasPattern)
        QCOMPARE(*verified->accessPattern, pattern);
    QCOMPARE(verified->expiresAtMs, start + TokenService::lifetimeMs);
}

void TestTokenService::expiry_data()
{
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<bool>("valid");

    QTest::newRow("fresh") << qint64(0) << true;
    QTest::newRow("one hour") << qint64(60 * 60 * 1000) << true;
    QTest::newRow("last millisecond") << TokenService::lifetimeMs - 1 << true;
    QTest::newRow("exactly two hours") << TokenService::lifetimeMs << false;
    QTest::newRow("a day later") << qint64(24 * 60 * 60 * 1000) << false;
}

void TestTokenService::expiry()
{
    QFETCH(qint64, elapsedMs);
    QFETCH(bool, valid);
    qint64 now = start;
    const TokenService service(secret, [&now] { return now; });
    const QByteArray token = service.issue(sampleClaims());
    now = start + elapsedMs;
    QCOMPARE(service.verify(token).has_value(), valid);
    // A token may be used for several connections until it expires.
    QCOMPARE(service.verify(token).has_value(), valid);
}

void TestTokenService::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("token");

    const TokenService service(secret, [] { return start; });
    const QByteArray good = service.issue(sampleClaims());
    const qsizetype dot = good.indexOf('.');
    const QByteArray payload = good.left(dot);
    const QByteArray signature = good.mid(dot + 1);

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no dot") << payload + signature;
    QTest::newRow("only dot") << QByteArray(".");
    QTest::newRow("empty payload") << "." + signature;
    QTest::newRow("empty signature") << payload + ".";
    QTest::newRow("three parts") << good + "." + signature;
    QTest::newRow("padding added") << payload + "." + signature + "=";
    QTest::newRow("standard base64 chars")
        << QByteArray(payload).replace('-', '+').replace('_', '/') + "." + signature + "+/";
    QTest::newRow("whitespace") << good + " ";
    QTest::newRow("percent-encoded") << QByteArray(good).replace('.', "%2E");
    QTest::newRow("swapped parts") << signature + "." + payload;
    QTest::newRow("truncated signature") << good.chopped(2);
    QTest::newRow("extended signature") << good + "AA";
    QTest::newRow("garbage") << QByteArray("not-a-token");
}

void TestTokenService::rejectsMalformed()
{
    QFETCH(QByteArray, token);
    const TokenService service(secret, [] { return start; });
    QVERIFY(!service.verify(token));
}

void TestTokenService::rejectsEveryTamperedCharacter()
{
    const TokenService service(secret, [] { return start; });
    const QByteArray token = service.issue(sampleClaims());
    QVERIFY(service.verify(token));
    for (qsizetype i = 0; i < token.size(); ++i) {
        for (const char replacement : { 'A', 'g', '_', '0' }) {
            if (token.at(i) == replacement || token.at(i) == '.')
                continue;
            QByteArray tampered = token;
            tampered[i] = replacement;
            QVERIFY2(!service.verify(tampered), qPrintable(QStringLiteral("position %1").arg(i)));
        }
    }
}

void TestTokenService::rejectsOtherSecret()
{
    const TokenService issuer(secret, [] { return start; });
    const TokenService other("another secret of enough length!", [] { return start; });
    QVERIFY(!other.verify(issuer.issue(sampleClaims())));
}

void TestTokenService::rejectsResignedPayloadFromOtherSecret()
{
    // A payload granting more (a later expiry, a wider pattern) cannot be grafted onto a valid signature.
    qint64 now = start;
    const TokenService service(secret, [&now] { return now; });
    const QByteArray narrow = service.issue(sampleClaims());
    now = start + 10 * TokenService::lifetimeMs;
    TokenClaims wide = sampleClaims();
    wide.accessPattern = u".*"_qs;
    const QByteArray later
        = TokenService("attacker secret of enough length", [&now] { return now; }).issue(wide);
    const QByteArray forged = later.left(later.indexOf('.')) + narrow.mid(narrow.indexOf('.'));
    now = start;
    QVERIFY(!service.verify(forged));
}

void TestTokenService::tokensAreUrlSafeAndHideNothingSecret()
{
    const TokenService service(secret, [] { return start; });
    const QByteArray token = service.issue(sampleClaims());
    static const QRegularExpression urlSafe(u"^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"_qs);
    QVERIFY2(urlSafe.match(QString::fromLatin1(token)).hasMatch(), token.constData());
    QVERIFY(!token.contains(secret));
    QVERIFY(!token.contains(secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    // Two issues at the same instant with the same claims give the same token (no hidden state).
    QCOMPARE(service.issue(sampleClaims()), token);
}

void TestTokenService::generatedSecrets()
{
    const QByteArray a = TokenService::generateSecret();
    const QByteArray b = TokenService::generateSecret();
    QCOMPARE(a.size(), 32);
    QCOMPARE(b.size(), 32);
    QVERIFY(a != b);
}

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
