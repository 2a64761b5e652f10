// SPDX-License-Identifier: MIT
// Series: the repeat rules (which days get an occurrence) and the stored form of a series key.
#include "sync/series.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Series)

class TestSeries : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void fromAndUntilBoundTheRule();
    void occurrenceIsAnOrdinaryTodoWithADeterministicId();
    void roundTripKeepsEveryMemberAndUnknownOnes();
    void unreadableValuesAreNotSeries_data();
    void unreadableValuesAreNotSeries();
};

namespace {
Series rule(Series::Frequency frequency, QList<int> weekDays = {}, int monthDay = 1)
{
    Series series;
    series.id = u"s1"_s;
    series.frequency = frequency;
    series.weekDays = weekDays;
    series.monthDay = monthDay;
    series.from = QDate(2026, 1, 1);
    return series;
}
} // namespace

void TestSeries::rules_data()
{
    QTest::addColumn<Series>("series");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("occurs");
    const QDate monday(2026, 12, 7);
    QTest::newRow("daily, a Sunday") << rule(Series::Frequency::Daily) << QDate(2026, 12, 13) << true;
    QTest::newRow("weekdays, Friday") << rule(Series::Frequency::Weekdays) << QDate(2026, 12, 11) << true;
    QTest::newRow("weekdays, Saturday") << rule(Series::Frequency::Weekdays) << QDate(2026, 12, 12) << false;
    QTest::newRow("weekdays, Sunday") << rule(Series::Frequency::Weekdays) << QDate(2026, 12, 13) << false;
    QTest::newRow("weekly Mon+Thu, Monday") << rule(Series::Frequency::Weekly, { 1, 4 }) << monday << true;
    QTest::newRow("weekly Mon+Thu, Thursday")
        << rule(Series::Frequency::Weekly, { 1, 4 }) << monday.addDays(3) << true;
    QTest::newRow("weekly Mon+Thu, Tuesday")
        << rule(Series::Frequency::Weekly, { 1, 4 }) << monday.addDays(1) << false;
    QTest::newRow("monthly 15th, the 15th")
        << rule(Series::Frequency::Monthly, {}, 15) << QDate(2026, 3, 15) << true;
    QTest::newRow("monthly 15th, the 16th")
        << rule(Series::Frequency::Monthly, {}, 15) << QDate(2026, 3, 16) << false;
    QTest::newRow("monthly 31st, 30 April")
        << rule(Series::Frequency::Monthly, {}, 31) << QDate(2026, 4, 30) << true;
    QTest::newRow("monthly 31st, 29 April")
        << rule(Series::Frequency::Monthly, {}, 31) << QDate(2026, 4, 29) << false;
    QTest::newRow("monthly 31st, 28 Feb 2026")
        << rule(Series::Frequency::Monthly, {}, 31) << QDate(2026, 2, 28) << true;
    QTest::newRow("monthly 30th, 28 Feb 2028 (leap)")
        << rule(Series::Frequency::Monthly, {}, 30) << QDate(2028, 2, 28) << false;
    QTest::newRow("monthly 30th, 29 Feb 2028 (leap)")
        << rule(Series::Frequency::Monthly, {}, 30) << QDate(2028, 2, 29) << true;
}

void TestSeries::rules()
{
    QFETCH(Series, series);
    QFETCH(QDate, day);
    QFETCH(bool, occurs);
    QCOMPARE(series.occursOn(day), occurs);
}

void TestSeries::fromAndUntilBoundTheRule()
{
    Series series = rule(Series::Frequency::Daily);
    series.from = QDate(2026, 12, 7);
    series.until = QDate(2026, 12, 9);
    QVERIFY(!series.occursOn(QDate(2026, 12, 6)));
    QVERIFY(series.occursOn(QDate(2026, 12, 7)));
    QVERIFY(series.occursOn(QDate(2026, 12, 9)));
    QVERIFY(!series.occursOn(QDate(2026, 12, 10)));
}

