// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"
#include "exchange/importdocument.h"

#include <QByteArray>
#include <QString>
#include <optional>

/**
 * @brief The exchange formats by name and by file: which writer or reader a file goes through.
 *
 * For every front end of dayboard_exchange (the command-line client, the app's File menu), so a
 * `.ics` file is read the same way everywhere.
 */
class ExchangeFormat
{
public:
    enum class Format { Json, ICalendar, Markdown };

    /** `json`, `ics` (`ical`, `icalendar`), `md` (`markdown`); nullopt for anything else. */
    static std::optional<Format> fromName(const QString &name);
    /** By the file name's suffix; `fallback` when it names none of them. */
    static Format forPath(const QString &path, Format fallback);
    static QByteArray write(Format format, const DayLists &days);

    /** An iCalendar file: by its suffix (.ics, .ical, .icalendar; .json is not), else by its first line. */
    static bool looksLikeICalendar(const QString &path, const QByteArray &data);
    /** Reads a file to import: iCalendar (ICalendarReader) or JSON (JsonExchange). */
    static ImportDocument read(const QString &path, const QByteArray &data);
};
