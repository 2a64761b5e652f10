// SPDX-License-Identifier: MIT
// DayModel against a real in-process server: edits made by another SyncSession arrive as
// fine-grained row signals (never a reset); the model's own verbs go through the session.
#include "daemon/dayboardserver.h"
#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todooperation.h"
#include "ui/daymodel.h"
#include "ui/todofiltermodel.h"
#include "ui/weekmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <numeric>

namespace {
constexpr int timeoutMs = 20000;

QStringList texts(const DayModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row).data(DayModel::TextRole).toString();
    return result;
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data(DayModel::IdRole).toString();
    return result;
}

/** Todos with ids "t<n>" in the given order; every third one done (the filter hides those). */
TodoList numberedTodos(const QList<int> &numbers)
{
    TodoList todos;
    for (int number : numbers) {
        Todo todo;
        todo.id = u"t%1"_qs.arg(number);
        todo.text = u"todo %1"_qs.arg(number);
        todo.status = number % 3 == 0 ? u"done"_qs : u"not set"_qs;
        todos << todo;
    }
    return todos;
}

QList<int> range(int count)
{
    QList<int> numbers(count);
    std::iota(numbers.begin(), numbers.end(), 0);
    return numbers;
}

/** Length of the longest increasing subsequence, the plain O(n²) way (independent of MovePlan). */
int longestIncreasingLength(const QList<int> &values)
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

QStringList shownIds(const TodoList &todos)
{
    QStringList result;
    for (const Todo &todo : todos) {
        if (!todo.isDone())
            result << todo.id;
    }
    return result;
}

QStringList idsOf(const TodoList &todos)
{
    QStringList result;
    for (const Todo &todo : todos)
        result << todo.id;
    return result;
}
} // namespace

class TstDayModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void liveInsertIsRowsInserted();
    void liveEditIsDataChanged();
    void liveMoveIsRowsMoved();
    void liveRemoveIsRowsRemoved();
    void diffOfManyChangesMatchesTarget();
    void oneTodoMovedIsOneRowsMoved_data();
    void oneTodoMovedIsOneRowsMoved();
    void reverseOfFiveIsFourMoves();
    void permutationMovesOnlyRowsOffTheLongestRun_data();
    void permutationMovesOnlyRowsOffTheLongestRun();
    void insertRemoveMoveAndEditInOneUpdate();
    void verbsGoThroughTheSession();
    void removeAndUndoRestoresPosition();
    void moveToDayAndCarryOver();
    void filterHidesDone();
    void weekCountsFollowRemoteEdits();

private:
    struct Client
    {
        std::unique_ptr<DayCache> cache;
        std::unique_ptr<SyncSession> session;
    };
    Client makeClient(const QString &name);
    TodoOperation insertOp(const QString &text, const QString &id);
    void submitRemote(const TodoOperation &op);

    QTemporaryDir m_dir;
    std::unique_ptr<DayboardServer> m_server;
    Client m_local;
    Client m_remote;
    QDate m_day;
    int m_dayOffset = 0;
};

TstDayModel::Client TstDayModel::makeClient(const QString &name)
{
    Client client;
    client.cache = std::make_unique<DayCache>();
    client.session = std::make_unique<SyncSession>(client.cache.get(), m_dir.filePath(name + QStringLiteral(".queue")));
    client.session->setEndpoint({m_server->baseUrl(), m_server->apiKeys().constFirst()});
    return client;
}

void TstDayModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ServerConfig config;
    config.port = 0;
    config.dataDir = m_dir.filePath(QStringLiteral("server"));
    m_server = std::make_unique<DayboardServer>(config);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_local = makeClient(QStringLiteral("local"));
    m_remote = makeClient(QStringLiteral("remote"));
    QTRY_COMPARE_WITH_TIMEOUT(m_local.session->connectionState(), SyncSession::ConnectionState::Connected, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_remote.session->connectionState(), SyncSession::ConnectionState::Connected, timeoutMs);
}

void TstDayModel::init()
{
    // Every test gets a day of its own, far from any other test's.
    m_day = QDate(2031, 3, 1).addDays(7 * m_dayOffset++);
}

