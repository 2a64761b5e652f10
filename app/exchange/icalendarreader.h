// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/importdocument.h"

#include <QByteArray>
#include <QCoreApplication>

/**
 * @brief Reads an iCalendar (RFC 5545) file's VTODOs, from Dayboard or any other app, with libical.
 *
 * The whole file is parsed and checked first: libical's parser reads it content line by content
 * line, and the first line it cannot read (a broken property, a bad value), a BEGIN without its
 * END or an END that closes something else makes the whole file fail with that line's number,
 * giving no items at all. Unknown but well-formed properties are ignored (RFC 5545 §3.8.8.2).
 *
 * Then each VTODO becomes an item (mapping: docs/data-model.md, "Exchange formats"): with DUE on
 * that day, else with DTSTART on that day, else undated. VEVENTs, VJOURNALs, cancelled todos and
 * todos without a summary are skipped, each with its reason. Parts Dayboard cannot keep (repeat
 * rules, alarms) are named in the item's `notImported`.
 */
class ICalendarReader
{
    Q_DECLARE_TR_FUNCTIONS(ICalendarReader)

public:
    static ImportDocument read(const QByteArray &data);
};
