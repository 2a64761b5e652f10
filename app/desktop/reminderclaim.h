// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QString>
#include <functional>

class HpkvClient;

/**
 * @brief Claims a due reminder on the server, so it is shown once across windows, processes and
 * devices (docs/data-model.md, Reminders).
 *
 * Reads the day, checks that the todo is still open with the same `remind` and no `reminded`,
 * applies TodoOperation::setReminded(now) to the server's list and writes it with the day's
 * revision (compare-and-swap). A 409 means someone wrote the day first: read again and check
 * again. Only the writer whose write succeeds has won; everyone else sees `reminded` set and
 * lost. A server without revisions (the hosted HPKV service) gets an unconditional write after
 * the check: two devices claiming within the same round trip could then both show it.
 */
class ReminderClaim
{
public:
    enum class Outcome {
        Won, ///< our `reminded` is stored: show the notification
        Lost, ///< already claimed, done, changed or gone: show nothing
        Failed, ///< no answer from the server: try again later
    };
    /** `todo`: the todo as stored after the claim (Won) or as found (Lost). */
    using Done = std::function<void(Outcome outcome, const Todo &todo)>;

    static constexpr int maxAttempts = 8;

    static void claim(HpkvClient *client, const QDate &day, const QString &todoId, const QString &remind,
                      qint64 nowMs, const Done &done);
};