void TstDayModel::cleanupTestCase()
{
    m_local = {};
    m_remote = {};
    m_server.reset();
}

TodoOperation TstDayModel::insertOp(const QString &text, const QString &id)
{
    TodoOperation op;
    op.kind = TodoOperation::Kind::Insert;
    op.day = m_day;
    op.todo.id = id;
    op.todo.text = text;
    op.todo.priority = QStringLiteral("medium");
    op.todo.created = 1;
    op.todoId = id;
    return op;
}

void TstDayModel::submitRemote(const TodoOperation &op)
{
    m_remote.session->submit(op);
    QTRY_COMPARE_WITH_TIMEOUT(m_remote.session->pendingCount(), 0, timeoutMs);
}

void TstDayModel::liveInsertIsRowsInserted()
{
    DayModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), timeoutMs);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    submitRemote(insertOp(QStringLiteral("from elsewhere"), QStringLiteral("todo_1_a")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, timeoutMs);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.constFirst().at(1).toInt(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(0).data(DayModel::TextRole).toString(), QStringLiteral("from elsewhere"));
    QCOMPARE(model.index(0).data(DayModel::IdRole).toString(), QStringLiteral("todo_1_a"));
}

void TstDayModel::liveEditIsDataChanged()
{
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    submitRemote(insertOp(QStringLiteral("one"), QStringLiteral("todo_2_a")));
    submitRemote(insertOp(QStringLiteral("two"), QStringLiteral("todo_2_b")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, timeoutMs);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    TodoOperation edit;
    edit.kind = TodoOperation::Kind::SetStatus;
    edit.day = m_day;
    edit.todoId = QStringLiteral("todo_2_b");
    edit.text = QStringLiteral("done");
    edit.timestampMs = 5;
    submitRemote(edit);
    QTRY_VERIFY_WITH_TIMEOUT(model.index(1).data(DayModel::DoneRole).toBool(), timeoutMs);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 1);
    const auto roles = changed.constFirst().at(2).value<QList<int>>();
    QVERIFY(roles.contains(DayModel::StatusRole));
    QVERIFY(roles.contains(DayModel::DoneRole));
    QVERIFY(!roles.contains(DayModel::TextRole));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.doneCount(), 1);
    QCOMPARE(model.openCount(), 1);
}

void TstDayModel::liveMoveIsRowsMoved()
{
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    for (const char *name : {"a", "b", "c"})
        submitRemote(insertOp(QString::fromLatin1(name), QStringLiteral("todo_3_") + QLatin1String(name)));
    QTRY_COMPARE_WITH_TIMEOUT(texts(model), QStringList({u"a"_qs, u"b"_qs, u"c"_qs}), timeoutMs);

    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    TodoOperation move;
    move.kind = TodoOperation::Kind::Move;
    move.day = m_day;
    move.todoId = QStringLiteral("todo_3_c");
    move.position = 0;
    submitRemote(move);
    QTRY_COMPARE_WITH_TIMEOUT(texts(model), QStringList({u"c"_qs, u"a"_qs, u"b"_qs}), timeoutMs);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void TstDayModel::liveRemoveIsRowsRemoved()
{
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    submitRemote(insertOp(QStringLiteral("keep"), QStringLiteral("todo_4_a")));
    submitRemote(insertOp(QStringLiteral("drop"), QStringLiteral("todo_4_b")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, timeoutMs);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    TodoOperation remove;
    remove.kind = TodoOperation::Kind::Remove;
    remove.day = m_day;
    remove.todoId = QStringLiteral("todo_4_b");
    submitRemote(remove);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, timeoutMs);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(texts(model), QStringList{u"keep"_qs});
}

void TstDayModel::diffOfManyChangesMatchesTarget()
{
    // Drives the cache directly with arbitrary lists: the model must end in the same order
    // with only row signals, whatever the permutation.
    DayCache cache;
    DayModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBackend(&cache, nullptr);
    model.setDate(m_day);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    const auto list = [](const QString &spec) {
        TodoList todos;
        for (const QString &part : spec.split(u' ', Qt::SkipEmptyParts)) {
            Todo todo;
            todo.id = part.left(1);
            todo.text = part;
            todos << todo;
        }
        return todos;
    };
    // "a2" has the id of "a": a repeated id pairs with the old rows in order, a surplus one goes.
    const QStringList steps = { u"a b c d e"_qs, u"e d c b a"_qs, u"b x a2 e"_qs, u""_qs,        u"q r s"_qs,
                                u"s q r t"_qs,   u"t s r q"_qs,   u"q2 t q r"_qs, u"r q3 q4"_qs, u"q5 r"_qs };
    for (const QString &step : steps) {
        cache.setLocalView(m_day, list(step));
        QCOMPARE(texts(model), step.split(u' ', Qt::SkipEmptyParts));
    }
    QCOMPARE(reset.count(), 0);
}

void TstDayModel::oneTodoMovedIsOneRowsMoved_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("destinationChild");
    constexpr int n = 300;
    QTest::newRow("top to end") << 0 << n - 1 << n;
    QTest::newRow("end to top") << n - 1 << 0 << 0;
    QTest::newRow("middle down") << 100 << 200 << 201;
    QTest::newRow("middle up") << 200 << 100 << 100;
}

