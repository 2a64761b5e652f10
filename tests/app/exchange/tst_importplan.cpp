// SPDX-License-Identifier: MIT
// ImportPlan: operations that survive concurrent edits when replayed on a newer value, duplicate
// ids in a file, and notes and due times of an existing todo changed by an import.
#include "samples.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Samples;

namespace {

const QDate day(2026, 12, 7);
const QDate otherDay(2026, 12, 10);

ImportDocument::Item item(const Todo &todo, std::optional<QDate> itemDay, int line)
{
    return { todo, itemDay, line, {} };
}

} // namespace

class TestImportPlan : public QObject
{
    Q_OBJECT

private slots:
    void replayedOnANewerValueKeepsConcurrentEdits()
    {
        const Todo mine = todo(u"t1"_s, u"Mine"_s, Todo::Priority::Low, Todo::Status::NotSet, 1000, 2000);
        ImportDocument document;
        Todo edited = mine;
        edited.status = Todo::Status::Done;
        edited.updated = 5000;
        document.items = { item(edited, day, 1), item(todo(u"new"_s, u"New one"_s), day, 2) };
        const ImportPlan plan = ImportPlan::make(document, { { day, { mine } } }, day, 9000);
        QCOMPARE(plan.operations().size(), 2); // SetStatus t1, Insert new

        // Meanwhile someone else inserted a todo and renamed t1: the plan applied to their value
        // keeps both of their edits and adds ours.
        Todo renamed = mine;
        renamed.text = u"Mine, renamed"_s;
        const TodoList theirs { renamed, todo(u"other"_s, u"Theirs"_s) };
        const TodoList result = plan.applyTo(day, theirs);
        QCOMPARE(result.size(), 3);
        QCOMPARE(result.at(0).text, u"Mine, renamed"_s);
        QCOMPARE(result.at(0).status, Todo::Status::Done);
        QCOMPARE(result.at(1).id, u"other"_s);
        QCOMPARE(result.at(2).id, u"new"_s);
        QCOMPARE(result.at(2).created, 1796601600123); // the file's, not `nowMs`
        // Applying it twice (a replay after a lost reply) changes nothing more.
        QCOMPARE(plan.applyTo(day, result), result);
    }

    void updatesTheTodoWhereItIsNow()
    {
        const Todo moved = todo(u"t1"_s, u"Old text"_s, Todo::Priority::Low, Todo::Status::NotSet, 1000);
        ImportDocument document;
        Todo incoming = moved;
        incoming.text = u"New text"_s;
        incoming.updated = 3000;
        document.items = { item(incoming, day, 1) };
        const ImportPlan plan = ImportPlan::make(document, { { day, {} }, { otherDay, { moved } } }, day);
        QCOMPARE(plan.days(), QList<QDate> { otherDay });
        QCOMPARE(plan.summary().first().outcome, ImportPlan::Entry::Outcome::Updated);
        QCOMPARE(plan.summary().first().day, otherDay);
    }

    void duplicateIdsInTheFile()
    {
        ImportDocument document;
        document.items
            = { item(todo(u"t"_s, u"First"_s), std::nullopt, 3), item(todo(u"t"_s, u"Again"_s), day, 9) };
        document.skipped = { { 5, u"VEVENT"_s, u"not a todo"_s } };
        const ImportPlan plan = ImportPlan::make(document, {}, otherDay, 9000);
        QCOMPARE(plan.operations().size(), 1);
        QCOMPARE(plan.applyTo(otherDay, {}).first().text, u"First"_s);
        QCOMPARE(plan.summary().size(), 3);
        QCOMPARE(plan.summary().at(1).line, 5); // in file order
        QCOMPARE(plan.summary().at(2).outcome, ImportPlan::Entry::Outcome::Skipped);
        QCOMPARE(plan.summary().at(2).line, 9);
    }

    void newTodoWithoutCreatedGetsNow()
    {
        ImportDocument document;
        document.items
            = { item(todo(u"t"_s, u"T"_s, Todo::Priority::Medium, Todo::Status::NotSet, 0), day, 1) };
        QCOMPARE(ImportPlan::make(document, {}, day, 9000).applyTo(day, {}).first().created, 9000);
    }

    void notesAndDueTimeOfAnExistingTodoAreChanged()
    {
        Todo current = todo(u"t"_s, u"T"_s, Todo::Priority::Medium, Todo::Status::NotSet, 1000, 0,
                            { { u"due"_s, u"09:00"_s }, { u"colour"_s, u"teal"_s } });
        current.notes = u"old"_s;
        Todo incoming = current;
        incoming.notes = u"new"_s;
        incoming.extra.insert(u"due"_s, u"17:30"_s);
        incoming.updated = 5000;
        ImportDocument document;
        document.items = { item(incoming, day, 1) };
        const ImportPlan plan = ImportPlan::make(document, { { day, { current } } }, day);
        QCOMPARE(plan.summary().first().outcome, ImportPlan::Entry::Outcome::Updated);
        QVERIFY(plan.summary().first().reason.contains(u"notes"_s));
        QVERIFY(plan.summary().first().reason.contains(u"due time"_s));
        const Todo after = plan.applyTo(day, { current }).first();
        QCOMPARE(after.notes, u"new"_s);
        QCOMPARE(after.extra.value(u"due"_s).toString(), u"17:30"_s);
        QCOMPARE(after.extra.value(u"colour"_s).toString(), u"teal"_s); // members the file does not name stay
        // Importing the same again changes nothing.
        const ImportPlan again = ImportPlan::make(document, { { day, { after } } }, day);
        QVERIFY(again.isEmpty());
    }

    void daysToRead()
    {
        ImportDocument document;
        document.items
            = { item(todo(u"a"_s, u"A"_s), otherDay, 1), item(todo(u"b"_s, u"B"_s), std::nullopt, 2),
                item(todo(u"c"_s, u"C"_s), otherDay, 3) };
        QCOMPARE(ImportPlan::daysToRead(document, day), (QList<QDate> { day, otherDay }));
    }
};

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_importplan.moc"
