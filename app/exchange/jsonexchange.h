// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"
#include "exchange/importdocument.h"

#include <QByteArray>
#include <QCoreApplication>

/**
 * @brief The JSON export format: one object whose members are the stored days.
 *
 * `{"todos-20261207":[...],"todos-20261208":[...]}`: each key is a day's storage key and each
 * value that day's array exactly as Dayboard stores it (TodoCodec, docs/data-model.md), so the
 * file is also what the showcase web app reads, and unknown members survive a round trip.
 * One day per line, in date order.
 */
class JsonExchange
{
    Q_DECLARE_TR_FUNCTIONS(JsonExchange)

public:
    static QByteArray write(const DayLists &days);

    /**
     * Reads a file written by write() (or by hand in that shape). Members that are not day keys
     * are skipped; a todo without an id or text is skipped. Malformed JSON, or a day whose value
     * is not an array of objects, makes the whole file fail with the line named.
     */
    static ImportDocument read(const QByteArray &data);
};
