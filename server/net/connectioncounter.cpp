// SPDX-License-Identifier: MIT
#include "net/connectioncounter.h"

ConnectionCounter::ConnectionCounter(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal)
    , m_maxPerAddress(maxPerAddress)
{ }

ConnectionCounter::Verdict ConnectionCounter::tryAdmit(const QString &address)
{
    if (m_maxTotal > 0 && m_total >= m_maxTotal)
        return Verdict::TooManyTotal;
    int &fromAddress = m_perAddress[address];
    if (m_maxPerAddress > 0 && fromAddress >= m_maxPerAddress)
        return Verdict::TooManyFromAddress;
    ++fromAddress;
    ++m_total;
    return Verdict::Admitted;
}

void ConnectionCounter::release(const QString &address)
{
    const auto it = m_perAddress.find(address);
    if (it == m_perAddress.end())
        return;
    --m_total;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
}