void TestSeries::occurrenceIsAnOrdinaryTodoWithADeterministicId()
{
    Series series = rule(Series::Frequency::Daily);
    series.id = u"s17966016000001234"_s;
    series.text = u"Water the plants"_s;
    series.priority = Todo::Priority::High;
    series.notes = u"the ones on the balcony too"_s;
    series.remind = u"08:15"_s;
    const Todo todo = series.occurrence(QDate(2026, 12, 24), 42);
    QCOMPARE(todo.id, u"s17966016000001234-20261224"_s);
    QCOMPARE(todo.id, Series::occurrenceId(series.id, QDate(2026, 12, 24)));
    QCOMPARE(todo.text, series.text);
    QCOMPARE(todo.priority, Todo::Priority::High);
    QCOMPARE(todo.status, Todo::Status::NotSet);
    QCOMPARE(todo.created, 42);
    QCOMPARE(todo.notes, series.notes);
    QCOMPARE(todo.remind, u"08:15"_s);
    QCOMPARE(todo.series, series.id);
    QCOMPARE(series.key(), QByteArray("series-s17966016000001234"));
    QVERIFY(Series::newId().contains(QRegularExpression(u"^s[0-9]{13,}$"_s)));
}

void TestSeries::roundTripKeepsEveryMemberAndUnknownOnes()
{
    const QByteArray stored = R"({"color":"teal","from":"20261207","id":"s1","notes":"n","priority":"high",)"
                              R"("remind":"07:30","rule":{"days":[4,1],"freq":"weekly"},"text":"Gym",)"
                              R"("through":"20261221","until":"20270601"})";
    const std::optional<Series> series = Series::parse(stored);
    QVERIFY(series);
    QCOMPARE(series->text, u"Gym"_s);
    QCOMPARE(series->priority, Todo::Priority::High);
    QCOMPARE(series->frequency, Series::Frequency::Weekly);
    QCOMPARE(series->weekDays, QList<int>({ 1, 4 }));
    QCOMPARE(series->from, QDate(2026, 12, 7));
    QCOMPARE(series->through, QDate(2026, 12, 21));
    QCOMPARE(series->until, QDate(2027, 6, 1));
    QCOMPARE(series->remind, u"07:30"_s);
    QCOMPARE(series->extra.value(u"color"_s).toString(), u"teal"_s);

    const std::optional<Series> again = Series::parse(series->serialize());
    QVERIFY(again);
    QCOMPARE(*again, *series);
    const QJsonObject object = QJsonDocument::fromJson(series->serialize()).object();
    QCOMPARE(object.value(u"color"_s).toString(), u"teal"_s);
    QCOMPARE(object.value(u"rule"_s).toObject().value(u"freq"_s).toString(), u"weekly"_s);

    // Absent members stay absent: no "until", "through", "notes" or "remind" written empty.
    Series plain = rule(Series::Frequency::Monthly, {}, 31);
    const QJsonObject written = QJsonDocument::fromJson(plain.serialize()).object();
    QVERIFY(!written.contains(u"until"_s));
    QVERIFY(!written.contains(u"through"_s));
    QVERIFY(!written.contains(u"notes"_s));
    QVERIFY(!written.contains(u"remind"_s));
    QCOMPARE(written.value(u"rule"_s).toObject().value(u"monthDay"_s).toInt(), 31);
}

void TestSeries::unreadableValuesAreNotSeries_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("not JSON") << QByteArray("series?");
    QTest::newRow("an array") << QByteArray(R"([{"id":"s1"}])");
    QTest::newRow("no id") << QByteArray(R"({"rule":{"freq":"daily"},"from":"20261207"})");
    QTest::newRow("unknown frequency")
        << QByteArray(R"({"id":"s1","rule":{"freq":"hourly"},"from":"20261207"})");
    QTest::newRow("no from") << QByteArray(R"({"id":"s1","rule":{"freq":"daily"}})");
    QTest::newRow("bad from") << QByteArray(R"({"id":"s1","rule":{"freq":"daily"},"from":"2026-12-07"})");
}

void TestSeries::unreadableValuesAreNotSeries()
{
    QFETCH(QByteArray, value);
    QVERIFY(!Series::parse(value));
}

QTEST_GUILESS_MAIN(TestSeries)
#include "tst_series.moc"
