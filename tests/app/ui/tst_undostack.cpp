// SPDX-License-Identifier: MIT
// The window's UndoStack against a real in-process server: undo and redo apply the inverse
// operations by todo id, so what another client changed meanwhile survives on the server, and
// what can no longer be undone is skipped and said.
#include "desktop/translations.h"
#include "modeltestsupport.h"
#include "ui/undostack.h"

#include <QTranslator>

class TstUndoStack : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_clients.start(); }
    void init() { m_clients.nextDay(); }
    void cleanupTestCase() { m_clients.stop(); }
    void undoTextKeepsAnotherClientsPriority();
    void undoAndRedoADeleteAcrossDays();
    void moveToAnotherDayIsOneStep();
    void editOfATodoDeletedElsewhereIsSkipped();
    void carryOverIsOneStep();
    void stepNamesInTheUsersLanguage();

private:
    /** A model of `day` on the remote client: the server's value, kept live by notifications. */
    std::unique_ptr<DayModel> remoteView(const QDate &day)
    {
        auto view = std::make_unique<DayModel>();
        view->setBackend(m_clients.remote.cache.get(), m_clients.remote.session.get());
        view->setDate(day);
        return view;
    }
    void drained() { QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.session->pendingCount(), 0, timeoutMs); }

    SyncedClients m_clients;
};

void TstUndoStack::undoTextKeepsAnotherClientsPriority()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), timeoutMs);
    const QString id = model.add(QStringLiteral("Buy milk"), Todo::Priority::Low);
    QVERIFY(model.setText(id, QStringLiteral("Buy oat milk")));
    QCOMPARE(model.undoStack()->undoText(), QStringLiteral("Edit “Buy milk”"));
    drained();

    // Meanwhile another client raises the priority of the same todo.
    m_clients.submitRemote(TodoOperation::setPriority(m_clients.day, id, Todo::Priority::High, 2));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(DayModel::PriorityRole).toInt(), int(Todo::Priority::High),
                              timeoutMs);

    QVERIFY(model.undoStack()->undo());
    drained();
    const auto view = remoteView(m_clients.day);
    QTRY_COMPARE_WITH_TIMEOUT(texts(*view), QStringList { u"Buy milk"_qs }, timeoutMs);
    QCOMPARE(view->index(0).data(DayModel::PriorityRole).toInt(), int(Todo::Priority::High));

    // Redo sets the new text again, and again only the text.
    QVERIFY(model.undoStack()->canRedo());
    QVERIFY(model.undoStack()->redo());
    drained();
    QTRY_COMPARE_WITH_TIMEOUT(texts(*view), QStringList { u"Buy oat milk"_qs }, timeoutMs);
    QCOMPARE(view->index(0).data(DayModel::PriorityRole).toInt(), int(Todo::Priority::High));
}

void TstUndoStack::undoAndRedoADeleteAcrossDays()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    model.add(QStringLiteral("first"));
    const QString middle = model.add(QStringLiteral("middle"));
    model.add(QStringLiteral("last"));
    QVERIFY(model.remove(middle));
    QCOMPARE(model.undoText(), QStringLiteral("Delete “middle”"));
    // The window goes to another day: its history goes along.
    model.setDate(m_clients.day.addDays(1));
    QVERIFY(model.canUndo());
    QVERIFY(model.undo());
    drained();
    const auto view = remoteView(m_clients.day);
    QTRY_COMPARE_WITH_TIMEOUT(texts(*view), QStringList({ u"first"_qs, u"middle"_qs, u"last"_qs }),
                              timeoutMs);
    QCOMPARE(view->index(1).data(DayModel::IdRole).toString(), middle);

    QVERIFY(model.undoStack()->redo());
    drained();
    QTRY_COMPARE_WITH_TIMEOUT(texts(*view), QStringList({ u"first"_qs, u"last"_qs }), timeoutMs);
    QVERIFY(!model.undoStack()->canRedo());
}

