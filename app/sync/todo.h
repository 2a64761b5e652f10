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
 * never destroyed.
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
    QJsonObject extra;

    bool isDone() const { return status == Status::Done; }
    friend bool operator==(const Todo &, const Todo &) = default;
};

using TodoList = QList<Todo>;
