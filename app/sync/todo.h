// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

/**
 * @brief One todo of a day, as ../shared/docs/data-model.md defines it.
 *
 * Unknown members of the stored object are kept in `extra` and written back untouched.
 * `priority` is "high" | "medium" | "low"; `status` is "not set" | "in progress" | "done".
 * Missing or unknown priority/status read as "low"/"not set" (the raw text stays in extra
 * only if it was unknown, so a value we do not understand is never destroyed).
 */
struct Todo
{
    QString id;
    QString text;
    QString priority = QStringLiteral("low");
    QString status = QStringLiteral("not set");
    qint64 created = 0;
    qint64 updated = 0; ///< 0: absent
    QJsonObject extra;

    bool isDone() const { return status == QLatin1String("done"); }
    friend bool operator==(const Todo &, const Todo &) = default;
};

using TodoList = QList<Todo>;
