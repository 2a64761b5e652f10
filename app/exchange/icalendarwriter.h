// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"

#include <QByteArray>

/**
 * @brief Writes days as an iCalendar (RFC 5545) file of VTODOs, with libical.
 *
 * One VCALENDAR, one VTODO per todo in day and list order; the mapping is in docs/data-model.md
 * ("Exchange formats"). ICalendarReader reads it back to the same todos, unknown members included.
 */
class ICalendarWriter
{
public:
    static QByteArray write(const DayLists &days);
};
