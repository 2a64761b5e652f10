// SPDX-License-Identifier: MIT
// TodoFilterModel over a DayModel against a real in-process server.
#include "modeltestsupport.h"

class TstTodoFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_clients.start(); }
    void init() { m_clients.nextDay(); }
    void cleanupTestCase() { m_clients.stop(); }
    void filterHidesDone();

private:
    SyncedClients m_clients;
};

void TstTodoFilterModel::filterHidesDone()
{
    DayModel model;
    model.setBackend(m_clients.local.cache.get(), m_clients.local.session.get());
    model.setDate(m_clients.day);
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
    QCOMPARE(texts(model), QStringList({ u"a"_qs, u"c"_qs, u"b"_qs }));
    QCOMPARE(filter.rowOf(c), 0);
    filter.setShowDone(true);
    QCOMPARE(filter.count(), 3);
}

QTEST_GUILESS_MAIN(TstTodoFilterModel)
#include "tst_todofiltermodel.moc"
