// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

/**
 * @brief One todo of a day, as docs/data-model.md defines it.
 *
 * Unknown members of the stored object are kept in `extra` and written back untouched.
 * Priority and status are enums here; TodoCodec is the one place that maps them to and from
 * the stored strings. A missing or unknown stored priority/status reads as Low/NotSet, and the
 * raw value stays in `extra` (only when it was unknown), so a value we do not understand is
 * never destroyed. The same holds for the optional members notes/remind/reminded/series: a
 * stored value of the wrong type (or a `remind` that is not "HH:mm") stays raw in `extra` and
 * the field is empty.
 */
struct Todo
{
    Q_GADGET

public:
    enum class Priority { Low, Medium, High };
    Q_ENUM(Priority)
    enum class Status { NotSet, InProgress, Done };
    Q_ENUM(Status)

    QString id;
    QString text;
    Priority priority = Priority::Low;
    Status status = Status::NotSet;
    qint64 created = 0;
    qint64 updated = 0; ///< 0: absent
    // The planner's optional members (docs/data-model.md); empty / 0: absent.
    QString notes; ///< multi-line plain text
    QString remind; ///< "HH:mm", the reminder's local time on the todo's day
    qint64 reminded = 0; ///< ms since epoch when a device showed the reminder
    QString series; ///< id of the recurring series this todo is an occurrence of
    QJsonObject extra;

    bool isDone() const { return status == Status::Done; }
    friend bool operator==(const Todo &, const Todo &) = default;
};

using TodoList = QList<Todo>;
