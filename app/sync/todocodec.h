// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

/**
 * @brief Reads and writes one day's value (docs/data-model.md): a JSON array of todo objects.
 *
 * Reading is lenient: unknown members go to Todo::extra, and a known member whose value we
 * do not understand (an unknown priority, a non-numeric `created`, ...) is kept raw in
 * `extra` under its own name while the struct field shows the default. Writing puts such a
 * raw member back in its place, so a value we do not understand survives a round trip; an
 * edit of that field (TodoOperation) removes the raw copy. A value that is not a JSON array
 * of objects is invalid and must never be overwritten.
 *
 * It is also the one place that knows the stored names of Todo::Priority ("high", "medium",
 * "low") and Todo::Status ("not set", "in progress", "done").
 *
 * Output is compact, members in the order id, text, priority, status, created, updated,
 * then the optional members (notes, remind, reminded, series; absent when empty or 0) and the
 * unknown ones together, alphabetically. A stored optional member of the wrong type (or a
 * `remind` that is not "HH:mm") is kept raw in `extra` like an unknown priority.
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

    /** Whether `text` is a valid `remind` value: "HH:mm", 00:00 to 23:59. */
    static bool isRemindTime(const QString &text);

    /** A fresh id: `todo_<ms since epoch>_<random>`. */
    static QString newId(qint64 nowMs = -1);

    /** The stored name of a priority / status. */
    static QString priorityName(Todo::Priority priority);
    static QString statusName(Todo::Status status);
    /** The priority / status a stored name stands for; nullopt when the name is unknown. */
    static std::optional<Todo::Priority> priorityFromName(const QString &name);
    static std::optional<Todo::Status> statusFromName(const QString &name);
};
