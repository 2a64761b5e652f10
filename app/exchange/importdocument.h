// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

/**
 * @brief What a file to import holds, read and validated completely before anything is planned.
 *
 * Made by JsonExchange::read() or ICalendarReader::read(). When `error` is set the file is
 * malformed: `items` and `skipped` are empty and nothing may be imported (never half a file).
 * Otherwise ImportPlan::make() turns the items into operations.
 */
struct ImportDocument
{
    /** One todo of the file. */
    struct Item
    {
        Todo todo; ///< id: the todo id (JSON) or the UID (iCalendar)
        std::optional<QDate> day; ///< nullopt: undated, goes to the day the caller picks
        int line = 0; ///< where it starts in the file (1-based)
        QStringList notImported; ///< parts of it Dayboard cannot keep ("its repeat rule", ...)
    };

    /** Something in the file that is not imported, and why. */
    struct Skipped
    {
        int line = 0;
        QString title; ///< its summary/text, or its kind ("VEVENT") when it has none
        QString reason;
    };

    QList<Item> items;
    QList<Skipped> skipped;
    QString error; ///< not empty: the file cannot be imported; names the line
    int errorLine = 0; ///< the line `error` is about (0: the whole file)

    bool ok() const { return error.isEmpty(); }

    /** A document that says the file is malformed. */
    static ImportDocument failure(int line, const QString &error)
    {
        ImportDocument document;
        document.errorLine = line;
        document.error = error;
        return document;
    }
};
