// SPDX-License-Identifier: MIT
#include "core/apikeyring.h"

#include <QCryptographicHash>

namespace {

QByteArray digest(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

} // namespace

ApiKeyRing::ApiKeyRing(const QList<QByteArray> &keys)
{
    for (const QByteArray &key : keys)
        add(key);
}

void ApiKeyRing::add(const QByteArray &key)
{
    if (key.isEmpty())
        return;
    const QByteArray keyDigest = digest(key);
    if (!m_digests.contains(keyDigest))
        m_digests.append(keyDigest);
}

bool ApiKeyRing::accepts(const QByteArray &candidate) const
{
    const QByteArray candidateDigest = digest(candidate);
    uchar matched = 0;
    for (const QByteArray &keyDigest : m_digests) {
        uchar difference = 0;
        for (qsizetype i = 0; i < keyDigest.size(); ++i)
            difference |= uchar(keyDigest.at(i)) ^ uchar(candidateDigest.at(i));
        matched |= uchar(difference == 0);
    }
    return !candidate.isEmpty() && matched != 0;
}
