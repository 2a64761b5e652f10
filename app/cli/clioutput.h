// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/**
 * @brief What dayboard-cli prints: lines for people, or JSON (--json) for scripts.
 *
 * Results go to stdout; errors to stderr as `dayboard-cli: <message>`, and with --json also to
 * stdout as `{"error": <message>, "exitCode": <code>}`, so a script reading stdout always gets JSON.
 */
class CliOutput
{
public:
    explicit CliOutput(bool json)
        : m_json(json)
    { }

    bool isJson() const { return m_json; }
    /** One line on stdout (flushed, so a reader of a pipe sees it at once). */
    void line(const QString &text) const;
    /** One compact JSON document on one line of stdout. */
    void json(const QJsonValue &value) const;
    /** Says what went wrong and returns `code`. */
    int error(int code, const QString &message) const;
    /** A note for people on stderr (never part of the results). */
    void note(const QString &text) const;

    /** `2026-12-07  todo_…  [x] text  (high) 14:30` */
    static QString todoLine(const QDate &day, const Todo &todo);
    /** `{"day": "2026-12-07", "todo": {the stored object}}` */
    static QJsonObject todoJson(const QDate &day, const Todo &todo);

private:
    bool m_json = false;
};
