// SPDX-License-Identifier: MIT
#include "core/accessscope.h"

#include "core/accesspatternsafety.h"

namespace {

/** Every access check stops after this many PCRE2 match steps and then denies (docs/security.md). */
constexpr int matchLimit = 10000;

QString limitPrefix()
{
    return QStringLiteral("(*LIMIT_MATCH=%1)").arg(matchLimit);
}

bool isRegexSyntax(QChar c)
{
    return QLatin1String("\\^$.|?*+()[]{}").contains(c);
}

/**
 * `$` only at the very end of the key (never before a final newline); the match limit first,
 * where nothing in the pattern can lift it (AccessPatternSafety refuses `(*...)`).
 */
QRegularExpression compile(const QString &accessPattern)
{
    return QRegularExpression(
        limitPrefix()
        + AccessPatternSafety::dollarAtEndOnly(AccessScope::translateAccessPattern(accessPattern)));
}

} // namespace

AccessScope AccessScope::full()
{
    AccessScope scope;
    scope.m_full = true;
    return scope;
}

AccessScope AccessScope::fromClaims(const TokenClaims &claims)
{
    AccessScope scope;
    for (const QByteArray &subscription : claims.subscriptions) {
        if (subscription.contains('*'))
            scope.m_wildcards.append(subscription);
        else
            scope.m_exact.append(subscription);
    }
    if (claims.accessPattern) {
        scope.m_access = compile(*claims.accessPattern);
        // A pattern the token endpoint would refuse grants nothing (tokens from older versions).
        scope.m_accessUsable = accessPatternError(*claims.accessPattern).isEmpty();
        if (scope.m_accessUsable)
            scope.m_access->optimize();
    }
    return scope;
}

QString AccessScope::translateAccessPattern(const QString &accessPattern)
{
    QString regex;
    regex.reserve(accessPattern.size() + 8);
    const qsizetype size = accessPattern.size();
    bool escaped = false; // the previous character was a backslash
    bool inClass = false; // inside [...]
    bool previousLiteral = false;
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = accessPattern.at(i);
        if (escaped) {
            regex.append(c);
            escaped = false;
            previousLiteral = false; // `\d*`, `\.*` keep their regex meaning
            continue;
        }
        if (c == u'\\') {
            regex.append(c);
            escaped = true;
            previousLiteral = false;
            continue;
        }
        if (inClass) {
            regex.append(c);
            if (c == u'[' && i + 1 < size && accessPattern.at(i + 1) == u':') {
                // A POSIX class such as [:alpha:] ends at its own `:]`, not the outer class.
                const qsizetype end = accessPattern.indexOf(QLatin1StringView(":]"), i + 2);
                if (end > 0) {
                    regex.append(QStringView(accessPattern).sliced(i + 1, end + 1 - i));
                    i = end + 1;
                }
                continue;
            }
            inClass = c != u']';
            previousLiteral = false;
            continue;
        }
        if (c == u'[') {
            regex.append(c);
            // PCRE2: a `]` right after `[` or `[^` is a member of the class, not its end.
            if (i + 1 < size && accessPattern.at(i + 1) == u'^')
                regex.append(accessPattern.at(++i));
            if (i + 1 < size && accessPattern.at(i + 1) == u']')
                regex.append(accessPattern.at(++i));
            inClass = true;
            previousLiteral = false;
            continue;
        }
        if (c == u'*' && previousLiteral)
            regex.append(u'.');
        regex.append(c);
        previousLiteral = !isRegexSyntax(c);
    }
    return regex;
}

QString AccessScope::accessPatternError(const QString &accessPattern)
{
    const QRegularExpression regex = compile(accessPattern);
    if (regex.isValid())
        return AccessPatternSafety::problem(translateAccessPattern(accessPattern));
    return QStringLiteral("accessPattern is not a valid regular expression: %1 (at offset %2)")
        .arg(regex.errorString())
        .arg(qMax<qsizetype>(0, regex.patternErrorOffset() - limitPrefix().size()));
}

bool AccessScope::wildcardMatch(const QByteArray &pattern, const QByteArray &key)
{
    // Iterative glob with single-star backtracking: linear in practice, no recursion.
    qsizetype p = 0;
    qsizetype k = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (k < key.size()) {
        if (p < pattern.size() && pattern.at(p) == '*') {
            star = p++;
            resume = k;
        } else if (p < pattern.size() && pattern.at(p) == key.at(k)) {
            ++p;
            ++k;
        } else if (star >= 0) {
            p = star + 1;
            k = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == '*')
        ++p;
    return p == pattern.size();
}

bool AccessScope::mayAccess(const QByteArray &key) const
{
    if (m_full)
        return true;
    if (m_access) {
        // A refused pattern (never issued, see accessPatternError) grants nothing; a key whose
        // check runs past the match limit is denied (no match).
        return m_accessUsable && m_access->match(QString::fromUtf8(key)).hasMatch();
    }
    return subscribesTo(key);
}

bool AccessScope::subscribesTo(const QByteArray &key) const
{
    if (m_exact.contains(key))
        return true;
    for (const QByteArray &pattern : m_wildcards) {
        if (wildcardMatch(pattern, key))
            return true;
    }
    return false;
}
