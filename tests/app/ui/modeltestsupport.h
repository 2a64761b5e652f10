// SPDX-License-Identifier: MIT
#pragma once
// What the C++ tests of the app/ui models share: a real in-process server with two clients of it,
// a DayModel over a cache driven directly (WatchedDay), the row signals of one update (Announced).
#include "daemon/dayboardserver.h"
#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todooperation.h"
#include "ui/daymodel.h"
#include "ui/todofiltermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <numeric>
inline constexpr int timeoutMs = 20000;

inline QStringList texts(const DayModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row).data(DayModel::TextRole).toString();
    return result;
}

inline QStringList ids(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data(DayModel::IdRole).toString();
    return result;
}

/** Todos with ids "t<n>" in the given order; every third one done (the filter hides those). */
inline TodoList numberedTodos(const QList<int> &numbers)
{
    TodoList todos;
    for (int number : numbers) {
        Todo todo;
        todo.id = u"t%1"_qs.arg(number);
        todo.text = u"todo %1"_qs.arg(number);
        todo.status = number % 3 == 0 ? Todo::Status::Done : Todo::Status::NotSet;
        todos << todo;
    }
    return todos;
}

inline QList<int> range(int count)
{
    QList<int> numbers(count);
    std::iota(numbers.begin(), numbers.end(), 0);
    return numbers;
}

/** Length of the longest increasing subsequence, the plain O(n²) way (independent of MovePlan). */
inline int longestIncreasingLength(const QList<int> &values)
{
    QList<int> endingAt(values.size(), 1);
    for (int i = 0; i < values.size(); ++i) {
        for (int j = 0; j < i; ++j) {
            if (values.at(j) < values.at(i))
                endingAt[i] = std::max(endingAt.at(i), endingAt.at(j) + 1);
        }
    }
    return values.isEmpty() ? 0 : *std::max_element(endingAt.cbegin(), endingAt.cend());
}

/** A DayModel over a cache driven directly, with the filter on top, both under a fatal tester. */
struct WatchedDay
{
    explicit WatchedDay(const QDate &day, const TodoList &todos)
        : date(day)
    {
        model.setBackend(&cache, nullptr);
        model.setDate(day);
        filter.setDayModel(&model);
        filter.setShowDone(false);
        cache.setLocalView(day, todos);
    }
    void update(const TodoList &todos) { cache.setLocalView(date, todos); }

    QDate date;
    DayCache cache;
    DayModel model;
    QAbstractItemModelTester modelTester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
    TodoFilterModel filter;
    QAbstractItemModelTester filterTester { &filter, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

/** What the model announced during one update. */
struct Announced
{
    explicit Announced(DayModel *model)
        : moved(model, &QAbstractItemModel::rowsMoved)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
    { }

    QSignalSpy moved;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
};

inline QStringList shownIds(const TodoList &todos)
{
    QStringList result;
    for (const Todo &todo : todos) {
        if (!todo.isDone())
            result << todo.id;
    }
    return result;
}

inline QStringList idsOf(const TodoList &todos)
{
    QStringList result;
    for (const Todo &todo : todos)
        result << todo.id;
    return result;
}

/** A real in-process server and two clients of it (local, remote); each test takes a day of its own. */
struct SyncedClients
{
    struct Client
    {
        std::unique_ptr<DayCache> cache;
        std::unique_ptr<SyncSession> session;
    };

    /** initTestCase(): starts the server and connects both clients. */
    void start()
    {
        QVERIFY(dir.isValid());
        ServerConfig config;
        config.port = 0;
        config.dataDir = dir.filePath(QStringLiteral("server"));
        server = std::make_unique<DayboardServer>(config);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        local = makeClient(QStringLiteral("local"));
        remote = makeClient(QStringLiteral("remote"));
        QTRY_COMPARE_WITH_TIMEOUT(local.session->connectionState(), SyncSession::ConnectionState::Connected,
                                  timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(remote.session->connectionState(), SyncSession::ConnectionState::Connected,
                                  timeoutMs);
    }

    /** init(): every test gets a day of its own, far from any other test's. */
    void nextDay() { day = QDate(2031, 3, 1).addDays(7 * dayOffset++); }

    /** cleanupTestCase() */
    void stop()
    {
        local = {};
        remote = {};
        server.reset();
    }

    TodoOperation insertOp(const QString &text, const QString &id) const
    {
        Todo todo;
        todo.id = id;
        todo.text = text;
        todo.priority = Todo::Priority::Medium;
        todo.created = 1;
        return TodoOperation::insert(day, todo);
    }

    /** Submits `op` from the remote client and waits until the server has it. */
    void submitRemote(const TodoOperation &op)
    {
        remote.session->submit(op);
        QTRY_COMPARE_WITH_TIMEOUT(remote.session->pendingCount(), 0, timeoutMs);
    }

    QTemporaryDir dir;
    std::unique_ptr<DayboardServer> server;
    Client local;
    Client remote;
    QDate day;
    int dayOffset = 0;

private:
    Client makeClient(const QString &name)
    {
        Client client;
        client.cache = std::make_unique<DayCache>();
        client.session = std::make_unique<SyncSession>(client.cache.get(),
                                                       dir.filePath(name + QStringLiteral(".queue")));
        client.session->setEndpoint({ server->baseUrl(), server->apiKeys().constFirst() });
        return client;
    }
};
