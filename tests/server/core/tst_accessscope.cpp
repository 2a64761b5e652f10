// SPDX-License-Identifier: MIT
#include "core/accessscope.h"

#include <QTest>

namespace {
constexpr auto noPattern = "<none>";

TokenClaims claims(const QString &accessPattern, const QList<QByteArray> &subscriptions)
{
    TokenClaims result;
    result.subscriptions = subscriptions;
    if (accessPattern != QLatin1String(noPattern))
        result.accessPattern = accessPattern;
    return result;
}
} // namespace

class TestAccessScope : public QObject
{
    Q_OBJECT

private slots:
    void translate_data();
    void translate();
    void mayAccess_data();
    void mayAccess();
    void subscribesTo_data();
    void subscribesTo();
    void wildcard_data();
    void wildcard();
    void patternError_data();
    void patternError();
    void fullScope();
    void splitsSubscriptions();
};

void TestAccessScope::translate_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("regex");

    QTest::newRow("dash star") << u"sub-test-*"_qs << u"sub-test-.*"_qs;
    QTest::newRow("anchored colon star") << u"^product:*$"_qs << u"^product:.*$"_qs;
    QTest::newRow("letter star") << u"todos*"_qs << u"todos.*"_qs;
    QTest::newRow("dot star kept") << u"^todos-.*"_qs << u"^todos-.*"_qs;
    QTest::newRow("class star kept") << u"[0-9]*"_qs << u"[0-9]*"_qs;
    QTest::newRow("star in class kept") << u"a[*]"_qs << u"a[*]"_qs;
    QTest::newRow("group star kept") << u"(ab)*"_qs << u"(ab)*"_qs;
    QTest::newRow("escape star kept") << u"\\d*"_qs << u"\\d*"_qs;
    QTest::newRow("escaped literal star kept") << u"a\\*"_qs << u"a\\*"_qs;
    QTest::newRow("escaped dot star kept") << u"a\\.*"_qs << u"a\\.*"_qs;
    QTest::newRow("quantifier star kept") << u"a{2}*"_qs << u"a{2}*"_qs;
    QTest::newRow("plus star kept") << u"a+*"_qs << u"a+*"_qs;
    QTest::newRow("two stars") << u"a*b*"_qs << u"a.*b.*"_qs;
    QTest::newRow("leading star kept") << u"*a"_qs << u"*a"_qs;
    QTest::newRow("after class, letter star") << u"[a]b*"_qs << u"[a]b.*"_qs;
    QTest::newRow("unicode letter") << u"é*"_qs << u"é.*"_qs;
    QTest::newRow("no star") << u"^todos-2026"_qs << u"^todos-2026"_qs;
}

void TestAccessScope::translate()
{
    QFETCH(QString, pattern);
    QFETCH(QString, regex);
    QCOMPARE(AccessScope::translateAccessPattern(pattern), regex);
}

void TestAccessScope::mayAccess_data()
{
    QTest::addColumn<QString>("accessPattern");
    QTest::addColumn<QList<QByteArray>>("subscriptions");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("allowed");

    const QList<QByteArray> none;
    const QList<QByteArray> subs { "todos-20261122", "prefs-*" };
    // accessPattern: search semantics.
    QTest::newRow("prefix match") << u"sub-test-*"_qs << none << QByteArray("sub-test-1") << true;
    QTest::newRow("prefix exact") << u"sub-test-*"_qs << none << QByteArray("sub-test-") << true;
    QTest::newRow("search finds middle") << u"sub-test-*"_qs << none << QByteArray("x-sub-test-1") << true;
    QTest::newRow("prefix miss") << u"sub-test-*"_qs << none << QByteArray("sub-tes") << false;
    QTest::newRow("anchored match") << u"^product:*$"_qs << none << QByteArray("product:42") << true;
    QTest::newRow("anchored miss") << u"^product:*$"_qs << none << QByteArray("my-product:42") << false;
    QTest::newRow("unanchored substring") << u"todos"_qs << none << QByteArray("my-todos-x") << true;
    QTest::newRow("unanchored miss") << u"todos"_qs << none << QByteArray("prefs") << false;
    QTest::newRow("regex class") << u"^todos-\\d{8}$"_qs << none << QByteArray("todos-20261122") << true;
    QTest::newRow("regex class miss")
        << u"^todos-\\d{8}$"_qs << none << QByteArray("todos-2026112x") << false;
    QTest::newRow("case sensitive") << u"^Todos"_qs << none << QByteArray("todos") << false;
    QTest::newRow("pattern ignores subscriptions")
        << u"^a$"_qs << subs << QByteArray("todos-20261122") << false;
    QTest::newRow("utf-8 key") << u"^日本"_qs << none << QByteArray("日本語") << true;
    QTest::newRow("NUL in key") << u"^a.b$"_qs << none << QByteArray("a\0b", 3) << true;
    QTest::newRow("match everything") << u".*"_qs << none << QByteArray("anything") << true;
    QTest::newRow("empty pattern matches all") << QString() << none << QByteArray("anything") << true;
    QTest::newRow("invalid pattern grants nothing")
        << u"("_qs << subs << QByteArray("todos-20261122") << false;
    // No accessPattern: only subscribed keys.
    QTest::newRow("subscribed exact")
        << QString::fromLatin1(noPattern) << subs << QByteArray("todos-20261122") << true;
    QTest::newRow("subscribed wildcard")
        << QString::fromLatin1(noPattern) << subs << QByteArray("prefs-theme") << true;
    QTest::newRow("not subscribed") << QString::fromLatin1(noPattern) << subs << QByteArray("todos-20261123")
                                    << false;
    QTest::newRow("exact is not a prefix")
        << QString::fromLatin1(noPattern) << subs << QByteArray("todos-2026112") << false;
    QTest::newRow("no subscriptions") << QString::fromLatin1(noPattern) << none << QByteArray("k") << false;
}

