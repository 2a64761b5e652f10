// SPDX-License-Identifier: MIT
#include "desktop/reminderclaim.h"

#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/todocodec.h"
#include "sync/todooperation.h"

#include <QLoggingCategory>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcReminders)

namespace {

struct Attempt : std::enable_shared_from_this<Attempt>
{
    HpkvClient *client;
    QDate day;
    QString todoId;
    QString remind;
    qint64 nowMs;
    ReminderClaim::Done done;
    int attempts = 0;

    void read()
    {
        ++attempts;
        auto self = shared_from_this();
        client->get(DayCache::keyFor(day), [self](const HpkvClient::Reply &reply) { self->onRead(reply); });
    }

    void onRead(const HpkvClient::Reply &reply)
    {
        if (reply.code == 404)
            return done(ReminderClaim::Outcome::Lost, {});
        if (!reply.ok())
            return done(ReminderClaim::Outcome::Failed, {});
        const TodoCodec::Result parsed = TodoCodec::parse(reply.value().value_or(QByteArray()));
        const Todo *todo = nullptr;
        for (const Todo &candidate : parsed.todos) {
            if (candidate.id == todoId)
                todo = &candidate;
        }
        if (!parsed.ok || !todo)
            return done(ReminderClaim::Outcome::Lost, {});
        if (todo->reminded != 0 || todo->isDone() || todo->remind != remind)
            return done(ReminderClaim::Outcome::Lost, *todo);
        const TodoList claimed = TodoOperation::setReminded(day, todoId, nowMs).applyTo(parsed.todos);
        const std::optional<qint64> revision = reply.revision();
        auto self = shared_from_this();
        client->set(DayCache::keyFor(day), TodoCodec::serialize(claimed), revision,
                    [self, claimed](const HpkvClient::Reply &written) { self->onWritten(written, claimed); });
    }

    void onWritten(const HpkvClient::Reply &reply, const TodoList &claimed)
    {
        if (reply.ok()) {
            for (const Todo &todo : claimed) {
                if (todo.id == todoId)
                    return done(ReminderClaim::Outcome::Won, todo);
            }
        }
        if (reply.code == 409 && attempts < ReminderClaim::maxAttempts) {
            qCDebug(lcReminders) << "claim of" << todoId << "met a concurrent write; reading again";
            return read();
        }
        done(ReminderClaim::Outcome::Failed, {});
    }
};

} // namespace

void ReminderClaim::claim(HpkvClient *client, const QDate &day, const QString &todoId, const QString &remind,
                          qint64 nowMs, const Done &done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->client = client;
    attempt->day = day;
    attempt->todoId = todoId;
    attempt->remind = remind;
    attempt->nowMs = nowMs;
    attempt->done = done;
    attempt->read();
}
