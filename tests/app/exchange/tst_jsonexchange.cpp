// SPDX-License-Identifier: MIT
// JsonExchange: the days exactly as stored, unknown members kept through export, import and
// the plan; merging by id; malformed files name the line and give nothing to import.
#include "exchange/jsonexchange.h"
#include "samples.h"
#include "sync/todocodec.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Samples;

namespace {

const QDate day1(2026, 12, 7);
const QDate day2(2026, 12, 8);

// As another client may store them: an unknown priority, unknown members, a nested object.
const QByteArray stored1
    = R"([{"id":"todo_1796601600123_a","text":"Buy milk","priority":"urgent","status":"done","created":1796601600123,"updated":1796601700000,"color":"red","zeta":{"x":[1,2]}},{"id":"todo_1796601600124_b","text":"Call Anna","priority":"high","status":"not set","created":1796601600124}])";
const QByteArray stored2
    = R"([{"id":"todo_1796601600125_c","text":"Taxes","priority":"low","status":"in progress","created":1796601600125,"notes":"forms"}])";

DayLists storedDays()
{
    return { { day1, TodoCodec::parse(stored1).todos }, { day2, TodoCodec::parse(stored2).todos } };
}

} // namespace

class TestJsonExchange : public QObject
{
    Q_OBJECT

private slots:
    void writesTheStoredArraysKeyedByDay()
    {
        const QByteArray file = JsonExchange::write(storedDays());
        QCOMPARE(file, "{\n\"todos-20261207\":" + stored1 + ",\n\"todos-20261208\":" + stored2 + "\n}\n");
        QCOMPARE(JsonExchange::write({}), "{}\n"_ba);
    }

    void roundTripKeepsUnknownMembers()
    {
        const ImportDocument document = JsonExchange::read(JsonExchange::write(storedDays()));
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 3);
        const ImportPlan plan = ImportPlan::make(document, {}, QDate(2027, 1, 1));
        const DayLists back = applied(plan, {});
        QCOMPARE(TodoCodec::serialize(back.value(day1)), stored1);
        QCOMPARE(TodoCodec::serialize(back.value(day2)), stored2);
    }

    void reimportChangesNothing()
    {
        const DayLists days = storedDays();
        const ImportPlan plan = ImportPlan::make(JsonExchange::read(JsonExchange::write(days)), days, day1);
        QVERIFY(plan.isEmpty());
        QCOMPARE(plan.count(ImportPlan::Entry::Outcome::Skipped), 3);
    }

    void mergesByIdNewerWins()
    {
        DayLists newer = storedDays();
        newer[day1][1].text = u"Call Anna back"_s;
        newer[day1][1].updated = 1796700000000;
        const ImportDocument document = JsonExchange::read(JsonExchange::write(newer));
        const ImportPlan plan = ImportPlan::make(document, storedDays(), day1);
        QCOMPARE(plan.count(ImportPlan::Entry::Outcome::Updated), 1);
        QCOMPARE(plan.operations().size(), 1);
        QCOMPARE(plan.operations().first().kind, TodoOperation::Kind::SetText);
        QCOMPARE(applied(plan, storedDays()).value(day1).at(1).text, u"Call Anna back"_s);
        QCOMPARE(applied(plan, storedDays()).value(day1).at(1).updated, 1796700000000);

        // The other way round: the file is older than what Dayboard has, so it is skipped.
        const ImportPlan older
            = ImportPlan::make(JsonExchange::read(JsonExchange::write(storedDays())), newer, day1);
        QVERIFY(older.isEmpty());
        QCOMPARE(older.count(ImportPlan::Entry::Outcome::Skipped), 3);
    }

    void malformedFileNamesTheLine_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("line");
        QTest::newRow("broken JSON")
            << "{\n\"todos-20261207\":[{\"id\":\"a\",\"text\":\"A\"}],\n\"todos-20261208\":[{\"id\":}]\n}"_ba
            << 3;
        QTest::newRow("a day that is no list")
            << "{\n\"todos-20261207\":[{\"id\":\"a\",\"text\":\"A\"}],\n\"todos-20261208\":{\"id\":\"b\"}\n}"_ba
            << 3;
        QTest::newRow("not an object") << "[1,2]"_ba << 1;
    }

    void malformedFileNamesTheLine()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, line);
        // Nothing of the file is imported, not even the good day before the error.
        const QString problem = failureProblem(JsonExchange::read(file), line);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void skipsWhatIsNotADayOrATodo()
    {
        const ImportDocument document = JsonExchange::read(
            "{\"settings\":{},\n\"todos-20261207\":[{\"text\":\"no id\"},{\"id\":\"x\",\"text\":\" \"},{\"id\":\"y\",\"text\":\"Y\"}]}"_ba);
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 1);
        QCOMPARE(document.items.first().todo.id, u"y"_s);
        QCOMPARE(document.items.first().line, 2);
        QCOMPARE(document.skipped.size(), 3);
        QCOMPARE(document.skipped.first().title, u"settings"_s);
    }
};

QTEST_GUILESS_MAIN(TestJsonExchange)
#include "tst_jsonexchange.moc"
