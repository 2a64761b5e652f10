// SPDX-License-Identifier: MIT
#include "cli/exchangecommands.h"

#include "cli/clicontext.h"
#include "cli/exitcode.h"
#include "exchange/exchangeformat.h"
#include "exchange/importplan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {
int printSummary(CliContext &context, const ImportPlan &plan)
{
    using Outcome = ImportPlan::Entry::Outcome;
    QJsonArray entries;
    for (const ImportPlan::Entry &entry : plan.summary()) {
        const QString day = entry.day.isValid() ? entry.day.toString(Qt::ISODate) : QString();
        if (context.out().isJson()) {
            entries.append(QJsonObject { { u"outcome"_s, ImportPlan::outcomeName(entry.outcome) },
                                         { u"id"_s, entry.todoId },
                                         { u"text"_s, entry.text },
                                         { u"day"_s, day },
                                         { u"line"_s, entry.line },
                                         { u"reason"_s, entry.reason } });
            continue;
        }
        QString line = ImportPlan::outcomeName(entry.outcome) + u' '
            + (day.isEmpty() ? QCoreApplication::translate("ExchangeCommands", "line %1").arg(entry.line)
                             : day)
            + u"  "_s + entry.text;
        if (!entry.reason.isEmpty())
            line += u" — "_s + entry.reason;
        context.out().line(line);
    }
    const int added = plan.count(Outcome::Added);
    const int updated = plan.count(Outcome::Updated);
    const int skipped = plan.count(Outcome::Skipped);
    if (context.out().isJson())
        context.out().json(QJsonObject { { u"added"_s, added },
                                         { u"updated"_s, updated },
                                         { u"skipped"_s, skipped },
                                         { u"entries"_s, entries } });
    else
        context.out().line(
            QCoreApplication::translate("ExchangeCommands", "%1 added, %2 updated, %3 skipped.")
                .arg(added)
                .arg(updated)
                .arg(skipped));
    return ExitOk;
}
} // namespace

void ExchangeCommands::exportOptions(QCommandLineParser &parser)
{
    parser.addOption({ u"format"_s,
                       tr("json (default; re-importable), ics or md; by default from -o's suffix."),
                       u"format"_s });
    parser.addOption({ u"from"_s, tr("The first day (default: every day)."), u"day"_s });
    parser.addOption({ u"to"_s, tr("The last day (default: every day from --from on)."), u"day"_s });
    parser.addOption({ { u"o"_s, u"output"_s }, tr("Write to <file> (default: stdout)."), u"file"_s });
}

int ExchangeCommands::exportDays(CliContext &context)
{
    const QString file = context.parser().value(u"output"_s);
    ExchangeFormat::Format format = ExchangeFormat::forPath(file, ExchangeFormat::Format::Json);
    if (context.parser().isSet(u"format"_s)) {
        const auto named = ExchangeFormat::fromName(context.parser().value(u"format"_s));
        if (!named)
            return context.out().error(ExitUsage, tr("--format: json, ics or md."));
        format = *named;
    }
    const auto from = context.day(u"from"_s, {});
    const auto to = from ? context.day(u"to"_s, {}) : std::nullopt;
    if (!from || !to)
        return ExitUsage;
    if (const int code = context.connect(); code != ExitOk)
        return code;
    DayLists days;
    QString error;
    if (const int code = context.store().readRange(*from, *to, &days, &error); code != ExitOk)
        return context.out().error(code, error);
    const QByteArray data = ExchangeFormat::write(format, days);
    if (file.isEmpty() || file == u"-") {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(data) != data.size())
            return context.out().error(ExitFailed, out.errorString());
        return ExitOk;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return context.out().error(ExitFailed, tr("Cannot write %1: %2").arg(file, out.errorString()));
    int todos = 0;
    for (const TodoList &list : std::as_const(days))
        todos += int(list.size());
    if (context.out().isJson())
        context.out().json(QJsonObject { { u"file"_s, QDir(file).absolutePath() },
                                         { u"days"_s, int(days.size()) },
                                         { u"todos"_s, todos } });
    else
        context.out().line(tr("Wrote %1 todos of %2 days to %3.").arg(todos).arg(days.size()).arg(file));
    return ExitOk;
}

void ExchangeCommands::importOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"file"_s,
                                 tr("A .json file (as export writes it) or an iCalendar .ics file."));
    parser.addOption({ u"day"_s, tr("Where todos without a date go (default: today)."), u"day"_s });
}

int ExchangeCommands::importFile(CliContext &context)
{
    const auto path = context.argument(0, tr("the file to import"));
    const auto undated = context.day(u"day"_s, QDate::currentDate());
    if (!path || !undated)
        return ExitUsage;
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return context.out().error(ExitBadFile, tr("Cannot read %1: %2").arg(*path, file.errorString()));
    const ImportDocument document = ExchangeFormat::read(*path, file.readAll());
    if (!document.ok()) {
        const QString where = document.errorLine > 0 ? u"%1:%2"_s.arg(*path).arg(document.errorLine) : *path;
        return context.out().error(ExitBadFile,
                                   tr("%1: %2 (nothing was imported)").arg(where, document.error));
    }
    if (const int code = context.connect(); code != ExitOk)
        return code;
    // Every day, so a todo moved to another day since the file was written is found there.
    DayLists existing;
    QString error;
    if (const int code = context.store().readRange({}, {}, &existing, &error); code != ExitOk)
        return context.out().error(code, error);
    const ImportPlan plan = ImportPlan::make(document, existing, *undated);
    for (const QDate &day : plan.days()) {
        const int code = context.store().update(
            day, [&](const TodoList &todos) -> std::optional<TodoList> { return plan.applyTo(day, todos); },
            &error);
        if (code != ExitOk)
            return context.out().error(code, error);
    }
    return printSummary(context, plan);
}
