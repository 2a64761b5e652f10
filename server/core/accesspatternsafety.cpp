// SPDX-License-Identifier: MIT
#include "core/accesspatternsafety.h"

#include <QList>

namespace {

/** PCRE2 reads only ASCII digits as numbers (`\` before any other character is that character). */
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

struct Group
{
    bool hasRepetition = false;
    bool hasAlternative = false;
};

/** Length of the class starting at `[` (index `start`), or -1 when it does not end. */
qsizetype classLength(const QString &regex, qsizetype start)
{
    const qsizetype size = regex.size();
    qsizetype i = start + 1;
    if (i < size && regex.at(i) == u'^')
        ++i;
    if (i < size && regex.at(i) == u']')
        ++i; // a `]` first is a member
    for (; i < size; ++i) {
        const QChar c = regex.at(i);
        if (c == u'\\') {
            ++i;
        } else if (c == u'[' && i + 1 < size && regex.at(i + 1) == u':') {
            const qsizetype end = regex.indexOf(QLatin1StringView(":]"), i + 2);
            if (end > 0)
                i = end + 1;
        } else if (c == u']') {
            return i + 1 - start;
        }
    }
    return -1;
}

/** A quantifier at `i`: 0 none, 1 optional (`?`, `{0,1}`), 2 repeating; `*length` its size. */
int quantifierAt(const QString &regex, qsizetype i, qsizetype *length)
{
    *length = 1;
    if (i >= regex.size())
        return 0;
    const QChar c = regex.at(i);
    if (c == u'*' || c == u'+')
        return 2;
    if (c == u'?')
        return 1;
    if (c != u'{' || i + 1 >= regex.size() || !(isAsciiDigit(regex.at(i + 1)) || regex.at(i + 1) == u','))
        return 0;
    const qsizetype end = regex.indexOf(u'}', i);
    if (end < 0)
        return 0;
    *length = end + 1 - i;
    const QStringView body = QStringView(regex).sliced(i + 1, end - i - 1);
    return body == u"0,1" || body == u"1" || body == u"0" || body == u"1,1" ? 1 : 2;
}

QString groupProblem(const QString &regex, qsizetype i)
{
    // `i` is the index of `(`; `(?...` and `(*...` forms are checked here.
    static const QString references
        = QStringLiteral("Backreferences, recursion, subroutine calls, conditionals and callouts are not "
                         "allowed in an accessPattern");
    const QStringView rest = QStringView(regex).sliced(i + 1);
    if (rest.startsWith(u'*'))
        return QStringLiteral("(*...) verbs and options are not allowed in an accessPattern");
    if (!rest.startsWith(u'?') || rest.size() < 2)
        return {};
    const QStringView after = rest.sliced(1);
    const QChar c = after.at(0);
    if (QStringView(u":=!|>#'").contains(c) || after.startsWith(u"P<"))
        return {}; // non-capturing, lookaround, branch reset, atomic, comment, named group
    if (c == u'<')
        return {}; // lookbehind or named group
    if (isAsciiDigit(c) || QStringView(u"+&(PRC").contains(c)
        || (c == u'-' && after.size() > 1 && isAsciiDigit(after.at(1))))
        return references;
    for (const QChar flag : after) {
        if (flag == u')' || flag == u':')
            return {};
        if (flag != u'i' && flag != u's' && flag != u'-' && flag != u'^')
            return QStringLiteral("Only the inline options i and s are allowed in an accessPattern");
    }
    return {};
}

} // namespace

QString AccessPatternSafety::dollarAtEndOnly(const QString &regex)
{
    QString result;
    result.reserve(regex.size() + 4);
    const qsizetype size = regex.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = regex.at(i);
        qsizetype copy = 1;
        if (c == u'$') {
            result.append(QLatin1StringView("\\z"));
            continue;
        }
        if (c == u'\\' && i + 1 < size && regex.at(i + 1) == u'Q') {
            const qsizetype end = regex.indexOf(QLatin1StringView("\\E"), i + 2);
            copy = (end < 0 ? size : end + 2) - i;
        } else if (c == u'\\') {
            copy = qMin<qsizetype>(2, size - i);
        } else if (c == u'[') {
            const qsizetype length = classLength(regex, i);
            copy = length < 0 ? size - i : length;
        }
        result.append(QStringView(regex).sliced(i, copy));
        i += copy - 1;
    }
    return result;
}

QString AccessPatternSafety::problem(const QString &regex)
{
    static const QString nested = QStringLiteral(
        "accessPattern may backtrack catastrophically: a repeated group contains a repetition or an "
        "alternative (e.g. (a+)+ or (a|b)*); write it with a character class or a prefix instead");
    QList<Group> stack { Group {} };
    const qsizetype size = regex.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = regex.at(i);
        if (c == u'\\') {
            if (i + 1 >= size)
                break;
            const QChar e = regex.at(++i);
            if (isAsciiDigit(e) && e != u'0')
                return QStringLiteral("Backreferences are not allowed in an accessPattern");
            if (e == u'g' || e == u'k')
                return QStringLiteral(
                    "Backreferences and subroutine calls are not allowed in an accessPattern");
            if (e == u'Z')
                return QStringLiteral(
                    "\\Z is not allowed in an accessPattern: use $ or \\z for the end of the key");
            if (e == u'Q') {
                const qsizetype end = regex.indexOf(QLatin1StringView("\\E"), i + 1);
                i = end < 0 ? size : end + 1;
            } else if (i + 1 < size && regex.at(i + 1) == u'{' && QStringView(u"pPxoN").contains(e)) {
                const qsizetype end = regex.indexOf(u'}', i + 1);
                i = end < 0 ? size : end;
            }
        } else if (c == u'[') {
            const qsizetype length = classLength(regex, i);
            if (length < 0)
                break; // an invalid regex; compiling it reports that
            i += length - 1;
        } else if (c == u'(') {
            if (const QString problem = groupProblem(regex, i); !problem.isEmpty())
                return problem;
            stack.append(Group {});
        } else if (c == u'|') {
            stack.last().hasAlternative = true;
        } else if (c == u')') {
            if (stack.size() < 2)
                break;
            const Group closed = stack.takeLast();
            qsizetype length = 0;
            const int quantifier = quantifierAt(regex, i + 1, &length);
            if (quantifier == 2 && (closed.hasRepetition || closed.hasAlternative))
                return nested;
            stack.last().hasRepetition |= closed.hasRepetition || quantifier == 2;
        } else {
            qsizetype length = 0;
            if (quantifierAt(regex, i, &length) == 2)
                stack.last().hasRepetition = true;
            if (length > 1)
                i += length - 1;
        }
    }
    return {};
}
