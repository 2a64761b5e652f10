// SPDX-License-Identifier: MIT
// SearchIndex + SearchModel against a real in-process server: the history read with RANGE, hits
// by text and notes grouped newest day first with their state, the index kept current by local
// edits and by notifications, and a result for an older query never shown.
#include "modeltestsupport.h"
#include "sync/todooperation.h"
#include "ui/searchindex.h"
#include "ui/searchmodel.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

class TstSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_clients.stop(); }
    void historyIsReadAndSearchedByTextAndNotes();
    void localEditsAndNotificationsKeepTheIndexCurrent();
    void resultsOfAnOlderQueryAreDropped();
    void wordsMatchInAnyOrderAndCase();

private:
    QStringList rows(const SearchModel &model, const char *role = "text") const;
    SyncedClients m_clients;
    QDate m_first;
};

void TstSearch::initTestCase()
{
    m_clients.start();
    // Three days of history written by another client before the app searches.
    m_first = QDate(2031, 1, 10);
    const auto add = [this](const QDate &day, const QString &id, const QString &text, const QString &notes,
                            Todo::Status status) {
        Todo todo;
        todo.id = id;
        todo.text = text;
        todo.notes = notes;
        todo.status = status;
        todo.created = 1;
        m_clients.submitRemote(TodoOperation::insert(day, todo));
    };
    add(m_first, u"a1"_s, u"Call the dentist"_s, {}, Todo::Status::Done);
    add(m_first, u"a2"_s, u"Buy milk"_s, {}, Todo::Status::NotSet);
    add(m_first.addDays(1), u"b1"_s, u"Book flight"_s, u"Ask about the Dentist's new address"_s,
        Todo::Status::NotSet);
    add(m_first.addDays(40), u"c1"_s, u"Dentist again"_s, {}, Todo::Status::InProgress);
}

QStringList TstSearch::rows(const SearchModel &model, const char *role) const
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.get(row).value(QString::fromLatin1(role)).toString());
    return out;
}

void TstSearch::historyIsReadAndSearchedByTextAndNotes()
{
    SearchModel model;
    model.setSession(m_clients.local.session.get());
    model.setQuery(u"dentist"_s);
    QCOMPARE(model.rowCount(), 0); // the history is read only once search is used
    model.setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(rows(model),
                              (QStringList { u"Dentist again"_s, u"Book flight"_s, u"Call the dentist"_s }),
                              timeoutMs);
    QCOMPARE(rows(model, "day"),
             (QStringList { m_first.addDays(40).toString(Qt::ISODate),
                            m_first.addDays(1).toString(Qt::ISODate), m_first.toString(Qt::ISODate) }));
    QCOMPARE(rows(model, "todoId"), (QStringList { u"c1"_s, u"b1"_s, u"a1"_s }));
    QCOMPARE(rows(model, "done"), (QStringList { u"false"_s, u"false"_s, u"true"_s }));
    QCOMPARE(rows(model, "inNotes"), (QStringList { u"false"_s, u"true"_s, u"false"_s }));
    QCOMPARE(model.totalMatches(), 3);
    QVERIFY(model.indexedTodos() >= 4);
}

void TstSearch::localEditsAndNotificationsKeepTheIndexCurrent()
{
    SearchModel model;
    model.setSession(m_clients.local.session.get());
    model.setActive(true);
    model.setQuery(u"parcel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(SearchIndex::of(m_clients.local.session.get())->isLoaded(), timeoutMs);
    QCOMPARE(model.rowCount(), 0);

    // This app's own edit, on a day no window shows.
    Todo todo;
    todo.id = u"p1"_s;
    todo.text = u"Pick up parcel"_s;
    m_clients.local.session->submit(TodoOperation::insert(m_first.addDays(3), todo));
    QTRY_COMPARE_WITH_TIMEOUT(rows(model), QStringList { u"Pick up parcel"_s }, timeoutMs);

    // Another client's edit of a day a window shows arrives as a notification.
    const QDate shown = m_first.addDays(1);
    m_clients.local.cache->watch(shown);
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.local.cache->day(shown).status, DayCache::Status::Ready, timeoutMs);
    m_clients.submitRemote(TodoOperation::setNotes(shown, u"b1"_s, u"Parcel tracking: 1234"_s));
    QTRY_COMPARE_WITH_TIMEOUT(rows(model), (QStringList { u"Pick up parcel"_s, u"Book flight"_s }),
                              timeoutMs);
    m_clients.submitRemote(TodoOperation::setStatus(shown, u"b1"_s, Todo::Status::Done));
    QTRY_COMPARE_WITH_TIMEOUT(rows(model, "done"), (QStringList { u"false"_s, u"true"_s }), timeoutMs);
    m_clients.local.cache->unwatch(shown);
}

void TstSearch::resultsOfAnOlderQueryAreDropped()
{
    SearchIndex index;
    TodoList todos;
    for (int i = 0; i < 2000; ++i) {
        Todo todo;
        todo.id = u"t%1"_s.arg(i);
        todo.text = i % 2 ? u"alpha beta"_s : u"alpha"_s;
        todos.append(todo);
    }
    index.setDay(QDate(2030, 1, 1), todos);
    SearchModel model;
    model.setIndex(&index);
    QSignalSpy ready(&model, &SearchModel::resultsReady);
    QSignalSpy reset(&model, &SearchModel::modelReset);
    // Typed faster than the searches finish: only the last query's rows are ever shown.
    model.setQuery(u"a"_s);
    model.setQuery(u"al"_s);
    model.setQuery(u"alpha b"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, timeoutMs);
    QCOMPARE(ready.constFirst().constFirst().toString(), u"alpha b"_s);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.totalMatches(), 1000);
    // One worker runs the searches in order: once a later query is in, no older one can follow.
    model.setQuery(u"beta"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, timeoutMs);
    QCOMPARE(ready.at(1).constFirst().toString(), u"beta"_s);
    QCOMPARE(reset.count(), 2);
}

void TstSearch::wordsMatchInAnyOrderAndCase()
{
    SearchIndex::Days days;
    Todo todo;
    todo.id = u"x"_s;
    todo.text = u"Renew Passport at the CITY office"_s;
    todo.notes = u"Bring photos"_s;
    days.insert(QDate(2030, 5, 5), { SearchIndex::entryFor(todo) });
    QCOMPARE(SearchIndex::search(days, u"office passport"_s).total, 1);
    QCOMPARE(SearchIndex::search(days, u"  city   PHOTOS "_s).total, 1);
    QCOMPARE(SearchIndex::search(days, u"photos"_s).hits.constFirst().inNotes, true);
    QCOMPARE(SearchIndex::search(days, u"passport visa"_s).total, 0);
    QCOMPARE(SearchIndex::search(days, u"   "_s).total, 0);
}

QTEST_GUILESS_MAIN(TstSearch)
#include "tst_search.moc"
