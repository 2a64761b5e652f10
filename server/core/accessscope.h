// SPDX-License-Identifier: MIT
#pragma once

#include "core/tokenclaims.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <optional>

/**
 * @brief What one connection may touch and hear (docs/protocol.md §5).
 *
 * An API-key connection has full access and no subscriptions. A token connection may touch
 * keys matching the token's accessPattern (search semantics, `X*` read as `X.*`, `$` only at the
 * very end of the key, at most a fixed number of match steps per check), or only its
 * subscribed keys when there is no pattern; it hears writes to keys matching its subscriptions
 * (exact keys, or patterns where `*` matches any run of characters).
 */
class AccessScope
{
public:
    static AccessScope full();
    static AccessScope fromClaims(const TokenClaims &claims);

    /**
     * Empty when `accessPattern` is usable (a valid regex that AccessPatternSafety allows), else
     * a message for the token requester (400).
     * The token endpoint calls this before issuing a token.
     */
    static QString accessPatternError(const QString &accessPattern);
    /** `accessPattern` as a regular expression: every `*` right after a literal character becomes `.*`. */
    static QString translateAccessPattern(const QString &accessPattern);
    /** True when `key` matches a subscription `pattern` where `*` matches any run of bytes. */
    static bool wildcardMatch(const QByteArray &pattern, const QByteArray &key);

    bool isFull() const { return m_full; }
    bool mayAccess(const QByteArray &key) const;
    bool subscribesTo(const QByteArray &key) const;
    /** Exact (wildcard-free) subscribed keys: the hub indexes these by key. */
    const QList<QByteArray> &exactSubscriptions() const { return m_exact; }
    /** Subscriptions that contain `*`: the hub matches these per write. */
    const QList<QByteArray> &wildcardSubscriptions() const { return m_wildcards; }

private:
    bool m_full = false;
    QList<QByteArray> m_exact;
    QList<QByteArray> m_wildcards;
    std::optional<QRegularExpression> m_access;
    bool m_accessUsable = false; ///< m_access compiled and passed accessPatternError()
};
