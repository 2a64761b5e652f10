// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

class RedisConnection;

/**
 * @brief What an instance sets up in Redis each time its command connection opens: the write and
 * range scripts loaded, and the shared token secret (and API key, when one is wanted) agreed on
 * with SET NX, so every instance on one Redis ends up with the same ones.
 *
 * The commands are pipelined; replies arrive in order, so the last callback sees every result.
 */
namespace RedisSetup {
struct Result
{
    QByteArray writeSha;
    QByteArray rangeSha;
    QByteArray apiKey; ///< empty unless an API key was wanted
    QByteArray secret;
    QString error; ///< the first error reply, or a missing piece; empty on success
};

/**
 * Sends the setup commands on `commands`. `secretCandidate` and `apiKeyCandidate` are stored only
 * when Redis has none yet (an empty `apiKeyCandidate`: no API key wanted). `done` runs once, with
 * no result when the connection ended first (`connectionEnded` true).
 */
void run(RedisConnection *commands, const QByteArray &keyBase, const QByteArray &secretCandidate,
         const QByteArray &apiKeyCandidate, std::function<void(const Result &, bool connectionEnded)> done);
} // namespace RedisSetup
