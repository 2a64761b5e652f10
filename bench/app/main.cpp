// SPDX-License-Identifier: MIT
// dayboard-appbench: workload 8, the app's client path (bench/RESULTS-app.md).
//  (a) an edit made in one client process until it is in another client process's DayCache,
//      both with the app's own sync stack, against a dayboard-server on loopback;
//  (b) a day of N todos changed by a notification: DayModel's id diff vs a full model reset.
#include "benchserver.h"
#include "editlatencyround.h"
#include "editobserver.h"
#include "machineinfo.h"
#include "modelupdatebench.h"
#include "samples.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Options
{
    QString server;
    QList<BenchServer::Storage> storages;
    int rounds = 5;
    int edits = 300;
    int warmup = 20;
    int todos = 20;
    int modelTodos = 1000;
    int modelIterations = 100;
    bool latency = true;
    bool models = true;
};

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

QString spread(const Samples &samples, int decimals)
{
    return u"%1 (%2–%3)"_s.arg(samples.median(), 0, 'f', decimals)
        .arg(samples.min(), 0, 'f', decimals)
        .arg(samples.max(), 0, 'f', decimals);
}

int runObserver(const QCommandLineParser &parser)
{
    const QDate day = QDate::fromString(parser.value(u"day"_s), Qt::ISODate);
    EditObserver observer(day, parser.value(u"todo-id"_s), parser.value(u"queue-file"_s));
    observer.start({ QUrl(parser.value(u"url"_s)), parser.value(u"api-key"_s) });
    return QCoreApplication::exec();
}

/** Per-round p50/p99 of each stage (ms), for one storage. */
struct LatencyRows
{
    Samples seenP50, seenP99, savedP50, ackedP50;
};

bool measureLatency(const Options &options, BenchServer::Storage storage, LatencyRows *rows)
{
    BenchServer server(options.server, storage);
    QString error;
    if (!server.start(&error)) {
        print(u"error: "_s + error + u'\n');
        return false;
    }
    for (int round = 0; round < options.rounds; ++round) {
        QTemporaryDir workDir;
        EditLatencyRound::Config config;
        config.endpoint = { server.baseUrl(), BenchServer::apiKey };
        config.day = QDate(2030, 1, 1).addDays(round);
        config.todos = options.todos;
        config.edits = options.edits;
        config.warmup = options.warmup;
        config.workDir = workDir.path();
        config.observerProgram = QCoreApplication::applicationFilePath();
        EditLatencyRound latencyRound(config);
        if (!latencyRound.run(&error)) {
            print(u"error (%1, round %2): %3\n"_s.arg(BenchServer::storageName(storage))
                      .arg(round + 1)
                      .arg(error));
            return false;
        }
        Samples seen, saved, acked;
        for (const EditLatencyRound::Edit &edit : latencyRound.measured()) {
            seen.add(double(edit.seen - edit.submitted) / 1e6);
            saved.add(double(edit.saved - edit.submitted) / 1e6);
            acked.add(double(edit.acked - edit.submitted) / 1e6);
        }
        rows->seenP50.add(seen.median());
        rows->seenP99.add(seen.percentile(99));
        rows->savedP50.add(saved.median());
        rows->ackedP50.add(acked.median());
        print(u"  %1 round %2: p50 %3 ms, p99 %4 ms (%5 edits)\n"_s.arg(BenchServer::storageName(storage))
                  .arg(round + 1)
                  .arg(seen.median(), 0, 'f', 3)
                  .arg(seen.percentile(99), 0, 'f', 3)
                  .arg(seen.count()));
    }
    return true;
}

bool runLatency(const Options &options)
{
    print(u"\nWorkload 8 (a): an edit in client process A until it is in client process B's DayCache\n"
          u"(HpkvClient + MonitorClient + DayCache + SyncSession in both, dayboard-server on 127.0.0.1;\n"
          u"%1 todos in the day, %2 edits per round after %3 warm-up, one at a time; %4 rounds)\n"_s
              .arg(options.todos)
              .arg(options.edits)
              .arg(options.warmup)
              .arg(options.rounds));
    QList<std::pair<BenchServer::Storage, LatencyRows>> results;
    for (BenchServer::Storage storage : options.storages) {
        LatencyRows rows;
        if (!measureLatency(options, storage, &rows))
            return false;
        results.append({ storage, rows });
    }
    print(
        u"\n| server storage | p50 ms, median (min–max) of rounds | p99 ms, median (min–max) | "
        u"A: queue file written (in parallel), p50 ms | A: write acknowledged, p50 ms | target p50 ≤ 2 ms |\n"
        u"|---|---|---|---|---|---|\n"_s);
    for (const auto &[storage, rows] : std::as_const(results)) {
        print(u"| %1 | %2 | %3 | %4 | %5 | %6 |\n"_s.arg(
            BenchServer::storageName(storage), spread(rows.seenP50, 3), spread(rows.seenP99, 3),
            spread(rows.savedP50, 3), spread(rows.ackedP50, 3),
            rows.seenP50.median() <= 2.0 ? u"met"_s : u"missed"_s));
    }
    return true;
}

