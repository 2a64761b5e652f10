// SPDX-License-Identifier: MIT
#include "cli/todocommands.h"

#include "cli/clicontext.h"
#include "cli/exitcode.h"
#include "sync/todocodec.h"
#include "sync/todooperation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTime>

using namespace Qt::StringLiterals;

namespace {
const QCommandLineOption dayOption(
    u"day"_s,
    QCoreApplication::translate("TodoCommands", "The day: today (default), tomorrow, fri, +3, 2026-12-24."),
    u"day"_s);

/** Writes `operation` to its day; ExitNotFound when its todo is no longer there. */
int apply(CliContext &context, const TodoOperation &operation)
{
    QString error;
    const int code = context.store().update(
        operation.day,
        [&](const TodoList &todos) -> std::optional<TodoList> {
            const bool present = std::any_of(todos.cbegin(), todos.cend(), [&](const Todo &todo) {
                return todo.id == operation.targetId();
            });
            if (operation.kind == TodoOperation::Kind::Insert ? present : !present)
                return operation.kind == TodoOperation::Kind::Insert ? std::optional(todos) : std::nullopt;
            return operation.applyTo(todos);
        },
        &error);
    if (code == ExitNotFound)
        return context.out().error(
            code,
            QCoreApplication::translate("TodoCommands", "The todo %1 is no longer on %2.")
                .arg(operation.targetId(), operation.day.toString(Qt::ISODate)));
    return code == ExitOk ? code : context.out().error(code, error);
}

/** Prints the todo as it is now on `day`. */
int report(CliContext &context, const QDate &day, const QString &id, const QString &verb)
{
    TodoList todos;
    QString error;
    if (const int code = context.store().readDay(day, &todos, &error); code != ExitOk)
        return context.out().error(code, error);
    for (const Todo &todo : std::as_const(todos)) {
        if (todo.id != id)
            continue;
        if (context.out().isJson())
            context.out().json(CliOutput::todoJson(day, todo));
        else
            context.out().line(verb + u' ' + CliOutput::todoLine(day, todo));
        return ExitOk;
    }
    if (context.out().isJson())
        context.out().json(QJsonObject { { u"day"_s, day.toString(Qt::ISODate) }, { u"removed"_s, id } });
    else
        context.out().line(verb + u' ' + id);
    return ExitOk;
}

/** The todo named by the first argument (searched on --day when given). */
int find(CliContext &context, QDate *day, Todo *todo)
{
    const auto prefix = context.argument(0, QCoreApplication::translate("TodoCommands", "the todo's id"));
    if (!prefix)
        return ExitUsage;
    const auto onlyDay = context.parser().isSet(u"in"_s) ? context.day(u"in"_s, {}) : std::optional(QDate());
    if (!onlyDay)
        return ExitUsage;
    if (const int code = context.connect(); code != ExitOk)
        return code;
    return context.findTodo(*prefix, *onlyDay, day, todo);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

void TodoCommands::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"text"_s, tr("What to do."));
    parser.addOption(dayOption);
    parser.addOption({ u"priority"_s, tr("low (default), medium or high."), u"priority"_s });
    parser.addOption({ u"at"_s, tr("A reminder at this time of the day (14:30)."), u"time"_s });
}

int TodoCommands::add(CliContext &context)
{
    const auto text = context.argument(0, tr("the todo's text"));
    const auto day = context.day(u"day"_s, QDate::currentDate());
    if (!text || !day)
        return ExitUsage;
    Todo todo;
    todo.text = text->trimmed();
    if (context.parser().isSet(u"priority"_s)) {
        const auto priority = TodoCodec::priorityFromName(context.parser().value(u"priority"_s).toLower());
        if (!priority)
            return context.out().error(ExitUsage, tr("--priority: low, medium or high."));
        todo.priority = *priority;
    }
    if (context.parser().isSet(u"at"_s)) {
        const QTime time = QTime::fromString(context.parser().value(u"at"_s), u"H:mm"_s);
        if (!time.isValid())
            return context.out().error(ExitUsage, tr("--at: a time of day like 14:30."));
        todo.remind = time.toString(u"HH:mm"_s);
    }
    if (const int code = context.connect(); code != ExitOk)
        return code;
    todo.created = now();
    todo.id = TodoCodec::newId(todo.created);
    if (const int code = apply(context, TodoOperation::insert(*day, todo, -1, {}, todo.created));
        code != ExitOk)
        return code;
    return report(context, *day, todo.id, tr("added"));
}

