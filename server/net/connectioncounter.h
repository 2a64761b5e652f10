// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

/**
 * @brief Counts open TCP connections, in total and per peer address, against their limits.
 *
 * A limit of 0 means none. tryAdmit() counts the connection when it is within both limits;
 * every admitted connection is released exactly once when its socket goes away.
 */
class ConnectionCounter
{
public:
    enum class Verdict { Admitted, TooManyTotal, TooManyFromAddress };

    ConnectionCounter(int maxTotal, int maxPerAddress);

    Verdict tryAdmit(const QString &address);
    void release(const QString &address);

    int total() const { return m_total; }
    int fromAddress(const QString &address) const { return m_perAddress.value(address); }
    int maxTotal() const { return m_maxTotal; }
    int maxPerAddress() const { return m_maxPerAddress; }

private:
    int m_maxTotal;
    int m_maxPerAddress;
    int m_total = 0;
    QHash<QString, int> m_perAddress;
};
