// SPDX-License-Identifier: MIT
// QuickAddParser: every form of day, time and priority, escapes, ignored parts, repeats and
// look-alikes, against an injected today (Monday 7 December 2026); QuickAdd's chips and labels.
#include "ui/quickadd.h"
#include "ui/quickaddparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QDate monday(2026, 12, 7);
}

class TstQuickAddParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void days_data();
    void days();
    void times_data();
    void times();
    void priorities_data();
    void priorities();
    void whole_data();
    void whole();
    void lastOfAKindWins();
    void ignoredPartsStayText();
    void chipsAndSummary();
    void ignoreAndReset();
};

void TstQuickAddParser::days_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QDate>("expected"); // invalid: not a day
    QTest::newRow("today") << u"today"_s << monday;
    QTest::newRow("Today") << u"Today"_s << monday;
    QTest::newRow("tomorrow") << u"tomorrow"_s << monday.addDays(1);
    QTest::newRow("TOMORROW") << u"TOMORROW"_s << monday.addDays(1);
    // A weekday is the next such day, 1..7 days on: "mon" on a Monday is next Monday.
    const QList<QStringList> names = {
        { u"monday"_s, u"mon"_s },
        { u"tuesday"_s, u"tue"_s, u"tues"_s },
        { u"wednesday"_s, u"wed"_s },
        { u"thursday"_s, u"thu"_s, u"thur"_s, u"thurs"_s },
        { u"friday"_s, u"fri"_s, u"Fri"_s, u"FRIDAY"_s },
        { u"saturday"_s, u"sat"_s },
        { u"sunday"_s, u"sun"_s },
    };
    for (int i = 0; i < names.size(); ++i) {
        for (const QString &name : names.at(i))
            QTest::addRow("%s", qPrintable(name)) << name << monday.addDays(i == 0 ? 7 : i);
    }
    QTest::newRow("iso") << u"2026-12-24"_s << QDate(2026, 12, 24);
    QTest::newRow("iso past") << u"2025-01-02"_s << QDate(2025, 1, 2);
    QTest::newRow("iso invalid") << u"2026-02-30"_s << QDate();
    QTest::newRow("iso short") << u"2026-1-2"_s << QDate();
    QTest::newRow("dotted") << u"24.12."_s << QDate(2026, 12, 24);
    QTest::newRow("dotted single digits") << u"1.2."_s << QDate(2027, 2, 1);
    QTest::newRow("dotted today") << u"7.12."_s << monday;
    QTest::newRow("dotted yesterday is next year") << u"6.12."_s << QDate(2027, 12, 6);
    QTest::newRow("dotted 29.2. next leap year") << u"29.2."_s << QDate(2028, 2, 29);
    QTest::newRow("dotted with year") << u"24.12.2027"_s << QDate(2027, 12, 24);
    QTest::newRow("dotted invalid") << u"31.4."_s << QDate();
    QTest::newRow("dotted without last dot") << u"24.12"_s << QDate();
    QTest::newRow("slashes are not days") << u"12/24"_s << QDate();
    QTest::newRow("yesterday is not a day") << u"yesterday"_s << QDate();
    QTest::newRow("fri, is not a day") << u"fri,"_s << QDate();
    QTest::newRow("frid") << u"frid"_s << QDate();
    QTest::newRow("word") << u"chapter"_s << QDate();
}

void TstQuickAddParser::days()
{
    QFETCH(QString, word);
    QFETCH(QDate, expected);
    const auto day = QuickAddParser::parseDay(word, monday);
    QCOMPARE(day.has_value(), expected.isValid());
    if (day)
        QCOMPARE(*day, expected);
}

void TstQuickAddParser::times_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected"); // empty: not a time
    QTest::newRow("14:30") << u"14:30"_s << u"14:30"_s;
    QTest::newRow("9:05") << u"9:05"_s << u"09:05"_s;
    QTest::newRow("09:05") << u"09:05"_s << u"09:05"_s;
    QTest::newRow("0:00") << u"0:00"_s << u"00:00"_s;
    QTest::newRow("23:59") << u"23:59"_s << u"23:59"_s;
    QTest::newRow("24:00") << u"24:00"_s << QString();
    QTest::newRow("12:60") << u"12:60"_s << QString();
    QTest::newRow("12:5") << u"12:5"_s << QString();
    QTest::newRow("123:00") << u"123:00"_s << QString();
    QTest::newRow("14.30") << u"14.30"_s << QString();
    QTest::newRow("2pm") << u"2pm"_s << QString();
    QTest::newRow("14:30:00") << u"14:30:00"_s << QString();
}