void TodoCommands::listOptions(QCommandLineParser &parser)
{
    parser.addOption(dayOption);
    parser.addOption({ u"from"_s, tr("The first day of a range."), u"day"_s });
    parser.addOption({ u"to"_s, tr("The last day of a range (default: the first)."), u"day"_s });
}

int TodoCommands::list(CliContext &context)
{
    const bool range = context.parser().isSet(u"from"_s) || context.parser().isSet(u"to"_s);
    const auto from = context.day(range ? u"from"_s : u"day"_s, QDate::currentDate());
    const auto to = from ? context.day(range ? u"to"_s : u"day"_s, *from) : std::nullopt;
    if (!from || !to)
        return ExitUsage;
    if (*to < *from)
        return context.out().error(ExitUsage, tr("--to is before --from."));
    if (const int code = context.connect(); code != ExitOk)
        return code;
    DayLists days;
    QString error;
    if (const int code = context.store().readRange(*from, *to, &days, &error); code != ExitOk)
        return context.out().error(code, error);
    QJsonArray all;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        for (const Todo &todo : it.value()) {
            if (context.out().isJson())
                all.append(CliOutput::todoJson(it.key(), todo));
            else
                context.out().line(CliOutput::todoLine(it.key(), todo));
        }
    }
    if (context.out().isJson())
        context.out().json(all);
    return ExitOk;
}

void TodoCommands::idOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        u"id"_s, tr("The todo's id, the start of it (\"todo_\" may be left out) or of its last part."));
    parser.addOption({ u"in"_s, tr("Look for the todo on this day only."), u"day"_s });
}

int TodoCommands::done(CliContext &context)
{
    QDate day;
    Todo todo;
    if (const int code = find(context, &day, &todo); code != ExitOk)
        return code;
    if (const int code = apply(context, TodoOperation::setStatus(day, todo.id, Todo::Status::Done, now()));
        code != ExitOk)
        return code;
    return report(context, day, todo.id, tr("done"));
}

void TodoCommands::editOptions(QCommandLineParser &parser)
{
    idOptions(parser);
    parser.addPositionalArgument(u"text"_s, tr("The new text."));
}

int TodoCommands::edit(CliContext &context)
{
    const auto text = context.argument(1, tr("the new text"));
    if (!text)
        return ExitUsage;
    QDate day;
    Todo todo;
    if (const int code = find(context, &day, &todo); code != ExitOk)
        return code;
    if (const int code = apply(context, TodoOperation::setText(day, todo.id, text->trimmed(), now()));
        code != ExitOk)
        return code;
    return report(context, day, todo.id, tr("edited"));
}

int TodoCommands::remove(CliContext &context)
{
    QDate day;
    Todo todo;
    if (const int code = find(context, &day, &todo); code != ExitOk)
        return code;
    if (const int code = apply(context, TodoOperation::remove(day, todo.id, now())); code != ExitOk)
        return code;
    return report(context, day, todo.id, tr("removed"));
}

void TodoCommands::moveOptions(QCommandLineParser &parser)
{
    idOptions(parser);
    parser.addOption({ u"day"_s, tr("The day to move it to (required)."), u"day"_s });
}

int TodoCommands::move(CliContext &context)
{
    if (!context.parser().isSet(u"day"_s))
        return context.out().error(ExitUsage, tr("move needs --day."));
    const auto target = context.day(u"day"_s, {});
    if (!target)
        return ExitUsage;
    QDate day;
    Todo todo;
    if (const int code = find(context, &day, &todo); code != ExitOk)
        return code;
    if (day != *target) {
        if (const int code = apply(context, TodoOperation::insert(*target, todo, -1, {}, now()));
            code != ExitOk)
            return code;
        if (const int code = apply(context, TodoOperation::remove(day, todo.id, now())); code != ExitOk)
            return code;
    }
    return report(context, *target, todo.id, tr("moved"));
}