void TstDayModel::oneTodoMovedIsOneRowsMoved()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, destinationChild);
    const TodoList before = numberedTodos(range(300));
    WatchedDay day(m_day, before);
    QCOMPARE(ids(day.model), idsOf(before));

    TodoList after = before;
    after.move(from, to);
    Announced announced(&day.model);
    day.update(after);
    QCOMPARE(announced.moved.count(), 1);
    const QList<QVariant> move = announced.moved.constFirst();
    QCOMPARE(move.at(1).toInt(), from);
    QCOMPARE(move.at(2).toInt(), from);
    QCOMPARE(move.at(4).toInt(), destinationChild);
    QCOMPARE(announced.inserted.count(), 0);
    QCOMPARE(announced.removed.count(), 0);
    QCOMPARE(announced.changed.count(), 0);
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(ids(day.model), idsOf(after));
    QCOMPARE(ids(day.filter), shownIds(after));
}

void TstDayModel::reverseOfFiveIsFourMoves()
{
    WatchedDay day(m_day, numberedTodos({ 1, 2, 3, 4, 5 }));
    Announced announced(&day.model);
    const TodoList reversed = numberedTodos({ 5, 4, 3, 2, 1 });
    day.update(reversed);
    QCOMPARE(announced.moved.count(), 4);
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(announced.inserted.count() + announced.removed.count() + announced.changed.count(), 0);
    QCOMPARE(ids(day.model), idsOf(reversed));
    QCOMPARE(ids(day.filter), shownIds(reversed));
}

void TstDayModel::permutationMovesOnlyRowsOffTheLongestRun_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : { 1u, 2u, 20261202u })
        QTest::newRow(qPrintable(u"seed %1"_qs.arg(seed))) << seed;
}

void TstDayModel::permutationMovesOnlyRowsOffTheLongestRun()
{
    QFETCH(quint32, seed);
    constexpr int n = 200;
    WatchedDay day(m_day, numberedTodos(range(n)));
    QList<int> order = range(n);
    QRandomGenerator random(seed);
    std::shuffle(order.begin(), order.end(), random);
    const TodoList shuffled = numberedTodos(order);

    Announced announced(&day.model);
    day.update(shuffled);
    QCOMPARE(ids(day.model), idsOf(shuffled));
    QCOMPARE(ids(day.filter), shownIds(shuffled));
    // Old positions in the new order: the rows on their longest increasing run can stay, and no
    // sequence of single-row moves does with fewer than n − LIS (a move lengthens it by one at most).
    const int atLeast = n - longestIncreasingLength(order);
    QVERIFY2(announced.moved.count() <= atLeast,
             qPrintable(u"%1 moves, n - LIS = %2"_qs.arg(announced.moved.count()).arg(atLeast)));
    QCOMPARE(announced.moved.count(), atLeast);
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(announced.inserted.count() + announced.removed.count() + announced.changed.count(), 0);
}

