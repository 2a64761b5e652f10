// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

/**
 * @brief The API keys a server accepts, checked in constant time.
 *
 * Keys are kept as SHA-256 digests; a candidate is hashed and compared with every digest
 * without an early exit, so neither the position of a matching key nor the length of any key
 * shows in the timing.
 */
class ApiKeyRing
{
public:
    ApiKeyRing() = default;
    explicit ApiKeyRing(const QList<QByteArray> &keys);

    /** Adds `key`; empty keys are ignored (an empty key would accept a missing header). */
    void add(const QByteArray &key);
    /** Forgets every key (a reload adds the new set). */
    void clear() { m_digests.clear(); }
    bool isEmpty() const { return m_digests.isEmpty(); }
    qsizetype size() const { return m_digests.size(); }
    /** True when `candidate` is one of the keys. */
    bool accepts(const QByteArray &candidate) const;

private:
    QList<QByteArray> m_digests;
};