void TstQuickAddParser::times()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(QuickAddParser::parseTime(word).value_or(QString()), expected);
}

void TstQuickAddParser::priorities_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("expected"); // -1: not a priority
    QTest::newRow("!high") << u"!high"_s << int(Todo::Priority::High);
    QTest::newRow("!HIGH") << u"!HIGH"_s << int(Todo::Priority::High);
    QTest::newRow("!1") << u"!1"_s << int(Todo::Priority::High);
    QTest::newRow("!medium") << u"!medium"_s << int(Todo::Priority::Medium);
    QTest::newRow("!2") << u"!2"_s << int(Todo::Priority::Medium);
    QTest::newRow("!low") << u"!low"_s << int(Todo::Priority::Low);
    QTest::newRow("!3") << u"!3"_s << int(Todo::Priority::Low);
    QTest::newRow("!4") << u"!4"_s << -1;
    QTest::newRow("high") << u"high"_s << -1;
    QTest::newRow("!") << u"!"_s << -1;
    QTest::newRow("!!high") << u"!!high"_s << -1;
    QTest::newRow("!hi") << u"!hi"_s << -1;
}

void TstQuickAddParser::priorities()
{
    QFETCH(QString, word);
    QFETCH(int, expected);
    const auto priority = QuickAddParser::parsePriority(word);
    QCOMPARE(priority ? int(*priority) : -1, expected);
}

void TstQuickAddParser::whole_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("remind");
    QTest::addColumn<int>("priority");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("plain") << u"  Buy milk  "_s << u"Buy milk"_s << QDate() << QString() << -1
                           << QStringList();
    QTest::newRow("plain keeps inner spaces")
        << u"a  b"_s << u"a  b"_s << QDate() << QString() << -1 << QStringList();
    QTest::newRow("all three") << u"Call Anna fri !high 14:30"_s << u"Call Anna"_s << QDate(2026, 12, 11)
                               << u"14:30"_s << int(Todo::Priority::High)
                               << QStringList { u"fri"_s, u"!high"_s, u"14:30"_s };
    QTest::newRow("in the middle") << u"Pay !1 rent tomorrow now"_s << u"Pay rent now"_s << monday.addDays(1)
                                   << QString() << int(Todo::Priority::High)
                                   << QStringList { u"!1"_s, u"tomorrow"_s };
    QTest::newRow("look-alike parsed") << u"Read chapter 14:30 minutes"_s << u"Read chapter minutes"_s
                                       << QDate() << u"14:30"_s << -1 << QStringList { u"14:30"_s };
    QTest::newRow("escaped time") << u"Read chapter \\14:30 minutes"_s << u"Read chapter 14:30 minutes"_s
                                  << QDate() << QString() << -1 << QStringList();
    QTest::newRow("escaped day") << u"Thank God it's \\Fri"_s << u"Thank God it's Fri"_s << QDate()
                                 << QString() << -1 << QStringList();
    QTest::newRow("escaped backslash")
        << u"\\\\fri"_s << u"\\fri"_s << QDate() << QString() << -1 << QStringList();
    QTest::newRow("lone backslash dropped")
        << u"a \\ b"_s << u"a b"_s << QDate() << QString() << -1 << QStringList();
    QTest::newRow("only tokens") << u"fri !2"_s << QString() << QDate(2026, 12, 11) << QString()
                                 << int(Todo::Priority::Medium) << QStringList { u"fri"_s, u"!2"_s };
    QTest::newRow("words with punctuation stay")
        << u"Plan today's talk"_s << u"Plan today's talk"_s << QDate() << QString() << -1 << QStringList();
    QTest::newRow("date") << u"Gifts 24.12. 9:00"_s << u"Gifts"_s << QDate(2026, 12, 24) << u"09:00"_s << -1
                          << QStringList { u"24.12."_s, u"9:00"_s };
    QTest::newRow("iso date") << u"Trip 2027-03-01 !low"_s << u"Trip"_s << QDate(2027, 3, 1) << QString()
                              << int(Todo::Priority::Low) << QStringList { u"2027-03-01"_s, u"!low"_s };
    QTest::newRow("tabs and newlines") << u"Call\tBob\nsat"_s << u"Call Bob"_s << QDate(2026, 12, 12)
                                       << QString() << -1 << QStringList { u"sat"_s };
}