void TestAccessScope::mayAccess()
{
    QFETCH(QString, accessPattern);
    QFETCH(QList<QByteArray>, subscriptions);
    QFETCH(QByteArray, key);
    QFETCH(bool, allowed);
    const AccessScope scope = AccessScope::fromClaims(claims(accessPattern, subscriptions));
    QVERIFY(!scope.isFull());
    QCOMPARE(scope.mayAccess(key), allowed);
}

void TestAccessScope::subscribesTo_data()
{
    QTest::addColumn<QList<QByteArray>>("subscriptions");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("hears");

    const QList<QByteArray> subs { "todos-20261122", "prefs-*", "*-draft", "a*b*c" };
    QTest::newRow("exact") << subs << QByteArray("todos-20261122") << true;
    QTest::newRow("exact miss") << subs << QByteArray("todos-20261121") << false;
    QTest::newRow("prefix wildcard") << subs << QByteArray("prefs-x") << true;
    QTest::newRow("prefix wildcard empty run") << subs << QByteArray("prefs-") << true;
    QTest::newRow("suffix wildcard") << subs << QByteArray("note-draft") << true;
    QTest::newRow("middle wildcards") << subs << QByteArray("aXXbYYc") << true;
    QTest::newRow("middle wildcards miss") << subs << QByteArray("aXXcYYb") << false;
    QTest::newRow("regex chars are literal") << QList<QByteArray> { "a.b" } << QByteArray("axb") << false;
    QTest::newRow("regex chars literal match") << QList<QByteArray> { "a.b*" } << QByteArray("a.bc") << true;
    QTest::newRow("star alone") << QList<QByteArray> { "*" } << QByteArray("anything") << true;
    QTest::newRow("none") << QList<QByteArray>() << QByteArray("k") << false;
}

void TestAccessScope::subscribesTo()
{
    QFETCH(QList<QByteArray>, subscriptions);
    QFETCH(QByteArray, key);
    QFETCH(bool, hears);
    // The access pattern never changes what a token hears.
    const AccessScope scope = AccessScope::fromClaims(claims(u".*"_qs, subscriptions));
    QCOMPARE(scope.subscribesTo(key), hears);
}

void TestAccessScope::wildcard_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("matches");

    QTest::newRow("empty both") << QByteArray() << QByteArray() << true;
    QTest::newRow("star empty") << QByteArray("*") << QByteArray() << true;
    QTest::newRow("literal") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("literal longer key") << QByteArray("abc") << QByteArray("abcd") << false;
    QTest::newRow("literal shorter key") << QByteArray("abc") << QByteArray("ab") << false;
    QTest::newRow("star end") << QByteArray("ab*") << QByteArray("abzzz") << true;
    QTest::newRow("star start") << QByteArray("*yz") << QByteArray("xxyz") << true;
    QTest::newRow("star start miss") << QByteArray("*yz") << QByteArray("xxyzz") << false;
    QTest::newRow("backtrack") << QByteArray("*ab*ab") << QByteArray("xabyabab") << true;
    QTest::newRow("double star") << QByteArray("a**b") << QByteArray("axyb") << true;
    QTest::newRow("star needs suffix") << QByteArray("a*b") << QByteArray("a") << false;
    QTest::newRow("NUL bytes") << QByteArray("a*\0", 3) << QByteArray("ax\0", 3) << true;
    QTest::newRow("long run") << QByteArray("*a*a*a*a*b") << QByteArray(2000, 'a') << false;
}

void TestAccessScope::wildcard()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, key);
    QFETCH(bool, matches);
    QCOMPARE(AccessScope::wildcardMatch(pattern, key), matches);
}

void TestAccessScope::patternError_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("valid");

    QTest::newRow("prefix star") << u"sub-test-*"_qs << true;
    QTest::newRow("anchored") << u"^product:*$"_qs << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("class") << u"^todos-[0-9]+$"_qs << true;
    QTest::newRow("unbalanced paren") << u"(abc"_qs << false;
    QTest::newRow("unbalanced bracket") << u"[abc"_qs << false;
    QTest::newRow("leading star") << u"*abc"_qs << false;
    QTest::newRow("bad escape") << u"abc\\"_qs << false;
    QTest::newRow("bad quantifier") << u"a{2,1}"_qs << false;
}

void TestAccessScope::patternError()
{
    QFETCH(QString, pattern);
    QFETCH(bool, valid);
    const QString error = AccessScope::accessPatternError(pattern);
    QCOMPARE(error.isEmpty(), valid);
    if (!valid)
        QVERIFY2(error.startsWith(u"accessPattern is not a valid regular expression: "_qs),
                 qPrintable(error));
}

void TestAccessScope::fullScope()
{
    const AccessScope scope = AccessScope::full();
    QVERIFY(scope.isFull());
    QVERIFY(scope.mayAccess("anything"));
    QVERIFY(scope.mayAccess(QByteArray("\0", 1)));
    QVERIFY(!scope.subscribesTo("anything"));
    QVERIFY(scope.exactSubscriptions().isEmpty());
    QVERIFY(scope.wildcardSubscriptions().isEmpty());
}

void TestAccessScope::splitsSubscriptions()
{
    const AccessScope scope
        = AccessScope::fromClaims(claims(QString::fromLatin1(noPattern), { "a", "b*", "c", "*d" }));
    QCOMPARE(scope.exactSubscriptions(), (QList<QByteArray> { "a", "c" }));
    QCOMPARE(scope.wildcardSubscriptions(), (QList<QByteArray> { "b*", "*d" }));
}

QTEST_GUILESS_MAIN(TestAccessScope)
#include "tst_accessscope.moc"
