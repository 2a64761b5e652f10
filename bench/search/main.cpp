// SPDX-License-Identifier: MIT
// dayboard-searchbench: the search of the app (SearchIndex + SearchModel, as the search panel
// uses them) over a history of 3 years x 20 todos a day. For each keystroke of a sequence of typed
// queries it measures the time from the keystroke (SearchModel::setQuery) to the first results
// (resultsReady), and the GUI thread's own time for it: setQuery (snapshot + hand-off) plus
// taking the rows in (model reset). Prints median and p95 against the 50 ms target, plus the
// cost of building the index and of updating one day. bench/RESULTS.md, "Search".
#include "history.h"
#include "samples.h"
#include "ui/searchindex.h"
#include "ui/searchmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void printRow(const char *what, const Samples &samples)
{
    std::printf("%-44s median %8.3f ms   p95 %8.3f ms   max %8.3f ms   (n=%lld)\n", what, samples.median(),
                samples.percentile(95), samples.max(), static_cast<long long>(samples.count()));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser options;
    options.setApplicationDescription(u"Search over a planner history: keystroke to first results."_s);
    options.addHelpOption();
    options.addOption({ u"days"_s, u"Days of history (default 1095: 3 years)."_s, u"n"_s, u"1095"_s });
    options.addOption({ u"per-day"_s, u"Todos a day (default 20)."_s, u"n"_s, u"20"_s });
    options.addOption(
        { u"rounds"_s, u"Times the typed queries are repeated (default 3)."_s, u"n"_s, u"3"_s });
    options.process(app);
    const int days = options.value(u"days"_s).toInt();
    const int perDay = options.value(u"per-day"_s).toInt();
    const int rounds = options.value(u"rounds"_s).toInt();

    const QMap<QDate, TodoList> history = makeHistory(QDate(2026, 12, 7), days, perDay);
    SearchIndex index;
    QElapsedTimer timer;
    timer.start();
    index.setAll(history);
    const double buildMs = msSince(timer);

    SearchModel model;
    model.setIndex(&index);

    Samples firstResults, guiTime, rows;
    double guiInApply = 0;
    QElapsedTimer applyTimer;
    QObject::connect(&model, &SearchModel::modelAboutToBeReset, [&] { applyTimer.start(); });
    QObject::connect(&model, &SearchModel::modelReset, [&] { guiInApply = msSince(applyTimer); });
    const QStringList queries = typedQueries();
    for (int round = 0; round < rounds; ++round) {
        for (const QString &query : queries) {
            QEventLoop loop;
            double latency = -1;
            const auto connection
                = QObject::connect(&model, &SearchModel::resultsReady, &loop, [&](const QString &ready) {
                      if (ready == query) {
                          latency = msSince(timer);
                          loop.quit();
                      }
                  });
            guiInApply = 0;
            timer.start();
            model.setQuery(query);
            const double inSetQuery = msSince(timer);
            if (latency < 0)
                loop.exec();
            QObject::disconnect(connection);
            firstResults.add(latency);
            guiTime.add(inSetQuery + guiInApply);
            rows.add(model.rowCount());
        }
        model.setQuery({});
    }

    // An update of one day (a notification, an edit) while the index is in use.
    Samples update;
    const QList<QDate> dayList = history.keys();
    for (int i = 0; i < 200; ++i) {
        const QDate day = dayList.at((i * 37) % dayList.size());
        timer.start();
        index.setDay(day, history.value(day));
        update.add(msSince(timer));
    }

    int withNotes = 0;
    for (const TodoList &todos : history) {
        for (const Todo &todo : todos)
            withNotes += todo.notes.isEmpty() ? 0 : 1;
    }
    std::printf("history: %d days x %d todos = %d todos (%d with notes); search thread: 1; cores: %d\n", days,
                perDay, index.todoCount(), withNotes, QThread::idealThreadCount());
    std::printf("index built from the history: %.1f ms (once per connection, on the GUI thread)\n", buildMs);
    std::printf(
        "typed queries: %lld keystrokes x %d round(s); results per keystroke: median %.0f, max %.0f\n",
        static_cast<long long>(queries.size()), rounds, rows.median(), rows.max());
    printRow("keystroke -> first results", firstResults);
    printRow("GUI-thread time per keystroke", guiTime);
    printRow("index update of one day (GUI thread)", update);
    const bool met = firstResults.percentile(95) <= 50 && guiTime.percentile(95) <= 50;
    std::printf("target: first results within 50 ms of a keystroke, GUI never blocked: %s\n",
                met ? "met (p95)" : "MISSED (p95)");
    return 0;
}
