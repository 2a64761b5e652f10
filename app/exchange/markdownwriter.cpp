// SPDX-License-Identifier: MIT
#include "exchange/markdownwriter.h"

#include "exchange/duetime.h"

#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (u"\\`*_[]<>#|~"_s.contains(c))
            out += u'\\';
        out += c == u'\n' ? u' ' : c;
    }
    return out;
}

QString priorityText(Todo::Priority priority)
{
    switch (priority) {
    case Todo::Priority::High:
        return u"high priority"_s;
    case Todo::Priority::Medium:
        return u"medium priority"_s;
    case Todo::Priority::Low:
        break;
    }
    return u"low priority"_s;
}

} // namespace

QByteArray MarkdownWriter::write(const DayLists &days)
{
    QString out;
    const QLocale c = QLocale::c();
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        if (!out.isEmpty())
            out += u'\n';
        out += u"## "_s + it.key().toString(Qt::ISODate) + u" ("_s + c.dayName(it.key().dayOfWeek())
            + u")\n\n"_s;
        for (const Todo &todo : it.value()) {
            QStringList details { priorityText(todo.priority) };
            if (todo.status == Todo::Status::InProgress)
                details << u"in progress"_s;
            if (const std::optional<QDateTime> due = DueTime::of(todo, it.key()))
                details << u"due "_s
                        + due->toString(due->date() == it.key() ? u"HH:mm"_s : u"yyyy-MM-dd HH:mm"_s);
            out += (todo.isDone() ? u"- [x] "_s : u"- [ ] "_s) + escaped(todo.text) + u" ("_s
                + details.join(u", "_s) + u")\n"_s;
            const QString notes = todo.notes.trimmed();
            for (const QString &line : notes.split(u'\n', Qt::SkipEmptyParts))
                out += u"  "_s + escaped(line.trimmed()) + u'\n';
        }
    }
    return out.toUtf8();
}
