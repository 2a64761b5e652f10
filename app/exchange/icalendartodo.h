// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/importdocument.h"
#include "sync/todo.h"

#include <QCoreApplication>
#include <QDate>
#include <libical/ical.h>
#include <variant>

/**
 * @brief One todo ⇄ one libical VTODO component (the mapping of docs/data-model.md,
 * "Exchange formats"). Internal to dayboard_exchange: ICalendarWriter and ICalendarReader use it.
 */
class ICalendarTodo
{
    Q_DECLARE_TR_FUNCTIONS(ICalendarTodo)

public:
    /** A new VTODO for `todo` on `day`; the caller owns it. */
    static icalcomponent *toComponent(const Todo &todo, const QDate &day);

    /**
     * The todo a VTODO stands for (an Item), or why it cannot be imported (a QString).
     * `line`: where its BEGIN:VTODO is.
     */
    static std::variant<ImportDocument::Item, QString> fromComponent(icalcomponent *vtodo, int line);
};