void TstDayModel::insertRemoveMoveAndEditInOneUpdate()
{
    WatchedDay day(m_day, numberedTodos(range(8)));
    // 0..7 → 7 1 20 2' 0 4 21 5: 3 and 6 removed, 20 and 21 new, 2 edited, 7 and 0 moved.
    TodoList after = numberedTodos({ 7, 1, 20, 2, 0, 4, 21, 5 });
    after[3].text = u"todo 2, edited"_qs;
    after[3].priority = u"high"_qs;

    Announced announced(&day.model);
    day.update(after);
    QCOMPARE(ids(day.model), idsOf(after));
    QCOMPARE(texts(day.model).at(3), u"todo 2, edited"_qs);
    QCOMPARE(day.model.index(3).data(DayModel::PriorityRole).toString(), u"high"_qs);
    QCOMPARE(ids(day.filter), shownIds(after));
    QCOMPARE(announced.removed.count(), 2);
    QCOMPARE(announced.inserted.count(), 2);
    // Kept rows 0 1 2 4 5 7 land at 4 1 3 5 7 0: 1 2 4 5 stay, 0 and 7 move.
    QCOMPARE(announced.moved.count(), 2);
    QCOMPARE(announced.changed.count(), 1);
    QCOMPARE(announced.changed.constFirst().at(0).toModelIndex().row(), 3);
    const auto roles = announced.changed.constFirst().at(2).value<QList<int>>();
    QVERIFY(roles.contains(DayModel::TextRole));
    QVERIFY(roles.contains(DayModel::PriorityRole));
    QVERIFY(!roles.contains(DayModel::StatusRole));
    QCOMPARE(announced.reset.count(), 0);
    QCOMPARE(announced.layout.count(), 0);
    QCOMPARE(day.model.openCount(), 6); // 0 and 21 are done
}

void TstDayModel::verbsGoThroughTheSession()
{
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    DayModel remoteView;
    remoteView.setBackend(m_remote.cache.get(), m_remote.session.get());
    remoteView.setDate(m_day);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString id = model.add(QStringLiteral("  Buy milk  "), QStringLiteral("high"));
    QVERIFY(id.startsWith(u"todo_"));
    // Local edits show at once, before the server answers.
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.index(0).data(DayModel::TextRole).toString(), QStringLiteral("Buy milk"));
    QCOMPARE(model.index(0).data(DayModel::PriorityRole).toString(), QStringLiteral("high"));
    QVERIFY(model.add(QStringLiteral("   ")).isEmpty());

    QSignalSpy refused(&model, &DayModel::message);
    QVERIFY(!model.setText(id, QStringLiteral(" ")));
    QCOMPARE(refused.count(), 1);
    QVERIFY(model.setText(id, QStringLiteral("Buy oat milk")));
    QVERIFY(model.setPriority(id, QStringLiteral("low")));
    QVERIFY(!model.setPriority(id, QStringLiteral("urgent")));
    QVERIFY(model.toggleDone(id));
    QCOMPARE(model.index(0).data(DayModel::StatusRole).toString(), QStringLiteral("done"));

    // And they reach the other client through the server.
    QTRY_COMPARE_WITH_TIMEOUT(texts(remoteView), QStringList{u"Buy oat milk"_qs}, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(remoteView.index(0).data(DayModel::StatusRole).toString(), QStringLiteral("done"), timeoutMs);
    QCOMPARE(remoteView.index(0).data(DayModel::PriorityRole).toString(), QStringLiteral("low"));
}

