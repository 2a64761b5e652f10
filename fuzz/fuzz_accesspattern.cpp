// SPDX-License-Identifier: MIT
// Fuzzes the token access-pattern translator/matcher and the subscription wildcard matcher.
// Input: `pattern 0xFF key 0xFF key ...`. Checked: wildcardMatch agrees with a reference
// dynamic-programming glob matcher; translateAccessPattern changes nothing in a pattern without
// `*` and only ever inserts `.` before a `*`; an AccessScope built from a pattern that
// accessPatternError() rejects grants nothing; exact subscriptions always match themselves; an
// anchored literal pattern grants its key and never the key with a control character added.
#include "core/accessscope.h"
#include "fuzzsupport.h"

#include <QRegularExpression>
#include <vector>

namespace {

/** Reference glob: `*` matches any run of bytes, everything else itself. O(n*m) table. */
bool referenceGlob(const QByteArray &pattern, const QByteArray &key)
{
    const qsizetype n = pattern.size();
    const qsizetype m = key.size();
    std::vector<char> row(size_t(m + 1), 0);
    std::vector<char> next(size_t(m + 1), 0);
    row[0] = 1;
    for (qsizetype i = 0; i < n; ++i) {
        const char p = pattern.at(i);
        next.assign(size_t(m + 1), 0);
        if (p == '*') {
            char reach = 0;
            for (qsizetype j = 0; j <= m; ++j) {
                reach = reach || row[size_t(j)];
                next[size_t(j)] = reach;
            }
        } else {
            for (qsizetype j = 1; j <= m; ++j)
                next[size_t(j)] = row[size_t(j - 1)] && key.at(j - 1) == p;
        }
        row.swap(next);
    }
    return row[size_t(m)];
}

void checkTranslation(const QString &pattern)
{
    const QString regex = AccessScope::translateAccessPattern(pattern);
    if (!pattern.contains(u'*'))
        FUZZ_CHECK(regex == pattern, pattern.toUtf8() + " -> " + regex.toUtf8());
    // Removing every inserted ".*" -> "*" must give the pattern back.
    FUZZ_CHECK(regex.size() >= pattern.size(), pattern.toUtf8());
    QString stripped = regex;
    stripped.replace(QStringLiteral(".*"), QStringLiteral("*"));
    QString strippedPattern = pattern;
    strippedPattern.replace(QStringLiteral(".*"), QStringLiteral("*"));
    FUZZ_CHECK(stripped == strippedPattern, pattern.toUtf8() + " -> " + regex.toUtf8());
}

/**
 * `^<key, escaped>$` grants the key and never the key with a line break or another control
 * character before or after it: `$` is the end of the key (docs/protocol.md §9.8).
 */
void checkAnchoredLiteral(const QByteArray &key)
{
    const QString literal = QString::fromUtf8(key);
    // NUL is skipped: QRegularExpression::escape writes it as \0, which takes following digits as octal.
    if (key.isEmpty() || key.contains('\0') || literal.contains(QChar::ReplacementCharacter))
        return;
    TokenClaims claims;
    claims.subscriptions = { "x" };
    claims.accessPattern = u'^' + QRegularExpression::escape(literal) + u'$';
    FUZZ_CHECK(AccessScope::accessPatternError(*claims.accessPattern).isEmpty(), key);
    const AccessScope exact = AccessScope::fromClaims(claims);
    FUZZ_CHECK(exact.mayAccess(key), key);
    for (const QByteArray &affix : { QByteArray("\n"), QByteArray("\r\n"), QByteArray("\r"), QByteArray("\t"),
                                     QByteArray("\0", 1), QByteArray("\x1f") }) {
        FUZZ_CHECK(!exact.mayAccess(key + affix), key + " + control character");
        FUZZ_CHECK(!exact.mayAccess(affix + key), "control character + " + key);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::quietLogging();
    if (size > 4096)
        return 0;
    const QList<QByteArray> parts = FuzzSupport::split(FuzzSupport::bytes(data, size), "\xff", 9);
    const QByteArray &pattern = parts.constFirst();
    const QList<QByteArray> keys = parts.mid(1);

    for (const QByteArray &key : keys)
        FUZZ_CHECK(AccessScope::wildcardMatch(pattern, key) == referenceGlob(pattern, key),
                   pattern + " ~ " + key);
    if (!pattern.contains('*'))
        FUZZ_CHECK(AccessScope::wildcardMatch(pattern, pattern), pattern);

    const QString text = QString::fromUtf8(pattern);
    checkTranslation(text);
    const bool valid = AccessScope::accessPatternError(text).isEmpty();

    TokenClaims claims;
    claims.subscriptions = { pattern };
    claims.accessPattern = text;
    const AccessScope withPattern = AccessScope::fromClaims(claims);
    claims.accessPattern.reset();
    const AccessScope subscribed = AccessScope::fromClaims(claims);
    FUZZ_CHECK(!withPattern.isFull() && !subscribed.isFull(), pattern);
    if (!pattern.contains('*') && !pattern.isEmpty())
        FUZZ_CHECK(subscribed.mayAccess(pattern) && subscribed.subscribesTo(pattern), pattern);
    for (const QByteArray &key : keys) {
        FUZZ_CHECK(subscribed.mayAccess(key) == AccessScope::wildcardMatch(pattern, key)
                       || (!pattern.contains('*') && key == pattern),
                   pattern + " ~ " + key);
        const bool granted = withPattern.mayAccess(key);
        if (!valid)
            FUZZ_CHECK(!granted, pattern + " ~ " + key);
        checkAnchoredLiteral(key);
    }
    return 0;
}
