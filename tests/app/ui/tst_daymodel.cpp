// SPDX-License-Identifier: MIT
// DayModel against a real in-process server: edits made by another SyncSession arrive as
// fine-grained row signals (never a reset); the model's own verbs go through the session.
#include "modeltestsupport.h"

class TstDayModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_clients.start(); }
    void init() { m_clients.nextDay(); }
    void cleanupTestCase() { m_clients.stop(); }
    void liveInsertIsRowsInserted();
    void liveEditIsDataChanged();
    void liveMoveIsRowsMoved();
    void liveRemoveIsRowsRemoved();
    void diffOfManyChangesMatchesTarget();
    void insertRemoveMoveAndEditInOneUpdate();
    void verbsGoThroughTheSession();
    void removeAndUndoRestoresPosition();
    void moveToDayAndCarryOver();
    void plannerRolesAndVerbs();

private:
    SyncedClients m_clients;
};

void TstDayModel::liveInsertIsRowsInserted()
{
    DayModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), timeoutMs);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("from elsewhere"), QStringLiteral("todo_1_a")));
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
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("one"), QStringLiteral("todo_2_a")));
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("two"), QStringLiteral("todo_2_b")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, timeoutMs);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    m_clients.submitRemote(
        TodoOperation::setStatus(m_clients.day, QStringLiteral("todo_2_b"), Todo::Status::Done, 5));
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
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    for (const char *name : { "a", "b", "c" })
        m_clients.submitRemote(
            m_clients.insertOp(QString::fromLatin1(name), QStringLiteral("todo_3_") + QLatin1String(name)));
    QTRY_COMPARE_WITH_TIMEOUT(texts(model), QStringList({ u"a"_qs, u"b"_qs, u"c"_qs }), timeoutMs);

    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    m_clients.submitRemote(TodoOperation::move(m_clients.day, QStringLiteral("todo_3_c"), 0));
    QTRY_COMPARE_WITH_TIMEOUT(texts(model), QStringList({ u"c"_qs, u"a"_qs, u"b"_qs }), timeoutMs);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void TstDayModel::liveRemoveIsRowsRemoved()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("keep"), QStringLiteral("todo_4_a")));
    m_clients.submitRemote(m_clients.insertOp(QStringLiteral("drop"), QStringLiteral("todo_4_b")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, timeoutMs);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    m_clients.submitRemote(TodoOperation::remove(m_clients.day, QStringLiteral("todo_4_b")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, timeoutMs);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(texts(model), QStringList { u"keep"_qs });
}

void TstDayModel::diffOfManyChangesMatchesTarget()
{
    // Drives the cache directly with arbitrary lists: the model must end in the same order
    // with only row signals, whatever the permutation.
    DayCache cache;
    DayModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBackend(&cache, nullptr);
    model.setDate(m_clients.day);
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
        cache.setLocalView(m_clients.day, list(step));
        QCOMPARE(texts(model), step.split(u' ', Qt::SkipEmptyParts));
    }
    QCOMPARE(reset.count(), 0);
}

void TstDayModel::insertRemoveMoveAndEditInOneUpdate()
{
    WatchedDay day(m_clients.day, numberedTodos(range(8)));
    // 0..7 → 7 1 20 2' 0 4 21 5: 3 and 6 removed, 20 and 21 new, 2 edited, 7 and 0 moved.
    TodoList after = numberedTodos({ 7, 1, 20, 2, 0, 4, 21, 5 });
    after[3].text = u"todo 2, edited"_qs;
    after[3].priority = Todo::Priority::High;

    Announced announced(&day.model);
    day.update(after);
    QCOMPARE(ids(day.model), idsOf(after));
    QCOMPARE(texts(day.model).at(3), u"todo 2, edited"_qs);
    QCOMPARE(day.model.index(3).data(DayModel::PriorityRole).toInt(), int(Todo::Priority::High));
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
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    DayModel remoteView;
    remoteView.setBackend(m_clients.remote.cache.get(), m_clients.remote.session.get());
    remoteView.setDate(m_clients.day);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString id = model.add(QStringLiteral("  Buy milk  "), Todo::Priority::High);
    QVERIFY(id.startsWith(u"todo_"));
    // Local edits show at once, before the server answers.
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.index(0).data(DayModel::TextRole).toString(), QStringLiteral("Buy milk"));
    QCOMPARE(model.index(0).data(DayModel::PriorityRole).toInt(), int(Todo::Priority::High));
    QVERIFY(model.add(QStringLiteral("   ")).isEmpty());

    QSignalSpy refused(&model, &DayModel::message);
    QVERIFY(!model.setText(id, QStringLiteral(" ")));
    QCOMPARE(refused.count(), 1);
    QVERIFY(model.setText(id, QStringLiteral("Buy oat milk")));
    QVERIFY(model.setPriority(id, Todo::Priority::Low));
    QVERIFY(!model.setPriority(id, Todo::Priority(7))); // not a priority (QML passes ints)
    QVERIFY(model.toggleDone(id));
    QCOMPARE(model.index(0).data(DayModel::StatusRole).toInt(), int(Todo::Status::Done));

    // And they reach the other client through the server.
    QTRY_COMPARE_WITH_TIMEOUT(texts(remoteView), QStringList { u"Buy oat milk"_qs }, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(remoteView.index(0).data(DayModel::StatusRole).toInt(), int(Todo::Status::Done),
                              timeoutMs);
    QCOMPARE(remoteView.index(0).data(DayModel::PriorityRole).toInt(), int(Todo::Priority::Low));
}

