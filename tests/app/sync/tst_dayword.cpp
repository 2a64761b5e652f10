// SPDX-License-Identifier: MIT
// DayWord: the day words of quick add and of dayboard-cli's --day, one implementation.
#include "sync/dayword.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestDayWord : public QObject
{
    Q_OBJECT

private slots:
    void words_data();
    void words();
};

void TestDayWord::words_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("offsets");
    QTest::addColumn<QDate>("expected");
    // Today is Friday 2026-12-04.
    QTest::newRow("today") << u"Today"_s << false << QDate(2026, 12, 4);
    QTest::newRow("tomorrow") << u"tomorrow"_s << false << QDate(2026, 12, 5);
    QTest::newRow("fri is next week's") << u"fri"_s << false << QDate(2026, 12, 11);
    QTest::newRow("monday") << u"MONDAY"_s << false << QDate(2026, 12, 7);
    QTest::newRow("thurs") << u"thurs"_s << false << QDate(2026, 12, 10);
    QTest::newRow("iso") << u"2026-12-24"_s << false << QDate(2026, 12, 24);
    QTest::newRow("bad iso") << u"2026-02-30"_s << false << QDate();
    QTest::newRow("dotted, this year") << u"24.12."_s << false << QDate(2026, 12, 24);
    QTest::newRow("dotted, passed: next year") << u"1.12."_s << false << QDate(2027, 12, 1);
    QTest::newRow("dotted with year") << u"3.1.2027"_s << false << QDate(2027, 1, 3);
    QTest::newRow("offset not in quick add") << u"+3"_s << false << QDate();
    QTest::newRow("yesterday not in quick add") << u"yesterday"_s << false << QDate();
    QTest::newRow("+3") << u"+3"_s << true << QDate(2026, 12, 7);
    QTest::newRow("-1") << u"-1"_s << true << QDate(2026, 12, 3);
    QTest::newRow("yesterday") << u"yesterday"_s << true << QDate(2026, 12, 3);
    QTest::newRow("offsets also take the rest") << u"fri"_s << true << QDate(2026, 12, 11);
    QTest::newRow("text") << u"milk"_s << true << QDate();
    QTest::newRow("fr is not a day") << u"fr"_s << true << QDate();
}

void TestDayWord::words()
{
    QFETCH(QString, word);
    QFETCH(bool, offsets);
    QFETCH(QDate, expected);
    const QDate today(2026, 12, 4);
    const auto day = offsets ? DayWord::parseWithOffsets(word, today) : DayWord::parse(word, today);
    QCOMPARE(day.value_or(QDate()), expected);
}

QTEST_GUILESS_MAIN(TestDayWord)
#include "tst_dayword.moc"