void TstUndoStack::moveToAnotherDayIsOneStep()
{
    const QDate target = m_clients.day.addDays(1);
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    model.add(QStringLiteral("stays"));
    const QString id = model.add(QStringLiteral("travels"), Todo::Priority::Low);
    model.add(QStringLiteral("after"));
    QVERIFY(model.moveToDay(id, target.toString(Qt::ISODate)));
    drained();
    // On its new day another client marks it in progress.
    m_clients.submitRemote(TodoOperation::setStatus(target, id, Todo::Status::InProgress, 2));
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.cache->day(target).todos.value(0).status,
                              Todo::Status::InProgress, timeoutMs);

    QVERIFY(model.undo());
    drained();
    const auto view = remoteView(m_clients.day);
    const auto targetView = remoteView(target);
    QTRY_COMPARE_WITH_TIMEOUT(texts(*view), QStringList({ u"stays"_qs, u"travels"_qs, u"after"_qs }),
                              timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(targetView->rowCount(), 0, timeoutMs);
    // Back as it is now, not as it was: the other client's status stays.
    QCOMPARE(view->index(1).data(DayModel::StatusRole).toInt(), int(Todo::Status::InProgress));
    QCOMPARE(model.undoText(), QStringLiteral("Add “after”"));
}

void TstUndoStack::editOfATodoDeletedElsewhereIsSkipped()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), timeoutMs);
    const QString id = model.add(QStringLiteral("gone soon"));
    QVERIFY(model.setPriority(id, Todo::Priority::High));
    drained();
    m_clients.submitRemote(TodoOperation::remove(m_clients.day, id, 2));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, timeoutMs);

    QSignalSpy said(&model, &DayModel::message);
    QVERIFY(!model.undo()); // the priority edit: nothing to set it on
    QCOMPARE(said.count(), 1);
    QVERIFY(said.constFirst().constFirst().toString().contains(u"Change Priority of “gone soon”"_qs));
    // The add before it: removing what is already gone changes nothing either.
    QVERIFY(!model.undo());
    QVERIFY(!model.canUndo());
    drained();
    const auto view = remoteView(m_clients.day);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), timeoutMs);
    QCOMPARE(view->rowCount(), 0);
}

void TstUndoStack::carryOverIsOneStep()
{
    const QDate today = m_clients.day.addDays(3);
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    model.add(QStringLiteral("one"));
    const QString done = model.add(QStringLiteral("done"));
    model.add(QStringLiteral("two"));
    model.add(QStringLiteral("three"));
    QVERIFY(model.toggleDone(done));
    QCOMPARE(model.carryOverUnfinishedTo(today.toString(Qt::ISODate)), 3);
    QVERIFY(
        model.undoText().startsWith(u"Carry Over 3 Todo"_qs)); // "Todo(s)" without the English plural forms
    drained();
    const auto todayView = remoteView(today);
    QTRY_COMPARE_WITH_TIMEOUT(texts(*todayView), QStringList({ u"one"_qs, u"two"_qs, u"three"_qs }),
                              timeoutMs);

    QVERIFY(model.undo());
    drained();
    const auto view = remoteView(m_clients.day);
    QTRY_COMPARE_WITH_TIMEOUT(texts(*view), QStringList({ u"one"_qs, u"done"_qs, u"two"_qs, u"three"_qs }),
                              timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(todayView->rowCount(), 0, timeoutMs);
    // The next undo is the "done" toggle, not a part of the carry-over.
    QCOMPARE(model.undoText(), QStringLiteral("Mark “done” Done"));
}

void TstUndoStack::stepNamesInTheUsersLanguage()
{
    QCOMPARE(Translations::install(QCoreApplication::instance(), { u"de"_qs }).left(2), u"de"_qs);
    const auto removeTranslators = qScopeGuard([] {
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    });
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
    const QString id = model.add(u"Milch"_qs);
    QCOMPARE(model.undoText(), u"„Milch“ hinzufügen"_qs);
    // A field edit (named apart from the other steps): the whole name in German.
    QVERIFY(model.toggleDone(id));
    QCOMPARE(model.undoText(), u"„Milch“ als erledigt markieren"_qs);
    drained();
}

QTEST_MAIN(TstUndoStack)
#include "tst_undostack.moc"
