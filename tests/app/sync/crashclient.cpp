// SPDX-License-Identifier: MIT
// dayboard-crashclient: a headless client built from the app's sync core (dayboard_sync), run
// and SIGKILLed by tst_clientcrash. It is the app minus the window: a DayCache and a
// SyncSession on a queue file, with the app's reconnect behaviour (short backoff).
//
//   dayboard-crashclient <queue-file> <server-url> <api-key> <day yyyy-MM-dd> <id-prefix> <count>
//
// Prints "started <n>" once the queue file is loaded (n: the edits it holds). Then submits
// <count> inserts with ids <id-prefix>-0 ... <id-prefix>-<count-1> in bursts of 1 to 5, one
// insert per event-loop pass (each starts a rewrite of the queue file), and after each burst
// waits for SyncSession::queueSaved() (the file holds every edit submitted so far), prints
// "saved <n>" (n: edits of this run in the file) and starts the next burst: whenever a line has
// just been printed, queue writes are under way. When all are submitted it waits until the
// server has acknowledged every queued edit, prints "drained" and exits 0.

#include "sync/backoff.h"
#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/syncsession.h"

#include <QCoreApplication>
#include <QDate>
#include <QTimer>
#include <cstdio>
#include <functional>

namespace {

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QDate day = args.size() == 7 ? QDate::fromString(args.at(4), Qt::ISODate) : QDate();
    bool countOk = false;
    const int count = args.size() == 7 ? args.at(6).toInt(&countOk) : 0;
    if (!day.isValid() || !countOk || count < 0) {
        std::fputs(
            "usage: dayboard-crashclient <queue-file> <server-url> <api-key> <day> <id-prefix> <count>\n",
            stderr);
        return 2;
    }
    const QString prefix = args.at(5);

    DayCache cache;
    SyncSession session(&cache, args.at(1));
    session.client()->setBackoff(Backoff(10, 100));
    session.monitor()->setBackoff(Backoff(10, 100));
    cache.watch(day);
    session.setEndpoint({ QUrl(args.at(2)), args.at(3) });
    say("started " + QByteArray::number(session.pendingCount()));

    int submitted = 0;
    int burstLeft = 0; ///< inserts of the current burst still to submit
    const auto drainedYet = [&] {
        if (submitted == count && session.pendingCount() == 0 && session.isQueueSaved()) {
            say("drained");
            QCoreApplication::exit(0);
        }
    };
    std::function<void()> submitOne = [&] {
        if (burstLeft == 0 || submitted == count)
            return;
        Todo todo;
        todo.id = prefix + u'-' + QString::number(submitted);
        // Long texts make every queue write take a while: a kill lands in one more often.
        todo.text = QStringLiteral("edit %1 of %2 ").arg(submitted).arg(prefix) + QString(300, u'.');
        todo.created = 1700000000000 + submitted;
        session.submit(TodoOperation::insert(day, todo, -1, {}, todo.created));
        ++submitted;
        if (--burstLeft > 0)
            QTimer::singleShot(0, &app, submitOne);
    };
    const auto nextBatch = [&] {
        if (burstLeft > 0 || submitted == count)
            return;
        burstLeft = 1 + submitted % 5;
        submitOne();
    };
    QObject::connect(&session, &SyncSession::queueSaved, &app, [&] {
        if (burstLeft > 0)
            return; // caught up in the middle of a burst
        if (submitted > 0)
            say("saved " + QByteArray::number(submitted));
        nextBatch();
        drainedYet();
    });
    QObject::connect(&session, &SyncSession::pendingCountChanged, &app, drainedYet);
    QTimer::singleShot(0, &app, [&] {
        nextBatch();
        drainedYet();
    });
    return app.exec();
}
