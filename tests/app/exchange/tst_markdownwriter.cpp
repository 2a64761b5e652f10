// SPDX-License-Identifier: MIT
// MarkdownWriter: headings per day, task-list items with priority, status, due time and notes.
#include "exchange/markdownwriter.h"
#include "samples.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Samples;

class TestMarkdownWriter : public QObject
{
    Q_OBJECT

private slots:
    void checklistPerDay()
    {
        const DayLists days {
            { QDate(2026, 12, 7),
              { todo(u"a"_s, u"Buy *milk* [2]"_s, Todo::Priority::High),
                todo(u"b"_s, u"Dentist"_s, Todo::Priority::Low, Todo::Status::Done, 1, 0,
                     { { u"due"_s, u"14:30"_s }, { u"notes"_s, u"Bring the card\nand the form"_s } }) } },
            { QDate(2026, 12, 8), {} },
            { QDate(2026, 12, 9),
              { todo(u"c"_s, u"Taxes"_s, Todo::Priority::Medium, Todo::Status::InProgress) } },
        };
        QCOMPARE(QString::fromUtf8(MarkdownWriter::write(days)),
                 u"## 2026-12-07 (Monday)\n\n"
                 "- [ ] Buy \\*milk\\* \\[2\\] (high priority)\n"
                 "- [x] Dentist (low priority, due 14:30)\n"
                 "  Bring the card\n"
                 "  and the form\n"
                 "\n"
                 "## 2026-12-09 (Wednesday)\n\n"
                 "- [ ] Taxes (medium priority, in progress)\n"_s);
    }

    void nothingToWrite() { QCOMPARE(MarkdownWriter::write({ { QDate(2026, 12, 8), {} } }), QByteArray()); }
};

QTEST_GUILESS_MAIN(TestMarkdownWriter)
#include "tst_markdownwriter.moc"