void TstQuickAddParser::whole()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    QFETCH(QDate, day);
    QFETCH(QString, remind);
    QFETCH(int, priority);
    QFETCH(QStringList, tokens);
    const QuickAddParser::Result result = QuickAddParser::parse(input, monday);
    QCOMPARE(result.text, text);
    QCOMPARE(result.day, day);
    QCOMPARE(result.remind, remind);
    QCOMPARE(result.priority ? int(*result.priority) : -1, priority);
    QStringList sources;
    for (const QuickAddParser::Token &token : result.tokens)
        sources.append(token.source);
    QCOMPARE(sources, tokens);
}

void TstQuickAddParser::lastOfAKindWins()
{
    const QuickAddParser::Result result
        = QuickAddParser::parse(u"mon 9:00 !low Meet fri 14:30 !high"_s, monday);
    QCOMPARE(result.text, u"mon 9:00 !low Meet"_s);
    QCOMPARE(result.day, QDate(2026, 12, 11));
    QCOMPARE(result.remind, u"14:30"_s);
    QCOMPARE(result.priority, Todo::Priority::High);
}

void TstQuickAddParser::ignoredPartsStayText()
{
    const QString input = u"Call Anna fri !high 14:30"_s;
    auto result = QuickAddParser::parse(input, monday, QuickAddParser::TimePart);
    QCOMPARE(result.text, u"Call Anna 14:30"_s);
    QCOMPARE(result.remind, QString());
    QCOMPARE(result.day, QDate(2026, 12, 11));
    result = QuickAddParser::parse(input, monday, QuickAddParser::DayPart | QuickAddParser::PriorityPart);
    QCOMPARE(result.text, u"Call Anna fri !high"_s);
    QVERIFY(!result.day.isValid());
    QVERIFY(!result.priority);
    QCOMPARE(result.remind, u"14:30"_s);
    result = QuickAddParser::parse(input, monday, 7);
    QCOMPARE(result.text, input);
    QVERIFY(result.tokens.isEmpty());
}

void TstQuickAddParser::chipsAndSummary()
{
    QuickAdd quick;
    quick.setToday(u"2026-12-07"_s);
    quick.setInput(u"Call Anna fri !high 14:30"_s);
    QCOMPARE(quick.text(), u"Call Anna"_s);
    QCOMPARE(quick.day(), u"2026-12-11"_s);
    QCOMPARE(quick.remind(), u"14:30"_s);
    QCOMPARE(quick.priority(), int(Todo::Priority::High));
    QCOMPARE(quick.summary(), u"Friday 11 Dec · High · 14:30"_s);
    const QVariantList chips = quick.chips();
    QCOMPARE(chips.size(), 3);
    QCOMPARE(chips.at(0).toMap().value(u"part"_s).toInt(), int(QuickAdd::DayPart));
    QCOMPARE(chips.at(0).toMap().value(u"source"_s).toString(), u"fri"_s);
    QCOMPARE(chips.at(2).toMap().value(u"label"_s).toString(), u"14:30"_s);
    quick.setInput(u"Buy milk"_s);
    QCOMPARE(quick.summary(), QString());
    QCOMPARE(quick.priority(), -1);
    QCOMPARE(quick.day(), QString());
}

void TstQuickAddParser::ignoreAndReset()
{
    QuickAdd quick;
    quick.setToday(u"2026-12-07"_s);
    quick.setInput(u"Read chapter 14:30 minutes"_s);
    QCOMPARE(quick.remind(), u"14:30"_s);
    quick.ignore(QuickAdd::TimePart);
    QCOMPARE(quick.text(), u"Read chapter 14:30 minutes"_s);
    QCOMPARE(quick.remind(), QString());
    QVERIFY(quick.chips().isEmpty());
    quick.reset();
    QCOMPARE(quick.remind(), u"14:30"_s);
}

QTEST_GUILESS_MAIN(TstQuickAddParser)
#include "tst_quickaddparser.moc"
