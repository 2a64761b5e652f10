// SPDX-License-Identifier: MIT
// Regression rows for AccessScope::translateAccessPattern found while hardening (docs/security.md):
// a `*` inside a character class is a class member, never a wildcard, including the PCRE2
// cases where `]` right after `[` / `[^` is a member and POSIX classes nest `[:...:]`.
// Before the fix, `[]a*]` became `[]a.*]`, so the token also reached keys with a `.`.
#include "core/accessscope.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAccessPatterns : public QObject
{
    Q_OBJECT

private slots:
    void translation_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("regex");
        QTest::newRow("prefix") << u"todo:*"_s << u"todo:.*"_s;
        QTest::newRow("escaped star") << u"a\\**"_s << u"a\\**"_s;
        QTest::newRow("class") << u"[ab*]x*"_s << u"[ab*]x.*"_s;
        QTest::newRow("bracket first in class") << u"^k[]a*]"_s << u"^k[]a*]"_s;
        QTest::newRow("bracket first in negated class") << u"^k[^]a*]z*"_s << u"^k[^]a*]z.*"_s;
        QTest::newRow("escaped bracket in class") << u"[\\]a*]"_s << u"[\\]a*]"_s;
        QTest::newRow("posix class") << u"[[:alpha:]a*]b*"_s << u"[[:alpha:]a*]b.*"_s;
        QTest::newRow("unterminated posix") << u"[[:a*"_s << u"[[:a*"_s;
    }
    void translation()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, regex);
        QCOMPARE(AccessScope::translateAccessPattern(pattern), regex);
    }

    void classStarGrantsNoDot()
    {
        TokenClaims claims;
        claims.subscriptions = { "x" };
        claims.accessPattern = u"^k[]a*]$"_s;
        const AccessScope scope = AccessScope::fromClaims(claims);
        QVERIFY(scope.mayAccess("ka"));
        QVERIFY(scope.mayAccess("k]"));
        QVERIFY(scope.mayAccess("k*"));
        QVERIFY(!scope.mayAccess("k."));
        QVERIFY(!scope.mayAccess("kb"));
    }
};

QTEST_GUILESS_MAIN(TestAccessPatterns)
#include "tst_accesspatterns.moc"
