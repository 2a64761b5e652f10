// SPDX-License-Identifier: MIT
#include "cli/commandtable.h"

#include "cli/clicontext.h"
#include "cli/exchangecommands.h"
#include "cli/exitcode.h"
#include "cli/todocommands.h"
#include "cli/watchcommand.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

const QList<CommandTable::Command> &CommandTable::commands()
{
    static const QList<Command> table {
        { u"add"_s, u"\"text\" [--day DAY] [--priority high] [--at 14:30]"_s,
          tr("Add a todo (to today by default)."), TodoCommands::addOptions, TodoCommands::add },
        { u"list"_s, u"[--day DAY | --from DAY --to DAY]"_s, tr("List the todos of a day or a range."),
          TodoCommands::listOptions, TodoCommands::list },
        { u"done"_s, u"ID"_s, tr("Mark a todo done."), TodoCommands::idOptions, TodoCommands::done },
        { u"edit"_s, u"ID \"text\""_s, tr("Change a todo's text."), TodoCommands::editOptions,
          TodoCommands::edit },
        { u"rm"_s, u"ID"_s, tr("Delete a todo."), TodoCommands::idOptions, TodoCommands::remove },
        { u"move"_s, u"ID --day DAY"_s, tr("Move a todo to another day."), TodoCommands::moveOptions,
          TodoCommands::move },
        { u"watch"_s, u"[--day DAY | --from DAY --to DAY]"_s,
          tr("Print every change to the days as it happens, until interrupted."), WatchCommand::options,
          WatchCommand::run },
        { u"export"_s, u"[--format json|ics|md] [--from DAY --to DAY] [-o FILE]"_s,
          tr("Export todos as JSON, iCalendar or a Markdown checklist."), ExchangeCommands::exportOptions,
          ExchangeCommands::exportDays },
        { u"import"_s, u"FILE.json|FILE.ics [--day DAY]"_s,
          tr("Import a JSON or iCalendar file, merging by id."), ExchangeCommands::importOptions,
          ExchangeCommands::importFile },
    };
    return table;
}

QString CommandTable::overview()
{
    QString text = tr("Usage: dayboard-cli COMMAND [options] [arguments]\n"
                      "Dayboard's todo lists from the command line: your own Dayboard (the running app, "
                      "else its data folder) or any Dayboard server.\n\nCommands:\n");
    for (const Command &command : commands())
        text += u"  %1 %2\n      %3\n"_s.arg(command.name, command.synopsis, command.summary);
    text
        += tr("\nOptions of every command:\n"
              "  --json              Print machine-readable JSON instead of text.\n"
              "  --server <url>      Use this Dayboard or HPKV server (default: $DAYBOARD_SERVER).\n"
              "  --key <key>         Its API key (default: $DAYBOARD_API_KEY, else the app's stored key).\n"
              "  --data-dir <dir>    The app's data folder (default: ~/.local/share/Dayboard).\n"
              "  --retries <n>       Write attempts when the day changes under an edit (default: 20).\n"
              "  --timeout <ms>      How long to wait for the server (default: 10000).\n"
              "  -h, --help          Help; \"dayboard-cli COMMAND --help\" for a command's options.\n"
              "  -v, --version       The version.\n"
              "\nDays: today, tomorrow, yesterday, a weekday (mon, fri: the next one), +N / -N days, 24.12., "
              "or 2026-12-24.\n"
              "IDs: a todo's id, the start of it (\"todo_\" may be left out) or of its last part.\n"
              "\nExit codes: 0 ok, 1 failed, 2 bad usage, 3 not found, 4 ambiguous id, 5 key refused, "
              "6 unreachable, 7 data folder in use, 8 conflict retried out, 9 bad file.\n");
    return text;
}

int CommandTable::run(const QStringList &arguments)
{
    // The command is the first argument that is neither an option nor a common option's value, so
    // `dayboard-cli --data-dir DIR list` works like `dayboard-cli list --data-dir DIR`.
    static const QStringList valueOptions { u"--server"_s, u"--key"_s, u"--data-dir"_s, u"--retries"_s,
                                            u"--timeout"_s };
    qsizetype at = 1;
    while (at < arguments.size() && arguments.at(at).startsWith(u'-') && arguments.at(at) != u"-h"
           && arguments.at(at) != u"--help" && arguments.at(at) != u"-v" && arguments.at(at) != u"--version")
        at += valueOptions.contains(arguments.at(at)) ? 2 : 1;
    const QString first = arguments.value(at);
    if (first == u"-h" || first == u"--help" || first == u"--help-all" || first == u"help") {
        print(stdout, overview());
        return ExitOk;
    }
    if (first == u"-v" || first == u"--version") {
        print(stdout, u"dayboard-cli %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    const auto command = std::find_if(commands().cbegin(), commands().cend(),
                                      [&](const Command &candidate) { return candidate.name == first; });
    if (command == commands().cend()) {
        print(stderr,
              first.isEmpty() ? overview()
                              : tr("dayboard-cli: unknown command \"%1\" (see --help)\n").arg(first));
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    CliContext::addCommonOptions(parser);
    command->options(parser);
    QStringList commandArguments = arguments;
    commandArguments.removeAt(
        at); // the command: QCommandLineParser sees `dayboard-cli [options] [arguments]`
    if (!parser.parse(commandArguments)) {
        print(stderr, u"dayboard-cli %1: %2\n"_s.arg(command->name, parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        QString help = parser.helpText();
        help.replace(u"Usage: "_s + arguments.first(), u"Usage: dayboard-cli "_s + command->name);
        print(stdout, help);
        return ExitOk;
    }
    CliContext context(parser);
    return command->run(context);
}
