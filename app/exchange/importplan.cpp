// SPDX-License-Identifier: MIT
#include "exchange/importplan.h"

#include "exchange/duetime.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Found
{
    QDate day;
    Todo todo;
};

std::optional<Found> find(const DayLists &lists, const QString &id)
{
    for (auto it = lists.cbegin(); it != lists.cend(); ++it) {
        for (const Todo &todo : it.value()) {
            if (todo.id == id)
                return Found { it.key(), todo };
        }
    }
    return std::nullopt;
}

qint64 lastChange(const Todo &todo)
{
    return todo.updated > 0 ? todo.updated : todo.created;
}

} // namespace

QList<QDate> ImportPlan::daysToRead(const ImportDocument &document, const QDate &undatedDay)
{
    QSet<QDate> days;
    for (const ImportDocument::Item &item : document.items)
        days.insert(item.day.value_or(undatedDay));
    QList<QDate> sorted(days.cbegin(), days.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

ImportPlan ImportPlan::make(const ImportDocument &document, const DayLists &existing, const QDate &undatedDay,
                            qint64 nowMs)
{
    if (nowMs < 0)
        nowMs = QDateTime::currentMSecsSinceEpoch();
    ImportPlan plan;
    if (!document.ok())
        return plan;
    QList<TodoOperation> operations;
    QSet<QString> seen;
    qsizetype skippedIndex = 0;
    const auto addSkippedUpTo = [&](int line) {
        for (; skippedIndex < document.skipped.size() && document.skipped.at(skippedIndex).line <= line;
             ++skippedIndex) {
            const ImportDocument::Skipped &skipped = document.skipped.at(skippedIndex);
            plan.m_summary.append(
                { Entry::Outcome::Skipped, {}, skipped.title, {}, skipped.line, skipped.reason });
        }
    };
    for (ImportDocument::Item item : document.items) {
        addSkippedUpTo(item.line);
        if (seen.contains(item.todo.id)) {
            plan.m_summary.append({ Entry::Outcome::Skipped,
                                    item.todo.id,
                                    item.todo.text,
                                    {},
                                    item.line,
                                    tr("another todo earlier in the file has the same id") });
            continue;
        }
        seen.insert(item.todo.id);
        if (item.todo.created <= 0)
            item.todo.created = nowMs;
        plan.mergeItem(item, item.day.value_or(undatedDay), existing, operations);
    }
    addSkippedUpTo(std::numeric_limits<int>::max());
    // Grouped by day (stable: file order within a day), so a caller can write day by day.
    std::stable_sort(operations.begin(), operations.end(),
                     [](const TodoOperation &a, const TodoOperation &b) { return a.day < b.day; });
    plan.m_operations = operations;
    return plan;
}

void ImportPlan::mergeItem(const ImportDocument::Item &item, const QDate &day, const DayLists &existing,
                           QList<TodoOperation> &operations)
{
    const Todo &incoming = item.todo;
    const QString leftOut
        = item.notImported.isEmpty() ? QString() : tr("not imported: %1").arg(item.notImported.join(u", "_s));
    const std::optional<Found> found = find(existing, incoming.id);
    if (!found) {
        operations.append(TodoOperation::insert(day, incoming));
        m_summary.append({ Entry::Outcome::Added, incoming.id, incoming.text, day, item.line, leftOut });
        return;
    }
    const Todo &current = found->todo;
    QStringList changed;
    QList<TodoOperation> edits;
    const qint64 stamp = lastChange(incoming);
    if (incoming.text != current.text) {
        changed << tr("text");
        edits << TodoOperation::setText(found->day, incoming.id, incoming.text, stamp);
    }
    if (incoming.priority != current.priority) {
        changed << tr("priority");
        edits << TodoOperation::setPriority(found->day, incoming.id, incoming.priority, stamp);
    }
    if (incoming.status != current.status) {
        changed << tr("status");
        edits << TodoOperation::setStatus(found->day, incoming.id, incoming.status, stamp);
    }
    if (incoming.notes != current.notes
        || incoming.extra.value(u"notes"_s) != current.extra.value(u"notes"_s)) {
        changed << tr("notes");
        edits << TodoOperation::setNotes(found->day, incoming.id, incoming.notes, stamp);
    }
    if (DueTime::of(incoming, found->day) != DueTime::of(current, found->day)) {
        changed << tr("due time");
        if (incoming.remind != current.remind)
            edits << TodoOperation::setRemind(found->day, incoming.id, incoming.remind, stamp);
        const QJsonValue due = incoming.extra.value(u"due"_s);
        if (due != current.extra.value(u"due"_s))
            edits << TodoOperation::setMembers(
                found->day, incoming.id, QJsonObject { { u"due"_s, due.isUndefined() ? QJsonValue() : due } },
                stamp);
    }
    if (edits.isEmpty()) {
        m_summary.append(
            { Entry::Outcome::Skipped, incoming.id, incoming.text, {}, item.line, tr("already up to date") });
        return;
    }
    if (stamp <= lastChange(current)) {
        m_summary.append({ Entry::Outcome::Skipped,
                           incoming.id,
                           incoming.text,
                           {},
                           item.line,
                           stamp > 0
                               ? tr("Dayboard's copy was changed later than the file's")
                               : tr("the file does not say when it was changed; Dayboard's copy is kept") });
        return;
    }
    operations.append(edits);
    m_summary.append({ Entry::Outcome::Updated, incoming.id, incoming.text, found->day, item.line,
                       tr("changed: %1").arg(changed.join(u", "_s)) });
}

QList<QDate> ImportPlan::days() const
{
    QList<QDate> days;
    for (const TodoOperation &op : m_operations) {
        if (days.isEmpty() || days.constLast() != op.day)
            days.append(op.day);
    }
    return days;
}

TodoList ImportPlan::applyTo(const QDate &day, TodoList list) const
{
    for (const TodoOperation &op : m_operations) {
        if (op.day == day)
            list = op.applyTo(std::move(list));
    }
    return list;
}

int ImportPlan::count(Entry::Outcome outcome) const
{
    return int(std::count_if(m_summary.cbegin(), m_summary.cend(),
                             [&](const Entry &entry) { return entry.outcome == outcome; }));
}

QString ImportPlan::outcomeName(Entry::Outcome outcome)
{
    switch (outcome) {
    case Entry::Outcome::Added:
        return QStringLiteral("added");
    case Entry::Outcome::Updated:
        return QStringLiteral("updated");
    case Entry::Outcome::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}
