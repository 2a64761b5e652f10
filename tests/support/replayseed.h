// SPDX-License-Identifier: MIT
#pragma once

#include <QRandomGenerator>
#include <QString>

/**
 * The seed of a randomised test run (kill moments, key choices): DAYBOARD_CRASH_SEED when it
 * is set, to replay the run that printed it, else a fresh one. Printed with how to replay it.
 */
inline quint32 replaySeed()
{
    bool given = false;
    quint32 seed = qEnvironmentVariable("DAYBOARD_CRASH_SEED").toUInt(&given);
    if (!given)
        seed = QRandomGenerator::global()->generate();
    qInfo("seed %u (replay: DAYBOARD_CRASH_SEED=%u)", seed, seed);
    return seed;
}
