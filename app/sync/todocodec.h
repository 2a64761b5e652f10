// SPDX-License-Identifier: MIT
#pragma once

#include "todo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

/**
 * @brief Reads and writes one day's value (data-model.md): a JSON array of todo objects.
 *
 * Reading is lenient: unknown members go to Todo::extra, and a known member whose value we
 * do not understand (an unknown priority, a non-numeric `created`, ...) is kept raw in
 * `extra` under its own name while the struct field shows the default. Writing puts such a
 * raw member back in its place, so a value we do not understand survives a round trip; an
 * edit of that field (TodoOperation) removes the raw copy. A value that is not a JSON array
 * of objects is invalid and must never be overwritten.
 *
 * Output is compact, members in the order id, text, priority, status, created, updated,
 * then the extra members (alphabetical).
 */
class TodoCodec
{
public:
    struct Result
    {
        bool ok = false;
        TodoList todos;
        QString error; ///< !ok: why the value cannot be shown (never contains the value)
    };

    static Result parse(const QByteArray &value);
    static QByteArray serialize(const TodoList &todos);

    /** One todo as a JSON object (queue file); member order is not kept by QJsonObject. */
    static QJsonObject toJson(const Todo &todo);
    static Todo fromJson(const QJsonObject &object);

    /** A fresh id: `todo_<ms since epoch>_<random>`. */
    static QString newId(qint64 nowMs = -1);

    static bool isKnownPriority(const QString &priority);
    static bool isKnownStatus(const QString &status);
};
