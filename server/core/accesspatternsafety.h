// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/**
 * @brief A conservative static check of an access-pattern regex, run before a token is issued
 * (docs/security.md "access patterns").
 *
 * Refused, with a message for the token requester:
 * - a repeated group (`*`, `+`, `{n}`, `{n,}`, `{n,m}` after `)`) that contains a repetition or
 *   an alternative, e.g. `(a+)+`, `(a|a)*`, `(\w+\s?)*`: the shapes that backtrack
 *   exponentially; a group made optional with `?` is allowed;
 * - backreferences, subroutine calls, recursion, conditionals and callouts (`\1`, `\g`, `\k`,
 *   `(?1)`, `(?R)`, `(?&n)`, `(?P=n)`, `(?(`, `(?C`);
 * - `(*...)` verbs and start-of-pattern options (they could lift the server's match limit);
 * - inline options other than `i` and `s` (`(?m)` would let `^`/`$` match at a newline inside
 *   a key, `(?x)` hides text from this check);
 * - `\Z` (matches before a final newline; `$` and `\z` mean the end of the key).
 *
 * What it lets through is at worst polynomial; AccessScope's match limit bounds that.
 */
class AccessPatternSafety
{
public:
    /** Empty when `regex` (already translated from the access pattern) is allowed. */
    static QString problem(const QString &regex);
    /**
     * `regex` with every `$` outside a character class (and outside `\Q...\E`) written `\z`:
     * the end of the key, never before a final newline (Qt 6.4 has no DOLLAR_ENDONLY option).
     */
    static QString dollarAtEndOnly(const QString &regex);
};