void runModels(const Options &options)
{
    print(
        u"\nWorkload 8 (b): a day of %1 todos changed by a notification: DayModel's id diff vs a full\n"
        u"model reset of the same rows (median µs of %2 updates per round; median (min–max) of %3 rounds)\n"_s
            .arg(options.modelTodos)
            .arg(options.modelIterations)
            .arg(options.rounds));
    const ModelUpdateBench bench(options.modelTodos, options.modelIterations);
    print(u"\n| update | DayModel diff µs | reset µs | ratio | diff + TodoFilterModel µs | "
          u"reset + proxy µs | ratio | whole notification, diff + proxy µs | whole notification, reset + "
          u"proxy µs |\n"
          u"|---|---|---|---|---|---|---|---|---|\n"_s);
    for (auto which : { ModelUpdateBench::Case::OneChanged, ModelUpdateBench::Case::MoveLastToFirst,
                        ModelUpdateBench::Case::MoveFirstToLast }) {
        Samples diff, reset, diffProxy, resetProxy, notifyDiff, notifyReset;
        for (int round = 0; round < options.rounds; ++round) {
            const ModelUpdateBench::Round r = bench.run(which);
            diff.add(r.diff);
            reset.add(r.reset);
            diffProxy.add(r.diffProxy);
            resetProxy.add(r.resetProxy);
            notifyDiff.add(r.notifyDiffProxy);
            notifyReset.add(r.notifyResetProxy);
        }
        print(u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n"_s.arg(
            ModelUpdateBench::caseName(which), spread(diff, 1), spread(reset, 1),
            QString::number(diff.median() / reset.median(), 'f', 2), spread(diffProxy, 1),
            spread(resetProxy, 1), QString::number(diffProxy.median() / resetProxy.median(), 'f', 2),
            spread(notifyDiff, 0), spread(notifyReset, 0)));
    }
}

bool parseOptions(const QCommandLineParser &parser, Options *options, QString *error)
{
    const auto number = [&](const QString &name, int *value, int minimum) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        *value = parser.value(name).toInt(&ok);
        if (!ok || *value < minimum)
            *error = u"--%1 wants a number ≥ %2"_s.arg(name).arg(minimum);
        return ok && *value >= minimum;
    };
    options->server = parser.value(u"server"_s);
    const QString only = parser.value(u"only"_s);
    options->latency = only.isEmpty() || only == "latency"_L1;
    options->models = only.isEmpty() || only == "models"_L1;
    for (const QString &name : parser.value(u"storage"_s).split(u',', Qt::SkipEmptyParts)) {
        if (name == "memory"_L1)
            options->storages << BenchServer::Storage::Memory;
        else if (name == "sqlite"_L1)
            options->storages << BenchServer::Storage::Sqlite;
        else
            *error = u"--storage: memory, sqlite or both (memory,sqlite)"_s;
    }
    if (options->latency && options->server.isEmpty())
        *error = u"--server <path of dayboard-server> is needed"_s;
    return error->isEmpty() && number(u"rounds"_s, &options->rounds, 1)
        && number(u"edits"_s, &options->edits, 1) && number(u"warmup"_s, &options->warmup, 0)
        && number(u"todos"_s, &options->todos, 1) && number(u"model-todos"_s, &options->modelTodos, 2)
        && number(u"model-iterations"_s, &options->modelIterations, 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The sync log's connect/disconnect lines are not the benchmark's output.
    QLoggingCategory::setFilterRules(u"dayboard.client.sync.info=false"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Workload 8: the app's client path (bench/RESULTS-app.md)."_s);
    parser.addHelpOption();
    parser.addOptions({
        { u"server"_s, u"The dayboard-server executable."_s, u"path"_s },
        { u"storage"_s, u"Server storages to measure: memory,sqlite (default both)."_s, u"list"_s,
          u"memory,sqlite"_s },
        { u"rounds"_s, u"Rounds of each measurement (default 5)."_s, u"n"_s },
        { u"edits"_s, u"(a) Measured edits per round (default 300)."_s, u"n"_s },
        { u"warmup"_s, u"(a) Edits before measuring, per round (default 20)."_s, u"n"_s },
        { u"todos"_s, u"(a) Todos in the edited day (default 20)."_s, u"n"_s },
        { u"model-todos"_s, u"(b) Todos in the day (default 1000)."_s, u"n"_s },
        { u"model-iterations"_s, u"(b) Updates per round (default 100)."_s, u"n"_s },
        { u"only"_s, u"latency or models."_s, u"part"_s },
        { u"observe"_s, u"Internal: run as the observer process of (a)."_s },
        { u"url"_s, u"Internal (observer): server base URL."_s, u"url"_s },
        { u"api-key"_s, u"Internal (observer): API key."_s, u"key"_s },
        { u"day"_s, u"Internal (observer): the day, yyyy-MM-dd."_s, u"day"_s },
        { u"todo-id"_s, u"Internal (observer): the todo to watch."_s, u"id"_s },
        { u"queue-file"_s, u"Internal (observer): its pending queue file."_s, u"file"_s },
    });
    parser.process(app);
    if (parser.isSet(u"observe"_s))
        return runObserver(parser);

    Options options;
    QString error;
    if (!parseOptions(parser, &options, &error)) {
        std::fprintf(stderr, "dayboard-appbench: %s\n", qPrintable(error));
        return 2;
    }
    print(u"dayboard-appbench %1\n%2\n"_s.arg(QCoreApplication::arguments().join(u' '),
                                              MachineInfo::describe()));
    if (options.latency && !runLatency(options))
        return 1;
    if (options.models)
        runModels(options);
    print(u"\nload average at the end: %1\n"_s.arg(MachineInfo::loadAverage()));
    return 0;
}