void TstDayModel::removeAndUndoRestoresPosition()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    QVERIFY(!model.canUndo());
    model.add(QStringLiteral("first"));
    const QString middle = model.add(QStringLiteral("middle"));
    model.add(QStringLiteral("last"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(model.remove(middle));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(texts(model), QStringList({ u"first"_qs, u"last"_qs }));
    QVERIFY(model.canUndo());
    QCOMPARE(model.undoText(), QStringLiteral("Delete “middle”"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.undo());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(texts(model), QStringList({ u"first"_qs, u"middle"_qs, u"last"_qs }));
    QCOMPARE(model.index(1).data(DayModel::IdRole).toString(), middle);
    // The adds before it are the next steps back.
    QCOMPARE(model.undoText(), QStringLiteral("Add “last”"));
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.session->pendingCount(), 0, timeoutMs);
}

void TstDayModel::moveToDayAndCarryOver()
{
    const QDate target = m_clients.day.addDays(1);
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    DayModel next;
    next.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    next.setDate(target);

    const QString a = model.add(QStringLiteral("a"));
    const QString b = model.add(QStringLiteral("b"));
    const QString c = model.add(QStringLiteral("c"));
    model.toggleDone(b);
    QVERIFY(model.moveToDay(a, target.toString(Qt::ISODate)));
    QCOMPARE(texts(model), QStringList({ u"b"_qs, u"c"_qs }));
    QCOMPARE(texts(next), QStringList { u"a"_qs });

    QCOMPARE(model.carryOverUnfinishedTo(target.toString(Qt::ISODate)), 1);
    QCOMPARE(texts(model), QStringList { u"b"_qs });
    QCOMPARE(texts(next), QStringList({ u"a"_qs, u"c"_qs }));
    QCOMPARE(next.index(1).data(DayModel::IdRole).toString(), c);
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.session->pendingCount(), 0, timeoutMs);
}

void TstDayModel::plannerRolesAndVerbs()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    DayModel remoteView;
    remoteView.setBackend(m_clients.remote.cache.get(), m_clients.remote.session.get());
    remoteView.setDate(m_clients.day);
    const QHash<int, QByteArray> names = model.roleNames();
    QCOMPARE(names.value(DayModel::NotesRole), "notes");
    QCOMPARE(names.value(DayModel::HasNotesRole), "hasNotes");
    QCOMPARE(names.value(DayModel::RemindRole), "remind");
    QCOMPARE(names.value(DayModel::SeriesRole), "series");

    const QString id = model.add(u"Call the bank"_qs);
    QVERIFY(!model.index(0).data(DayModel::HasNotesRole).toBool());
    QVERIFY(model.setNotes(id, u"Ask about\nhttps://example.org/form"_qs));
    QCOMPARE(model.index(0).data(DayModel::NotesRole).toString(), u"Ask about\nhttps://example.org/form"_qs);
    QVERIFY(model.index(0).data(DayModel::HasNotesRole).toBool());
    QSignalSpy refused(&model, &DayModel::message);
    QVERIFY(!model.setRemind(id, u"half past two"_qs));
    QCOMPARE(refused.count(), 1);
    QVERIFY(model.setRemind(id, u"14:30"_qs));
    QCOMPARE(model.index(0).data(DayModel::RemindRole).toString(), u"14:30"_qs);

    // They reach the other client, whose edit of the series (and the text) arrives as dataChanged.
    QTRY_COMPARE_WITH_TIMEOUT(remoteView.index(0).data(DayModel::RemindRole).toString(), u"14:30"_qs,
                              timeoutMs);
    QCOMPARE(remoteView.index(0).data(DayModel::NotesRole).toString(),
             u"Ask about\nhttps://example.org/form"_qs);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_clients.submitRemote(
        TodoOperation::setMembers(m_clients.day, id, { { u"series"_qs, u"series_1"_qs } }));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(DayModel::SeriesRole).toString(), u"series_1"_qs,
                              timeoutMs);
    QVERIFY(changed.constLast().at(2).value<QList<int>>().contains(DayModel::SeriesRole));
    QCOMPARE(model.index(0).data(DayModel::RemindRole).toString(), u"14:30"_qs);

    // White space only removes the notes; "" removes the reminder.
    QVERIFY(model.setNotes(id, u"  \n "_qs));
    QVERIFY(!model.index(0).data(DayModel::HasNotesRole).toBool());
    QVERIFY(model.setRemind(id, QString()));
    QTRY_VERIFY_WITH_TIMEOUT(remoteView.index(0).data(DayModel::NotesRole).toString().isEmpty(), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(remoteView.index(0).data(DayModel::RemindRole).toString().isEmpty(), timeoutMs);
}

QTEST_GUILESS_MAIN(TstDayModel)
#include "tst_daymodel.moc"