void TstDayModel::removeAndUndoRestoresPosition()
{
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    QVERIFY(!model.canUndo());
    model.add(QStringLiteral("first"));
    const QString middle = model.add(QStringLiteral("middle"));
    model.add(QStringLiteral("last"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(model.remove(middle));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(texts(model), QStringList({u"first"_qs, u"last"_qs}));
    QVERIFY(model.canUndo());
    QCOMPARE(model.undoText(), QStringLiteral("middle"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.undo());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(texts(model), QStringList({u"first"_qs, u"middle"_qs, u"last"_qs}));
    QCOMPARE(model.index(1).data(DayModel::IdRole).toString(), middle);
    QVERIFY(!model.canUndo());
    QVERIFY(!model.undo());
    QTRY_COMPARE_WITH_TIMEOUT(m_local.session->pendingCount(), 0, timeoutMs);
}

void TstDayModel::moveToDayAndCarryOver()
{
    const QDate target = m_day.addDays(1);
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    DayModel next;
    next.setBackend(m_local.cache.get(), m_local.session.get());
    next.setDate(target);

    const QString a = model.add(QStringLiteral("a"));
    const QString b = model.add(QStringLiteral("b"));
    const QString c = model.add(QStringLiteral("c"));
    model.toggleDone(b);
    QVERIFY(model.moveToDay(a, target.toString(Qt::ISODate)));
    QCOMPARE(texts(model), QStringList({u"b"_qs, u"c"_qs}));
    QCOMPARE(texts(next), QStringList{u"a"_qs});

    QCOMPARE(model.carryOverUnfinishedTo(target.toString(Qt::ISODate)), 1);
    QCOMPARE(texts(model), QStringList{u"b"_qs});
    QCOMPARE(texts(next), QStringList({u"a"_qs, u"c"_qs}));
    QCOMPARE(next.index(1).data(DayModel::IdRole).toString(), c);
    QTRY_COMPARE_WITH_TIMEOUT(m_local.session->pendingCount(), 0, timeoutMs);
}

void TstDayModel::filterHidesDone()
{
    DayModel model;
    model.setBackend(m_local.cache.get(), m_local.session.get());
    model.setDate(m_day);
    TodoFilterModel filter;
    filter.setDayModel(&model);
    const QString a = model.add(QStringLiteral("a"));
    model.add(QStringLiteral("b"));
    const QString c = model.add(QStringLiteral("c"));
    model.toggleDone(a);
    filter.setShowDone(false);
    QCOMPARE(filter.count(), 2);
    QCOMPARE(filter.idAt(0), model.index(1).data(DayModel::IdRole).toString());

    // Proxy rows map to day rows: moving shown row 1 (c) before shown row 0 (b).
    QVERIFY(filter.moveRow(1, 0));
    QCOMPARE(texts(model), QStringList({u"a"_qs, u"c"_qs, u"b"_qs}));
    QCOMPARE(filter.rowOf(c), 0);
    filter.setShowDone(true);
    QCOMPARE(filter.count(), 3);
}

void TstDayModel::weekCountsFollowRemoteEdits()
{
    WeekModel week;
    QAbstractItemModelTester tester(&week, QAbstractItemModelTester::FailureReportingMode::QtTest);
    week.setCache(m_local.cache.get());
    week.setDate(m_day);
    QCOMPARE(week.rowCount(), 7);
    const int row = int(WeekModel::weekStart(m_day).daysTo(m_day));
    QCOMPARE(week.index(row).data(WeekModel::DateRole).toString(), m_day.toString(Qt::ISODate));
    // Watching the week loads its days first; the live edits come after.
    for (int i = 0; i < 7; ++i) {
        const QDate day = WeekModel::weekStart(m_day).addDays(i);
        QTRY_COMPARE_WITH_TIMEOUT(m_local.cache->day(day).status, DayCache::Status::Ready, timeoutMs);
    }

    QSignalSpy changed(&week, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&week, &QAbstractItemModel::modelReset);
    submitRemote(insertOp(QStringLiteral("w1"), QStringLiteral("todo_9_a")));
    TodoOperation done;
    done.kind = TodoOperation::Kind::SetStatus;
    done.day = m_day;
    done.todoId = QStringLiteral("todo_9_a");
    done.text = QStringLiteral("done");
    submitRemote(insertOp(QStringLiteral("w2"), QStringLiteral("todo_9_b")));
    submitRemote(done);
    QTRY_COMPARE_WITH_TIMEOUT(week.index(row).data(WeekModel::DoneCountRole).toInt(), 1, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(week.index(row).data(WeekModel::OpenCountRole).toInt(), 1, timeoutMs);
    QVERIFY(!changed.isEmpty());
    for (const auto &args : std::as_const(changed))
        QCOMPARE(args.at(0).toModelIndex().row(), row);
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(TstDayModel)
#include "tst_daymodel.moc"
